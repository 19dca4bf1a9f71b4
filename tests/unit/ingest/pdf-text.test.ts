/**
 * Text fidelity and reading order: our extraction against the plain-text twins (eval-dev resumes and the
 * fixtures' PDF/text pairs), and the six single/two-column renderings of one resume, whose sections must
 * come out whole and in order.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { formatMonth } from "~core/resume/dates"
import { evalPairs, FIXTURES, ingestCached, lineRecall, orderSimilarity, words } from "./corpus"

const T = 300_000

describe("eval-dev PDFs against their text twins", () => {
  const pairs = evalPairs()
  it("has all 28 PDFs", () => expect(pairs.length).toBe(28))

  it.each(pairs.map((p) => [p.pdf.split("/pdf/")[1], p] as const))(
    "%s: same words in the same order, lines whole",
    async (_name, pair) => {
      const doc = await ingestCached(pair.pdf)
      expect(doc.status).toBe("ok")
      let twin = readFileSync(pair.txt, "utf8")
      if (pair.hiddenText) twin = twin.replace(pair.hiddenText, "")
      // Two-column layouts read main column first, sidebar second — the order of the twin.
      expect(orderSimilarity(words(twin), words(doc.text))).toBeGreaterThanOrEqual(0.995)
      // Wrapped lines are joined back: nearly every line of the twin is a line of ours.
      expect(lineRecall(twin, doc.text)).toBeGreaterThanOrEqual(0.9)
    },
    T
  )

  it("reads a two-column resume column by column with whole sections", async () => {
    const doc = await ingestCached(`/work/shared/eval-dev/pdf/frontend-engineer/kenji-marchetti.pdf`)
    const kinds = doc.sections!.map((s) => s.kind)
    expect(kinds).toEqual(["summary", "experience", "skills", "education", "languages"])
    const section = (kind: string) => doc.sections!.filter((s) => s.kind === kind).map((s) => doc.text.slice(s.start, s.end))[0]
    expect(section("skills")).toContain("Testing: Vitest, RTL, Cypress, axe-core")
    expect(section("skills")).toContain("Core: React, TS, JS (ES2023), HTML, CSS")
    expect(section("experience")).not.toMatch(/SKILLS|EDUCATION/)
    expect(doc.text.indexOf("KENJI MARCHETTI")).toBe(0)
    expect(doc.roles!.map((r) => r.title)).toEqual(["Sr. Frontend Engineer", "Frontend Engineer", "Web Developer"])
  }, T)
})

describe("fixture PDFs against their text twins", () => {
  it.each([
    ["resumes/pdf/resume-matcher__resume_1_john_smith.pdf", "resumes/txt/resume-matcher__resume_2.txt"],
    ["jd/resume-matcher/pdf/job_desc_2.pdf", "jd/resume-matcher/txt/job_1.txt"],
    ["jd/resume-matcher/pdf/job_desc_1.pdf", "jd/resume-matcher/txt/job_2.txt"]
  ])("%s", async (pdf, txt) => {
    const doc = await ingestCached(`${FIXTURES}/${pdf}`)
    const twin = readFileSync(`${FIXTURES}/${txt}`, "utf8")
    expect(orderSimilarity(words(twin), words(doc.text))).toBeGreaterThanOrEqual(0.99)
    expect(lineRecall(twin, doc.text)).toBeGreaterThanOrEqual(0.95)
  }, T)

  it("repairs a line-broken compound without inventing or losing its hyphen", async () => {
    const doc = await ingestCached(`${FIXTURES}/jd/resume-matcher/pdf/job_desc_1.pdf`)
    expect(doc.text).toContain("object-oriented design principles")
  }, T)

  it("joins typeset hyphenation and a date split across a date column", async () => {
    const doc = await ingestCached(`${FIXTURES}/resumes/pdf/resume-matcher__barry_allen_fe.pdf`)
    expect(doc.text).toContain("Implemented user authentication")
    expect(doc.text).toContain("June 2022 – Present Software Engineer (Front-End), Google")
    expect(doc.roles!.map((r) => [r.title, r.organisation, formatMonth(r.startMonth), r.endMonth])).toEqual([["Software Engineer (Front-End)", "Google", "2022-06", null]])
  }, T)
})

describe("six renderings of one resume", () => {
  const TEMPLATES = [
    "template_single-column",
    "template_two-column",
    "template_modern-single-column",
    "template_modern-two-column",
    "template-2025_single_column",
    "template-2025_two_column"
  ]
  it.each(TEMPLATES)("%s: sections whole, experience in order, same roles", async (name) => {
    const doc = await ingestCached(`${FIXTURES}/resumes/pdf/resume-matcher__${name}.pdf`)
    expect(doc.status).toBe("ok")
    expect(doc.hidden).toEqual([])
    const kinds = doc.sections!.map((s) => s.kind)
    for (const kind of ["summary", "experience", "projects", "education", "skills"]) expect(kinds, name).toContain(kind)
    const text = (kind: string) =>
      doc.sections!.filter((s) => s.kind === kind).map((s) => doc.text.slice(s.start, s.end)).join("\n")
    const experience = text("experience")
    const order = ["Stripe", "Figma", "Notion"].map((org) => experience.indexOf(org))
    expect(order.every((i) => i >= 0), name).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    // Nothing from the sidebar lands inside the experience section, and skills hold the skill list.
    expect(experience).not.toMatch(/Bachelor of Science|UC Berkeley/)
    expect(text("skills")).toMatch(/Kafka/)
    expect(text("education")).toMatch(/UC Berkeley/)
    expect(text("summary")).toMatch(/Senior Software Engineer with 5\+ years/)
    expect(doc.roles!.map((r) => `${r.title} | ${r.organisation} | ${formatMonth(r.startMonth)} | ${r.endMonth === null ? "now" : formatMonth(r.endMonth)}`)).toEqual([
      "Senior Software Engineer | Stripe | 2023-01 | now",
      "Software Engineer | Figma | 2021-06 | 2022-12",
      "Software Engineer | Notion | 2019-07 | 2021-05"
    ])
  }, T)
})
