/**
 * Lever's own parse of a resume (`parsedData` on GET /opportunities/:id/resumes) as a fallback document,
 * for when the file is missing (profile imported from LinkedIn), unsupported (legacy .doc) or the
 * download answers 422. Positions become dated roles and schools an education section; the text is
 * written in the same shape as an extracted resume so scoring and evidence work unchanged.
 *
 * The input is untrusted JSON: every field is checked, and anything malformed is skipped, not thrown.
 */
import { buildResumeDocument } from "./document"
import { formatMonth, monthIndex, monthOf } from "./dates"
import type { DatedRole, ResumeDocument } from "./model"

export interface LeverDate {
  year?: number | null
  month?: number | null
}

export interface LeverPosition {
  org?: string | null
  title?: string | null
  summary?: string | null
  location?: string | null
  start?: LeverDate | null
  end?: LeverDate | null
}

export interface LeverSchool {
  org?: string | null
  degree?: string | null
  field?: string | null
  summary?: string | null
  start?: LeverDate | null
  end?: LeverDate | null
}

export interface LeverParsedData {
  positions?: LeverPosition[] | null
  schools?: LeverSchool[] | null
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

function str(v: unknown): string {
  return typeof v === "string" ? v.replace(/\s+/g, " ").trim() : ""
}

function multiline(v: unknown): string {
  return typeof v === "string" ? v.replace(/\r\n?/g, "\n").replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n").trim() : ""
}

function validYear(y: unknown): y is number {
  return typeof y === "number" && Number.isInteger(y) && y >= 1900 && y <= 2200
}

function validMonth(m: unknown): m is number {
  return typeof m === "number" && Number.isInteger(m) && m >= 1 && m <= 12
}

function dateLabel(d: LeverDate | null | undefined): string {
  if (!d || !validYear(d.year)) return ""
  return validMonth(d.month) ? `${MONTH_NAMES[d.month - 1]} ${d.year}` : String(d.year)
}

/** Same conventions as parseDateRange: a bare year starts in July and ends in June. */
function startMonthOf(d: LeverDate | null | undefined): number | null {
  if (!d || !validYear(d.year)) return null
  return monthIndex(d.year, validMonth(d.month) ? d.month : 7)
}

function endMonthOf(d: LeverDate | null | undefined): number | null {
  if (!d || !validYear(d.year)) return null
  return monthIndex(d.year, validMonth(d.month) ? d.month : 6)
}

export function fromLeverParsedData(parsedData: unknown, now: Date = new Date()): ResumeDocument {
  const data = (parsedData && typeof parsedData === "object" ? parsedData : {}) as LeverParsedData
  const positions = Array.isArray(data.positions) ? data.positions.filter((p) => p && typeof p === "object") : []
  const schools = Array.isArray(data.schools) ? data.schools.filter((s) => s && typeof s === "object") : []

  const blocks: string[] = []
  const roleDrafts: Omit<DatedRole, "text">[] = []
  const roleTexts: string[] = []
  if (positions.length > 0) {
    const entries: string[] = []
    for (const p of positions) {
      const title = str(p.title)
      const org = str(p.org)
      if (!title && !org) continue
      const header = [title, org].filter(Boolean).join(" — ") + (str(p.location) ? `, ${str(p.location)}` : "")
      const from = dateLabel(p.start)
      const hasEnd = !!p.end && validYear(p.end.year)
      const to = hasEnd ? dateLabel(p.end) : from ? "Present" : ""
      const lines = [header]
      if (from) lines.push(`${from} – ${to}`)
      const summary = multiline(p.summary)
      if (summary) lines.push(summary)
      const entry = lines.join("\n")
      entries.push(entry)
      const start = startMonthOf(p.start)
      if (start !== null) {
        let end = hasEnd ? endMonthOf(p.end) : null
        if (end !== null && end < start) end = start
        if (start <= monthOf(now) + 12) {
          roleDrafts.push({ title: title || org, ...(org && title ? { organisation: org } : {}), startMonth: start, endMonth: end })
          roleTexts.push(entry)
        }
      }
    }
    if (entries.length > 0) blocks.push(`EXPERIENCE\n${entries.join("\n\n")}`)
  }
  if (schools.length > 0) {
    const entries: string[] = []
    for (const s of schools) {
      const degree = [str(s.degree), str(s.field)].filter(Boolean).join(", ")
      const org = str(s.org)
      if (!degree && !org) continue
      const from = dateLabel(s.start)
      const to = dateLabel(s.end)
      const dates = from && to ? `${from} – ${to}` : to || from
      const lines = [[degree, org].filter(Boolean).join(" — ") + (dates ? `, ${dates}` : "")]
      const summary = multiline(s.summary)
      if (summary) lines.push(summary)
      entries.push(lines.join("\n"))
    }
    if (entries.length > 0) blocks.push(`EDUCATION\n${entries.join("\n\n")}`)
  }

  const text = blocks.join("\n\n")
  if (text.length === 0) {
    return {
      status: "empty",
      source: "lever_parsed",
      text: "",
      hidden: [],
      statusMessage: "Lever has no parsed positions or schools for this resume.",
      sections: [],
      roles: []
    }
  }
  const doc = buildResumeDocument({ status: "ok", source: "lever_parsed", text, hidden: [] }, now)
  // Lever gave the dates as data: use them rather than re-reading them from the text we wrote.
  doc.roles = roleDrafts.map((r, i) => ({ ...r, text: roleTexts[i] }))
  return doc
}

/** For logs and tests: "2019-03 – present". */
export function describeRole(role: DatedRole): string {
  return `${formatMonth(role.startMonth)} – ${role.endMonth === null ? "present" : formatMonth(role.endMonth)}`
}

/** File statuses for which Lever's own parse is a better source than nothing. */
const FALLBACK_STATUSES = new Set(["unsupported", "unreadable", "empty", "no_text_layer"])

/**
 * The document to score: the file's own when it was read, otherwise Lever's parsedData when that has
 * content (file missing, legacy .doc, a 422 from the download, a scan). A file that is protected or too
 * large is kept as it is: those need a person, and a partial profile would hide that. The fallback says
 * why it was used, so the recruiter knows the score rests on Lever's parse.
 */
export function withLeverFallback(fileDoc: ResumeDocument | null, parsedData: unknown, now: Date = new Date()): ResumeDocument {
  if (fileDoc && (fileDoc.status === "ok" || !FALLBACK_STATUSES.has(fileDoc.status))) return fileDoc
  const fallback = fromLeverParsedData(parsedData, now)
  if (fallback.status !== "ok") return fileDoc ?? fallback
  const reason = fileDoc ? `the file could not be used (${fileDoc.status})` : "no resume file was available"
  return {
    ...fallback,
    statusMessage: `Built from Lever's parsed profile because ${reason}.`,
    ...(fileDoc?.contentHash ? { contentHash: fileDoc.contentHash } : {})
  }
}
