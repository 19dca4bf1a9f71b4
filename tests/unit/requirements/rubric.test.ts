import { describe, expect, it } from "vitest"

import { DEFAULT_WEIGHTS, type Requirement, type Rubric } from "~core/requirements/model"
import {
  clampWeight,
  confirmFairnessFlags,
  describeScoreFormula,
  newRequirement,
  nextRequirementId,
  normaliseWeights,
  reorder,
  reviseRequirement,
  validateRubric
} from "~core/requirements/rubric"
import { aggregate } from "~core/scoring/aggregate"

const req = (id: string, text: string, category: Requirement["category"], mandatory = true): Requirement => ({ id, text, category, mandatory, facets: {} })

const rubric: Rubric = {
  requirements: [
    req("r1", "5+ years of Java", "experience"),
    req("r2", "Experience with Kafka", "skills"),
    req("r3", "Experience with Kubernetes", "skills", false)
  ],
  weights: { ...DEFAULT_WEIGHTS }
}

describe("ids and new requirements", () => {
  it("picks the next free rN id, past gaps and foreign ids", () => {
    expect(nextRequirementId([])).toBe("r1")
    expect(nextRequirementId(["r1", "r2", "r7", "custom"])).toBe("r8")
    expect(nextRequirementId(["x", "y"])).toBe("r1")
  })

  it("creates a requirement with a guessed category, facets and fairness flags", () => {
    const r = newRequirement("  Active   CPA license ", ["r1", "r2"])
    expect(r).toMatchObject({ id: "r3", text: "Active CPA license", category: "qualifications", mandatory: false })
    expect(r.facets).toBeTypeOf("object")
    expect(newRequirement("Digital native", []).fairnessFlags?.[0]?.attribute).toBe("age")
    expect(newRequirement("Kafka", [], { category: "other", mandatory: true })).toMatchObject({ category: "other", mandatory: true })
    expect(newRequirement("", ["r1"])).toMatchObject({ id: "r2", text: "" })
  })

  it("re-derives facets and fairness flags when the text changes, keeping confirmed flags confirmed", () => {
    const flagged = confirmFairnessFlags(newRequirement("Young and motivated", []))
    expect(flagged.fairnessFlags?.every((f) => f.confirmed)).toBe(true)
    const reworded = reviseRequirement(flagged, { text: "Young, motivated and organised" })
    expect(reworded.fairnessFlags).toHaveLength(1)
    expect(reworded.fairnessFlags![0]!.confirmed).toBe(true)
    const fixed = reviseRequirement(flagged, { text: "Motivated and organised" })
    expect(fixed.fairnessFlags).toBeUndefined()
    const moved = reviseRequirement(rubric.requirements[1]!, { category: "other", mandatory: false })
    expect(moved).toMatchObject({ id: "r2", category: "other", mandatory: false, text: "Experience with Kafka" })
    expect(rubric.requirements[1]!.category).toBe("skills") // input untouched
  })
})

describe("reorder", () => {
  it("moves an item and returns a new list", () => {
    const list = ["a", "b", "c", "d"]
    expect(reorder(list, 0, 2)).toEqual(["b", "c", "a", "d"])
    expect(reorder(list, 3, 0)).toEqual(["d", "a", "b", "c"])
    expect(list).toEqual(["a", "b", "c", "d"])
  })

  it("rejects an index outside the list", () => {
    expect(() => reorder(["a"], 1, 0)).toThrow(RangeError)
    expect(() => reorder(["a", "b"], 0, -1)).toThrow(RangeError)
    expect(() => reorder(["a", "b"], 0.5, 1)).toThrow(RangeError)
  })
})

