import { findDateRanges } from "./dates"

/**
 * Reading order from positioned text runs (what a PDF text layer gives us): rebuild lines by baseline,
 * join words with the right spacing, read two-column pages column by column, join lines that were only
 * wrapped, repair hyphenation, and keep bullets on their own lines.
 *
 * Pure: the PDF adapter turns pdf.js text items into `PositionedRun`s (PDF user space, y grows upwards).
 */

export interface PositionedRun {
  str: string
  /** Baseline origin of the run, in points, y upwards. */
  x: number
  y: number
  /** Advance width and font size, in points. */
  width: number
  fontSize: number
  fontName?: string
}

export interface PageRuns {
  width: number
  height: number
  runs: PositionedRun[]
}

interface Line {
  runs: PositionedRun[]
  x0: number
  x1: number
  y: number
  fontSize: number
  text: string
}

interface Block {
  lines: Line[]
  x0: number
  x1: number
}

const BULLET_RE = /^\s*(?:[•●○◦▪▫■□◆◇►▶➢➤✓✔‣⁃∙·*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))/
/** Glyphs from Symbol/Wingdings fonts that arrive as private-use code points but are drawn as bullets. */
const PRIVATE_BULLETS = /[\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf06e\uf0a8\uf09f]/g

export function isBulletLine(text: string): boolean {
  return BULLET_RE.test(text)
}

/** Lays out every page and joins them, one blank line between pages. */
export function layoutPages(pages: PageRuns[]): string {
  const pageTexts = pages.map((p) => layoutPage(p)).filter((t) => t.length > 0)
  return repairHyphenation(pageTexts.join("\n\n"))
}

export function layoutPage(page: PageRuns): string {
  const runs = page.runs
    .map((r) => ({ ...r, str: r.str.replace(PRIVATE_BULLETS, "•") }))
    .filter((r) => r.str.trim().length > 0)
  if (runs.length === 0) return ""
  const lines = buildLines(runs)
  const blocks = splitColumns(lines, page.width)
  return blocks.map((b) => blockToText(b)).filter((t) => t.length > 0).join("\n\n")
}

/** Groups runs into lines: same baseline (within a fraction of the font size), sorted left to right. */
function buildLines(runs: PositionedRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x)
  const groups: PositionedRun[][] = []
  let current: PositionedRun[] = []
  let currentY = Number.NaN
  let currentSize = 0
  for (const run of sorted) {
    const tolerance = Math.max(1, 0.45 * Math.min(run.fontSize || currentSize, currentSize || run.fontSize))
    if (current.length > 0 && Math.abs(run.y - currentY) <= tolerance) {
      current.push(run)
    } else {
      if (current.length > 0) groups.push(current)
      current = [run]
      currentY = run.y
      currentSize = run.fontSize
    }
  }
  if (current.length > 0) groups.push(current)

  // A wide gap inside a baseline group (a right-aligned date, or a second column) stays in the line
  // here; splitColumns cuts lines at a detected gutter, and a date stays with its title.
  return groups.map((group) => makeLine(group.sort((a, b) => a.x - b.x)))
}

function makeLine(runs: PositionedRun[]): Line {
  let text = ""
  let prevEnd = Number.NaN
  let prevSize = 0
  for (const run of runs) {
    if (text.length > 0) {
      const gap = run.x - prevEnd
      const size = Math.max(prevSize, run.fontSize)
      const needsSpace = gap > 0.15 * size && !/\s$/.test(text) && !/^\s/.test(run.str)
      // A wide gap separates fields (a title and its right-aligned date, a company and its city): mark
      // it so the two do not read as one phrase.
      const fieldBreak = gap > Math.max(18, 2.2 * size) && !/[|•·,;:–—-]\s*$/.test(text) && !/^\s*[|•·,;:–—-]/.test(run.str)
      if (fieldBreak) text = `${text.trimEnd()} · `
      else if (needsSpace) text += " "
    }
    text += run.str
    prevEnd = Math.max(prevEnd || -Infinity, run.x + run.width)
    prevSize = run.fontSize
  }
  text = collapseLetterSpacing(text.replace(/\s+/g, " ").trim())
  const x0 = runs[0].x
  const x1 = Math.max(...runs.map((r) => r.x + r.width))
  const fontSize = median(runs.map((r) => r.fontSize))
  const y = median(runs.map((r) => r.y))
  return { runs, x0, x1, y, fontSize, text }
}

/** "S K I L L S" (letter-spaced headings drawn glyph by glyph) → "SKILLS". */
function collapseLetterSpacing(text: string): string {
  if (!/^(?:\S ){3,}\S$/.test(text)) return text
  return text.replace(/ /g, "")
}

