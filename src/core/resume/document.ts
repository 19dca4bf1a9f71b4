/**
 * Assembles a ResumeDocument from extracted text: normalises it and adds the structure scoring reads
 * (sections, dated roles). Every ingestion path (PDF, DOCX, plain text, Lever parsedData) ends here so
 * that the same file always yields the same document.
 */
import type { HiddenTextFinding, ResumeDocument, ResumeSource, ResumeStatus } from "./model"
import { extractRoles } from "./roles"
import { detectSections } from "./sections"
import { normaliseText } from "./text"

export interface ExtractedText {
  status: ResumeStatus
  source: ResumeSource
  text: string
  hidden?: HiddenTextFinding[]
  pages?: number
  statusMessage?: string
  contentHash?: string
}

export function buildResumeDocument(input: ExtractedText, now: Date = new Date()): ResumeDocument {
  const text = normaliseText(input.text)
  let status = input.status
  let statusMessage = input.statusMessage
  if (status === "ok" && text.replace(/\s/g, "").length === 0) {
    status = "empty"
    statusMessage = "The file was read but contains no text."
  }
  const doc: ResumeDocument = {
    status,
    source: input.source,
    text,
    hidden: input.hidden ?? [],
    ...(input.pages !== undefined ? { pages: input.pages } : {}),
    ...(statusMessage ? { statusMessage } : {}),
    ...(input.contentHash ? { contentHash: input.contentHash } : {})
  }
  if (status === "ok") {
    const sections = detectSections(text)
    doc.sections = sections
    doc.roles = extractRoles(text, sections, now)
  } else {
    doc.sections = []
    doc.roles = []
  }
  return doc
}

/** A document for a file that could not be read at all. */
export function failedDocument(source: ResumeSource, status: Exclude<ResumeStatus, "ok">, statusMessage: string, contentHash?: string): ResumeDocument {
  return { status, source, text: "", hidden: [], statusMessage, sections: [], roles: [], ...(contentHash ? { contentHash } : {}) }
}
