/**
 * What a file really is, from its first bytes (magic numbers) with the name and MIME type as hints:
 * an upload called resume.pdf may be a Word file, and Lever often reports application/octet-stream.
 */

export type FileKind = "pdf" | "docx" | "doc" | "rtf" | "text" | "zip" | "image" | "unknown"

const startsWith = (bytes: Uint8Array, sig: number[], offset = 0) => sig.every((b, i) => bytes[offset + i] === b)

export function sniffKind(bytes: Uint8Array, meta: { fileName?: string; mimeType?: string } = {}): FileKind {
  const name = (meta.fileName ?? "").toLowerCase()
  const mime = (meta.mimeType ?? "").toLowerCase()
  // "%PDF" may be preceded by junk (some generators prepend bytes); readers accept it within 1 KB.
  const head = bytes.subarray(0, 1024)
  for (let i = 0; i + 4 <= head.length; i++) if (startsWith(head, [0x25, 0x50, 0x44, 0x46], i)) return "pdf"
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (name.endsWith(".docx") || mime.includes("wordprocessingml")) return "docx"
    return containsAscii(bytes, "word/document") || containsAscii(bytes, "[Content_Types].xml") ? "docx" : "zip"
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "doc"
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return "rtf"
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return "image"
  if (name.endsWith(".pdf") || mime === "application/pdf") return "pdf" // damaged PDF: let pdf.js say so
  if (name.endsWith(".docx")) return "docx"
  if (name.endsWith(".doc") || mime === "application/msword") return "doc"
  return "unknown"
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const codes = [...needle].map((c) => c.charCodeAt(0))
  const limit = Math.min(bytes.length, 64 * 1024) - codes.length
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < codes.length; j++) if (bytes[i + j] !== codes[j]) continue outer
    return true
  }
  return false
}
