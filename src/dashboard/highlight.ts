/**
 * Finds evidence passages inside the resume's visible text so they can be highlighted.
 * Evidence is quoted verbatim by the engines, but line breaks and runs of spaces may differ from the
 * stored text, so the fallback matches with any whitespace between words and ignoring case.
 */
export interface TextRange {
  start: number
  end: number
  /** Index of the evidence passage (in the caller's list) this range shows. */
  evidence: number
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

export function locatePassage(text: string, passage: string): { start: number; end: number } | null {
  const trimmed = passage.trim()
  if (!trimmed) return null
  const exact = text.indexOf(trimmed)
  if (exact >= 0) return { start: exact, end: exact + trimmed.length }
  const words = trimmed.split(/\s+/).map(escapeRegExp)
  const pattern = new RegExp(words.join("\\s+"), "i")
  const match = pattern.exec(text)
  return match ? { start: match.index, end: match.index + match[0].length } : null
}

/** Non-overlapping ranges in text order; when two passages overlap, the earlier one wins. */
export function locatePassages(text: string, passages: string[]): TextRange[] {
  const found: TextRange[] = []
  passages.forEach((passage, evidence) => {
    const range = locatePassage(text, passage)
    if (range) found.push({ ...range, evidence })
  })
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const ranges: TextRange[] = []
  let cursor = 0
  for (const range of found) {
    if (range.start < cursor) continue
    ranges.push(range)
    cursor = range.end
  }
  return ranges
}

export type Segment = { text: string; evidence?: number }

export function segmentText(text: string, ranges: TextRange[]): Segment[] {
  const segments: Segment[] = []
  let cursor = 0
  for (const range of ranges) {
    if (range.start > cursor) segments.push({ text: text.slice(cursor, range.start) })
    segments.push({ text: text.slice(range.start, range.end), evidence: range.evidence })
    cursor = range.end
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) })
  return segments
}
