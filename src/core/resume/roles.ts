/**
 * Dated roles: each line of an experience section that carries a date range opens a role; its title and
 * organisation come from that line or the header line(s) just above it, and its text runs to the next
 * role or the end of the section.
 */
import { findDateRanges } from "./dates"
import type { DatedRole, ResumeSection } from "./model"
import { headingKind, splitLines } from "./sections"

const TITLE_WORDS =
  /\b(?:engineer|developer|programmer|architect|manager|director|lead|head|chief|officer|vp|vice president|president|founder|co-founder|owner|partner|analyst|scientist|researcher|coordinator|supervisor|superintendent|foreman|associate|assistant|intern|trainee|apprentice|specialist|consultant|designer|accountant|auditor|controller|bookkeeper|clerk|administrator|technician|technologist|operator|nurse|physician|therapist|teacher|lecturer|professor|instructor|tutor|fellow|editor|writer|producer|representative|agent|advisor|adviser|planner|buyer|driver|handler|picker|packer|worker|crew|member|cashier|receptionist|secretary|executive|strategist|marketer|recruiter|generalist|paralegal|attorney|counsel|pharmacist|phlebotomist|medic|dispatcher|inspector|estimator|surveyor|chemist|biologist|statistician|epidemiologist|librarian|volunteer|student|postdoc|postdoctoral|graduate|mechanic|electrician|welder|carpenter|chef|cook|server|barista|steward|principal|staff|senior|junior|sr\.?|jr\.?)\b/i

/** Lines that never start a role even when dated: bullets that mention a year, education entries. */
const BULLET = /^\s*(?:[•●○◦▪■►▶➢➤✓✔‣⁃∙·*]|[-–—](?=\s))/

export function extractRoles(text: string, sections: ResumeSection[], now: Date = new Date()): DatedRole[] {
  const experience = sections.filter((s) => s.kind === "experience")
  const ranges: { start: number; end: number }[] =
    experience.length > 0
      ? experience.map((s) => ({ start: s.start, end: s.end }))
      : // No experience heading: every part of the resume outside education and credentials may hold roles.
        complement(text.length, sections.filter((s) => s.kind !== "summary" && s.kind !== "other" && s.kind !== "projects"))
  const roles: DatedRole[] = []
  for (const range of ranges) roles.push(...rolesIn(text, range.start, range.end, now, experience.length > 0))
  return roles
}

function complement(length: number, taken: ResumeSection[]): { start: number; end: number }[] {
  const sorted = [...taken].sort((a, b) => a.start - b.start)
  const out: { start: number; end: number }[] = []
  let cursor = 0
  for (const s of sorted) {
    if (s.start > cursor) out.push({ start: cursor, end: s.start })
    cursor = Math.max(cursor, s.end)
  }
  if (cursor < length) out.push({ start: cursor, end: length })
  return out
}

interface Header {
  lineIndex: number
  /** Lines above the dated line that belong to the role header (title / organisation). */
  headerFrom: number
  startMonth: number
  endMonth: number | null
  title: string
  organisation?: string
}

function rolesIn(text: string, from: number, to: number, now: Date, inExperienceSection: boolean): DatedRole[] {
  const lines = splitLines(text.slice(from, to)).map((l) => ({ ...l, start: l.start + from, end: l.end + from }))
  const headers: Header[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].text
    if (BULLET.test(line) || line.trim().length === 0) continue
    const ranges = findDateRanges(line, now)
    if (ranges.length === 0) continue
    const range = ranges[0]
    // A dated line is a role header when the date is most of it or sits at either end; inside prose
    // ("…migrated from 2019 to 2021 …") it is not.
    const rest = (line.slice(0, range.index) + " " + line.slice(range.index + range.matched.length)).trim()
    const atEdge = range.index <= 2 || range.index + range.matched.length >= line.trimEnd().length - 30
    if (!atEdge || rest.split(/\s+/).length > 16) continue
    if (!inExperienceSection && !TITLE_WORDS.test(rest) && !TITLE_WORDS.test(lines[i - 1]?.text ?? "")) continue
    const { title, organisation, headerFrom } = describe(lines, i, cleanRest(rest), headers[headers.length - 1]?.lineIndex ?? -1)
    headers.push({
      lineIndex: i,
      headerFrom,
      startMonth: range.startMonth,
      endMonth: range.ongoing ? null : range.endMonth,
      title,
      organisation
    })
  }
  const roles: DatedRole[] = []
  for (let h = 0; h < headers.length; h++) {
    const header = headers[h]
    if (NOT_A_ROLE.test(header.title)) continue
    const nextStart = h + 1 < headers.length ? headers[h + 1].headerFrom : lines.length
    const first = lines[header.headerFrom]
    const last = lines[Math.max(header.headerFrom, nextStart - 1)]
    const roleText = text.slice(first.start, last.end).trim()
    roles.push({
      title: header.title,
      ...(header.organisation ? { organisation: header.organisation } : {}),
      startMonth: header.startMonth,
      endMonth: header.endMonth,
      text: roleText
    })
  }
  return roles
}

