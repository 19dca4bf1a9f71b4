/**
 * Text normalisation shared by every ingestion path: one newline convention, no control characters or
 * zero-width marks (which hide keywords from a reader but not from a matcher), unified bullets and
 * spaces, at most one blank line in a row. Deterministic, so equal inputs give equal text.
 */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g
// Control characters except tab and newline.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]+/g
const PRIVATE_BULLETS = /[\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf06e\uf0a8\uf09f]/g

export function normaliseText(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(ZERO_WIDTH, "")
    .replace(CONTROL, "")
    .replace(PRIVATE_BULLETS, "•")
    .replace(ODD_SPACES, " ")
    .replace(/ {2,}/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
}
