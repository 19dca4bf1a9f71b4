import { describe, expect, it } from "vitest"
import { findDateRanges, formatMonth, monthIndex, parseDateRange, totalExperienceMonths } from "~core/resume/dates"

const NOW = new Date("2026-11-15T12:00:00Z")
const m = (s: string) => {
  const [y, mo] = s.split("-").map(Number)
  return monthIndex(y, mo)
}

describe("parseDateRange", () => {
  const table: [string, string, string, boolean][] = [
    // input, start, end, ongoing
    ["Jan 2019 – Present", "2019-01", "2026-11", true],
    ["January 2019 - present", "2019-01", "2026-11", true],
    ["2015–2018", "2015-07", "2018-06", false],
    ["2015 - 2018", "2015-07", "2018-06", false],
    ["03/2020 - 11/2022", "2020-03", "2022-11", false],
    ["3/2020–11/2022", "2020-03", "2022-11", false],
    ["Summer 2021", "2021-06", "2021-08", false],
    ["Sept. 2021 – present", "2021-09", "2026-11", true],
    ["Sep 2021 – Current", "2021-09", "2026-11", true],
    ["2018 to 2021", "2018-07", "2021-06", false],
    ["03/2022 – now", "2022-03", "2026-11", true],
    ["Jan. 2019 – Aug. 2021 (20 hours per week)", "2019-01", "2021-08", false],
    ["June 2017 – August 2020 (part-time during college)", "2017-06", "2020-08", false],
    ["September – December 2023", "2023-09", "2023-12", false],
    ["2019 to present", "2019-07", "2026-11", true],
    ["Owner and Web Designer, Halloran Web Studio, Hamilton — 2019 to present", "2019-07", "2026-11", true],
    ["2020-03 – 2021-06", "2020-03", "2021-06", false],
    ["Mar '19 – Feb '21", "2019-03", "2021-02", false],
    ["since 2020", "2020-07", "2026-11", true],
    ["Spring 2020 – Fall 2021", "2020-03", "2021-11", false],
    ["2020–2020", "2020-01", "2020-12", false],
    ["Dec 2018 through Jan 2019", "2018-12", "2019-01", false],
    ["May 2020", "2020-05", "2020-05", false]
  ]
  it.each(table)("%s", (input, start, end, ongoing) => {
    const r = parseDateRange(input, NOW)
    expect(r, input).not.toBeNull()
    expect(formatMonth(r!.startMonth)).toBe(start)
    expect(formatMonth(r!.endMonth)).toBe(end)
    expect(r!.ongoing).toBe(ongoing)
  })

  it.each(["Python 3.11 and Node 20", "905-555-0131", "Reduced latency by 60%", "29 CFR 1910.178", "1,200-participant trial", ""])(
    "finds no range in %j",
    (input) => {
      expect(findDateRanges(input, NOW)).toEqual([])
    }
  )

  it("rejects reversed and far-future ranges", () => {
    expect(parseDateRange("2021 – 2018", NOW)).toBeNull()
    expect(parseDateRange("Jan 2040 – Present", NOW)).toBeNull()
  })

  it("resolves Present against the clock it is given", () => {
    const r = parseDateRange("Jan 2020 – Present", new Date("2021-06-01T00:00:00Z"))!
    expect(formatMonth(r.endMonth)).toBe("2021-06")
  })

  it("reports where the range is in the text", () => {
    const text = "Software Engineer, Acme — Mar 2019 – Jun 2020"
    const r = parseDateRange(text, NOW)!
    expect(text.slice(r.index, r.index + r.matched.length)).toBe("Mar 2019 – Jun 2020")
  })
})

describe("totalExperienceMonths", () => {
  it("counts inclusive months and merges overlaps and adjacent roles", () => {
    const roles = [
      { startMonth: m("2019-01"), endMonth: m("2019-12") }, // 12
      { startMonth: m("2019-06"), endMonth: m("2020-03") }, // overlaps: extends to 2020-03 (+3)
      { startMonth: m("2020-04"), endMonth: m("2020-04") }, // adjacent: +1
      { startMonth: m("2022-01"), endMonth: m("2022-06") } // gap, +6
    ]
    expect(totalExperienceMonths(roles, undefined, NOW)).toBe(22)
  })

  it("counts an ongoing role to now and applies the filter", () => {
    const roles = [
      { startMonth: m("2024-01"), endMonth: null, kind: "frontend" },
      { startMonth: m("2017-06"), endMonth: m("2023-08"), kind: "design" }
    ]
    expect(totalExperienceMonths(roles, (r) => r.kind === "frontend", NOW)).toBe(35) // Jan 2024 – Nov 2026
    expect(totalExperienceMonths(roles, undefined, NOW)).toBe(35 + 75)
  })

  it("is zero for no roles and ignores malformed spans", () => {
    expect(totalExperienceMonths([], undefined, NOW)).toBe(0)
    expect(totalExperienceMonths([{ startMonth: Number.NaN, endMonth: 5 }], undefined, NOW)).toBe(0)
  })
})
