import { describe, expect, it } from "vitest"

import type { Rubric } from "../../../src/core/requirements/model"
import {
  acknowledgementKey,
  categoryShares,
  confirmBlocker,
  copyRubric,
  describeFormula,
  editText,
  makeRequirement,
  moveRequirement,
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
    expect(shares.skills.share).toBeCloseTo(0.75)
    expect(shares.experience.share).toBeCloseTo(0.25)
    expect(shares.qualifications).toMatchObject({ share: 0, excludedBecause: "no_requirements" })
    expect(shares.other).toMatchObject({ share: 0, excludedBecause: "no_requirements" })
    expect(describeFormula(rubric)).toContain("Skills 75% + Experience 25%")
    const zeroed = setWeight(rubric, "experience", 0)
    expect(categoryShares(zeroed).find((s) => s.category === "experience")).toMatchObject({ excludedBecause: "zero_weight", share: 0 })
    expect(setWeight(rubric, "skills", 140).weights.skills).toBe(100)
  })

  it("re-derives facets and fairness flags when the text changes", () => {
    const flagged = editText(rubric, "a", "Young and energetic Python developer")
    expect(flagged.requirements[0].fairnessFlags?.length).toBeGreaterThan(0)
    expect(flagged.requirements[0].facets.keywords ?? flagged.requirements[0].facets.skills).toBeDefined()
    expect(confirmBlocker(flagged, new Set())).toMatch(/fairness/)
    expect(confirmBlocker(flagged, new Set([acknowledgementKey(flagged.requirements[0])]))).toBeNull()
    const cleaned = editText(flagged, "a", "Python developer")
    expect(cleaned.requirements[0].fairnessFlags).toBeUndefined()
    expect(confirmBlocker(cleaned, new Set())).toBeNull()
  })

  it("moves within bounds, keeps categories' facets in step, and copies with fresh ids", () => {
    expect(moveRequirement(rubric, "a", -1)).toBe(rubric)
    expect(moveRequirement(rubric, "a", 1).requirements.map((r) => r.id)).toEqual(["b", "a"])
    expect(setCategory(rubric, "a", "qualifications").requirements[0].category).toBe("qualifications")
    const copy = copyRubric(rubric)
    expect(copy.requirements.map((r) => r.text)).toEqual(["Python", "3+ years of analytics"])
    expect(copy.requirements.map((r) => r.id)).not.toContain("a")
    expect(makeRequirement("  Forklift licence ", "qualifications").text).toBe("Forklift licence")
  })

  it("blocks confirm with no requirement, empty text, or nothing that counts", () => {
    expect(confirmBlocker({ ...rubric, requirements: [] }, new Set())).toMatch(/at least one/)
    expect(confirmBlocker(editText(rubric, "a", "  "), new Set())).toMatch(/no text/)
    expect(confirmBlocker({ ...rubric, weights: { skills: 0, experience: 0, qualifications: 60, other: 0 } }, new Set())).toMatch(/No category counts/)
  })
})
