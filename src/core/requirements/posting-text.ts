/**
 * Turns a job posting (Lever v1 `data`, Lever's public v0 shape, an HTML string from another ATS, or
 * plain text) into ordered sections: a heading with its bullet items and prose paragraphs.
 *
 * src/core is pure, so there is no DOM here: HTML goes through a small tokenizer that only ever
 * produces plain text. Nothing this module returns is meant to be rendered as HTML.
 */

export type PostingOrigin = "description" | "list" | "closing"

export interface PostingEntry {
  kind: "item" | "paragraph"
  text: string
}

export interface PostingSection {
  /** The heading as written (without a trailing colon), or null for text before any heading. */
  heading: string | null
  /**
   * How prominent the heading is: 1–6 for h1–h6 (and 2 for a Lever list heading), 7 for a bold
   * paragraph, 8 for a plain line ending in a colon. Smaller is more prominent; a section whose
   * heading is deeper than the one before it belongs to that one.
   */
  level: number
  origin: PostingOrigin
  entries: PostingEntry[]
}

export interface PostingDocument {
  title?: string
  sections: PostingSection[]
}

/** The parts of a posting this module reads; every field is optional so partial objects work. */
export interface LeverPostingLike {
  text?: string
  title?: string
  content?: {
    description?: string
    descriptionHtml?: string
    lists?: { text?: string; content?: string }[]
    closing?: string
    closingHtml?: string
  }
  /** Lever's public v0 postings API. */
  description?: string
  descriptionPlain?: string
  opening?: string
  openingPlain?: string
  descriptionBody?: string
  descriptionBodyPlain?: string
  lists?: { text?: string; content?: string }[]
  additional?: string
  additionalPlain?: string
  /** Ashby and similar boards. */
  descriptionHtml?: string
}

// ---------------------------------------------------------------- entities

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ensp: " ", emsp: " ", thinsp: " ",
  rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", sbquo: "‚", bdquo: "„", ndash: "–", mdash: "—",
  hellip: "…", bull: "•", middot: "·", copy: "©", reg: "®", trade: "™", deg: "°", plusmn: "±",
  times: "×", divide: "÷", euro: "€", pound: "£", yen: "¥", cent: "¢", sect: "§", para: "¶",
  laquo: "«", raquo: "»", shy: "", zwj: "", zwnj: "", lrm: "", rlm: "", frac12: "½", frac14: "¼",
  frac34: "¾", eacute: "é", egrave: "è", ecirc: "ê", euml: "ë", aacute: "á", agrave: "à", acirc: "â",
  auml: "ä", aring: "å", atilde: "ã", iacute: "í", igrave: "ì", icirc: "î", iuml: "ï", oacute: "ó",
  ograve: "ò", ocirc: "ô", ouml: "ö", otilde: "õ", oslash: "ø", uacute: "ú", ugrave: "ù", ucirc: "û",
  uuml: "ü", ntilde: "ñ", ccedil: "ç", szlig: "ß", Eacute: "É", Aacute: "Á", Oacute: "Ó", Uacute: "Ú",
  Ntilde: "Ñ", Ouml: "Ö", Uuml: "Ü", Auml: "Ä", rarr: "→", larr: "←", check: "✓", hyphen: "-", dash: "-"
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\uFFFD"
      return String.fromCodePoint(code)
    }
    // Only known names, and only with the semicolon unless it is one of the legacy bare forms.
    const value = NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()]
    if (value === undefined) return whole
    if (!whole.endsWith(";") && !["amp", "lt", "gt", "quot", "nbsp"].includes(body.toLowerCase())) return whole
    return value
  })
}

/** Collapses runs of whitespace (including the zero-width and non-breaking kinds) into one space. */
export function cleanSpaces(text: string): string {
  return text.replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, "").replace(/[\s\u00a0]+/g, " ").trim()
}

// ---------------------------------------------------------------- HTML

