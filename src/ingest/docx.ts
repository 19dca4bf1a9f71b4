/**
 * DOCX text through mammoth: converted to its simple HTML (which keeps headings, paragraphs, list items
 * and table cells apart) and flattened to text here, without a DOM — the MV3 service worker has none.
 * Images are dropped unread, so a photo's alt text never reaches the text.
 */
import mammoth from "mammoth"

export interface DocxExtraction {
  text: string
  /** mammoth's warnings about content it could not convert (kept for diagnostics, never user text). */
  warnings: number
}

export async function extractDocx(bytes: Uint8Array): Promise<DocxExtraction> {
  const copy = bytes.slice()
  // Node's mammoth reads `buffer`, its browser build `arrayBuffer`: give both the same bytes.
  const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0]
  const result = await mammoth.convertToHtml(input, {
    convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
    ignoreEmptyParagraphs: true
  })
  return { text: htmlToText(result.value), warnings: result.messages.length }
}

const BLOCK = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "ul", "ol", "div", "blockquote", "pre"])
const HEADING = /^h[1-6]$/

/** Flattens mammoth's HTML subset to lines: one per paragraph or list item, a blank line before headings. */
export function htmlToText(html: string): string {
  const out: string[] = []
  let line = ""
  const listStack: { ordered: boolean; n: number }[] = []
  let cellIndex = 0
  // Paragraphs inside a table cell stay on the row's line: a row is one line, cells joined by " | ".
  let cellDepth = 0
  const flush = () => {
    const t = line.replace(/[ \t]+/g, " ").trim()
    if (t.length > 0) out.push(t)
    line = ""
  }
  const tokenRe = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g
  for (const m of html.matchAll(tokenRe)) {
    if (m[4] !== undefined) {
      line += decodeEntities(m[4])
      continue
    }
    const closing = m[1] === "/"
    const tag = m[2].toLowerCase()
    if (tag === "br") {
      flush()
      continue
    }
    if (tag === "img") continue
    if (tag === "td" || tag === "th") {
      if (closing) cellDepth = Math.max(0, cellDepth - 1)
      else {
        cellDepth++
        if (cellIndex++ > 0 && line.trim().length > 0) line += " | "
      }
      continue
    }
    if (!BLOCK.has(tag)) continue
    if (cellDepth > 0 && tag !== "tr" && tag !== "table") {
      if (line.length > 0 && !/\s$/.test(line)) line += " "
      continue
    }
    flush()
    if (tag === "tr") cellIndex = 0
    if (HEADING.test(tag) && !closing && out.length > 0) out.push("")
    if (tag === "ul" || tag === "ol") {
      if (closing) listStack.pop()
      else listStack.push({ ordered: tag === "ol", n: 0 })
      continue
    }
    if (tag === "li" && !closing) {
      const list = listStack[listStack.length - 1]
      if (list?.ordered) line = `${++list.n}. `
      else line = "• "
    }
  }
  flush()
  return out.join("\n")
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp|#39);/gi, (_m, e: string) => {
    const lower = e.toLowerCase()
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16))
    if (lower.startsWith("#")) return String.fromCodePoint(parseInt(lower.slice(1), 10))
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " } as Record<string, string>)[lower] ?? ""
  })
}
