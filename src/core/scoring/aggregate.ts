/**
 * The overall score from per-requirement verdicts: each category's share is the mean credit of its
 * requirements (met 1, partial ½, not met and unclear 0); categories with weight 0 or without
 * requirements do not count, and the weights of the others are renormalised to 100.
 */
import type { CategoryWeights, Requirement } from "../requirements/model"
import { CATEGORIES } from "../requirements/model"
import { VERDICT_CREDIT, type RequirementVerdict } from "./result"

export interface Aggregate {
  score: number
  meetsAllMandatory: boolean
}

export function aggregate(requirements: readonly Requirement[], weights: CategoryWeights, verdicts: readonly RequirementVerdict[]): Aggregate {
  const byId = new Map(verdicts.map((v) => [v.requirementId, v]))
  let weighted = 0
  let totalWeight = 0
  for (const category of CATEGORIES) {
    const weight = Math.max(0, Number(weights[category]) || 0)
    const inCategory = requirements.filter((r) => r.category === category)
    if (weight === 0 || inCategory.length === 0) continue
    const credit = inCategory.reduce((sum, r) => sum + VERDICT_CREDIT[byId.get(r.id)?.verdict ?? "unclear"], 0) / inCategory.length
    weighted += weight * credit
    totalWeight += weight
  }
  const score = totalWeight === 0 ? 0 : Math.round((weighted / totalWeight) * 1000) / 10
  const meetsAllMandatory = requirements.filter((r) => r.mandatory).every((r) => byId.get(r.id)?.verdict === "met")
  return { score, meetsAllMandatory }
}
