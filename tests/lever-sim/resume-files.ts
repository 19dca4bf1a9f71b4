/**
 * Renders a resume (a small structured document) into real file bytes: PDF with pdf-lib (single- or
 * two-column), DOCX built with jszip (readable by mammoth and Word), or plain text. Also makes the
 * deliberately broken files for edge cases: a scanned (image-only) PDF, a corrupt PDF, a
 * password-protected PDF (RC4 40-bit standard security handler, hand-written because pdf-lib cannot
 * encrypt), a 40+ page PDF and a PDF with white 1-pt hidden text.
 *
 * Everything is deterministic: fixed dates in PDF metadata and zip entries, no random ids.
 */
import { createHash } from "node:crypto"

import JSZip from "jszip"
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib"

export interface ResumeSection {
  heading: string
  entries: { title?: string; meta?: string; lines: string[] }[]
}

export interface ResumeDocument {
  name: string
  headline: string
  contact: string[]
  summary: string
  sections: ResumeSection[]
  /** Sidebar content for the two-column layout (skills, languages). */
  sidebar: ResumeSection[]
}

export type ResumeLayout = "pdf-single" | "pdf-two-column" | "docx" | "txt"

/** Fixed document date so the same seed gives byte-identical files. */
const DOC_DATE = new Date(Date.UTC(2026, 0, 15, 9, 30, 0))

/** Helvetica (WinAnsi) cannot draw every script: fold accents and replace what remains. */
export function toWinAnsi(text: string): string {
  let out = ""
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff) || "–—‘’“”•…€".includes(ch)) {
      out += ch
      continue
    }
    const folded = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    out += [...folded].every((c) => c.codePointAt(0)! < 0x100) ? folded : "?"
  }
  return out
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let current = ""
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word
    if (current && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current)
      current = word
    } else {
      current = candidate
    }
  }
  if (current) lines.push(current)
  return lines
}

async function newPdf(title: string): Promise<PDFDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false })
  pdf.setTitle(toWinAnsi(title))
  pdf.setProducer("lever-sim resume generator")
  pdf.setCreator("lever-sim")
  pdf.setCreationDate(DOC_DATE)
  pdf.setModificationDate(DOC_DATE)
  return pdf
}

/** A cursor that writes wrapped lines down a column and starts new pages as needed. */
class Column {
  y: number
  constructor(
    private readonly pdf: PDFDocument,
    public page: PDFPage,
    private readonly x: number,
    private readonly width: number,
    private readonly top: number,
    private readonly bottom: number
  ) {
    this.y = top
  }

  write(text: string, font: PDFFont, size: number, gapAfter = 2): void {
    for (const line of wrap(toWinAnsi(text), font, size, this.width)) {
      if (this.y - size < this.bottom) {
        this.page = this.pdf.addPage([612, 792])
        this.y = this.top
      }
      this.y -= size
      this.page.drawText(line, { x: this.x, y: this.y, size, font, color: rgb(0.1, 0.1, 0.12) })
      this.y -= gapAfter
    }
  }

  space(points: number): void {
    this.y -= points
  }
}

function writeSections(column: Column, sections: ResumeSection[], regular: PDFFont, bold: PDFFont, size: number): void {
  for (const section of sections) {
    column.space(8)
    column.write(section.heading.toUpperCase(), bold, size + 1.5, 4)
    for (const entry of section.entries) {
      if (entry.title) column.write(entry.title, bold, size, 1)
      if (entry.meta) column.write(entry.meta, regular, size - 1, 2)
      for (const line of entry.lines) column.write(`• ${line}`, regular, size, 1.5)
      column.space(4)
    }
  }
}

export interface PdfExtras {
  /** White 1-pt text drawn at the bottom of the first page (keyword stuffing). */
  hiddenText?: string
  /** Repeat the experience section until the document has at least this many pages. */
  minPages?: number
}

