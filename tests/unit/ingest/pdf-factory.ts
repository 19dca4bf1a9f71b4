/**
 * PDFs made in the tests, so each case is real bytes a reader must handle: hidden text of every kind,
 * image-only pages, encryption, damage. Built with pdf-lib (a dev dependency) or by hand where pdf-lib
 * cannot (a password-protected file).
 */
import { PDFDocument, rgb, setTextRenderingMode, StandardFonts, TextRenderingMode, cmyk, grayscale } from "pdf-lib"

export const VISIBLE_LINES = [
  "Jane Example",
  "EXPERIENCE",
  "Frontend Engineer, Acme Corp — Jan 2020 – Present",
  "- Built React and TypeScript dashboards used by 40 clinics.",
  "- Led accessibility work to WCAG 2.1 AA.",
  "EDUCATION",
  "B.Sc. Computer Science, Example University, 2015 – 2019",
  "SKILLS",
  "React, TypeScript, Jest, Playwright, GraphQL"
]

export type HiddenKind = "white" | "white_gray_op" | "white_cmyk" | "tiny" | "off_page" | "render_mode_3" | "grey_on_grey" | "none"

export const HIDDEN_TEXT = "Kubernetes Terraform Rust Golang Kafka Elasticsearch"

/** A one-page resume with VISIBLE_LINES, plus HIDDEN_TEXT drawn invisibly the way `kind` says. */
export async function resumePdf(kind: HiddenKind, opts: { whiteOnDark?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([612, 792])
  let y = 740
  for (const line of VISIBLE_LINES) {
    page.drawText(line, { x: 50, y, size: 11, font, color: rgb(0, 0, 0) })
    y -= 18
  }
  switch (kind) {
    case "white":
      page.drawText(HIDDEN_TEXT, { x: 50, y: 300, size: 10, font, color: rgb(1, 1, 1) })
      break
    case "white_gray_op":
      page.drawText(HIDDEN_TEXT, { x: 50, y: 300, size: 10, font, color: grayscale(1) })
      break
    case "white_cmyk":
      page.drawText(HIDDEN_TEXT, { x: 50, y: 300, size: 10, font, color: cmyk(0, 0, 0, 0) })
      break
    case "tiny":
      page.drawText(HIDDEN_TEXT, { x: 50, y: 300, size: 1, font, color: rgb(0, 0, 0) })
      break
    case "off_page":
      page.drawText(HIDDEN_TEXT, { x: 50, y: -200, size: 10, font, color: rgb(0, 0, 0) })
      break
    case "render_mode_3":
      page.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible))
      page.drawText(HIDDEN_TEXT, { x: 50, y: 300, size: 10, font, color: rgb(0, 0, 0) })
      page.pushOperators(setTextRenderingMode(TextRenderingMode.Fill))
      break
    case "grey_on_grey":
      // A shaded box (a sidebar, say) with text of the box's own colour on it.
      page.drawRectangle({ x: 40, y: 280, width: 530, height: 40, color: rgb(0.85, 0.85, 0.85) })
      page.drawText(HIDDEN_TEXT, { x: 50, y: 300, size: 10, font, color: rgb(0.86, 0.86, 0.86) })
      break
    case "none":
      // A shaded box with dark text on it: legible.
      page.drawRectangle({ x: 40, y: 280, width: 530, height: 40, color: rgb(0.85, 0.85, 0.85) })
      page.drawText("Languages: English, French", { x: 50, y: 300, size: 10, font, color: rgb(0.1, 0.1, 0.1) })
      break
  }
  if (opts.whiteOnDark) {
    // A dark banner with white text on it: legible, must not be flagged.
    page.drawRectangle({ x: 40, y: 90, width: 530, height: 40, color: rgb(0.1, 0.2, 0.4) })
    page.drawText("PORTFOLIO HIGHLIGHTS", { x: 50, y: 105, size: 14, font, color: rgb(1, 1, 1) })
  }
  return doc.save({ useObjectStreams: false })
}

/** A two-page PDF with text on each page. */
export async function multiPagePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([612, 792])
    page.drawText(`Page ${i + 1}: Senior Accountant with month-end close experience.`, { x: 50, y: 700, size: 11, font })
  }
  return doc.save()
}

// A 1×1 grey PNG: a "scan" scaled to the page.
const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="

export async function imageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const png = await doc.embedPng(Buffer.from(PNG_1X1, "base64"))
  const page = doc.addPage([612, 792])
  page.drawImage(png, { x: 0, y: 0, width: 612, height: 792 })
  return doc.save()
}

/** A PDF whose only text is invisible: readable, but nothing to score. */
export async function onlyHiddenTextPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([612, 792])
  page.drawText(HIDDEN_TEXT, { x: 50, y: 300, size: 10, font, color: rgb(1, 1, 1) })
  return doc.save()
}

/**
 * A PDF encrypted with the standard security handler whose user password is not empty: the /U entry
 * does not match the empty password, so a reader must ask for one.
 */
export function passwordProtectedPdf(): Uint8Array {
  const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, "0")).join("")
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
    "<< /Length 0 >>\nstream\n\nendstream",
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 11)}> /U <${hex(32, 99)}> /P -44 >>`
  ]
  let body = "%PDF-1.4\n"
  const offsets: number[] = []
  objects.forEach((obj, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${hex(16, 5)}> <${hex(16, 5)}>] >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(body)
}

/** "%PDF" followed by noise: what a truncated or mangled upload looks like. */
export function corruptPdf(): Uint8Array {
  const noise = Array.from({ length: 4000 }, (_, i) => (i * 131 + 7) % 251)
  return new Uint8Array([...new TextEncoder().encode("%PDF-1.7\n"), ...noise])
}
