/**
 * Date ranges as resumes write them, turned into month numbers (year * 12 + month - 1) so experience can
 * be computed rather than read off a claim.
 *
 * Conventions (documented because they decide "years of experience"):
 * - Both ends are inclusive months: "Jan 2019 – Dec 2019" is 12 months.
 * - A bare year as the start of a range means July, as the end June: "2015–2018" is 36 months, the
 *   figure a recruiter reads off it, neither the 48 of "Jan 2015 – Dec 2018" nor the 25 of "Dec – Jan".
 *   A bare single year ("2021") is the whole year. When the bare-year convention would put the end before
 *   the start ("2020–2020", "2019 – Mar 2019") the range falls back to whole calendar months.
 * - Seasons: spring Mar–May, summer Jun–Aug, fall/autumn Sep–Nov, winter Jan–Feb.
 * - "Present", "current", "now", "today", "ongoing", "to date" mean the `now` passed in.
 */

export interface ParsedDateRange {
  startMonth: number
  /** The resolved end month (for an ongoing range, the month of `now`). */
  endMonth: number
  ongoing: boolean
  /** The matched text and where it starts in the input. */
  matched: string
  index: number
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
  // Common non-English abbreviations seen on international resumes.
  janv: 1, févr: 2, fevr: 2, mars: 3, avr: 4, mai: 5, juin: 6, juil: 7, août: 8, aout: 8, déc: 12, okt: 10, dez: 12, mrz: 3, märz: 3
}

const SEASONS: Record<string, [number, number]> = {
  spring: [3, 5], summer: [6, 8], fall: [9, 11], autumn: [9, 11], winter: [1, 2]
}

const MONTH_NAME = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janv|f[ée]vr|mars|avr|mai|juin|juil|ao[uû]t|d[ée]c|okt|dez|m(?:ä|a)rz|mrz)"
const SEASON = "(?:spring|summer|fall|autumn|winter)"
const YEAR = "(?:19[5-9]\\d|20\\d\\d)"
const SHORT_YEAR = "(?:['’]\\d\\d)"

// One date: "Jan 2019", "Sept. 2021", "January, 2019", "Jan '19", "03/2020", "3.2020", "2020-03", "Summer 2021", "2019".
const DATE = `(?:${MONTH_NAME}\\.?,?\\s*(?:${YEAR}|${SHORT_YEAR})|(?:0?[1-9]|1[0-2])\\s*[/.-]\\s*${YEAR}|${YEAR}\\s*[/.-]\\s*(?:0[1-9]|1[0-2])(?![\\d/.-])|${SEASON}\\s+${YEAR}|${YEAR})`
const PRESENT = "(?:present|current(?:ly)?|now|today|ongoing|to\\s+date|date|heute|actuel|aujourd['’]hui)"
const SEPARATOR = "(?:\\s*(?:[-–—−~]|to|until|till|through|thru|bis|à)\\s*)"

const RANGE_RE = new RegExp(`(?<![\\w/.-])(?:from\\s+)?(${DATE})${SEPARATOR}(${DATE}|${PRESENT})(?![\\w/])`, "gi")
const SINCE_RE = new RegExp(`(?<![\\w/.-])since\\s+(${DATE})(?![\\w/])`, "gi")
// "September – December 2023": the start month borrows the end's year.
const SHARED_YEAR_RE = new RegExp(`(?<![\\w/.-])(${MONTH_NAME})\\.?${SEPARATOR}(${MONTH_NAME})\\.?,?\\s*(${YEAR})(?![\\w/])`, "gi")
const OPEN_RE = new RegExp(`(?<![\\w/.-])(${DATE})\\s*[-–—]\\s*$`, "gim")
const SINGLE_RE = new RegExp(`(?<![\\w/.-])(${MONTH_NAME}\\.?,?\\s*${YEAR}|${SEASON}\\s+${YEAR}|(?:0?[1-9]|1[0-2])/${YEAR})(?![\\w/])`, "gi")

interface DatePoint {
  year: number
  /** 1–12, or null for a bare year. */
  month: number | null
  /** Last month when the date names a span (a season). */
  lastMonth?: number
}

function parsePoint(raw: string): DatePoint | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, " ")
  let m = /^([a-zäéû]+)\.?,?\s*(\d{4}|['’]\d\d)$/.exec(s)
  if (m) {
    const key = m[1]
    const year = m[2].length === 4 ? Number(m[2]) : expandShortYear(Number(m[2].slice(1)))
    if (key in SEASONS) return { year, month: SEASONS[key][0], lastMonth: SEASONS[key][1] }
    const month = MONTHS[key] ?? MONTHS[key.slice(0, 3)]
    return month ? { year, month } : null
  }
  m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s)
  if (m) return { year: Number(m[2]), month: Number(m[1]) }
  m = /^(\d{4})\s*[/.-]\s*(\d{2})$/.exec(s)
  if (m) return { year: Number(m[1]), month: Number(m[2]) }
  m = /^(\d{4})$/.exec(s)
  if (m) return { year: Number(m[1]), month: null }
  return null
}

function expandShortYear(yy: number): number {
  return yy < 50 ? 2000 + yy : 1900 + yy
}

export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1
}

export function monthOf(date: Date): number {
  return monthIndex(date.getUTCFullYear(), date.getUTCMonth() + 1)
}