export async function renderPdf(doc: ResumeDocument, twoColumn: boolean, extras: PdfExtras = {}): Promise<Uint8Array> {
  const pdf = await newPdf(`${doc.name} – Resume`)
  pdf.setAuthor(toWinAnsi(doc.name))
  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const first = pdf.addPage([612, 792])
  first.drawText(toWinAnsi(doc.name), { x: 48, y: 740, size: 22, font: bold })
  first.drawText(toWinAnsi(doc.headline), { x: 48, y: 718, size: 12, font: regular, color: rgb(0.3, 0.3, 0.35) })
  first.drawText(toWinAnsi(doc.contact.join("  |  ")), { x: 48, y: 700, size: 9, font: regular })
  first.drawLine({ start: { x: 48, y: 690 }, end: { x: 564, y: 690 }, thickness: 0.8, color: rgb(0.6, 0.6, 0.65) })

  if (twoColumn) {
    // Sidebar on the left (skills, languages), main column on the right: text extractors that read
    // strictly by y interleave the two, which is the point of this layout.
    first.drawRectangle({ x: 40, y: 40, width: 168, height: 640, color: rgb(0.94, 0.95, 0.97) })
    const side = new Column(pdf, first, 48, 152, 676, 48)
    writeSections(side, doc.sidebar, regular, bold, 9)
    const main = new Column(pdf, first, 224, 340, 676, 48)
    main.write(doc.summary, regular, 10, 2)
    writeSections(main, doc.sections, regular, bold, 10)
    await repeatUntil(pdf, main, doc, regular, bold, extras.minPages)
  } else {
    const main = new Column(pdf, first, 48, 516, 676, 48)
    main.write(doc.summary, regular, 10.5, 2)
    writeSections(main, doc.sections, regular, bold, 10.5)
    writeSections(main, doc.sidebar, regular, bold, 10.5)
    await repeatUntil(pdf, main, doc, regular, bold, extras.minPages)
  }
  if (extras.hiddenText) {
    first.drawText(toWinAnsi(extras.hiddenText), { x: 48, y: 30, size: 1, font: regular, color: rgb(1, 1, 1) })
  }
  return pdf.save()
}

async function repeatUntil(pdf: PDFDocument, column: Column, doc: ResumeDocument, regular: PDFFont, bold: PDFFont, minPages?: number): Promise<void> {
  if (!minPages) return
  const experience = doc.sections.find((s) => s.heading === "Experience") ?? doc.sections[0]
  if (!experience) return
  let round = 1
  while (pdf.getPageCount() < minPages) {
    writeSections(column, [{ heading: `Project history (part ${round})`, entries: experience.entries }], regular, bold, 10.5)
    round++
  }
}

/** A "scanned" resume: one page of vector shapes that look like lines of print, and no text at all. */
export async function renderScannedPdf(seedLineLengths: number[]): Promise<Uint8Array> {
  const pdf = await newPdf("Scan 2026-01-15")
  const page = pdf.addPage([612, 792])
  page.drawRectangle({ x: 0, y: 0, width: 612, height: 792, color: rgb(0.97, 0.96, 0.93) })
  let y = 730
  page.drawRectangle({ x: 60, y, width: 220, height: 16, color: rgb(0.15, 0.15, 0.15) })
  y -= 40
  for (const length of seedLineLengths) {
    if (y < 60) break
    page.drawRectangle({ x: 60, y, width: Math.max(40, Math.min(490, length)), height: 6, color: rgb(0.25, 0.25, 0.27), opacity: 0.85 })
    y -= 14
  }
  return pdf.save()
}

/** Starts like a PDF, then is garbage: no objects, no xref, no trailer. No reader can open it. */
export function renderCorruptPdf(noise: number[]): Uint8Array {
  const head = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa", "latin1")
  const tail = Buffer.from(noise.map((n) => n & 0xff))
  return new Uint8Array(Buffer.concat([head, tail]))
}

// ---- Password-protected PDF (PDF 1.4 standard security handler, revision 2, RC4 40-bit) ----

const PASSWORD_PAD = Buffer.from(
  "28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a", "hex"
)

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i)
  let j = 0
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff
    ;[s[i], s[j]] = [s[j]!, s[i]!]
  }
  const out = Buffer.alloc(data.length)
  let i = 0
  j = 0
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 0xff
    j = (j + s[i]!) & 0xff
    ;[s[i], s[j]] = [s[j]!, s[i]!]
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!
  }
  return out
}

const md5 = (...parts: Buffer[]): Buffer => createHash("md5").update(Buffer.concat(parts)).digest()
const padPassword = (password: string): Buffer => Buffer.concat([Buffer.from(password, "latin1"), PASSWORD_PAD]).subarray(0, 32)

/**
 * A one-page PDF encrypted with a user password, so readers report it as password-protected
 * (pdf.js: PasswordException; pdftotext: "Incorrect password"). With the password it opens and shows
 * the resume text, so this is a faithful protected file, not just a flag.
 */
