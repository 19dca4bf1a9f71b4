/**
 * Plain-text resumes: decode UTF-8 (with or without BOM), UTF-16 with a BOM, or fall back to
 * Windows-1252 when the bytes are not valid UTF-8 — the usual encodings of a .txt upload.
 */

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2))
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2))
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return decodeWindows1252(bytes)
  }
}

// 0x80–0x9F of Windows-1252 (Node's TextDecoder treats the label as ISO-8859-1 and yields C1 controls).
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ"

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ""
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)
  return out
}

/** True when the bytes look like text rather than an unknown binary format. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096)
  if (sample.length === 0) return true
  if (sample.length >= 2 && ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff))) return true
  let control = 0
  for (const b of sample) {
    if (b === 0) return false
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++
  }
  return control / sample.length < 0.02
}