/**
 * Finds a gutter — a vertical band that no text run crosses, running down most of the page's text — and
 * splits the page into bands: lines crossing the gutter (a full-width header) stay whole, and between
 * them the left column is read before the right one. Runs, not lines, decide: a sidebar line and a main
 * column line on the same baseline can sit closer together than any word gap.
 */
function splitColumns(lines: Line[], pageWidth: number): Block[] {
  const gutter = findGutter(lines, pageWidth)
  if (gutter === null) return [toBlock(lines)]
  const blocks: Block[] = []
  let left: Line[] = []
  let right: Line[] = []
  const flush = () => {
    const pair = [left, right].filter((ls) => ls.length > 0).map(toBlock)
    // A resume's main column (header, profile, experience) is the wider one; a sidebar of skills and
    // education is supplementary. Read the main column first when the widths clearly differ, so the
    // name and contact come before the sidebar as in the one-column text; equal columns read left first.
    if (pair.length === 2 && pair[1].x1 - pair[1].x0 > 1.25 * (pair[0].x1 - pair[0].x0)) pair.reverse()
    blocks.push(...pair)
    left = []
    right = []
  }
  for (const line of lines) {
    const leftRuns = line.runs.filter((r) => r.x + r.width <= gutter + 0.5)
    const rightRuns = line.runs.filter((r) => r.x >= gutter - 0.5)
    if (leftRuns.length + rightRuns.length < line.runs.length) {
      flush()
      blocks.push(toBlock([line]))
      continue
    }
    if (leftRuns.length > 0) left.push(leftRuns.length === line.runs.length ? line : makeLine(leftRuns))
    if (rightRuns.length > 0) right.push(rightRuns.length === line.runs.length ? line : makeLine(rightRuns))
  }
  flush()
  return blocks
}

function findGutter(lines: Line[], pageWidth: number): number | null {
  if (lines.length < 8) return null
  const runs = lines.flatMap((l) => l.runs)
  const minX = Math.min(...lines.map((l) => l.x0))
  const maxX = Math.max(...lines.map((l) => l.x1))
  const span = maxX - minX
  if (span < 200) return null
  const bin = 2
  const bins = Math.ceil(Math.max(pageWidth, maxX) / bin) + 1
  const cover = new Array<number>(bins).fill(0)
  for (const run of runs) {
    const a = Math.max(0, Math.floor(run.x / bin))
    const b = Math.min(bins - 1, Math.floor((run.x + run.width) / bin))
    for (let i = a; i <= b; i++) cover[i]++
  }
  // Runs allowed to cross the gutter: a centred name, a contact line, a footer.
  const allowedCrossing = Math.max(2, Math.floor(lines.length * 0.06))
  const lo = Math.floor((minX + span * 0.15) / bin)
  const hi = Math.ceil((minX + span * 0.85) / bin)
  let best: { start: number; end: number } | null = null
  let runStart = -1
  for (let i = lo; i <= hi + 1; i++) {
    const open = i <= hi && cover[i] <= allowedCrossing
    if (open && runStart < 0) runStart = i
    if (!open && runStart >= 0) {
      const candidate = { start: runStart, end: i - 1 }
      if (!best || candidate.end - candidate.start > best.end - best.start) best = candidate
      runStart = -1
    }
  }
  if (!best || (best.end - best.start + 1) * bin < 6) return null
  const x = (best.start + best.end + 1) * bin * 0.5
  const leftRuns = runs.filter((r) => r.x + r.width <= x)
  const rightRuns = runs.filter((r) => r.x >= x)
  if (runs.length - leftRuns.length - rightRuns.length > allowedCrossing) return null
  const ys = runs.map((r) => r.y)
  const height = Math.max(...ys) - Math.min(...ys)
  const extent = (rs: PositionedRun[]) => (rs.length === 0 ? 0 : Math.max(...rs.map((r) => r.y)) - Math.min(...rs.map((r) => r.y)))
  // Both sides must run down a good part of the page and hold prose, not just right-aligned dates
  // beside one column of text.
  if (extent(leftRuns) < height * 0.3 || extent(rightRuns) < height * 0.3) return null
  const words = (rs: PositionedRun[]) => rs.reduce((n, r) => n + r.str.trim().split(/\s+/).length, 0)
  if (words(leftRuns) < 12 || words(rightRuns) < 12) return null
  // A "column" of right-aligned dates beside one column of text is not a column: judge by the line
  // pieces on each side, since a date may arrive as several runs.
  const pieces = (side: (r: PositionedRun) => boolean) =>
    lines.map((l) => l.runs.filter(side).map((r) => r.str).join(" ").trim()).filter((t) => t.length > 0)
  const dateShare = (texts: string[]) => texts.filter((t) => findDateRanges(t).length > 0 || /^\(?\d{4}\)?$/.test(t)).length / Math.max(1, texts.length)
  if (dateShare(pieces((r) => r.x >= x)) > 0.5 || dateShare(pieces((r) => r.x + r.width <= x)) > 0.5) return null
  return x
}

