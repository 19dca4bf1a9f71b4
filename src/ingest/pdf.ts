/**
 * PDF text extraction shared by the Node and browser adapters. The pdf.js module is passed in because
 * Node needs the legacy build and the extension the modern one (see docs toolchain.md).
 *
 * Visible text comes from getTextContent() laid out by core/resume/layout. Hidden text (white fill,
 * tiny size, off-page, render mode 3, fully transparent fill) is found by walking the operator list —
 * getTextContent carries no colour — and attributing each showText's glyphs to text items in content
 * stream order.
 */
import type { HiddenTextFinding, ResumeStatus } from "~core/resume/model"
import { layoutPages, type PageRuns, type PositionedRun } from "~core/resume/layout"

/** The slice of the pdf.js module we use; both builds satisfy it. */
export interface PdfjsModule {
  getDocument(src: any): { promise: Promise<any>; destroy(): Promise<void> }
  OPS: Record<string, number>
}

export interface PdfLimits {
  maxPages: number
}

export interface PdfExtraction {
  status: ResumeStatus
  statusMessage?: string
  text: string
  hidden: HiddenTextFinding[]
  pages?: number
}

/** Below this size (points) text is unreadable on screen and in print. */
const TINY_FONT_PT = 3
/** A page with fewer visible characters than this per page is treated as a scan. */
const MIN_CHARS_PER_PAGE = 20

export async function extractPdf(pdfjs: PdfjsModule, bytes: Uint8Array, limits: PdfLimits): Promise<PdfExtraction> {
  // pdf.js transfers (detaches) the buffer it is given; keep the caller's bytes intact.
  const data = bytes.slice()
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0
  })
  let doc: any
  try {
    doc = await task.promise
  } catch (error) {
    await task.destroy().catch(() => undefined)
    return failureFromError(error)
  }
  try {
    const numPages: number = doc.numPages
    if (numPages > limits.maxPages) {
      return {
        status: "too_large",
        statusMessage: `This PDF has ${numPages} pages; the limit is ${limits.maxPages}.`,
        text: "",
        hidden: [],
        pages: numPages
      }
    }
    const pages: PageRuns[] = []
    const hidden: HiddenTextFinding[] = []
    let drawnChars = 0
    for (let n = 1; n <= numPages; n++) {
      const page = await doc.getPage(n)
      try {
        const result = await extractPage(pdfjs, page)
        pages.push(result.page)
        hidden.push(...result.hidden)
        drawnChars += result.drawnChars
      } finally {
        page.cleanup()
      }
    }
    const text = layoutPages(pages)
    const visibleChars = text.replace(/\s/g, "").length
    if (visibleChars === 0 && drawnChars === 0) {
      return {
        status: "no_text_layer",
        statusMessage: "This PDF has no text layer (it looks like a scanned image); it needs manual review or OCR.",
        text: "",
        hidden,
        pages: numPages
      }
    }
    if (visibleChars === 0) {
      return {
        status: "empty",
        statusMessage: "This PDF contains no visible text (all of its text is hidden).",
        text: "",
        hidden: mergeFindings(hidden),
        pages: numPages
      }
    }
    if (visibleChars < MIN_CHARS_PER_PAGE * numPages * 0.25 && drawnChars < MIN_CHARS_PER_PAGE) {
      return {
        status: "no_text_layer",
        statusMessage: "This PDF has almost no text layer (it looks like a scanned image); it needs manual review or OCR.",
        text,
        hidden: mergeFindings(hidden),
        pages: numPages
      }
    }
    return { status: "ok", text, hidden: mergeFindings(hidden), pages: numPages }
  } catch (error) {
    return failureFromError(error)
  } finally {
    await task.destroy().catch(() => undefined)
  }
}

