/** What ingestion produces from a resume file and what scoring reads. Pure data, serialisable to IndexedDB. */
export type ResumeStatus =
  | "ok"
  | "no_text_layer" // image-only (scanned) PDF
  | "unreadable" // corrupt or not what its extension says
  | "protected" // password-protected
  | "too_large" // over the size or page limit
  | "unsupported" // a format we cannot read (e.g. legacy .doc) and no fallback
  | "empty" // readable, but no text

export type ResumeSource = "pdf" | "docx" | "text" | "lever_parsed"

export interface HiddenTextFinding {
  reason: "white_text" | "tiny_text" | "off_page" | "invisible_render_mode"
  excerpt: string
}

export interface DatedRole {
  title: string
  organisation?: string
  /** Months since year 0 (year * 12 + month - 1), inclusive; end null = present. */
  startMonth: number
  endMonth: number | null
  /** The line(s) of the resume that describe the role, for evidence and per-skill years. */
  text: string
}

export type SectionKind = "summary" | "experience" | "education" | "skills" | "certifications" | "projects" | "languages" | "other"

export interface ResumeSection {
  kind: SectionKind
  heading: string
  /** Character offsets into ResumeDocument.text. */
  start: number
  end: number
}

export interface ResumeDocument {
  status: ResumeStatus
  source: ResumeSource
  /** Visible text in reading order — the only text scoring and evidence may use. */
  text: string
  /** Text drawn invisibly (white, tiny, off-page): excluded from `text`, reported as a flag. */
  hidden: HiddenTextFinding[]
  pages?: number
  /** Human-readable reason for a non-ok status ("This PDF has no text layer (scanned image)."). */
  statusMessage?: string
  sections?: ResumeSection[]
  roles?: DatedRole[]
  /** SHA-256 of the file bytes (hex), the ingestion cache key. */
  contentHash?: string
}
