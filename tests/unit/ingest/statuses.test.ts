/**
 * Every way a file can fail gets its own status and a message (never a silent zero), and every
 * readable format (PDF, DOCX, plain text) comes out with the same structure. Ingestion is
 * deterministic and keyed by the SHA-256 of the bytes.
 */
import { createHash } from "node:crypto"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { ingestBytes, ingestFile } from "~ingest/node"
import { sniffKind } from "~ingest/sniff"
import { docx } from "./docx-factory"
import { FIXTURES, NOW } from "./corpus"
import { corruptPdf, imageOnlyPdf, multiPagePdf, onlyHiddenTextPdf, passwordProtectedPdf, resumePdf } from "./pdf-factory"

const T = 120_000
const enc = (s: string) => new TextEncoder().encode(s)

describe("unreadable files get a clear status", () => {
  it("image-only (scanned) PDF → no_text_layer", async () => {
    const doc = await ingestBytes(await imageOnlyPdf(), { fileName: "scan.pdf" })
    expect(doc).toMatchObject({ status: "no_text_layer", source: "pdf", text: "", pages: 1 })
    expect(doc.statusMessage).toMatch(/no text layer/i)
  }, T)

  it("corrupt PDF → unreadable", async () => {
    const doc = await ingestBytes(corruptPdf(), { fileName: "resume.pdf" })
    expect(doc.status).toBe("unreadable")
    expect(doc.statusMessage).toMatch(/could not be read/)
  }, T)

  it("a truncated PDF never passes as an empty success", async () => {
    const full = await resumePdf("none")
    const doc = await ingestBytes(full.slice(0, Math.floor(full.length / 3)), { fileName: "resume.pdf" })
    expect(doc.status).not.toBe("ok")
    expect(doc.statusMessage).toBeTruthy()
  }, T)

  it("a non-PDF named .pdf → unreadable", async () => {
    const doc = await ingestBytes(enc("<html>Not found</html>"), { fileName: "resume.pdf", mimeType: "application/pdf" })
    expect(doc.status).toBe("unreadable")
  }, T)

  it("password-protected PDF → protected", async () => {
    const doc = await ingestBytes(passwordProtectedPdf(), { fileName: "resume.pdf" })
    expect(doc.status).toBe("protected")
    expect(doc.statusMessage).toMatch(/password/)
  }, T)

  it("over the size limit → too_large, before parsing", async () => {
    const bytes = await resumePdf("none")
    const doc = await ingestBytes(bytes, { fileName: "resume.pdf" }, { maxBytes: 500 })
    expect(doc.status).toBe("too_large")
    expect(doc.statusMessage).toMatch(/limit is 500 bytes/)
    const dir = mkdtempSync(join(tmpdir(), "ingest-"))
    writeFileSync(join(dir, "big.pdf"), bytes)
    expect((await ingestFile(join(dir, "big.pdf"), { maxBytes: 500 })).status).toBe("too_large")
  }, T)

  it("over the page limit → too_large with the page count", async () => {
    const doc = await ingestBytes(await multiPagePdf(3), { fileName: "resume.pdf" }, { maxPages: 2 })
    expect(doc).toMatchObject({ status: "too_large", pages: 3 })
    expect(doc.statusMessage).toMatch(/3 pages; the limit is 2/)
    const ok = await ingestBytes(await multiPagePdf(3), { fileName: "resume.pdf" }, { maxPages: 3 })
    expect(ok.status).toBe("ok")
    expect(ok.text.split("\n\n")).toHaveLength(3)
  }, T)

  it("legacy .doc and unknown binaries → unsupported", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)])
    const doc = await ingestBytes(ole, { fileName: "resume.doc" })
    expect(doc.status).toBe("unsupported")
    expect(doc.statusMessage).toMatch(/\.doc/)
    const binary = new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 89) % 256))
    expect((await ingestBytes(binary, { fileName: "resume.bin" })).status).toBe("unsupported")
    expect((await ingestBytes(enc("{\\rtf1 hello}"), { fileName: "cv.rtf" })).status).toBe("unsupported")
  }, T)

  it("readable but empty → empty", async () => {
    expect((await ingestBytes(new Uint8Array(0), { fileName: "resume.txt" })).status).toBe("empty")
    expect((await ingestBytes(enc(" \n\t\n "), { fileName: "resume.txt" })).status).toBe("empty")
    expect((await ingestBytes(await docx([{ p: "" }]), { fileName: "resume.docx" })).status).toBe("empty")
    const hiddenOnly = await ingestBytes(await onlyHiddenTextPdf(), { fileName: "resume.pdf" })
    expect(hiddenOnly.status).toBe("empty")
    expect(hiddenOnly.hidden[0].reason).toBe("white_text")
  }, T)

  it("a damaged .docx → unreadable", async () => {
    const bytes = await docx([{ p: "Hello" }])
    const doc = await ingestBytes(bytes.slice(0, 200), { fileName: "resume.docx" })
    expect(doc.status).toBe("unreadable")
  }, T)
})