function failureFromError(error: unknown): PdfExtraction {
  const name = (error as { name?: string } | null)?.name ?? ""
  if (name === "PasswordException") {
    return { status: "protected", statusMessage: "This PDF is password-protected.", text: "", hidden: [] }
  }
  const detail = name === "InvalidPDFException" ? "it is not a valid PDF" : "it is damaged or not a PDF"
  return { status: "unreadable", statusMessage: `This PDF could not be read: ${detail}.`, text: "", hidden: [] }
}

type HiddenReason = HiddenTextFinding["reason"]

interface GlyphSpan {
  /** Non-whitespace characters this showText drew (NFKC-normalised, as getTextContent reports them). */
  chars: number
  reason: HiddenReason | null
  /** Drawn wholly outside the page box: pdf.js leaves such text out of getTextContent. */
  offPage: boolean
  text: string
}

async function extractPage(pdfjs: PdfjsModule, page: any): Promise<{ page: PageRuns; hidden: HiddenTextFinding[]; drawnChars: number }> {
  const [x0, y0, x1, y1] = page.view as number[]
  const content = await page.getTextContent({ disableNormalization: false })
  // A page without text (a scan) needs no visibility walk — and its images need no decoding.
  const hasText = (content.items as any[]).some((it) => typeof it.str === "string" && it.str.trim().length > 0)
  const allSpans = hasText ? walkOperators(pdfjs.OPS, await page.getOperatorList(), page.view) : []

  const visible: PositionedRun[] = []
  const hiddenRuns: { reason: HiddenReason; str: string }[] = []
  // Off-page text never reaches getTextContent: report it from the operator walk.
  for (const span of allSpans) if (span.offPage && span.chars > 0) hiddenRuns.push({ reason: "off_page", str: span.text })
  const totalItemChars = content.items.reduce((n: number, it: any) => n + countChars(it.str ?? ""), 0)
  const sum = (list: GlyphSpan[]) => list.reduce((n, s) => n + s.chars, 0)
  // Attribution by order only works when both walks saw the same glyphs (with or without the off-page
  // ones); otherwise fall back to the geometric checks that need no colour.
  const onPage = allSpans.filter((s) => !s.offPage)
  const spans = sum(allSpans) === totalItemChars ? allSpans : onPage
  const aligned = sum(spans) === totalItemChars
  let spanIndex = 0
  let spanLeft = spans.length > 0 ? spans[0].chars : 0

  let drawnChars = 0
  for (const item of content.items as any[]) {
    if (typeof item.str !== "string") continue
    const n = countChars(item.str)
    drawnChars += n
    let reasonVotes: Partial<Record<HiddenReason | "visible", number>> = {}
    if (aligned) {
      let need = n
      while (need > 0 && spanIndex < spans.length) {
        const take = Math.min(need, spanLeft)
        const key = spans[spanIndex].reason ?? "visible"
        reasonVotes[key] = (reasonVotes[key] ?? 0) + take
        need -= take
        spanLeft -= take
        if (spanLeft === 0) {
          spanIndex++
          spanLeft = spanIndex < spans.length ? spans[spanIndex].chars : 0
        }
      }
    } else {
      reasonVotes = {}
    }
    const [a, b, c, d, e, f] = item.transform as number[]
    const fontSize = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 0
    let reason: HiddenReason | null = majorityHidden(reasonVotes, n)
    if (!reason && n > 0) {
      if (fontSize > 0 && fontSize < TINY_FONT_PT) reason = "tiny_text"
      else if (isOffPage(e, f, item.width ?? 0, fontSize, x0, y0, x1, y1)) reason = "off_page"
    }
    if (reason) {
      hiddenRuns.push({ reason, str: item.str })
      continue
    }
    // Rotated text (vertical labels) keeps its order but has no meaningful x: place it at its origin.
    visible.push({ str: item.str, x: e - x0, y: f - y0, width: item.width ?? 0, fontSize: fontSize || 10, fontName: item.fontName })
  }
  return {
    page: { width: x1 - x0, height: y1 - y0, runs: visible },
    hidden: groupHidden(hiddenRuns),
    drawnChars
  }
}