const BLOCK_TAGS = new Set([
  "p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote", "pre", "table", "tr", "td",
  "th", "tbody", "thead", "dl", "dt", "dd", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "figure"
])
const EMPHASIS_TAGS = new Set(["b", "strong", "u", "em", "i"])
const SKIPPED_CONTENT_TAGS = new Set(["script", "style", "noscript", "template", "svg", "head", "title"])
const HEADING_TAGS = /^h[1-6]$/

/** Does the text look like HTML (possibly entity-escaped HTML, as Greenhouse's API returns)? */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(p|div|li|ul|ol|br|h[1-6]|span|strong|b|em|table)\b[^>]*>/i.test(text) ||
    /&lt;\/?(p|div|li|ul|ol|br|h[1-6]|span|strong)\b/i.test(text)
}

interface RawBlock {
  text: string
  inListItem: boolean
  /** How many list items enclose the block (2 for a sub-bullet). */
  listDepth: number
  /** 1–6 inside h1–h6, else 0. */
  headingLevel: number
  /** Every character of visible text sat inside <b>/<strong>/<u>. */
  allEmphasis: boolean
  /** The block starts with an emphasised run; its text, for "<b>Requirements:</b> …" lead-ins. */
  leadEmphasis: string
}

/** Splits HTML into text blocks at block-level tags, remembering list items, headings and bold runs. */
function htmlToBlocks(html: string): RawBlock[] {
  // Entity-escaped HTML (Greenhouse) is decoded once into real HTML first.
  if (!/<[a-z!/]/i.test(html) && /&lt;[a-z/]/i.test(html)) html = decodeEntities(html)

  const blocks: RawBlock[] = []
  let buffer = ""
  let emphasisChars = 0
  let plainChars = 0
  let leadEmphasis = ""
  let leadOpen = true
  let listDepth = 0
  let headingDepth = 0
  let headingLevel = 0
  let emphasisDepth = 0
  let skipDepth = 0
  let skipTag = ""

  const flush = () => {
    const text = cleanSpaces(buffer)
    if (text) {
      blocks.push({
        text,
        inListItem: listDepth > 0,
        listDepth,
        headingLevel: listDepth === 0 ? headingLevel : 0,
        allEmphasis: plainChars === 0 && emphasisChars > 0,
        leadEmphasis: cleanSpaces(leadEmphasis)
      })
    }
    buffer = ""
    emphasisChars = 0
    plainChars = 0
    leadEmphasis = ""
    leadOpen = true
  }

  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/?([a-zA-Z][a-zA-Z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>|<![^>]*>|([^<]+|<)/g
  let match: RegExpExecArray | null
  while ((match = token.exec(html)) !== null) {
    const whole = match[0]
    const tag = match[1]?.toLowerCase()
    if (match[2] !== undefined) {
      if (skipDepth > 0) continue
      const text = decodeEntities(match[2])
      buffer += text
      const visible = text.replace(/\s+/g, "").length
      if (emphasisDepth > 0) {
        emphasisChars += visible
        if (leadOpen) leadEmphasis += text
      } else {
        plainChars += visible
        if (visible > 0) leadOpen = false
      }
      continue
    }
    if (!tag) continue
    const closing = whole.startsWith("</")
    const selfClosing = whole.endsWith("/>")
    if (SKIPPED_CONTENT_TAGS.has(tag)) {
      if (!closing && !selfClosing) {
        if (skipDepth === 0) skipTag = tag
        if (tag === skipTag) skipDepth++
      } else if (closing && tag === skipTag && skipDepth > 0) skipDepth--
      continue
    }
    if (skipDepth > 0) continue
    if (EMPHASIS_TAGS.has(tag)) {
      if (tag === "em" || tag === "i") continue // italics rarely mark headings; keep them as text
      emphasisDepth = Math.max(0, emphasisDepth + (closing ? -1 : selfClosing ? 0 : 1))
      continue
    }
    if (!BLOCK_TAGS.has(tag)) {
      // Inline tags (span, a, …) separate nothing, but a space keeps words apart at tag edges like </a>word.
      continue
    }
    flush()
    if (tag === "li" && !selfClosing) listDepth = Math.max(0, listDepth + (closing ? -1 : 1))
    if (HEADING_TAGS.test(tag) && !selfClosing) {
      headingDepth = Math.max(0, headingDepth + (closing ? -1 : 1))
      headingLevel = headingDepth > 0 ? Number(tag[1]) : 0
    }
  }
  flush()
  return blocks
}

// ---------------------------------------------------------------- headings

const HEADING_WORDS =
  /\b(requirements?|qualifications?|responsibilit(y|ies)|duties|skills|experience|benefits|perks|about|who you are|what you('|’)?ll|what you (will|need|bring|do|must)|you have|nice[- ]to[- ]haves?|bonus|preferred|desired|compensation|salary|pay|location|logistics|overview|the role|the team|the opportunity|education|certifications?|must[- ]haves?|minimum|basic|ideal candidate|offer|why|summary|description|position|job|role)\b/i

/** A short line that introduces what follows rather than stating something itself. */
function looksLikeHeadingText(text: string, strongHint: boolean, html = false): boolean {
  const t = text.trim()
  if (!t || t.length > 90) return false
  const words = t.split(/\s+/).length
  if (/[:：]$/.test(t)) return words <= 12
  if (/[.!?;,]$/.test(t) && !/^[A-Z][^.]{0,40}\?$/.test(t)) return false
  if (strongHint) return words <= 10
  // In HTML a heading is marked up (h1–h6, bold) or ends with a colon; bare short text is content.
  if (html) return false
  // Plain-text heading: short and either a known heading phrase or Title Case / ALL CAPS.
  if (words > 7) return false
  if (HEADING_WORDS.test(t)) return true
  const letters = t.replace(/[^A-Za-z]/g, "")
  if (letters.length >= 4 && letters === letters.toUpperCase()) return true
  return false
}

/**
 * A short unpunctuated line that opens a bulleted list ("What we're looking for" above "- 3+ years …"),
 * or stands alone in its block of text ("About Brightwave"), reads as a heading in plain text.
 */
function looksLikeBareHeading(line: string, lines: string[], index: number): boolean {
  const t = line.trim()
  if (/[.!?;,]$/.test(t) || t.split(/\s+/).length > 8 || !/^[A-Z0-9"“']/.test(t)) return false
  const next = lines[index + 1]
  if (next !== undefined) return BULLET.test(next)
  return lines.length === 1 && t.split(/\s+/).length <= 6
}

function stripHeadingPunctuation(text: string): string {
  return text.replace(/[\s:：\-–—]+$/, "").trim()
}

/** Splits "Requirements: 3+ years of …" into a heading and its content when the lead-in is a heading phrase. */
function splitInlineHeading(text: string): { heading: string; rest: string } | null {
  const m = /^([^:：.]{3,60})[:：]\s+(\S.*)$/.exec(text)
  if (!m) return null
  const head = m[1]!.trim()
  if (head.split(/\s+/).length > 6 || !HEADING_WORDS.test(head)) return null
  return { heading: head, rest: m[2]!.trim() }
}

const BULLET = /^\s*(?:[-*•·▪◦●○■□➢➤►▶✓✔–—]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/

// ---------------------------------------------------------------- section building

class SectionBuilder {
  readonly sections: PostingSection[] = []
  private current: PostingSection | null = null
  /** The heading a labelled field interrupted; text after the field belongs to it again. */
  private resume: { heading: string | null; level: number } | null = null

  constructor(private origin: PostingOrigin) {}

  setOrigin(origin: PostingOrigin) {
    this.origin = origin
    this.current = null
    this.resume = null
  }

  heading(text: string, level: number) {
    this.current = { heading: stripHeadingPunctuation(text), level, origin: this.origin, entries: [] }
    this.sections.push(this.current)
    this.resume = null
  }

  /**
   * "Location: Leeds" or "<b>Education:</b> BSN required": a label with its value. It gets a section of
   * its own, one level below everything, and what follows goes back under the heading before it.
   */
  field(label: string, kind: PostingEntry["kind"], text: string) {
    const before = this.resume ?? (this.current ? { heading: this.current.heading, level: this.current.level } : null)
    this.current = { heading: stripHeadingPunctuation(label), level: 9, origin: this.origin, entries: [] }
    this.sections.push(this.current)
    this.entry(kind, text)
    this.current = null
    this.resume = before
  }

  entry(kind: PostingEntry["kind"], text: string) {
    const clean = cleanSpaces(text.replace(BULLET, ""))
    if (!clean) return
    if (!this.current) {
      this.current = this.resume
        ? { heading: this.resume.heading, level: this.resume.level, origin: this.origin, entries: [] }
        : { heading: null, level: 0, origin: this.origin, entries: [] }
      this.sections.push(this.current)
    }
    this.current.entries.push({ kind, text: clean })
  }
}

function addHtml(builder: SectionBuilder, html: string, itemsByDefault = false) {
  // "Experience with:" followed by sub-bullets is one requirement: the sub-bullets are joined onto it.
  let lead: { depth: number; parts: string[] } | null = null
  const flushLead = () => {
    if (!lead) return
    const [first, ...rest] = lead.parts
    // A bullet "Nice to have:" with no sub-bullets, in a flat list, is a heading for the bullets after it.
    if (rest.length === 0 && HEADING_WORDS.test(first!) && first!.split(/\s+/).length <= 6) builder.heading(first!, 8)
    else builder.entry("item", rest.length ? `${first} ${rest.join(", ")}` : first!)
    lead = null
  }
  for (const block of htmlToBlocks(html)) {
    if (lead && block.inListItem && block.listDepth > lead.depth) {
      lead.parts.push(block.text.replace(/[.;,]$/, ""))
      continue
    }
    flushLead()
    if (block.inListItem && /[:：]$/.test(block.text)) {
      lead = { depth: block.listDepth, parts: [block.text] }
      continue
    }
    if (!block.inListItem) {
      if (looksLikeHeadingText(block.text, block.headingLevel > 0 || block.allEmphasis, true)) {
        builder.heading(block.text, block.headingLevel || (block.allEmphasis ? 7 : 8))
        continue
      }
      // "<b>Requirements:</b> 3+ years …" — a bold lead-in ending with a colon is a heading.
      if (block.leadEmphasis && /[:：]$/.test(block.leadEmphasis) && block.leadEmphasis.length <= 60) {
        builder.field(block.leadEmphasis, itemsByDefault ? "item" : "paragraph", block.text.slice(block.text.indexOf(block.leadEmphasis) + block.leadEmphasis.length))
        continue
      }
    }
    const bulleted = BULLET.test(block.text)
    builder.entry(block.inListItem || bulleted || itemsByDefault ? "item" : "paragraph", block.text)
  }
  flushLead()
}

/**
 * Plain text: blank lines separate runs; hard-wrapped lines are joined back; a run of several
 * logical lines (or bulleted ones) is a list, a single logical line is a paragraph.
 */
function addPlainText(builder: SectionBuilder, text: string, itemsByDefault = false) {
  const runs = text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)
  for (const run of runs) {
    // Markdown (some boards and pasted text): "## Heading", "**bold**" and "__bold__" are only emphasis here.
    const rawLines = run
      .split("\n")
      .map((l) => l.replace(/^\s{0,3}#{1,6}\s+/, "").replace(/\*\*|__/g, "").replace(/\s+$/, ""))
      .filter((l) => l.trim())
    const logical: string[] = []
    let prevRaw = ""
    for (const raw of rawLines) {
      const line = raw.trim()
      const prev = logical[logical.length - 1]
      let join = false
      if (prev !== undefined && !BULLET.test(line) && !splitInlineHeading(line) && !looksLikeHeadingText(prev, false)) {
        // Hard-wrapped prose has long lines; a short line followed by another is a list or a heading.
        const startsNew = /^[A-Z0-9"“(]/.test(line)
        const prevEnded = /[.!?:;)]\s*$/.test(prev)
        join = prevRaw.trim().length >= 50 ? !(startsNew && prevEnded) : /[-,]$/.test(prev) && /^[a-z]/.test(line)
      }
      if (join) {
        // A word broken across lines ("scal-\nable") is joined without a space.
        logical[logical.length - 1] = /[a-z]-$/.test(prev!) && /^[a-z]/.test(line) ? `${prev}${line}` : `${prev} ${line}`
      } else {
        logical.push(line)
      }
      prevRaw = raw
    }
    type Kind = { heading: string } | { field: { heading: string; rest: string } } | { content: string }
    const kinds: Kind[] = logical.map((line, index) => {
      // "Experience: Minimum 1 year as project manager" is a labelled field, not a heading.
      const inline = BULLET.test(line) ? null : splitInlineHeading(line)
      if (inline) return { field: inline }
      if (!BULLET.test(line) && (looksLikeHeadingText(line, false) || looksLikeBareHeading(line, logical, index))) return { heading: line }
      return { content: line }
    })
    const asList = itemsByDefault || kinds.filter((k) => "content" in k).length > 1
    for (const kind of kinds) {
      if ("heading" in kind) builder.heading(kind.heading, 5)
      else if ("field" in kind) builder.field(kind.field.heading, asList || BULLET.test(kind.field.rest) ? "item" : "paragraph", kind.field.rest)
      else builder.entry(asList || BULLET.test(kind.content) ? "item" : "paragraph", kind.content)
    }
  }
}

function addText(builder: SectionBuilder, text: string | undefined, itemsByDefault = false) {
  if (!text || !text.trim()) return
  if (looksLikeHtml(text)) addHtml(builder, text, itemsByDefault)
  else addPlainText(builder, decodeEntities(text), itemsByDefault)
}

function firstNonEmpty(...values: (string | undefined)[]): string | undefined {
  return values.find((v) => typeof v === "string" && v.trim() !== "")
}

/** Reads any supported posting shape into sections. Never throws on odd input: unknown shapes give no sections. */
export function parsePosting(input: LeverPostingLike | string): PostingDocument {
  if (typeof input === "string") {
    const builder = new SectionBuilder("description")
    addText(builder, input)
    return { sections: builder.sections }
  }
  if (input === null || typeof input !== "object") return { sections: [] }

  const builder = new SectionBuilder("description")
  const content = input.content && typeof input.content === "object" ? input.content : undefined
  const title = firstNonEmpty(input.text, input.title)

  // HTML keeps headings and bullets that the plain-text rendering flattens, so it comes first.
  const description = content
    ? firstNonEmpty(content.descriptionHtml, content.description)
    : firstNonEmpty(input.description, input.descriptionHtml, input.descriptionPlain,
      [input.opening ?? input.openingPlain, input.descriptionBody ?? input.descriptionBodyPlain].filter(Boolean).join("\n\n"))
  addText(builder, description)

  const lists = (content?.lists ?? input.lists ?? []).filter((l) => l && typeof l === "object")
  for (const list of lists) {
    builder.setOrigin("list")
    if (typeof list.text === "string" && list.text.trim()) builder.heading(decodeEntities(list.text), 2)
    addText(builder, typeof list.content === "string" ? list.content : "", true)
  }

  builder.setOrigin("closing")
  addText(builder, content ? firstNonEmpty(content.closingHtml, content.closing) : firstNonEmpty(input.additional, input.additionalPlain))

  return { title, sections: builder.sections }
}

/** The posting as plain text, sections in order: for prompts and for fairness checks on the whole text. */
export function postingToPlainText(doc: PostingDocument): string {
  const out: string[] = []
  if (doc.title) out.push(doc.title, "")
  for (const section of doc.sections) {
    if (section.heading) out.push(`${section.heading}:`)
    for (const entry of section.entries) out.push(entry.kind === "item" ? `- ${entry.text}` : entry.text)
    out.push("")
  }
  return out.join("\n").trim()
}