function cleanRest(rest: string): string {
  return rest
    .replace(/\((?:[^)]*)\)\s*$/, "") // "(20 hours per week)", "(part-time)"
    .replace(/^[\s,|•·—–-]+|[\s,|•·—–:-]+$/g, "")
    .replace(/\s+/g, " ")
}

/** Separators between title, organisation and place, strongest first. */
const STRONG_SPLIT = /\s+(?:—|–|-|\||•|·|@|at)\s+|\s*\|\s*/
const SPLIT = /\s+(?:—|–|-|\||•|·|@|at)\s+|\s*\|\s*|,\s+/

/** Title and organisation from the dated line's remaining text and the header lines above it. */
function describe(
  lines: { text: string }[],
  index: number,
  rest: string,
  previousHeaderLine: number
): { title: string; organisation?: string; headerFrom: number } {
  const above: string[] = []
  let headerFrom = index
  // The dated line alone names title and organisation ("Owner, Halloran Web Studio — 2019 to present"):
  // nothing above belongs to it. Otherwise take up to two short lines directly above (one when the
  // dated line already names the title), never a heading or the previous role's bullets.
  const restParts = rest.split(SPLIT).filter((p) => p.trim().length > 0)
  const wanted = restParts.length >= 2 ? 0 : restParts.length === 1 ? 1 : 2
  for (let k = index - 1; k > previousHeaderLine && k >= index - wanted; k--) {
    const t = lines[k].text.trim()
    // A sentence ending in a full stop is the previous role's prose; "DEF Inc." or "Acme Co." is a name.
    const sentence = /;$/.test(t) || (/\.$/.test(t) && t.split(/\s+/).length > 5)
    if (t.length === 0 || BULLET.test(t) || t.length > 160 || sentence || headingKind(t) !== null) break
    above.unshift(t)
    headerFrom = k
  }
  // "Assistant Store Manager – Operations | Evergreen Home & Garden": when a pipe separates the parts,
  // dashes inside a part belong to it.
  const candidates = [...above, rest].filter((s) => s.length > 0)
  const strong = candidates.flatMap((c) => (c.includes("|") ? c.split(/\s*\|\s*/) : c.split(STRONG_SPLIT)).map((p) => p.trim()).filter((p) => p.length > 0))
  if (strong.length === 0) {
    // Title and organisation may sit on the line after the date ("Senior Engineer  2019–2021" / "Acme").
    const below = lines[index + 1]?.text.trim() ?? ""
    return { title: below && !BULLET.test(below) ? below : "", headerFrom }
  }
  const parts = strong.flatMap((p) => p.split(/,\s+/).map((q) => q.trim()).filter((q) => q.length > 0))
  const titlePart = strong.find((p) => TITLE_WORDS.test(p) && !p.includes(",")) ?? parts.find((p) => TITLE_WORDS.test(p))
  if (!titlePart) return { title: strong[0], organisation: parts.find((p) => p !== strong[0] && !isLocation(p)), headerFrom }
  let organisation = parts.find((p) => !titlePart.includes(p) && !TITLE_WORDS.test(p) && !isLocation(p) && !/^[a-z]/.test(p))
  if (!organisation) {
    const below = lines[index + 1]?.text.trim() ?? ""
    if (below && !BULLET.test(below) && below.length < 80 && findDateRanges(below).length === 0) {
      organisation = below.split(SPLIT)[0].trim() || undefined
    }
  }
  return { title: titlePart, organisation, headerFrom }
}

function isLocation(part: string): boolean {
  return /^(?:remote|hybrid|on[-\s]?site)$/i.test(part) || /^[A-Z]{2}$/.test(part) || /^[A-Z][\p{L} .'-]+,\s*[A-Z]{2}$/u.test(part)
}

/** Periods listed under experience that are not work: they neither add experience nor hold evidence. */
const NOT_A_ROLE = /^(?:career\s+break|sabbatical|gap\s+year|parental\s+leave|maternity\s+leave|paternity\s+leave|family\s+leave|travel(?:ling|ing)?|time\s+off|break)\b/i
