/**
 * The ingestion pipeline shared by the Node and browser entry points: check the size, find out what
 * the bytes are, extract text with the right reader, and build the ResumeDocument. Every failure ends
 * in a status and a message a recruiter can act on ("needs manual review"), never an empty success.
 */
import { buildResumeDocument, failedDocument } from "~core/resume/document"
import type { ResumeDocument } from "~core/resume/model"
import { extractDocx } from "./docx"
import { extractPdf, type PdfjsModule } from "./pdf"
import { sniffKind } from "./sniff"
import { decodeText, looksLikeText } from "./text"

export interface IngestOptions {
  /** Largest file accepted, in bytes (default 10 MB). */
  maxBytes?: number
  /** Most PDF pages accepted (default 50). */
  maxPages?: number
  /** "Present" in date ranges (default: the current date). */
  now?: Date
}

export interface FileMeta {
  fileName?: string
  mimeType?: string
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024
export const DEFAULT_MAX_PAGES = 50

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as unknown as ArrayBuffer)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")
}

export async function ingestWith(pdfjs: PdfjsModule, bytes: Uint8Array, meta: FileMeta, opts: IngestOptions = {}): Promise<ResumeDocument> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES
  const now = opts.now ?? new Date()
  const kind = sniffKind(bytes, meta)
  const source = kind === "docx" ? "docx" : kind === "text" || kind === "unknown" ? "text" : "pdf"
  const contentHash = await sha256Hex(bytes)
  if (bytes.length > maxBytes) {
    return failedDocument(source, "too_large", `The file is ${formatBytes(bytes.length)}; the limit is ${formatBytes(maxBytes)}.`, contentHash)
  }
  if (bytes.length === 0) return failedDocument(source, "empty", "The file is empty (0 bytes).", contentHash)

  switch (kind) {
    case "pdf": {
      const pdf = await extractPdf(pdfjs, bytes, { maxPages })
      return buildResumeDocument({ ...pdf, source: "pdf", contentHash }, now)
    }
    case "docx": {
      try {
        const { text } = await extractDocx(bytes)
        return buildResumeDocument({ status: "ok", source: "docx", text, hidden: [], contentHash }, now)
      } catch (_error) {
        return failedDocument("docx", "unreadable", "This Word file could not be read: it is damaged or not a .docx file.", contentHash)
      }
    }
    case "doc":
      return failedDocument("text", "unsupported", "Legacy Word (.doc) files cannot be read; use the Lever profile data or ask for a PDF or .docx.", contentHash)
    case "rtf":
      return failedDocument("text", "unsupported", "RTF files are not supported; ask for a PDF or .docx.", contentHash)
    case "image":
      return failedDocument("text", "no_text_layer", "The resume is an image; it has no text to read and needs manual review or OCR.", contentHash)
    case "zip":
      return failedDocument("text", "unsupported", "This archive is not a Word document.", contentHash)
    default: {
      if (!looksLikeText(bytes)) {
        return failedDocument("text", "unsupported", "This file format is not supported (not PDF, .docx or plain text).", contentHash)
      }
      return buildResumeDocument({ status: "ok", source: "text", text: decodeText(bytes), hidden: [], contentHash }, now)
    }
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`
  if (n >= 1024) return `${Math.round(n / 1024)} KB`
  return `${n} bytes`
}