function toBlock(lines: Line[]): Block {
  return {
    lines,
    x0: Math.min(...lines.map((l) => l.x0)),
    x1: Math.max(...lines.map((l) => l.x1))
  }
}

/**
 * Turns a column's lines into text: a blank line where the vertical gap is paragraph-sized, and a wrapped
 * line joined to the one before it (bullet continuations with a hanging indent, sentences cut at the
 * column edge), so phrases are not split by the renderer's line breaks.
 */
function blockToText(block: Block): string {
  const out: string[] = []
  const lines = rejoinSplitDates(block.lines)
  const width = block.x1 - block.x0
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1].y - lines[i].y
    if (gap > 0) gaps.push(gap / Math.max(1, lines[i].fontSize))
  }
  const typicalGap = gaps.length > 0 ? median(gaps) : 1.2
  let para = ""
  let prev: Line | null = null
  let bulletTextX = Number.NaN
  for (const line of lines) {
    if (prev === null) {
      para = line.text
      bulletTextX = bulletTextStart(line)
      prev = line
      continue
    }
    const gap = (prev.y - line.y) / Math.max(1, line.fontSize)
    const paragraphBreak = gap > Math.max(1.6, typicalGap * 1.45)
    if (paragraphBreak) {
      out.push(para, "")
      para = line.text
      bulletTextX = bulletTextStart(line)
    } else if (isContinuation(prev, line, block.x0, width, bulletTextX, para)) {
      para = joinWrapped(para, line.text)
    } else {
      out.push(para)
      para = line.text
      bulletTextX = bulletTextStart(line)
    }
    prev = line
  }
  out.push(para)
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trim()
}

const OPEN_DATE_END = /\d{4}\s*[-–—]\s*$/
const DATE_END_ALONE = /^(?:present|current|now|today|ongoing|(?:[A-Za-z]{3,9}\.?\s+)?\d{4}|\d{1,2}[/.]\d{4})$/i

/**
 * A date column beside the entries (LaTeX CV classes) wraps "June 2022 –" / "Present" onto two lines,
 * each followed by entry text. Put the end date back after the dash so the range reads as one.
 */
function rejoinSplitDates(lines: Line[]): Line[] {
  const out = [...lines]
  for (let i = 0; i + 1 < out.length; i++) {
    const first = out[i].runs[0]
    const next = out[i + 1].runs[0]
    if (!first || !next || !OPEN_DATE_END.test(first.str.trim()) || !DATE_END_ALONE.test(next.str.trim())) continue
    const overlaps = next.x < first.x + first.width + 2 && next.x + next.width > first.x - 2
    if (!overlaps) continue
    // Spaces carried in the string: the moved run's geometry no longer matches its neighbours'.
    const moved: PositionedRun = { ...next, str: ` ${next.str.trim()} `, x: first.x + first.width, width: 0, y: first.y }
    out[i] = makeLine([first, moved, ...out[i].runs.slice(1)])
    const remaining = out[i + 1].runs.slice(1)
    if (remaining.length > 0) out[i + 1] = makeLine(remaining)
    else out.splice(i + 1, 1)
  }
  return out
}

/**
 * Where the text after a leading bullet starts, for hanging-indent continuations: the second run when the
 * bullet is drawn on its own, otherwise estimated from the bullet prefix's share of the first run.
 */
function bulletTextStart(line: Line): number {
  if (!isBulletLine(line.text)) return Number.NaN
  const first = line.runs[0]
  if (line.runs.length > 1 && /^\s*\S{1,2}\s*$/.test(first.str)) return line.runs[1].x
  const prefix = /^\s*\S{1,3}\s+/.exec(first.str)
  if (!prefix || first.str.length === 0) return Number.NaN
  return first.x + (first.width * prefix[0].length) / first.str.length
}

