/**
 * The per-resume structure the local engine matches against, built once per resume: lines with their
 * section, folded and lower-cased forms, word stems, and dated roles with the lines they span.
 */
import { findDateRanges } from "../resume/dates"
import { detectSections } from "../resume/sections"
import { extractRoles } from "../resume/roles"
import type { DatedRole, ResumeDocument, SectionKind } from "../resume/model"
import { foldKeepCase, normalizeForMatch, stem } from "../vocabulary"

export type LineSection = SectionKind | "header"

export interface IndexedLine {
  /** The line exactly as in resume.text (trimmed), usable as evidence. */
  text: string
  folded: string
  lower: string
  /** Word stems, computed on first use (most requirements never need them). */
  readonly stems: Set<string>
  /** Engine-side memo of derived properties (list-like, strong). */
  memo: { listLike?: boolean; strong?: boolean; prefixes?: Set<string> }
  section: LineSection
  /** Index into ResumeIndex.roles when the line belongs to a dated role. */
  role?: number
  bullet: boolean
  /** Offset of the untrimmed line in resume.text. */
  start: number
}

export interface IndexedRole extends DatedRole {
  firstLine: number
  lastLine: number
  /** Title plus organisation, lower-cased. */
  headerLower: string
  lower: string
  readonly stems: Set<string>
  /** Seasonal, volunteer or very short roles: not professional tenure. */
  marginal: boolean
  /** Engine-side memo (header stems, joined text). */
  memo: { headerStems?: Set<string>; text?: string }
}

export interface ResumeIndex {
  lines: IndexedLine[]
  roles: IndexedRole[]
  hasSections: boolean
}

const BULLET = /^\s*(?:[•●○◦▪■►▶➢➤✓✔‣⁃∙·*]|[-–—](?=\s))/

