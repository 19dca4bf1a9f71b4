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

  const lines: Line[] = []
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x)
    // A wide horizontal gap inside a "line" can separate two columns; split there so column detection
    // sees two lines instead of one line that bridges the gutter.
    let segment: PositionedRun[] = []
    for (const run of group) {
      const prev = segment[segment.length - 1]
      if (prev && run.x - (prev.x + prev.width) > Math.max(18, 2.2 * Math.max(prev.fontSize, run.fontSize))) {
        lines.push(makeLine(segment))
        segment = []
      }
      segment.push(run)
    }
    if (segment.length > 0) lines.push(makeLine(segment))
  }
  return lines
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
      if (needsSpace) text += " "
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
 * Finds a gutter — a vertical band with no text that spans most of the page's text height — and
 * splits the page into bands: lines crossing the gutter (a full-width header) stay whole, and between
 * them the left column is read before the right one.
 */
function splitColumns(lines: Line[], pageWidth: number): Block[] {
  const gutter = findGutter(lines, pageWidth)
  if (!gutter) return [toBlock(lines)]
  const blocks: Block[] = []
  let left: Line[] = []
  let right: Line[] = []
  const flush = () => {
    if (left.length > 0) blocks.push(toBlock(left))
    if (right.length > 0) blocks.push(toBlock(right))
    left = []
    right = []
  }
  for (const line of lines) {
    if (line.x1 <= gutter.x + 0.5) left.push(line)
    else if (line.x0 >= gutter.x - 0.5) right.push(line)
    else {
      flush()
      blocks.push(toBlock([line]))
    }
  }
  flush()
  return mergeAdjacentSpanning(blocks)
}

/** Consecutive full-width lines (a header) read as one block, so they join into paragraphs normally. */
function mergeAdjacentSpanning(blocks: Block[]): Block[] {
  return blocks
}

function findGutter(lines: Line[], pageWidth: number): { x: number } | null {
  if (lines.length < 8) return null
  const minX = Math.min(...lines.map((l) => l.x0))
  const maxX = Math.max(...lines.map((l) => l.x1))
  const span = maxX - minX
  if (span < 200) return null
  const bin = 2
  const bins = Math.ceil(pageWidth / bin) + 1
  const cover = new Array<number>(bins).fill(0)
  for (const line of lines) {
    const a = Math.max(0, Math.floor(line.x0 / bin))
    const b = Math.min(bins - 1, Math.floor(line.x1 / bin))
    for (let i = a; i <= b; i++) cover[i]++
  }
  // Lines allowed to cross the gutter: a header, a footer, a rule of text across the page.
  const allowedCrossing = Math.max(2, Math.floor(lines.length * 0.08))
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
  if (!best) return null
  const gutterWidth = (best.end - best.start + 1) * bin
  if (gutterWidth < 6) return null
  // Prefer the least-crossed bin within the band as the split.
  let split = best.start
  for (let i = best.start; i <= best.end; i++) if (cover[i] < cover[split]) split = i
  const x = (best.start + best.end + 1) * bin * 0.5
  void split
  const leftLines = lines.filter((l) => l.x1 <= x)
  const rightLines = lines.filter((l) => l.x0 >= x)
  if (leftLines.length < 3 || rightLines.length < 3) return null
  const ys = lines.map((l) => l.y)
  const height = Math.max(...ys) - Math.min(...ys)
  const extent = (ls: Line[]) => Math.max(...ls.map((l) => l.y)) - Math.min(...ls.map((l) => l.y))
  // Both sides must run down a good part of the page: right-aligned dates on a one-column page leave a
  // gap too, but their column is made of scattered short lines beside full-width text.
  if (extent(leftLines) < height * 0.3 || extent(rightLines) < height * 0.3) return null
  const crossing = lines.length - leftLines.length - rightLines.length
  if (crossing > allowedCrossing) return null
  // Right-aligned dates: the "right column" is only dates/short tokens. A real column holds prose.
  const words = (ls: Line[]) => ls.reduce((n, l) => n + l.text.split(/\s+/).length, 0)
  if (words(rightLines) < 25 || words(leftLines) < 25) return null
  return { x }
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
  const lines = block.lines
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
    } else if (isContinuation(prev, line, block.x0, width, bulletTextX)) {
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

/** Where the text after a leading bullet glyph starts (for hanging-indent continuations). */
function bulletTextStart(line: Line): number {
  if (!isBulletLine(line.text)) return Number.NaN
  const first = line.runs[0]
  if (line.runs.length > 1 && /^\s*\S{1,2}\s*$/.test(first.str)) return line.runs[1].x
  return Number.NaN
}

const HEADING_LIKE = /^[A-Z][A-Z &/,'()-]{2,40}:?$/

function isContinuation(prev: Line, line: Line, blockX0: number, blockWidth: number, bulletTextX: number): boolean {
  if (isBulletLine(line.text)) return false
  if (HEADING_LIKE.test(prev.text) || HEADING_LIKE.test(line.text)) return false
  if (Math.abs(prev.fontSize - line.fontSize) > 0.6) return false
  if (/:$/.test(prev.text)) return false
  // Hanging indent under a bullet: the wrapped line starts where the bullet's text starts.
  if (!Number.isNaN(bulletTextX) && Math.abs(line.x0 - bulletTextX) < 3) return true
  if (line.x0 > prev.x0 + 2 && isBulletLine(prev.text) && line.x0 - prev.x0 < 30) return true
  const startsLower = /^[a-z(]/.test(line.text)
  const prevOpen = /[,;&+\-–(/]$|\b(?:and|or|of|the|a|an|to|in|for|with|on|at|by)$/i.test(prev.text)
  const prevReachesEdge = prev.x1 >= blockX0 + blockWidth * 0.82
  if (Math.abs(line.x0 - prev.x0) > 3 && !(line.x0 > prev.x0)) return false
  if (prevReachesEdge && (startsLower || prevOpen || !/[.!?]$/.test(prev.text))) {
    // A dated line or a short standalone item rarely continues a sentence.
    if (/^(?:\d{1,2}\/)?\d{4}\b/.test(line.text)) return false
    return true
  }
  return startsLower && prevOpen
}

function joinWrapped(a: string, b: string): string {
  if (/[A-Za-z]-$/.test(a) && /^[a-z]/.test(b)) return `${a}\u0000${b}` // decided by repairHyphenation
  if (/[/–—]$/.test(a)) return a + b
  return `${a} ${b}`
}

/**
 * A word hyphenated at a line break: keep the hyphen if the document writes the hyphenated form
 * elsewhere ("cloud-native"), drop it if it writes the joined word, and otherwise drop it when the second
 * part is lower case (the usual typesetting break).
 */
export function repairHyphenation(text: string): string {
  const lowered = text.toLowerCase()
  return text.replace(/([A-Za-z]+)-\u0000([a-z]+)/g, (_m, head: string, tail: string) => {
    const hyphenated = `${head}-${tail}`.toLowerCase()
    const joined = `${head}${tail}`.toLowerCase()
    if (lowered.includes(hyphenated)) return `${head}-${tail}`
    if (lowered.includes(joined)) return `${head}${tail}`
    // Compounds with short heads ("self-", "co-", "re-"…) are usually real hyphens.
    if (/^(?:self|co|non|cross|well|high|low|full|part|end|multi|real|long|short|fast|data|cloud|user|client|server|front|back|open|third|first|second|event|test|team|cost|time|award|detail|results|goal|data)$/i.test(head)) {
      return `${head}-${tail}`
    }
    return `${head}${tail}`
  })
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
