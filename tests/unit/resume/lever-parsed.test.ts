import { describe, expect, it } from "vitest"
import { formatMonth, totalExperienceMonths } from "~core/resume/dates"
import { fromLeverParsedData, withLeverFallback } from "~core/resume/lever-parsed"
import type { ResumeDocument, ResumeStatus } from "~core/resume/model"

const NOW = new Date("2026-11-15T12:00:00Z")

describe("fromLeverParsedData", () => {
  const parsed = {
    positions: [
      { org: "Calloway Freight", title: "Sr. Frontend Engineer", summary: "Tech lead for the shipper portal (React + TS).", start: { year: 2022, month: 3 }, end: null },
      { org: "Tessellate Maps", title: "Frontend Engineer", summary: "Mapbox GL JS maps.", start: { year: 2019, month: 6 }, end: { year: 2022, month: 2 } },
      { org: "Brightcoast Digital", title: "Web Developer", start: { year: 2016 }, end: { year: 2019 } }
    ],
    schools: [{ org: "Cégep du Vieux-Port", degree: "DEC", field: "Computer Science Technology", start: { year: 2013 }, end: { year: 2016 } }]
  }

  it("turns positions into dated roles and schools into an education section", () => {
    const doc = fromLeverParsedData(parsed, NOW)
    expect(doc.status).toBe("ok")
    expect(doc.source).toBe("lever_parsed")
    expect(doc.sections!.map((s) => s.kind)).toEqual(["experience", "education"])
    expect(doc.roles!.map((r) => [r.title, r.organisation, formatMonth(r.startMonth), r.endMonth === null ? null : formatMonth(r.endMonth)])).toEqual([
      ["Sr. Frontend Engineer", "Calloway Freight", "2022-03", null],
      ["Frontend Engineer", "Tessellate Maps", "2019-06", "2022-02"],
      ["Web Developer", "Brightcoast Digital", "2016-07", "2019-06"]
    ])
    for (const role of doc.roles!) expect(doc.text).toContain(role.text)
    expect(doc.text).toContain("Sr. Frontend Engineer — Calloway Freight\nMar 2022 – Present\nTech lead for the shipper portal (React + TS).")
    expect(doc.text).toContain("DEC, Computer Science Technology — Cégep du Vieux-Port, 2013 – 2016")
    // Jul 2016–Jun 2019 (36) and Jun 2019–Feb 2022 (33) share June 2019; Mar 2022–Nov 2026 is 57.
    expect(totalExperienceMonths(doc.roles!, undefined, NOW)).toBe(36 + 33 + 57 - 1)
  })

  it("skips malformed entries instead of failing", () => {
    const doc = fromLeverParsedData(
      {
        positions: [null, "x", { title: 42 }, { org: "Acme", title: "Analyst", start: { year: "2020" } }, { org: "Beta", title: "Lead", start: { year: 2021, month: 13 } }],
        schools: "nope"
      },
      NOW
    )
    expect(doc.status).toBe("ok")
    expect(doc.text).toBe("EXPERIENCE\nAnalyst — Acme\n\nLead — Beta\n2021 – Present")
    expect(doc.roles!.map((r) => [r.title, formatMonth(r.startMonth), r.endMonth])).toEqual([["Lead", "2021-07", null]])
  })

  it.each([undefined, null, {}, { positions: [], schools: [] }, "text"])("no data (%j) → empty with a reason", (input) => {
    const doc = fromLeverParsedData(input, NOW)
    expect(doc.status).toBe("empty")
    expect(doc.statusMessage).toMatch(/no parsed positions or schools/)
    expect(doc.roles).toEqual([])
  })
})

describe("withLeverFallback", () => {
  const parsed = { positions: [{ org: "Acme", title: "Analyst", start: { year: 2020, month: 1 } }] }
  const failed = (status: ResumeStatus): ResumeDocument => ({ status, source: "pdf", text: "", hidden: [], statusMessage: "x", contentHash: "ab".repeat(32) })

  it("uses Lever's parse when the file is missing or unusable, saying why", () => {
    const missing = withLeverFallback(null, parsed, NOW)
    expect(missing).toMatchObject({ status: "ok", source: "lever_parsed", statusMessage: "Built from Lever's parsed profile because no resume file was available." })
    const doc = withLeverFallback({ ...failed("unsupported") }, parsed, NOW)
    expect(doc.source).toBe("lever_parsed")
    expect(doc.statusMessage).toMatch(/\(unsupported\)/)
    expect(doc.contentHash).toBe("ab".repeat(32))
    expect(withLeverFallback({ ...failed("no_text_layer") }, parsed, NOW).source).toBe("lever_parsed")
  })

  it("keeps a readable file, and keeps protected or too-large files for a person to look at", () => {
    const ok: ResumeDocument = { status: "ok", source: "pdf", text: "Hello", hidden: [] }
    expect(withLeverFallback({ ...ok }, parsed, NOW)).toEqual(ok)
    expect(withLeverFallback({ ...failed("protected") }, parsed, NOW).status).toBe("protected")
    expect(withLeverFallback({ ...failed("too_large") }, parsed, NOW).status).toBe("too_large")
  })

  it("keeps the file's status when Lever has nothing either", () => {
    expect(withLeverFallback({ ...failed("unsupported") }, {}, NOW).status).toBe("unsupported")
    expect(withLeverFallback(null, undefined, NOW).status).toBe("empty")
  })
})