export function renderEncryptedPdf(lines: string[], userPassword: string, ownerPassword: string, fileId: Buffer): Uint8Array {
  const permissions = -44 // print allowed, modify/copy disallowed (R2 bit layout)
  const pBytes = Buffer.alloc(4)
  pBytes.writeInt32LE(permissions)
  // Algorithm 3: the O entry.
  const ownerKey = md5(padPassword(ownerPassword)).subarray(0, 5)
  const oEntry = rc4(ownerKey, padPassword(userPassword))
  // Algorithm 2: the file key. Algorithm 4: the U entry.
  const fileKey = md5(padPassword(userPassword), oEntry, pBytes, fileId).subarray(0, 5)
  const uEntry = rc4(fileKey, PASSWORD_PAD)
  const objectKey = (num: number): Buffer =>
    md5(fileKey, Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, 0, 0])).subarray(0, 10)

  const escapePdf = (s: string): string => toWinAnsi(s).replace(/\\/g, "\\\\").replace(/\(/g, "\\(").replace(/\)/g, "\\)")
  const content = ["BT", "/F1 11 Tf", "14 TL", "50 740 Td", ...lines.map((l) => `(${escapePdf(l)}) Tj T*`), "ET"].join("\n")
  const encryptedContent = rc4(objectKey(4), Buffer.from(content, "latin1"))

  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>", "latin1"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "latin1"),
    Buffer.from("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>", "latin1"),
    Buffer.concat([Buffer.from(`<< /Length ${encryptedContent.length} >>\nstream\n`, "latin1"), encryptedContent, Buffer.from("\nendstream", "latin1")]),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>", "latin1"),
    Buffer.from(`<< /Filter /Standard /V 1 /R 2 /O <${oEntry.toString("hex")}> /U <${uEntry.toString("hex")}> /P ${permissions} >>`, "latin1")
  ]
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")]
  const offsets: number[] = []
  let length = chunks[0]!.length
  objects.forEach((body, index) => {
    offsets.push(length)
    const chunk = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, "latin1"), body, Buffer.from("\nendobj\n", "latin1")])
    chunks.push(chunk)
    length += chunk.length
  })
  const xref = [`xref\n0 ${objects.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("")
  const idHex = fileId.toString("hex")
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${idHex}> <${idHex}>] >>\nstartxref\n${length}\n%%EOF\n`, "latin1"))
  return new Uint8Array(Buffer.concat(chunks))
}

// ---- DOCX and text ----

const xmlEscape = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

function docxParagraph(text: string, style?: "Title" | "Heading1" | "Heading2" | "ListParagraph", rtl = false): string {
  const props = [style ? `<w:pStyle w:val="${style}"/>` : "", rtl ? "<w:bidi/>" : ""].join("")
  const runProps = rtl ? "<w:rPr><w:rtl/></w:rPr>" : ""
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}<w:r>${runProps}<w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`
}

export function documentLines(doc: ResumeDocument): { text: string; style?: "Title" | "Heading1" | "Heading2" | "ListParagraph" }[] {
  const lines: { text: string; style?: "Title" | "Heading1" | "Heading2" | "ListParagraph" }[] = [
    { text: doc.name, style: "Title" },
    { text: doc.headline },
    { text: doc.contact.join(" | ") },
    { text: "Summary", style: "Heading1" },
    { text: doc.summary }
  ]
  for (const section of [...doc.sections, ...doc.sidebar]) {
    lines.push({ text: section.heading, style: "Heading1" })
    for (const entry of section.entries) {
      if (entry.title) lines.push({ text: entry.title, style: "Heading2" })
      if (entry.meta) lines.push({ text: entry.meta })
      for (const line of entry.lines) lines.push({ text: line, style: "ListParagraph" })
    }
  }
  return lines
}

const RTL = /[\u0590-\u08ff]/

export async function renderDocx(doc: ResumeDocument): Promise<Uint8Array> {
  const body = documentLines(doc).map((l) => docxParagraph(l.text, l.style, RTL.test(l.text))).join("")
  const documentXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}` +
    `<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`
  const contentTypes =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
    `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
    `</Types>`
  const rels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
    `</Relationships>`
  const style = (id: string, name: string, extra: string) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:qFormat/>${extra}</w:style>`
  const stylesXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="21"/></w:rPr></w:style>` +
    style("Title", "Title", `<w:rPr><w:b/><w:sz w:val="44"/></w:rPr>`) +
    style("Heading1", "heading 1", `<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr>`) +
    style("Heading2", "heading 2", `<w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/></w:rPr>`) +
    style("ListParagraph", "List Paragraph", `<w:pPr><w:ind w:left="720"/></w:pPr>`) +
    `</w:styles>`
  const documentRels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    `</Relationships>`
  const zip = new JSZip()
  zip.file("[Content_Types].xml", contentTypes, { date: DOC_DATE, createFolders: false })
  zip.file("_rels/.rels", rels, { date: DOC_DATE, createFolders: false })
  zip.file("word/document.xml", documentXml, { date: DOC_DATE, createFolders: false })
  zip.file("word/styles.xml", stylesXml, { date: DOC_DATE, createFolders: false })
  zip.file("word/_rels/document.xml.rels", documentRels, { date: DOC_DATE, createFolders: false })
  const buffer = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } })
  return buffer
}

export function renderText(doc: ResumeDocument): Uint8Array {
  const out: string[] = []
  for (const line of documentLines(doc)) {
    if (line.style === "Heading1") out.push("", line.text.toUpperCase())
    else if (line.style === "ListParagraph") out.push(`- ${line.text}`)
    else out.push(line.text)
  }
  return new Uint8Array(Buffer.from(out.join("\n") + "\n", "utf8"))
}