describe("readable formats", () => {
  it("DOCX: headings, paragraphs, bullets and table cells become lines and sections", async () => {
    const bytes = await docx([
      { p: "Jane Example" },
      { heading: "Experience" },
      { p: "Frontend Engineer, Acme Corp — Jan 2020 – Present" },
      { bullet: "Built React dashboards" },
      { bullet: "Led accessibility work & testing" },
      { heading: "Skills" },
      { table: [["React", "TypeScript"], ["Jest", "Playwright"]] }
    ])
    const doc = await ingestBytes(bytes, { fileName: "resume.docx" }, { now: NOW })
    expect(doc.status).toBe("ok")
    expect(doc.source).toBe("docx")
    expect(doc.text).toBe(
      "Jane Example\n\nExperience\nFrontend Engineer, Acme Corp — Jan 2020 – Present\n• Built React dashboards\n• Led accessibility work & testing\n\nSkills\nReact | TypeScript\nJest | Playwright"
    )
    expect(doc.sections!.map((s) => s.kind)).toEqual(["experience", "skills"])
    expect(doc.roles).toEqual([
      expect.objectContaining({ title: "Frontend Engineer", organisation: "Acme Corp", startMonth: 2020 * 12, endMonth: null })
    ])
  }, T)

  it("DOCX: a real Word file from the fixtures", async () => {
    const doc = await ingestFile(`${FIXTURES}/jd/resume-matcher/docx/Senior_Software_Developer.docx`)
    expect(doc.status).toBe("ok")
    expect(doc.text).toContain("At least 3+ years industry experience in PHP, Core PHP, Laravel and Angular")
    expect(doc.text.split("\n").filter((l) => l.startsWith("·")).length).toBeGreaterThan(5)
  }, T)

  it("plain text in UTF-8, UTF-16 and Windows-1252", async () => {
    const text = "Inés Valdivia\nEXPERIENCE\nDesigner — Café Studio, 2019 – 2021"
    const utf8 = await ingestBytes(enc(text), { fileName: "cv.txt" })
    expect(utf8).toMatchObject({ status: "ok", source: "text", text })
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])])
    expect((await ingestBytes(utf16, { fileName: "cv.txt" })).text).toBe(text)
    // Windows-1252 has the dashes at 0x96/0x97; é is 0xE9.
    const cp1252 = new Uint8Array(Array.from(text).map((c) => (c === "–" ? 0x96 : c === "—" ? 0x97 : c.charCodeAt(0))))
    expect((await ingestBytes(cp1252, { fileName: "cv.txt" })).text).toBe(text)
  }, T)

  it("sniffs the real format regardless of the name", async () => {
    expect(sniffKind(await resumePdf("none"), { fileName: "resume.docx" })).toBe("pdf")
    expect(sniffKind(await docx([{ p: "x" }]), { fileName: "resume.pdf" })).toBe("docx")
    expect((await ingestBytes(await docx([{ p: "Jane" }]), { fileName: "resume.pdf" })).source).toBe("docx")
  }, T)
})

describe("content hash and determinism", () => {
  it("is the SHA-256 of the bytes, and the same bytes give the same document", async () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}/resumes/pdf/resume-matcher__resume_1_john_smith.pdf`))
    const a = await ingestBytes(bytes, { fileName: "a.pdf" }, { now: NOW })
    const b = await ingestBytes(bytes, { fileName: "b.pdf" }, { now: NOW })
    expect(a.contentHash).toBe(createHash("sha256").update(bytes).digest("hex"))
    expect(b).toEqual(a)
    // The caller's buffer is left intact (pdf.js transfers what it is given).
    expect(bytes.byteLength).toBeGreaterThan(0)
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(a.contentHash)
  }, T)

  it("failed documents carry the hash too, so they are not re-downloaded", async () => {
    const doc = await ingestBytes(corruptPdf(), { fileName: "x.pdf" })
    expect(doc.contentHash).toMatch(/^[0-9a-f]{64}$/)
  }, T)
})