describe("weights", () => {
  it("clamps slider values", () => {
    expect([clampWeight(-5), clampWeight(150), clampWeight(33.6), clampWeight(Number.NaN), clampWeight("40")]).toEqual([0, 100, 34, 0, 40])
  })

  it("normalises the counting categories to whole percent summing to 100", () => {
    expect(normaliseWeights({ skills: 40, experience: 35, qualifications: 25, other: 0 })).toEqual({ skills: 40, experience: 35, qualifications: 25, other: 0 })
    // Qualifications holds no requirement here, so only skills and experience count.
    expect(normaliseWeights(DEFAULT_WEIGHTS, rubric.requirements)).toEqual({ skills: 53, experience: 47, qualifications: 0, other: 0 })
    const thirds = normaliseWeights({ skills: 10, experience: 10, qualifications: 10, other: 0 })
    expect(thirds.skills + thirds.experience + thirds.qualifications).toBe(100)
    expect(normaliseWeights({ skills: 0, experience: 0, qualifications: 0, other: 0 })).toEqual({ skills: 0, experience: 0, qualifications: 0, other: 0 })
  })

  it("agrees with the scoring aggregate on which categories count", () => {
    const verdicts = [
      { requirementId: "r1", verdict: "met" as const, evidence: [], reason: "" },
      { requirementId: "r2", verdict: "not_met" as const, evidence: [], reason: "" },
      { requirementId: "r3", verdict: "not_met" as const, evidence: [], reason: "" }
    ]
    const shares = normaliseWeights(rubric.weights, rubric.requirements)
    // experience credit 1, skills credit 0 → score = experience share
    expect(aggregate(rubric.requirements, rubric.weights, verdicts).score).toBeCloseTo(shares.experience, 0)
  })
})

describe("describeScoreFormula", () => {
  it("says which categories count and how much, and which do not and why", () => {
    const d = describeScoreFormula({ ...rubric, weights: { skills: 40, experience: 35, qualifications: 25, other: 10 } })
    expect(d.counting).toEqual(["skills", "experience"])
    expect(d.notCounting).toEqual([
      { category: "qualifications", reason: "no_requirements" },
      { category: "other", reason: "no_requirements" }
    ])
    expect(d.summary).toMatch(/weighted average of the category scores: Skills 53% \(2 requirements\) and Experience 47% \(1 requirement\)/)
    expect(d.summary).toMatch(/Qualifications and Other hold no requirement and do not count/)
    expect(d.summary).toMatch(/2 requirements are mandatory/)
    expect(d.mandatoryCount).toBe(2)
  })

  it("explains a zero weight and the single-category case", () => {
    const d = describeScoreFormula({ ...rubric, weights: { skills: 0, experience: 35, qualifications: 25, other: 0 } })
    expect(d.lines[0]).toBe("The overall score is the Experience score alone (1 requirement).")
    expect(d.summary).toMatch(/Skills has weight 0 and does not count/)
  })

  it("explains when nothing counts or nothing exists", () => {
    expect(describeScoreFormula({ requirements: [], weights: DEFAULT_WEIGHTS }).summary).toMatch(/no requirements yet/)
    expect(describeScoreFormula({ ...rubric, weights: { skills: 0, experience: 0, qualifications: 25, other: 0 } }).summary).toMatch(/No category counts/)
  })
})

describe("validateRubric", () => {
  it("accepts a sound rubric", () => {
    expect(validateRubric(rubric)).toEqual([])
  })

  it("reports empty text, duplicate ids and texts, bad categories and weights, nothing counting", () => {
    const problems = validateRubric({
      requirements: [
        req("r1", "Kafka", "skills"),
        req("r1", "  ", "skills"),
        req("r3", "kafka.", "skills"),
        { ...req("r4", "Java", "skills"), category: "tools" as never }
      ],
      weights: { skills: 0, experience: 120, qualifications: Number.NaN, other: 0 }
    })
    const codes = problems.map((p) => p.code)
    expect(codes).toEqual(expect.arrayContaining(["duplicate_id", "empty_text", "duplicate_text", "invalid_category", "invalid_weight", "nothing_counts"]))
    expect(problems.filter((p) => p.code === "invalid_weight").map((p) => p.category)).toEqual(["experience", "qualifications"])
  })

  it("blocks unconfirmed fairness flags until they are confirmed or reworded", () => {
    const flagged = newRequirement("Native English speaker", rubric.requirements.map((r) => r.id), { mandatory: true })
    const withFlag = { ...rubric, requirements: [...rubric.requirements, flagged] }
    const problems = validateRubric(withFlag)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ code: "unconfirmed_fairness_flag", requirementId: "r4" })
    expect(problems[0]!.message).toMatch(/Native English speaker/)
    expect(validateRubric({ ...rubric, requirements: [...rubric.requirements, confirmFairnessFlags(flagged)] })).toEqual([])
    expect(validateRubric({ ...rubric, requirements: [...rubric.requirements, reviseRequirement(flagged, { text: "Fluent written and spoken English" })] })).toEqual([])
  })

  it("asks for at least one requirement", () => {
    expect(validateRubric({ requirements: [], weights: DEFAULT_WEIGHTS }).map((p) => p.code)).toEqual(["no_requirements"])
  })
})
