import { describe, expect, it } from "vitest"

import type { Rubric } from "../../../src/core/requirements/model"
import {
  categoryShares,
  confirmFlags,
  confirmProblems,
  copyRubric,
  editText,
  formulaLines,
  makeRequirement,
  moveRequirement,
  normalisedRubric,
  setCategory,
  setWeight
} from "../../../src/popup/rubric-edit"

const rubric: Rubric = {
  requirements: [
    { id: "a", text: "Python", category: "skills", mandatory: true, facets: {} },
    { id: "b", text: "3+ years of analytics", category: "experience", mandatory: false, facets: {} }
  ],
  weights: { skills: 30, experience: 10, qualifications: 60, other: 0 }
}

describe("rubric editing", () => {
  it("renormalises shares over categories that count, as the scorer does", () => {
    const shares = Object.fromEntries(categoryShares(rubric).map((s) => [s.category, s]))
    expect(shares.skills.percent).toBe(75)
    expect(shares.experience.percent).toBe(25)
    expect(shares.qualifications).toMatchObject({ percent: 0, excludedBecause: "no_requirements" })
    expect(shares.other).toMatchObject({ percent: 0, excludedBecause: "no_requirements" })
    expect(formulaLines(rubric).join(" ")).toContain("Skills 75%")
    const zeroed = setWeight(rubric, "experience", 0)
    expect(categoryShares(zeroed).find((s) => s.category === "experience")).toMatchObject({ excludedBecause: "zero_weight", percent: 0 })
    expect(setWeight(rubric, "skills", 140).weights.skills).toBe(100)
  })

  it("keeps typed text as is while editing, re-derives facets and fairness flags, and normalises on save", () => {
    const typing = editText(rubric, "a", "Python ")
    expect(typing.requirements[0].text).toBe("Python ")
    expect(normalisedRubric(typing).requirements[0].text).toBe("Python")
    const flagged = editText(rubric, "a", "Young and energetic Python developer")
    expect(flagged.requirements[0].fairnessFlags?.length).toBeGreaterThan(0)
    expect(flagged.requirements[0].facets).not.toEqual({})
    expect(confirmProblems(flagged).join(" ")).toMatch(/Young/i)
    const confirmed = confirmFlags(flagged, "a")
    expect(confirmProblems(confirmed)).toEqual([])
    // A different protected term after confirming asks again; rewording it away clears the flag.
    expect(confirmProblems(editText(confirmed, "a", "Python developer, native speaker")).length).toBe(1)
    const cleaned = editText(flagged, "a", "Python developer")
    expect(cleaned.requirements[0].fairnessFlags).toBeUndefined()
    expect(confirmProblems(cleaned)).toEqual([])
  })

  it("moves within bounds, keeps categories' facets in step, and copies with fresh ids", () => {
    expect(moveRequirement(rubric, "a", -1)).toBe(rubric)
    expect(moveRequirement(rubric, "a", 1).requirements.map((r) => r.id)).toEqual(["b", "a"])
    expect(setCategory(rubric, "a", "qualifications").requirements[0].category).toBe("qualifications")
    const copy = copyRubric(rubric)
    expect(copy.requirements.map((r) => r.text)).toEqual(["Python", "3+ years of analytics"])
    expect(copy.requirements.map((r) => r.id)).toEqual(["r1", "r2"])
    const added = makeRequirement(copy, "  Forklift licence ", "qualifications")
    expect(added.text).toBe("Forklift licence")
    expect(added.id).toBe("r3")
  })

  it("blocks confirm with no requirement, empty text, duplicates, or nothing that counts", () => {
    expect(confirmProblems({ ...rubric, requirements: [] })).toEqual(["Add at least one requirement."])
    expect(confirmProblems(editText(rubric, "a", "  ")).join(" ")).toMatch(/no text/)
    expect(confirmProblems(editText(rubric, "a", "3+ years of analytics")).join(" ")).toMatch(/repeats/)
    expect(confirmProblems({ ...rubric, weights: { skills: 0, experience: 0, qualifications: 60, other: 0 } }).join(" ")).toMatch(/No category counts/)
  })
})