const HEADING_LIKE = /^[A-Z][A-Z &/'()-]{2,40}:?$/
/** "Languages: …", "Tools – …": a labelled item starts its own line. */
const LABEL_START = /^[A-Z][\w /&+.#-]{0,30}:\s/

/**
 * A line continues the previous one when the previous line was wrapped: its first word would not have
 * fitted in the space left at the end of the previous line (the rule every typesetter follows), and
 * either the sentence is visibly open (lower-case start, a trailing comma or conjunction) or the previous
 * line is prose rather than a short list item. Bullets, headings, labelled items and dated header lines
 * always start a new line.
 */
function isContinuation(prev: Line, line: Line, blockX0: number, blockWidth: number, bulletTextX: number, paragraph: string): boolean {
  if (isBulletLine(line.text)) return false
  if (HEADING_LIKE.test(prev.text) || HEADING_LIKE.test(line.text)) return false
  if (Math.abs(prev.fontSize - line.fontSize) > 0.6) return false
  // Hanging indent under a bullet: the wrapped line starts where the bullet's text starts.
  const hanging = !Number.isNaN(bulletTextX) && line.x0 > prev.x0 - 3 && Math.abs(line.x0 - bulletTextX) < 6
  if (!hanging && Math.abs(line.x0 - prev.x0) > 3) return false
  if (LABEL_START.test(line.text)) return false
  const dateRange = findDateRanges(line.text)[0]
  if (dateRange && dateRange.index === 0) return false
  const blockRight = blockX0 + blockWidth
  const firstWord = line.text.split(" ")[0]
  const firstRun = line.runs[0]
  const perChar = firstRun.str.length > 0 ? firstRun.width / firstRun.str.length : line.fontSize * 0.5
  const firstWordWidth = firstWord.length * perChar
  const spaceWidth = line.fontSize * 0.28
  const wrapped = prev.x1 + spaceWidth + firstWordWidth > blockRight + 1
  if (hanging) return true
  // Back at the bullet's own x after a bullet with a hanging indent: a new item without a glyph.
  const backAtBullet = !Number.isNaN(bulletTextX) && line.x0 < bulletTextX - 3
  const startsLower = /^[a-z(]/.test(line.text)
  const prevOpen = /[,;&+\-–(/]$|\b(?:and|or|of|the|a|an|to|in|for|with|on|at|by|from|as)$/i.test(prev.text)
  // An open ending ("React, TS, JS (ES2023),") continues on the next line even when the column's right
  // edge is unknown (a sidebar narrower than its widest line).
  if (prevOpen && prev.x1 >= blockX0 + blockWidth * 0.5) return true
  if (!wrapped) return false
  if (backAtBullet && !startsLower && !prevOpen) return false
  // A dated header line ("Senior Engineer   Jan 2023 – Present") ends where its date ends, not where a
  // sentence wrapped.
  if (findDateRanges(prev.text).length > 0 && !startsLower && !prevOpen) return false
  if (startsLower || prevOpen) return true
  // A finished sentence followed by a capital is as likely a new list item as a wrapped paragraph;
  // keeping the break loses nothing, joining two items would merge their meaning.
  if (/[.!?:]$/.test(prev.text)) return false
  return paragraph.split(" ").length >= 7 && !(dateRange && line.text.split(" ").length <= 8)
}

function joinWrapped(a: string, b: string): string {
  if (/[A-Za-z]-$/.test(a) && /^[a-z]/.test(b)) return `${a}\u0000${b}` // decided by repairHyphenation
  if (/[A-Za-z0-9][/–—]$/.test(a)) return a + b
  return `${a} ${b}`
}

/**
 * A word hyphenated at a line break. Resume generators break lines at existing hyphens far more often
 * than they hyphenate words, so the hyphen stays ("object-oriented", "cloud-native") unless the document
 * itself writes the joined word elsewhere ("develop-ment" when "development" appears) or the second part
 * is a bare suffix that no compound ends with ("Imple-mented", "informa-tion"), which is how a
 * typesetter's hyphenation (LaTeX, InDesign) breaks words.
 */
export function repairHyphenation(text: string): string {
  const lowered = text.toLowerCase()
  return text.replace(/([A-Za-z]+)-\u0000([a-z]+)/g, (_m, head: string, tail: string) => {
    const joined = `${head}${tail}`
    if (SUFFIX_FRAGMENT.test(tail)) return joined
    return new RegExp(`\\b${joined.toLowerCase()}\\b`).test(lowered) ? joined : `${head}-${tail}`
  })
}

const SUFFIX_FRAGMENT =
  /^(?:ment|ments|mented|menting|mental|tion|tions|tional|sion|sions|ing|ings|ed|ity|ities|ance|ances|ence|ences|ency|able|ably|ible|ibly|ally|ness|ful|fully|less|ous|ously|ive|ively|ize|ized|izes|izing|ise|ised|ising|ated|ating|ation|ations|ologies|ological|ical|ically|ure|ures|ary|ory|ant|ants|ent|ents|ist|ists|ism|isms|ular|ulate|ulated|iate|iated|ient|ients|ware|ships?)$/

function median(values: number[]): number {
  if (values.length === 0) return 0
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