export function wordStems(lower: string): Set<string> {
  const out = new Set<string>()
  for (const w of lower.match(/[a-z0-9][a-z0-9+#]*/g) ?? []) out.add(stem(w))
  return out
}

function lazyStems<T extends { lower: string }>(obj: T): T & { readonly stems: Set<string> } {
  let cached: Set<string> | undefined
  return Object.defineProperty(obj, "stems", {
    get: () => (cached ??= wordStems(obj.lower)),
    enumerable: true
  }) as T & { readonly stems: Set<string> }
}

export function indexResume(resume: ResumeDocument, now: Date): ResumeIndex {
  const text = resume.text
  const sections = resume.sections && resume.sections.length > 0 ? resume.sections : detectSections(text)
  let rolesRaw = resume.roles && resume.roles.length > 0 ? resume.roles : extractRoles(text, sections, now)
  if (rolesRaw.length === 0) rolesRaw = splitDateRoles(text, sections, now)
  const lines: IndexedLine[] = []
  let offset = 0
  // Normalised once for the whole text (the folds keep newlines), then split alongside the original.
  const rawLines = text.split("\n")
  const foldedLines = foldKeepCase(text).split("\n")
  const lowerLines = normalizeForMatch(text).split("\n")
  const aligned = foldedLines.length === rawLines.length && lowerLines.length === rawLines.length
  for (let li = 0; li < rawLines.length; li++) {
    const raw = rawLines[li]
    const start = offset
    offset += raw.length + 1
    const trimmed = raw.trim()
    if (!trimmed) continue
    const section = sections.find((s) => start >= s.start && start < Math.max(s.end, s.start + 1))
    const folded = aligned ? foldedLines[li].trim() : foldKeepCase(trimmed)
    const lower = aligned ? lowerLines[li].trim() : normalizeForMatch(trimmed)
    lines.push(lazyStems({ text: trimmed, folded, lower, section: section ? section.kind : "header", bullet: BULLET.test(trimmed), start, memo: {} }))
  }
  const roles: IndexedRole[] = []
  let searchFrom = 0
  for (const role of rolesRaw) {
    const at = text.indexOf(role.text, searchFrom)
    const startOffset = at >= 0 ? at : text.indexOf(role.text)
    if (startOffset < 0) continue
    searchFrom = startOffset + 1
    const endOffset = startOffset + role.text.length
    const idx = roles.length
    let firstLine = -1
    let lastLine = -1
    lines.forEach((line, i) => {
      if (line.start >= startOffset && line.start < endOffset) {
        if (firstLine < 0) firstLine = i
        lastLine = i
        if (line.role === undefined) line.role = idx
      }
    })
    if (firstLine < 0) continue
    const lower = normalizeForMatch(role.text)
    // The role's header line(s) as well as the parsed title: parsers miss titles on unusual layouts.
    let headerLines = role.text.split("\n").slice(0, 2).filter((l) => !BULLET.test(l)).join(" ")
    const above = lines[firstLine - 1]
    if (above && above.role === undefined && !above.bullet && above.text.length < 120 && above.section === lines[firstLine].section && findDateRanges(lines[firstLine].text, now).length > 0) {
      // The parser started the role at its date line; the title line just above belongs to it.
      headerLines = `${above.text} ${headerLines}`
    }
    const headerLower = normalizeForMatch(`${role.title} ${role.organisation ?? ""} ${headerLines}`)
    const nowMonth = now.getUTCFullYear() * 12 + now.getUTCMonth()
    const months = (role.endMonth ?? nowMonth) - role.startMonth + 1
    const marginal = months <= 3 || /\b(seasonal|volunteer\w*|temporary|temp|holiday (?:peak|season)|summer job)\b/.test(headerLower)
    roles.push(lazyStems({ ...role, firstLine, lastLine, headerLower, lower, marginal, memo: {} }))
  }
  return { lines, roles, hasSections: sections.length > 0 }
}

const DATE_START = /^((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d|(?:0?[1-9]|1[0-2])\/(?:19|20)\d\d|(?:19|20)\d\d)\s*[-–—]\s*(.*)$/i
const END_START = /^(present|current|now|today|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d|(?:0?[1-9]|1[0-2])\/(?:19|20)\d\d|(?:19|20)\d\d)\b\s*(.*)$/i

/**
 * Roles whose date range is split over two lines by a two-column layout ("June 2020 – Developer, Acme"
 * then "Present Working on …"): the role parser misses them, so they are read here as a fallback.
 */
export function splitDateRoles(text: string, sections: { kind: string; start: number; end: number }[], now: Date): DatedRole[] {
  const experience = sections.filter((sct) => sct.kind === "experience")
  const ranges = experience.length ? experience : [{ start: 0, end: text.length }]
  const roles: DatedRole[] = []
  for (const range of ranges) {
    const body = text.slice(range.start, range.end)
    const lines = body.split("\n")
    const headers: { line: number; startRaw: string; endRaw: string; title: string }[] = []
    for (let i = 0; i + 1 < lines.length; i++) {
      const start = DATE_START.exec(lines[i].trim())
      const end = start ? END_START.exec(lines[i + 1].trim()) : null
      if (start && end && start[2].length > 0) headers.push({ line: i, startRaw: start[1], endRaw: end[1], title: start[2] })
    }
    headers.forEach((h, k) => {
      const parsed = findDateRanges(`${h.startRaw} - ${h.endRaw}`, now)[0]
      if (!parsed) return
      const last = k + 1 < headers.length ? headers[k + 1].line : lines.length
      const roleText = lines.slice(h.line, last).join("\n").trim()
      const [title, organisation] = h.title.split(/,\s+|\s+[—–-]\s+/)
      roles.push({ title: title.trim(), ...(organisation ? { organisation: organisation.trim() } : {}), startMonth: parsed.startMonth, endMonth: parsed.ongoing ? null : parsed.endMonth, text: roleText })
    })
  }
  return roles
}
