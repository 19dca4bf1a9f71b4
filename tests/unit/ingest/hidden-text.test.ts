/**
 * Hidden text: white, tiny, off-page and render-mode-3 text is excluded from `text` and reported with
 * its excerpt — on PDFs generated here for each kind and on the real eval-dev adversarial PDFs — and
 * nothing is flagged on the clean fixtures.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { ingestBytes } from "~ingest/node"
import { evalPairs, FIXTURES, ingestCached, pdfsUnder } from "./corpus"
import { HIDDEN_TEXT, resumePdf, VISIBLE_LINES, type HiddenKind } from "./pdf-factory"

const T = 300_000

describe("generated PDFs with hidden text", () => {
  const table: [HiddenKind, string][] = [
    ["white", "white_text"],
    ["white_gray_op", "white_text"],
    ["white_cmyk", "white_text"],
    ["tiny", "tiny_text"],
    ["off_page", "off_page"],
    ["render_mode_3", "invisible_render_mode"],
    ["grey_on_grey", "white_text"]
  ]
  it.each(table)("%s text is excluded and reported as %s", async (kind, reason) => {
    const doc = await ingestBytes(await resumePdf(kind), { fileName: "resume.pdf" })
    expect(doc.status).toBe("ok")
    expect(doc.text).not.toContain("Kubernetes")
    expect(doc.text).not.toContain("Elasticsearch")
    for (const line of VISIBLE_LINES) expect(doc.text).toContain(line)
    expect(doc.hidden).toEqual([{ reason, excerpt: HIDDEN_TEXT }])
  }, T)

  it("does not flag white text on a dark fill, or a clean page", async () => {
    const banner = await ingestBytes(await resumePdf("none", { whiteOnDark: true }), { fileName: "resume.pdf" })
    expect(banner.hidden).toEqual([])
    expect(banner.text).toContain("PORTFOLIO HIGHLIGHTS")
    const clean = await ingestBytes(await resumePdf("none"), { fileName: "resume.pdf" })
    expect(clean.hidden).toEqual([])
    expect(clean.text).toContain("Languages: English, French")
  }, T)

  it("still flags white text beside a dark banner elsewhere on the page", async () => {
    const doc = await ingestBytes(await resumePdf("white", { whiteOnDark: true }), { fileName: "resume.pdf" })
    expect(doc.hidden).toEqual([{ reason: "white_text", excerpt: HIDDEN_TEXT }])
    expect(doc.text).toContain("PORTFOLIO HIGHLIGHTS")
  }, T)
})

describe("the eval-dev adversarial PDFs", () => {
  const hiddenPairs = evalPairs().filter((p) => p.hiddenText)
  it("has the two hidden_keywords PDFs", () => expect(hiddenPairs.length).toBe(2))

  it.each(hiddenPairs.map((p) => [p.pdf.split("/").pop()!, p] as const))("%s: the 1-pt white block is hidden and reported", async (_n, pair) => {
    const doc = await ingestCached(pair.pdf)
    const injected = pair.hiddenText!.replace(/\s+/g, " ").trim()
    expect(doc.hidden.length).toBe(1)
    // Drawn white at 1 pt: either reason is right; white is checked first.
    expect(["white_text", "tiny_text"]).toContain(doc.hidden[0].reason)
    expect(doc.hidden[0].excerpt.replace(/\s+/g, " ")).toBe(injected.length > 500 ? doc.hidden[0].excerpt : injected)
    // None of the block's words reach the scoring text unless the visible resume has them too.
    const visibleTwin = readFileSync(pair.txt, "utf8").replace(pair.hiddenText!, "")
    const onlyHidden = injected.split(/[\s,;]+/).filter((w) => w.length > 3 && !visibleTwin.includes(w))
    expect(onlyHidden.length).toBeGreaterThan(0)
    for (const w of onlyHidden) expect(doc.text).not.toContain(w)
  }, T)
})

describe("no false flags", () => {
  const clean = [...pdfsUnder(FIXTURES), ...evalPairs().filter((p) => !p.hiddenText).map((p) => p.pdf)]
  it("covers every clean PDF", () => expect(clean.length).toBeGreaterThanOrEqual(44))
  it.each(clean.map((p) => [p.replace("/work/shared/", ""), p]))("%s", async (_n, path) => {
    const doc = await ingestCached(path)
    expect(doc.status).toBe("ok")
    expect(doc.hidden).toEqual([])
  }, T)
})
