import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { formatMonth } from "~core/resume/dates"
import { buildResumeDocument } from "~core/resume/document"
import { detectSections, headingKind } from "~core/resume/sections"

const EVAL = "/work/shared/eval-dev/resumes"
const NOW = new Date("2026-11-15T12:00:00Z")
const fromText = (text: string) => buildResumeDocument({ status: "ok", source: "text", text }, NOW)
const evalDoc = (path: string) => fromText(readFileSync(`${EVAL}/${path}.txt`, "utf8"))

describe("headingKind", () => {
  it.each([
    ["EXPERIENCE", "experience"],
    ["Work Experience", "experience"],
    ["Professional Experience:", "experience"],
    ["RESEARCH POSITIONS", "experience"],
    ["WORK HISTORY", "experience"],
    ["Employment History", "experience"],
    ["EDUCATION", "education"],
    ["Education & Training", "education"],
    ["SKILLS", "skills"],
    ["Technical Skills", "skills"],
    ["KEY SKILLS", "skills"],
    ["Core Competencies", "skills"],
    ["SYSTEMS", "skills"],
    ["CERTIFICATIONS", "certifications"],
    ["Licenses and Certifications", "certifications"],
    ["CREDENTIALS", "certifications"],
    ["PROJECTS", "projects"],
    ["Selected Projects", "projects"],
    ["SUMMARY", "summary"],
    ["Professional Summary", "summary"],
    ["About Me", "summary"],
    ["OBJECTIVE", "summary"],
    ["LANGUAGES", "languages"],
    ["INTERESTS", "other"],
    ["References", "other"]
  ])("%s → %s", (line, kind) => {
    expect(headingKind(line)).toBe(kind)
  })

  it.each([
    "Experience building accessible React apps for public-sector clients.",
    "skills",
    "Senior Software Engineer",
    "KENJI MARCHETTI",
    "- Education outreach for 40 schools",
    "Built the education portal"
  ])("%j is not a heading", (line) => {
    expect(headingKind(line)).toBeNull()
  })

  it("accepts an underlined heading and keeps offsets into the text", () => {
    const text = "Jane Doe\n\nExperience\n----------\nAcme — Engineer\n2019 – 2021\n\nSkills\n======\nGo, SQL"
    const sections = detectSections(text)
    expect(sections.map((s) => s.kind)).toEqual(["experience", "skills"])
    expect(text.slice(sections[0].start, sections[0].end)).toBe("Experience\n----------\nAcme — Engineer\n2019 – 2021")
    expect(text.slice(sections[1].start, sections[1].end)).toBe("Skills\n======\nGo, SQL")
  })
})

describe("sections and roles on the eval-dev resumes", () => {
  it("finds the sections of every eval resume in text order", () => {
    const doc = evalDoc("clinical-research-coordinator/sung-min-fairweather")
    expect(doc.sections!.map((s) => s.kind)).toEqual(["education", "experience", "projects", "education", "skills", "other", "other"])
    for (let i = 1; i < doc.sections!.length; i++) expect(doc.sections![i].start).toBeGreaterThanOrEqual(doc.sections![i - 1].end)
  })

  const table: [string, [string, string | null, string, string?][]][] = [
    [
      "frontend-engineer/kenji-marchetti",
      [
        ["2022-03", null, "Sr. Frontend Engineer", "Calloway Freight"],
        ["2019-06", "2022-02", "Frontend Engineer", "Tessellate Maps"],
        ["2016-09", "2019-05", "Web Developer", "Brightcoast Digital (agency)"]
      ]
    ],
    [
      "frontend-engineer/dmitri-halloran",
      [
        ["2019-07", null, "Owner and Web Designer", "Halloran Web Studio"],
        ["2016-07", "2019-06", "Web Designer", "Redbrick Print & Sign"]
      ]
    ],
    [
      "clinical-research-coordinator/sung-min-fairweather",
      [
        ["2021-09", null, "Senior Research Coordinator"],
        ["2019-01", "2021-08", "Graduate Research Assistant", "Department of Epidemiology"]
      ]
    ],
    [
      "warehouse-operations-supervisor/bridget-nakamura-flores",
      [
        ["2021-04", null, "Assistant Store Manager – Operations", "Evergreen Home & Garden"],
        ["2018-06", "2021-03", "Freight Team Supervisor", "Evergreen Home & Garden"],
        ["2016-05", "2018-05", "Sales Associate", "Evergreen Home & Garden"]
      ]
    ],
    [
      "senior-accountant/niamh-castellanos",
      [
        ["2020-03", "2025-06", "Senior Accountant", "Lakefront Confections"],
        ["2016-09", "2020-02", "Audit Associate", "Wexford & Blum LLP"]
      ]
    ],
    [
      "frontend-engineer/tariq-bellamy",
      [
        ["2020-04", null, "Frontend Developer", "Chinook Civic Digital"],
        ["2018-09", "2020-03", "Junior Web Developer", "Bowstring Media"]
      ]
    ]
  ]
  it.each(table)("%s: dated roles with title and organisation", (path, expected) => {
    const doc = evalDoc(path)
    const got = doc.roles!.map((r) => [formatMonth(r.startMonth), r.endMonth === null ? null : formatMonth(r.endMonth), r.title, r.organisation])
    expect(got.map((g, i) => g.slice(0, expected[i]?.length ?? 4))).toEqual(expected)
  })

  it("keeps each role's own lines as its evidence text", () => {
    const doc = evalDoc("frontend-engineer/kenji-marchetti")
    const [first, second] = doc.roles!
    expect(first.text).toContain("Tech lead for the shipper portal")
    expect(first.text).not.toContain("Tessellate Maps")
    expect(second.text.startsWith("Tessellate Maps — Frontend Engineer\n06/2019 – 02/2022")).toBe(true)
    for (const role of doc.roles!) expect(doc.text).toContain(role.text)
  })

  it("does not count a career break or education dates as roles", () => {
    expect(evalDoc("senior-accountant/niamh-castellanos").roles!.some((r) => /break/i.test(r.title))).toBe(false)
    const doc = evalDoc("frontend-engineer/ines-valdivia")
    expect(doc.roles!.every((r) => !/Certificate|BDes/.test(r.title))).toBe(true)
  })

  it("finds roles in every eval resume, each starting no later than it ends", () => {
    for (const slug of ["frontend-engineer", "senior-accountant", "warehouse-operations-supervisor", "clinical-research-coordinator"]) {
      for (const f of readdirSync(`${EVAL}/${slug}`)) {
        const doc = evalDoc(`${slug}/${f.replace(/\.txt$/, "")}`)
        expect(doc.roles!.length, f).toBeGreaterThanOrEqual(2)
        for (const r of doc.roles!) {
          expect(r.title.length, `${f}: ${r.text.slice(0, 60)}`).toBeGreaterThan(0)
          if (r.endMonth !== null) expect(r.endMonth).toBeGreaterThanOrEqual(r.startMonth)
        }
      }
    }
  })
})

describe("buildResumeDocument", () => {
  it("normalises text deterministically and marks blank text empty", () => {
    const a = fromText("Jane\r\n\r\n\r\n\u200bSKILLS\u00a0\u00a0Go\t SQL\uf0b7 x")
    expect(a.text).toBe("Jane\n\nSKILLS Go SQL• x")
    expect(fromText("Jane\r\n\r\n\r\n\u200bSKILLS\u00a0\u00a0Go\t SQL\uf0b7 x")).toEqual(a)
    const empty = fromText(" \n\u200b\n ")
    expect(empty.status).toBe("empty")
    expect(empty.statusMessage).toMatch(/no text/)
  })
})
