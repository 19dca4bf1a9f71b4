import { describe, expect, it } from "vitest"

import { fromLeverParsedData } from "~/background/runner/parsed-data"

describe("fromLeverParsedData", () => {
  it("writes Lever's positions and schools as a dated resume the role detector reads", () => {
    const doc = fromLeverParsedData(
      {
        positions: [
          { org: "Acme", title: "Data Engineer", summary: "Built Python and SQL pipelines", start: { year: 2019, month: 3 }, end: null },
          { org: "Globex", title: "Analyst", start: { year: 2016, month: 1 }, end: { year: 2019, month: 2 } }
        ],
        schools: [{ org: "State University", degree: "BSc", field: "Computer Science", start: { year: 2012 }, end: { year: 2016 } }]
      },
      Date.UTC(2026, 0, 15)
    )
    expect(doc.status).toBe("ok")
    expect(doc.source).toBe("lever_parsed")
    expect(doc.text).toContain("Data Engineer, Acme (Mar 2019 – Present)")
    expect(doc.text).toContain("Built Python and SQL pipelines")
    expect(doc.text).toContain("BSc, Computer Science — State University — 2012 – 2016")
    expect(doc.sections?.map((s) => s.kind)).toEqual(expect.arrayContaining(["experience", "education"]))
    expect(doc.roles?.length).toBeGreaterThanOrEqual(1)
  })

  it("an empty or malformed parse is an empty document, never a crash", () => {
    expect(fromLeverParsedData(null, 0).status).toBe("empty")
    expect(fromLeverParsedData({ positions: "nope", schools: [{}] }, 0).status).toBe("empty")
  })
})