function majorityHidden(votes: Partial<Record<HiddenReason | "visible", number>>, n: number): HiddenReason | null {
  let best: HiddenReason | null = null
  let bestCount = 0
  for (const [key, count] of Object.entries(votes) as [HiddenReason | "visible", number][]) {
    if (key === "visible") continue
    if (count > bestCount) {
      best = key
      bestCount = count
    }
  }
  return best && bestCount * 2 > n ? best : null
}

function countChars(s: string): number {
  let n = 0
  for (const ch of s.normalize("NFKC")) if (!/\s/.test(ch)) n++
  return n
}

function isOffPage(x: number, y: number, width: number, size: number, x0: number, y0: number, x1: number, y1: number): boolean {
  const margin = 1
  return x + width < x0 - margin || x > x1 + margin || y + size < y0 - margin || y > y1 + margin
}

/** Consecutive hidden items with the same reason become one finding with a readable excerpt. */
function groupHidden(runs: { reason: HiddenReason; str: string }[]): HiddenTextFinding[] {
  const out: HiddenTextFinding[] = []
  for (const run of runs) {
    const last = out[out.length - 1]
    if (last && last.reason === run.reason) last.excerpt += run.str.startsWith(" ") || last.excerpt.endsWith(" ") ? run.str : ` ${run.str}`
    else out.push({ reason: run.reason, excerpt: run.str })
  }
  return out
    .map((f) => ({ ...f, excerpt: f.excerpt.replace(/\s+/g, " ").trim() }))
    .filter((f) => f.excerpt.length > 0)
}

const MAX_EXCERPT = 500

/** One finding per reason across the document, excerpts joined and capped for display. */
function mergeFindings(findings: HiddenTextFinding[]): HiddenTextFinding[] {
  const byReason = new Map<HiddenReason, string[]>()
  for (const f of findings) {
    const list = byReason.get(f.reason) ?? []
    list.push(f.excerpt)
    byReason.set(f.reason, list)
  }
  return [...byReason.entries()].map(([reason, parts]) => {
    const excerpt = parts.join(" … ")
    return { reason, excerpt: excerpt.length > MAX_EXCERPT ? `${excerpt.slice(0, MAX_EXCERPT - 1)}…` : excerpt }
  })
}

type Matrix = [number, number, number, number, number, number]

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5]
  ]
}

interface GraphicsState {
  ctm: Matrix
  fill: string
  fillAlpha: number
  renderMode: number
}

interface FilledRect {
  x0: number
  y0: number
  x1: number
  y1: number
  color: string
}

/**
 * Walks the operator list in drawing order, keeping the state that decides visibility (fill colour, fill
 * alpha, render mode, font size, text and current matrices), and returns one span per showText.
 * Text counts as "white" (invisible) when its fill matches the colour painted beneath it — the paper or
 * the topmost filled shape there — so white on a dark sidebar is legible and grey on the same grey is not.
 */
