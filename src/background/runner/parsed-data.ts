/**
 * Lever's own parse of a resume (`parsedData`: positions and schools) as a ResumeDocument, for when
 * there is no readable file (no file, an unsupported format, a 422). Written as a small resume
 * (Experience, Education, dated lines) so the same section and role detection as for files applies.
 * Pure: no browser API.
 */
import { buildResumeDocument } from "../../core/resume/document"
import type { ResumeDocument } from "../../core/resume/model"

interface YearMonth {
  year?: number | null
  month?: number | null
}

interface ParsedPosition {
  org?: string | null
  title?: string | null
  summary?: string | null
  location?: string | null
  start?: YearMonth | null
  end?: YearMonth | null
}

interface ParsedSchool {
  org?: string | null
  degree?: string | null
  field?: string | null
  summary?: string | null
  start?: YearMonth | null
  end?: YearMonth | null
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

function formatDate(date: YearMonth | null | undefined): string | null {
  if (!date || typeof date.year !== "number") return null
  const month = typeof date.month === "number" && date.month >= 1 && date.month <= 12 ? `${MONTHS[date.month - 1]} ` : ""
  return `${month}${date.year}`
}

function clean(value: unknown): string {
  return typeof value === "string" ? value.replace(/\s+/g, " ").trim() : ""
}

export function fromLeverParsedData(parsedData: unknown, now: number): ResumeDocument {
  const data = (parsedData && typeof parsedData === "object" ? parsedData : {}) as { positions?: unknown; schools?: unknown }
  const positions = (Array.isArray(data.positions) ? data.positions : []) as ParsedPosition[]
  const schools = (Array.isArray(data.schools) ? data.schools : []) as ParsedSchool[]
  const experience: string[] = []
  for (const p of positions) {
    const start = formatDate(p.start)
    const end = p.end === null ? "Present" : formatDate(p.end)
    const heading = [clean(p.title), clean(p.org)].filter(Boolean).join(", ")
    const entry = [heading ? `${heading}${start ? ` (${start} – ${end ?? "Present"})` : ""}` : "", clean(p.location), clean(p.summary)].filter(Boolean)
    if (entry.length) experience.push(...entry, "")
  }
  const education: string[] = []
  for (const s of schools) {
    const degree = [clean(s.degree), clean(s.field)].filter(Boolean).join(", ")
    const years = [formatDate(s.start), formatDate(s.end)].filter(Boolean).join(" – ")
    const line = [degree, clean(s.org)].filter(Boolean).join(" — ")
    if (line) education.push([line, years].filter(Boolean).join(" — "))
    if (clean(s.summary)) education.push(clean(s.summary))
  }
  // Headings only over real entries: a parse with nothing in it is an empty document.
  const lines = [...(experience.length ? ["Experience", ...experience] : []), ...(education.length ? ["Education", ...education] : [])]
  return buildResumeDocument(
    {
      status: "ok",
      source: "lever_parsed",
      text: lines.join("\n"),
      hidden: [],
      statusMessage: undefined
    },
    new Date(now)
  )
}
