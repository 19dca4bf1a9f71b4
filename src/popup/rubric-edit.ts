/**
 * Editing operations on a rubric for the popup's editor, built on the shared helpers in
 * src/core/requirements/rubric.ts (ids, fairness confirmation, formula, validation). Every change
 * returns a new rubric. Text is kept exactly as typed while editing (so spaces can be typed) and
 * normalised on confirm; each edit still re-derives facets and re-runs the fairness check, so what is
 * saved always agrees with the words the recruiter sees.
 */
import { deriveFacets } from "../core/requirements/facets"
import { checkFairness } from "../core/requirements/fairness"
import { CATEGORIES, CATEGORY_LABELS, type Category, type Requirement, type Rubric } from "../core/requirements/model"
import {
  clampWeight,
  confirmFairnessFlags,
  countingCategories,
  describeScoreFormula,
  newRequirement,
  nextRequirementId,
  normaliseWeights,
  reorder,
  validateRubric
} from "../core/requirements/rubric"

export function makeRequirement(rubric: Rubric, text: string, category: Category, mandatory = false): Requirement {
  return newRequirement(text, rubric.requirements.map((r) => r.id), { category, mandatory })
}

function replace(rubric: Rubric, id: string, change: (r: Requirement) => Requirement): Rubric {
  return { ...rubric, requirements: rubric.requirements.map((r) => (r.id === id ? change(r) : r)) }
}

export function editText(rubric: Rubric, id: string, text: string): Rubric {
  return replace(rubric, id, (r) => {
    // A flag the recruiter confirmed stays confirmed while the same term is still there (as in reviseRequirement).
    const confirmed = new Set((r.fairnessFlags ?? []).filter((f) => f.confirmed).map((f) => `${f.attribute}:${f.term.toLowerCase()}`))
    const flags = checkFairness(text).map((f) => (confirmed.has(`${f.attribute}:${f.term.toLowerCase()}`) ? { ...f, confirmed: true } : f))
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

export function confirmFlags(rubric: Rubric, id: string): Rubric {
  return replace(rubric, id, confirmFairnessFlags)
}

export function removeRequirement(rubric: Rubric, id: string): Rubric {
  return { ...rubric, requirements: rubric.requirements.filter((r) => r.id !== id) }
}

export function moveRequirement(rubric: Rubric, id: string, delta: -1 | 1): Rubric {
  const from = rubric.requirements.findIndex((r) => r.id === id)
  const to = from + delta
  if (from < 0 || to < 0 || to >= rubric.requirements.length) return rubric
  return { ...rubric, requirements: reorder(rubric.requirements, from, to) }
}

export function addRequirement(rubric: Rubric, requirement: Requirement): Rubric {
  return { ...rubric, requirements: [...rubric.requirements, requirement] }
}

export function setWeight(rubric: Rubric, category: Category, weight: number): Rubric {
  return { ...rubric, weights: { ...rubric.weights, [category]: clampWeight(weight) } }
}

export interface CategoryShare {
  category: Category
  label: string
  requirements: number
  weight: number
  /** Share of the overall score in whole percent; 0 when the category does not count. */
  percent: number
  /** Why the category does not count, or null when it does. */
  excludedBecause: "no_requirements" | "zero_weight" | null
}

export function categoryShares(rubric: Rubric): CategoryShare[] {
  const { notCounting } = countingCategories(rubric)
  const shares = normaliseWeights(rubric.weights, rubric.requirements)
  return CATEGORIES.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    requirements: rubric.requirements.filter((r) => r.category === category).length,
    weight: rubric.weights[category],
    percent: shares[category],
    excludedBecause: notCounting.find((n) => n.category === category)?.reason ?? null
  }))
}

/** How the overall score is formed, one statement per line (the scorer's own description). */
export function formulaLines(rubric: Rubric): string[] {
  return describeScoreFormula(rubric).lines
}

/** The rubric as it will be saved: texts normalised (whitespace collapsed, trimmed). */
export function normalisedRubric(rubric: Rubric): Rubric {
  return { ...rubric, requirements: rubric.requirements.map((r) => ({ ...r, text: r.text.replace(/\s+/g, " ").trim() })) }
}

/** What must be fixed before Confirm (fairness flags must be reworded or confirmed); empty when ready. */
export function confirmProblems(rubric: Rubric): string[] {
  return validateRubric(normalisedRubric(rubric)).map((p) => p.message)
}

/** A copy of another analysis's rubric with fresh ids, so two analyses never share requirement state. */
export function copyRubric(rubric: Rubric): Rubric {
  const ids: string[] = []
  return {
    weights: { ...rubric.weights },
    requirements: rubric.requirements.map((r) => {
      const id = nextRequirementId(ids)
      ids.push(id)
      return { ...r, id, facets: { ...r.facets } }
    })
  }
}