export function walkOperators(OPS: Record<string, number>, opList: { fnArray: number[]; argsArray: any[] }, view: number[]): GlyphSpan[] {
  const spans: GlyphSpan[] = []
  const stack: GraphicsState[] = []
  let gs: GraphicsState = { ctm: [1, 0, 0, 1, 0, 0], fill: "#000000", fillAlpha: 1, renderMode: 0 }
  let textMatrix: Matrix = [1, 0, 0, 1, 0, 0]
  let lineMatrix: Matrix = [1, 0, 0, 1, 0, 0]
  let fontSize = 0
  let leading = 0
  let hScale = 1
  let charSpacing = 0
  let wordSpacing = 0
  let rise = 0
  const rects: FilledRect[] = []
  const { fnArray, argsArray } = opList
  const [vx0, vy0, vx1, vy1] = view
  const pageArea = Math.max(1, (vx1 - vx0) * (vy1 - vy0))

  const fillOps = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]
    const args = argsArray[i]
    switch (fn) {
      case OPS.save:
        stack.push({ ...gs, ctm: [...gs.ctm] as Matrix })
        break
      case OPS.restore:
        gs = stack.pop() ?? gs
        break
      case OPS.transform: {
        const m = matrixArg(args) ?? matrixArg(args?.[0])
        if (m) gs.ctm = multiply(m, gs.ctm)
        break
      }
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...gs, ctm: [...gs.ctm] as Matrix })
        const m = matrixArg(args?.[0])
        if (m) gs.ctm = multiply(m, gs.ctm)
        break
      }
      case OPS.paintFormXObjectEnd:
        gs = stack.pop() ?? gs
        break
      case OPS.setFillRGBColor:
        gs.fill = typeof args?.[0] === "string" ? args[0].toLowerCase() : gs.fill
        break
      case OPS.setFillTransparent:
        gs.fill = "transparent"
        break
      case OPS.setGState:
        for (const entry of (args?.[0] ?? []) as [string, unknown][]) {
          if (entry[0] === "ca" && typeof entry[1] === "number") gs.fillAlpha = entry[1]
        }
        break
      case OPS.setTextRenderingMode:
        gs.renderMode = args?.[0] ?? 0
        break
      case OPS.beginText:
        textMatrix = [1, 0, 0, 1, 0, 0]
        lineMatrix = [1, 0, 0, 1, 0, 0]
        break
      case OPS.setFont:
        fontSize = args?.[1] ?? fontSize
        break
      case OPS.setLeading:
        leading = args?.[0] ?? leading
        break
      case OPS.setHScale:
        hScale = (args?.[0] ?? 100) / 100
        break
      case OPS.setCharSpacing:
        charSpacing = args?.[0] ?? 0
        break
      case OPS.setWordSpacing:
        wordSpacing = args?.[0] ?? 0
        break
      case OPS.setTextRise:
        rise = args?.[0] ?? 0
        break
      case OPS.setTextMatrix: {
        // pdf.js 5 passes the matrix as one typed array; older builds as six numbers.
        const m = matrixArg(args?.[0]) ?? matrixArg(args)
        if (m) {
          textMatrix = m
          lineMatrix = [...m] as Matrix
        }
        break
      }
      case OPS.moveText:
        lineMatrix = multiply([1, 0, 0, 1, args[0], args[1]], lineMatrix)
        textMatrix = [...lineMatrix] as Matrix
        break
      case OPS.setLeadingMoveText:
        leading = -args[1]
        lineMatrix = multiply([1, 0, 0, 1, args[0], args[1]], lineMatrix)
        textMatrix = [...lineMatrix] as Matrix
        break
      case OPS.nextLine:
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText:
        lineMatrix = multiply([1, 0, 0, 1, 0, -leading], lineMatrix)
        textMatrix = [...lineMatrix] as Matrix
        if (fn !== OPS.nextLine) handleShow(args?.[args.length - 1])
        break
      case OPS.showText:
      case OPS.showSpacedText:
        handleShow(args?.[0])
        break
      case OPS.constructPath: {
        const paintOp = args?.[0]
        const minMax = args?.[2]
        if (fillOps.has(paintOp) && minMax && minMax.length === 4 && gs.fill !== "transparent") {
          const corners = [
            apply(gs.ctm, minMax[0], minMax[1]),
            apply(gs.ctm, minMax[2], minMax[3]),
            apply(gs.ctm, minMax[0], minMax[3]),
            apply(gs.ctm, minMax[2], minMax[1])
          ]
          const xs = corners.map((c) => c[0])
          const ys = corners.map((c) => c[1])
          const rect = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys), color: gs.fill }
          // A page-sized white fill is just the paper; remember everything else.
          const area = (rect.x1 - rect.x0) * (rect.y1 - rect.y0)
          if (!(isWhite(rect.color) && area > pageArea * 0.9)) rects.push(rect)
        }
        break
      }
      default:
        break
    }
  }
  return spans

  function handleShow(glyphs: unknown): void {
    if (!Array.isArray(glyphs)) return
    let chars = 0
    let advance = 0
    let text = ""
    for (const g of glyphs) {
      if (typeof g === "number") {
        advance -= (g / 1000) * fontSize * hScale
        continue
      }
      if (!g || typeof g !== "object") continue
      const glyph = g as { unicode?: string; width?: number; isSpace?: boolean }
      if (typeof glyph.unicode === "string") {
        text += glyph.unicode
        for (const ch of glyph.unicode.normalize("NFKC")) if (!/\s/.test(ch)) chars++
      }
      advance += (((glyph.width ?? 0) / 1000) * fontSize + charSpacing + (glyph.isSpace ? wordSpacing : 0)) * hScale
    }
    const trm = multiply(multiply([1, 0, 0, 1, 0, rise], textMatrix), gs.ctm)
    const size = Math.hypot(trm[2], trm[3])
    const [ox, oy] = [trm[4], trm[5]]
    // Advance the text matrix so later showTexts on the same line are placed right.
    textMatrix = multiply([1, 0, 0, 1, advance, 0], textMatrix)
    const endTrm = multiply(multiply([1, 0, 0, 1, 0, rise], textMatrix), gs.ctm)
    const [ex, ey] = [endTrm[4], endTrm[5]]
    const outside = (x: number, y: number) => x < vx0 - 1 || x > vx1 + 1 || y + size < vy0 - 1 || y > vy1 + 1
    const offPage = outside(ox, oy) && outside(ex, ey) && (Math.min(ox, ex) > vx1 || Math.max(ox, ex) < vx0 || oy + size < vy0 || oy > vy1)
    let reason: HiddenReason | null = null
    if (gs.renderMode === 3 || gs.renderMode === 7) reason = "invisible_render_mode"
    else if (gs.fillAlpha === 0 || gs.fill === "transparent") reason = gs.renderMode === 0 ? "white_text" : null
    else if ((gs.renderMode === 0 || gs.renderMode === 4) && sameColour(gs.fill, backgroundAt(ox, oy, size))) reason = "white_text"
    if (offPage) reason = "off_page"
    spans.push({ chars, reason, offPage, text })
  }

  /** The colour last painted under a point: the topmost filled shape there, else the white paper. */
  function backgroundAt(x: number, y: number, size: number): string {
    // Sample the middle of the glyphs; only a shape tall enough to sit behind them counts (an underline
    // or a rule in the text's own colour is not a background).
    const cx = x + size * 0.25
    const cy = y + size * 0.35
    for (let k = rects.length - 1; k >= 0; k--) {
      const r = rects[k]
      if (r.y1 - r.y0 < size * 0.6) continue
      if (cx >= r.x0 && cx <= r.x1 && cy >= r.y0 && cy <= r.y1) return r.color
    }
    return "#ffffff"
  }
}

function matrixArg(value: unknown): Matrix | null {
  if (!value || !(Array.isArray(value) || ArrayBuffer.isView(value))) return null
  const list = Array.from(value as ArrayLike<number>)
  return list.length === 6 && list.every((n) => typeof n === "number" && Number.isFinite(n)) ? (list as Matrix) : null
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
}

function rgb(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : null
}

function isWhite(hex: string): boolean {
  const c = rgb(hex)
  return !!c && c.every((v) => v >= 242)
}

/**
 * Text whose fill matches what lies beneath it (white on the paper, grey on a grey box) cannot be read.
 * A difference of up to 13 per channel (5%) is invisible in print and on screen.
 */
function sameColour(text: string, background: string): boolean {
  const a = rgb(text)
  const b = rgb(background)
  return !!a && !!b && a.every((v, i) => Math.abs(v - b[i]) <= 13)
}