/** "2019-03" for a month index, for display and tests. */
export function formatMonth(index: number): string {
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return `${year}-${String(month).padStart(2, "0")}`
}

function isPresent(raw: string): boolean {
  return new RegExp(`^${PRESENT}$`, "i").test(raw.trim())
}

function resolve(startRaw: string, endRaw: string | null, now: Date): Omit<ParsedDateRange, "matched" | "index"> | null {
  const start = parsePoint(startRaw)
  if (!start) return null
  const nowMonth = monthOf(now)
  const ongoing = endRaw === null || isPresent(endRaw)
  const end = ongoing ? null : parsePoint(endRaw!)
  if (!ongoing && !end) return null

  let startMonth = start.month ? monthIndex(start.year, start.month) : monthIndex(start.year, 7)
  let endMonth: number
  if (ongoing) endMonth = nowMonth
  else if (end!.month) endMonth = monthIndex(end!.year, end!.lastMonth ?? end!.month)
  else endMonth = monthIndex(end!.year, 6)
  if (endMonth < startMonth) {
    // The bare-year convention overshot ("2020–2020"): fall back to whole calendar months.
    if (!start.month) startMonth = monthIndex(start.year, 1)
    if (!ongoing && !end!.month) endMonth = monthIndex(end!.year, 12)
  }
  if (endMonth < startMonth) return null // a reversed range is not a role's dates
  if (startMonth > nowMonth + 12) return null // far future: a typo or not a date range
  return { startMonth, endMonth, ongoing }
}

/** Every date range in `text`, in order of appearance. */
export function findDateRanges(text: string, now: Date = new Date()): ParsedDateRange[] {
  const found: ParsedDateRange[] = []
  const taken: [number, number][] = []
  const overlaps = (a: number, b: number) => taken.some(([x, y]) => a < y && b > x)
  for (const m of text.matchAll(RANGE_RE)) {
    const r = resolve(m[1], m[2], now)
    if (!r || overlaps(m.index!, m.index! + m[0].length)) continue
    found.push({ ...r, matched: m[0].trim(), index: m.index! })
    taken.push([m.index!, m.index! + m[0].length])
  }
  for (const m of text.matchAll(SHARED_YEAR_RE)) {
    if (overlaps(m.index!, m.index! + m[0].length)) continue
    const r = resolve(`${m[1]} ${m[3]}`, `${m[2]} ${m[3]}`, now)
    if (!r) continue
    found.push({ ...r, matched: m[0].trim(), index: m.index! })
    taken.push([m.index!, m.index! + m[0].length])
  }
  for (const re of [SINCE_RE, OPEN_RE]) {
    for (const m of text.matchAll(re)) {
      if (overlaps(m.index!, m.index! + m[0].length)) continue
      const r = resolve(m[1], null, now)
      if (!r) continue
      found.push({ ...r, matched: m[0].trim(), index: m.index! })
      taken.push([m.index!, m.index! + m[0].length])
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

/**
 * The first date range in `text` ("Jan 2019 – Present", "2015–2018", "03/2020 - 11/2022", "Summer 2021",
 * "Sept. 2021 – present", "2018 to 2021", "03/2022 – now"), or a single dated period ("Summer 2021",
 * "May 2020") as a one-period range. Null when the text holds no date.
 */
export function parseDateRange(text: string, now: Date = new Date()): ParsedDateRange | null {
  const ranges = findDateRanges(text, now)
  if (ranges.length > 0) return ranges[0]
  const single = SINGLE_RE.exec(text)
  SINGLE_RE.lastIndex = 0
  if (!single) return null
  const point = parsePoint(single[1])
  if (!point || !point.month) return null
  const startMonth = monthIndex(point.year, point.month)
  const endMonth = monthIndex(point.year, point.lastMonth ?? point.month)
  if (startMonth > monthOf(now) + 12) return null
  return { startMonth, endMonth, ongoing: false, matched: single[0].trim(), index: single.index }
}

export interface MonthSpan {
  startMonth: number
  /** Null = ongoing (until `now`). */
  endMonth: number | null
}

/**
 * Months covered by the spans, counting overlapping or adjacent roles once (two jobs at the same time
 * are not twice the experience). `filter` selects the roles that count (e.g. relevant to a skill).
 */
export function totalExperienceMonths<T extends MonthSpan>(roles: readonly T[], filter?: (role: T) => boolean, now: Date = new Date()): number {
  const nowMonth = monthOf(now)
  const spans = roles
    .filter((r) => (filter ? filter(r) : true))
    .map((r) => [r.startMonth, Math.min(r.endMonth ?? nowMonth, Math.max(r.startMonth, nowMonth))] as [number, number])
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && b >= a)
    .sort((x, y) => x[0] - y[0])
  let total = 0
  let curStart = Number.NaN
  let curEnd = Number.NaN
  for (const [a, b] of spans) {
    if (Number.isNaN(curStart)) {
      curStart = a
      curEnd = b
    } else if (a <= curEnd + 1) {
      curEnd = Math.max(curEnd, b)
    } else {
      total += curEnd - curStart + 1
      curStart = a
      curEnd = b
    }
  }
  if (!Number.isNaN(curStart)) total += curEnd - curStart + 1
  return total
}
