import { describe, expect, it } from "vitest"

import type { CandidateRow } from "../../../src/db/repositories/candidates"
import { DEFAULT_FILTERS, DEFAULT_SORT, flattenGroups, groupRows, matchesFilters, scoreHistogram } from "../../../src/dashboard/table-model"
import { locatePassage, locatePassages, segmentText } from "../../../src/dashboard/highlight"
import { auditCsv, buildExport, csvCell } from "../../../src/dashboard/audit-export"

function row(overrides: Partial<CandidateRow>): CandidateRow {
  return {
    opportunityId: overrides.name ?? "id",
    name: "Someone",
    score: 50,
    meetsAllMandatory: true,
    verdicts: { met: 0, partial: 0, not_met: 0, unclear: 0 },
    hiddenText: false,
    needsReview: false,
    stale: false,
    failed: false,
    archived: false,
    actedOn: false,
    ...overrides
  }
}

describe("table model", () => {
  const rows = [
    row({ name: "Ana", score: 80, meetsAllMandatory: true, stageId: "s1", stageText: "New" }),
    row({ name: "Bo", score: 95, meetsAllMandatory: false, hiddenText: true, stageId: "s2", stageText: "Phone screen" }),
    row({ name: "Cy", score: null, meetsAllMandatory: null, stageId: "s1" }),
    row({ name: "Di", score: 30, meetsAllMandatory: true, archived: true, actedOn: true, stageId: "s1" })
  ]

  it("splits into meets / does not and ranks by score with unscored last", () => {
    const groups = groupRows(rows, DEFAULT_FILTERS, DEFAULT_SORT)
    expect(groups.meets.map((r) => r.name)).toEqual(["Ana", "Di"])
    expect(groups.fails.map((r) => r.name)).toEqual(["Bo", "Cy"])
    const asc = groupRows(rows, DEFAULT_FILTERS, { key: "score", direction: "asc" })
    expect(asc.fails.map((r) => r.name)).toEqual(["Bo", "Cy"])
    expect(asc.meets.map((r) => r.name)).toEqual(["Di", "Ana"])
  })

  it("filters by score range, flags, stage, archived and not acted on", () => {
    const pick = (f: Partial<typeof DEFAULT_FILTERS>) => rows.filter((r) => matchesFilters(r, { ...DEFAULT_FILTERS, ...f })).map((r) => r.name)
    expect(pick({ minScore: 50 })).toEqual(["Ana", "Bo"])
    expect(pick({ maxScore: 40 })).toEqual(["Di"])
    expect(pick({ flag: "hidden_text" })).toEqual(["Bo"])
    expect(pick({ stage: "s1" })).toEqual(["Ana", "Cy"])
    expect(pick({ stage: "archived" })).toEqual(["Di"])
    expect(pick({ notActedOnly: true })).toEqual(["Ana", "Bo", "Cy"])
    expect(pick({ mandatory: "fails" })).toEqual(["Bo"])
    expect(pick({ search: "  an " })).toEqual(["Ana"])
  })

  it("flattens groups with headers carrying their ids", () => {
    const items = flattenGroups(groupRows(rows, DEFAULT_FILTERS, DEFAULT_SORT))
    expect(items[0]).toMatchObject({ kind: "group", group: "meets", count: 2 })
    expect(items[3]).toMatchObject({ kind: "group", group: "fails", count: 2 })
    expect(items.length).toBe(6)
  })

  it("bins scores for the histogram, 100 in the last bin", () => {
    const bins = scoreHistogram([row({ score: 0 }), row({ score: 9 }), row({ score: 10 }), row({ score: 100 }), row({ score: null })])
    expect(bins[0]).toBe(2)
    expect(bins[1]).toBe(1)
    expect(bins[9]).toBe(1)
    expect(bins.reduce((a, b) => a + b)).toBe(4)
  })
})

describe("evidence highlighting", () => {
  const text = "Senior engineer.\nBuilt services in Go\nfor 6 years. PostgreSQL daily."
  it("finds verbatim passages and tolerates different whitespace and case", () => {
    expect(locatePassage(text, "PostgreSQL daily")).toEqual({ start: text.indexOf("PostgreSQL"), end: text.indexOf("PostgreSQL") + 16 })
    const range = locatePassage(text, "built services in go for 6 years")
    expect(range && text.slice(range.start, range.end)).toBe("Built services in Go\nfor 6 years")
    expect(locatePassage(text, "Rust")).toBeNull()
  })
  it("segments text without overlaps and keeps every character", () => {
    const ranges = locatePassages(text, ["Go\nfor 6", "services in Go", "daily"])
    const segments = segmentText(text, ranges)
    expect(segments.map((s) => s.text).join("")).toBe(text)
    expect(segments.filter((s) => s.evidence !== undefined).map((s) => s.text)).toEqual(["services in Go", "daily"])
  })
})

describe("export", () => {
  it("quotes CSV safely and neutralises formulas", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"')
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)")
    expect(csvCell(null)).toBe("")
  })
  it("puts every audit row in the CSV with reason, score and Lever's answer", () => {
    const bundle = buildExport(
      null,
      [],
      [
        { id: 1, at: 1000, actor: "Rita", action: "archive", phase: "requested", actionId: "a1", opportunityId: "o1", analysisId: "an", details: { reasonText: "Not a fit", score: 41, rubricVersion: 2, engine: "local" } },
        { id: 2, at: 2000, actor: "Rita", action: "archive", phase: "succeeded", actionId: "a1", opportunityId: "o1", analysisId: "an", details: { reasonText: "Not a fit", status: 200 } }
      ],
      [],
      [{ id: "o1", postingId: "p", name: "Ana, Jr.", archived: null, tags: [], createdAt: null, updatedAt: null, syncedAt: 0 }]
    )
    const lines = auditCsv(bundle).trim().split("\r\n")
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain("Not a fit")
    expect(lines[1]).toContain(",2,local,41,")
    expect(lines[2]).toContain("succeeded")
    expect(lines[2]).toContain(",200,")
  })
})
