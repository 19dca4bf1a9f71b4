/**
 * Pure editing operations on a rubric, used by the popup's editor. Every change returns a new rubric.
 * Text edits re-derive the facets the local engine matches and re-run the fairness check, so what is
 * saved always agrees with the words the recruiter sees.
 */
import { deriveFacets } from "../core/requirements/facets"
import { checkFairness } from "../core/requirements/fairness"
import { CATEGORIES, CATEGORY_LABELS, type Category, type CategoryWeights, type Requirement, type Rubric } from "../core/requirements/model"

export function newRequirementId(): string {
  return `req-${crypto.randomUUID()}`
}

export function makeRequirement(text: string, category: Category, mandatory = false): Requirement {
  const clean = text.trim()
  const flags = checkFairness(clean)
  return { id: newRequirementId(), text: clean, category, mandatory, facets: deriveFacets(clean, category), ...(flags.length ? { fairnessFlags: flags } : {}) }
}

function replace(rubric: Rubric, id: string, change: (r: Requirement) => Requirement): Rubric {
  return { ...rubric, requirements: rubric.requirements.map((r) => (r.id === id ? change(r) : r)) }
}

export function editText(rubric: Rubric, id: string, text: string): Rubric {
  return replace(rubric, id, (r) => {
    const flags = checkFairness(text)
    const next: Requirement = { ...r, text, facets: deriveFacets(text, r.category) }
    if (flags.length) next.fairnessFlags = flags
    else delete next.fairnessFlags
    return next
  })
}

export function setCategory(rubric: Rubric, id: string, category: Category): Rubric {
  return replace(rubric, id, (r) => ({ ...r, category, facets: deriveFacets(r.text, category) }))
}

export function setMandatory(rubric: Rubric, id: string, mandatory: boolean): Rubric {
  return replace(rubric, id, (r) => ({ ...r, mandatory }))
}

export function removeRequirement(rubric: Rubric, id: string): Rubric {
  return { ...rubric, requirements: rubric.requirements.filter((r) => r.id !== id) }
}

export function moveRequirement(rubric: Rubric, id: string, delta: -1 | 1): Rubric {
  const list = [...rubric.requirements]
  const from = list.findIndex((r) => r.id === id)
  const to = from + delta
  if (from < 0 || to < 0 || to >= list.length) return rubric
  ;[list[from], list[to]] = [list[to], list[from]]
  return { ...rubric, requirements: list }
}

export function addRequirement(rubric: Rubric, requirement: Requirement): Rubric {
  return { ...rubric, requirements: [...rubric.requirements, requirement] }
}

export function setWeight(rubric: Rubric, category: Category, weight: number): Rubric {
  const clamped = Math.max(0, Math.min(100, Math.round(weight)))
  return { ...rubric, weights: { ...rubric.weights, [category]: clamped } }
}

export interface CategoryShare {
  category: Category
  label: string
  requirements: number
  weight: number
  /** Share of the overall score, 0–1; 0 when the category does not count. */
  share: number
  /** Why the category does not count, or null when it does. */
  excludedBecause: "no_requirements" | "zero_weight" | null
}

/** Mirrors src/core/scoring/aggregate.ts: weight-0 or empty categories drop out, the rest are renormalised. */
export function categoryShares(rubric: Rubric): CategoryShare[] {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, rubric.requirements.filter((r) => r.category === c).length])) as Record<Category, number>
  const weights: CategoryWeights = rubric.weights
  const counting = CATEGORIES.filter((c) => counts[c] > 0 && weights[c] > 0)
  const total = counting.reduce((sum, c) => sum + weights[c], 0)
  return CATEGORIES.map((category) => {
    const excludedBecause = counts[category] === 0 ? "no_requirements" : weights[category] === 0 ? "zero_weight" : null
    return {
      category,
      label: CATEGORY_LABELS[category],
      requirements: counts[category],
      weight: weights[category],
      share: excludedBecause || total === 0 ? 0 : weights[category] / total,
      excludedBecause
    }
  })
}

/** One sentence a recruiter can check: how the overall score is formed from these weights. */
export function describeFormula(rubric: Rubric): string {
  const shares = categoryShares(rubric).filter((s) => !s.excludedBecause)
  if (shares.length === 0) return "No category counts yet: add a requirement to a category with a weight above 0."
  const parts = shares.map((s) => `${s.label} ${Math.round(s.share * 100)}%`)
  return (
    `Overall score (0–100) = ${parts.join(" + ")}. ` +
    "Within a category, each requirement earns met 1, partly met ½, not met or unclear 0, and the category's score is the average. " +
    "Candidates who do not meet every mandatory requirement are listed in a separate group, whatever their score."
  )
}

/** Requirements with a fairness flag the recruiter has neither edited away nor acknowledged. */
export function unresolvedFlags(rubric: Rubric, acknowledged: ReadonlySet<string>): Requirement[] {
  return rubric.requirements.filter((r) => (r.fairnessFlags?.length ?? 0) > 0 && !acknowledged.has(acknowledgementKey(r)))
}

/** An acknowledgement holds for the exact wording acknowledged: editing the text asks again. */
export function acknowledgementKey(requirement: Requirement): string {
  return `${requirement.id}\u0000${requirement.text}`
}

/** Why Confirm is not possible yet, or null when it is. */
export function confirmBlocker(rubric: Rubric, acknowledged: ReadonlySet<string>): string | null {
  if (rubric.requirements.length === 0) return "Add at least one requirement."
  if (rubric.requirements.some((r) => !r.text.trim())) return "A requirement has no text: write it or delete it."
  const flagged = unresolvedFlags(rubric, acknowledged)
  if (flagged.length) return `Resolve the fairness warning${flagged.length === 1 ? "" : "s"} on ${flagged.length} requirement${flagged.length === 1 ? "" : "s"} (edit the text or acknowledge).`
  if (categoryShares(rubric).every((s) => s.excludedBecause)) return "No category counts: give a category with requirements a weight above 0."
  return null
}

/** A copy of another analysis's rubric with fresh ids, so the two analyses never share requirement ids. */
export function copyRubric(rubric: Rubric): Rubric {
  return {
    weights: { ...rubric.weights },
    requirements: rubric.requirements.map((r) => ({ ...r, id: newRequirementId(), facets: { ...r.facets } }))
  }
}
