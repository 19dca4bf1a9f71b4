import { describe, expect, it } from "vitest"
import type { Category, Requirement } from "~core/requirements/model"
import { aggregate } from "~core/scoring/aggregate"
import { groundVerdicts, isGrounded } from "~core/scoring/grounding"
import type { RequirementVerdict, Verdict } from "~core/scoring/result"

const req = (id: string, category: Category, mandatory = true): Requirement => ({ id, text: id, category, mandatory, facets: {} })
const v = (requirementId: string, verdict: Verdict, evidence: string[] = []): RequirementVerdict => ({ requirementId, verdict, evidence, reason: "r" })

describe("aggregate", () => {
  const reqs = [req("a", "skills"), req("b", "skills", false), req("c", "experience"), req("d", "qualifications")]

  it("weights category means (met 1, partial ½, not met and unclear 0)", () => {
    const { score } = aggregate(reqs, { skills: 50, experience: 30, qualifications: 20, other: 0 }, [v("a", "met"), v("b", "partial"), v("c", "unclear"), v("d", "met")])
    // skills 0.75 × 50 + experience 0 × 30 + qualifications 1 × 20 = 57.5
    expect(score).toBe(57.5)
  })

  it("renormalises over categories that count (weight 0 or no requirements drop out)", () => {
    const { score } = aggregate([req("a", "skills"), req("c", "experience")], { skills: 10, experience: 30, qualifications: 60, other: 0 }, [v("a", "met"), v("c", "not_met")])
    expect(score).toBe(25)
    const onlyZero = aggregate([req("x", "other")], { skills: 10, experience: 0, qualifications: 0, other: 0 }, [v("x", "met")])
    expect(onlyZero.score).toBe(0)
  })

  it("meetsAllMandatory needs every mandatory requirement met (partial does not count)", () => {
    const w = { skills: 25, experience: 25, qualifications: 25, other: 25 }
    expect(aggregate(reqs, w, [v("a", "met"), v("b", "not_met"), v("c", "met"), v("d", "met")]).meetsAllMandatory).toBe(true)
    expect(aggregate(reqs, w, [v("a", "met"), v("b", "met"), v("c", "partial"), v("d", "met")]).meetsAllMandatory).toBe(false)
    expect(aggregate(reqs, w, [v("a", "met"), v("c", "met")]).meetsAllMandatory).toBe(false)
  })
})

describe("grounding", () => {
  const text = "EXPERIENCE\n• Reconciled 45 “balance-sheet” accounts   every month — on time.\nB.S. Accounting, 2016"

  it("matches across whitespace, quote, dash and case differences", () => {
    expect(isGrounded('Reconciled 45 "balance-sheet" accounts every month - on time.', text)).toBe(true)
    expect(isGrounded("reconciled 45 “balance‑sheet” accounts every month", text)).toBe(true)
  })

  it("rejects passages that are not in the text", () => {
    expect(isGrounded("Reconciled 50 balance-sheet accounts", text)).toBe(false)
    expect(isGrounded("", text)).toBe(false)
  })

  it("a met or partial without a verifiable passage becomes unclear; not_met stays", () => {
    const out = groundVerdicts(
      [v("a", "met", ["Managed a $2B portfolio"]), v("b", "partial", []), v("c", "met", ["B.S. Accounting, 2016", "invented"]), v("d", "not_met", ["nothing"])],
      text
    )
    expect(out.map((o) => o.verdict)).toEqual(["unclear", "unclear", "met", "not_met"])
    expect(out[2].evidence).toEqual(["B.S. Accounting, 2016"])
    expect(out[0].reason).toMatch(/not found/)
    expect(out[3].evidence).toEqual([])
  })
})
