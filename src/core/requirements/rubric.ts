/**
 * Helpers for editing a rubric (the popup's requirement list and category weights). Pure: every
 * function returns new values and never mutates its input.
 *
 * The score formula described here is the one src/core/scoring/aggregate.ts computes: a category's
 * score is the mean credit of its requirements (met 1, partial ½), and the overall score is the
 * weighted mean over the categories that hold at least one requirement and have a weight above 0.
 */
import { categorize } from "./extract"
import { deriveFacets } from "./facets"
import { checkFairness } from "./fairness"
import { CATEGORIES, CATEGORY_LABELS, type Category, type CategoryWeights, type Requirement, type Rubric } from "./model"

export const MAX_REQUIREMENT_TEXT = 400

/** The next free id of the form rN: one more than the largest N in use, never an id already taken. */
export function nextRequirementId(existingIds: Iterable<string>): string {
  const taken = new Set(existingIds)
  let max = 0
  for (const id of taken) {
    const m = /^r(\d+)$/.exec(id)
    if (m) max = Math.max(max, Number(m[1]))
  }
  let n = max + 1
  while (taken.has(`r${n}`)) n++
  return `r${n}`
}

/**
 * A new requirement the recruiter adds by hand. The text may still be empty (a blank row being typed
 * into); validateRubric reports it until it is filled in. The category is guessed from the text unless given.
 */
export function newRequirement(
  text: string,
  existingIds: Iterable<string>,
  opts: { category?: Category; mandatory?: boolean } = {}
): Requirement {
  const clean = String(text ?? "").replace(/\s+/g, " ").trim()
  const category = opts.category ?? (clean ? categorize(clean) : "skills")
  const requirement: Requirement = {
    id: nextRequirementId(existingIds),
    text: clean,
    category,
    mandatory: opts.mandatory ?? false,
    facets: deriveFacets(clean, category)
  }
  const flags = checkFairness(clean)
  if (flags.length) requirement.fairnessFlags = flags
  return requirement
}

/**
 * Applies an edit to one requirement. A changed text or category re-derives the facets; a changed
 * text re-runs the fairness check (flags the recruiter already confirmed stay confirmed when the
 * same term is still there).
 */
export function reviseRequirement(requirement: Requirement, changes: Partial<Pick<Requirement, "text" | "category" | "mandatory">>): Requirement {
  const text = changes.text !== undefined ? changes.text.replace(/\s+/g, " ").trim() : requirement.text
  const category = changes.category ?? requirement.category
  const next: Requirement = { ...requirement, text, category, mandatory: changes.mandatory ?? requirement.mandatory }
  if (text !== requirement.text || category !== requirement.category) next.facets = deriveFacets(text, category)
  if (text !== requirement.text) {
    const confirmed = new Set((requirement.fairnessFlags ?? []).filter((f) => f.confirmed).map((f) => `${f.attribute}:${f.term.toLowerCase()}`))
    const flags = checkFairness(text).map((f) => (confirmed.has(`${f.attribute}:${f.term.toLowerCase()}`) ? { ...f, confirmed: true } : f))
    if (flags.length) next.fairnessFlags = flags
    else delete next.fairnessFlags
  }
  return next
}

/** Marks every fairness flag of a requirement as reviewed: the recruiter keeps the wording on purpose. */
export function confirmFairnessFlags(requirement: Requirement): Requirement {
  if (!requirement.fairnessFlags?.length) return requirement
  return { ...requirement, fairnessFlags: requirement.fairnessFlags.map((f) => ({ ...f, confirmed: true })) }
}

/** Moves the item at `from` to position `to`. Throws a RangeError for an index outside the list. */
export function reorder<T>(list: readonly T[], from: number, to: number): T[] {
  if (!Number.isInteger(from) || from < 0 || from >= list.length) throw new RangeError(`Cannot move item ${from}: the list has ${list.length} items.`)
  if (!Number.isInteger(to) || to < 0 || to >= list.length) throw new RangeError(`Cannot move an item to position ${to}: the list has ${list.length} items.`)
  const copy = list.slice()
  const [item] = copy.splice(from, 1)
  copy.splice(to, 0, item as T)
  return copy
}

/** A weight as the sliders hold it: a whole number from 0 to 100 (anything else is clamped; NaN is 0). */
export function clampWeight(value: unknown): number {
  const n = typeof value === "number" ? value : Number(value)
  if (!Number.isFinite(n)) return 0
  return Math.round(Math.min(100, Math.max(0, n)))
}

export type NotCountingReason = "no_requirements" | "zero_weight"

/** Which categories count towards the overall score, and why the others do not. */
export function countingCategories(rubric: Pick<Rubric, "requirements" | "weights">): { counting: Category[]; notCounting: { category: Category; reason: NotCountingReason }[] } {
  const counting: Category[] = []
  const notCounting: { category: Category; reason: NotCountingReason }[] = []
  for (const category of CATEGORIES) {
    const holds = rubric.requirements.some((r) => r.category === category)
    if (!holds) notCounting.push({ category, reason: "no_requirements" })
    else if (clampWeight(rubric.weights?.[category]) === 0) notCounting.push({ category, reason: "zero_weight" })
    else counting.push(category)
  }
  return { counting, notCounting }
}

/**
 * The effective share of each category in the overall score, in whole percent summing to 100 over the
 * categories that count (largest-remainder rounding); 0 for the categories that do not count. All 0
 * when nothing counts. Without `requirements`, every category with a weight above 0 counts.
 */
export function normaliseWeights(weights: CategoryWeights, requirements?: readonly Requirement[]): CategoryWeights {
  const shares: CategoryWeights = { skills: 0, experience: 0, qualifications: 0, other: 0 }
  const eligible = CATEGORIES.filter((c) => clampWeight(weights?.[c]) > 0 && (!requirements || requirements.some((r) => r.category === c)))
  const total = eligible.reduce((sum, c) => sum + clampWeight(weights[c]), 0)
  if (total === 0) return shares
  const exact = eligible.map((c) => ({ c, value: (clampWeight(weights[c]) * 100) / total }))
  let assigned = 0
  for (const { c, value } of exact) {
    shares[c] = Math.floor(value)
    assigned += shares[c]
  }
  const byRemainder = [...exact].sort((a, b) => (b.value - Math.floor(b.value)) - (a.value - Math.floor(a.value)) || CATEGORIES.indexOf(a.c) - CATEGORIES.indexOf(b.c))
  for (let i = 0; assigned < 100 && i < byRemainder.length; i++, assigned++) shares[byRemainder[i]!.c] += 1
  return shares
}

export interface ScoreFormulaDescription {
  /** One paragraph in plain words. */
  summary: string
  /** The same, one statement per line, for a list in the UI. */
  lines: string[]
  counting: Category[]
  notCounting: { category: Category; reason: NotCountingReason }[]
  /** Effective shares in percent (see normaliseWeights). */
  shares: CategoryWeights
  mandatoryCount: number
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join("")
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`
}

/** How the overall score is formed from this rubric, in plain words. */
export function describeScoreFormula(rubric: Pick<Rubric, "requirements" | "weights">): ScoreFormulaDescription {
  const { counting, notCounting } = countingCategories(rubric)
  const shares = normaliseWeights(rubric.weights, rubric.requirements)
  const mandatoryCount = rubric.requirements.filter((r) => r.mandatory).length
  const lines: string[] = []
  const count = (c: Category) => rubric.requirements.filter((r) => r.category === c).length

  if (counting.length === 0) {
    lines.push(
      rubric.requirements.length === 0
        ? "There are no requirements yet, so there is nothing to score."
        : "No category counts: every category with requirements has weight 0. Raise a weight above 0 to get a score."
    )
  } else {
    const parts = counting.map((c) => `${CATEGORY_LABELS[c]} ${shares[c]}% (${count(c)} requirement${count(c) === 1 ? "" : "s"})`)
    lines.push(
      counting.length === 1
        ? `The overall score is the ${CATEGORY_LABELS[counting[0]!]} score alone (${count(counting[0]!)} requirement${count(counting[0]!) === 1 ? "" : "s"}).`
        : `The overall score is a weighted average of the category scores: ${joinWords(parts)}.`
    )
    lines.push("Each category's score is the share of its requirements an applicant meets: met counts in full, partly met counts half, not met or unclear counts nothing.")
  }
  const noRequirements = notCounting.filter((n) => n.reason === "no_requirements").map((n) => CATEGORY_LABELS[n.category])
  const zeroWeight = notCounting.filter((n) => n.reason === "zero_weight").map((n) => CATEGORY_LABELS[n.category])
  if (zeroWeight.length) lines.push(`${joinWords(zeroWeight)} ${zeroWeight.length === 1 ? "has" : "have"} weight 0 and ${zeroWeight.length === 1 ? "does" : "do"} not count.`)
  if (noRequirements.length && rubric.requirements.length) lines.push(`${joinWords(noRequirements)} ${noRequirements.length === 1 ? "holds" : "hold"} no requirement and ${noRequirements.length === 1 ? "does" : "do"} not count.`)
  if (mandatoryCount > 0) {
    lines.push(`${mandatoryCount} requirement${mandatoryCount === 1 ? " is" : "s are"} mandatory: an applicant "meets all mandatory requirements" only when every one of them is fully met. This does not change the score.`)
  } else if (rubric.requirements.length) {
    lines.push("No requirement is mandatory, so every applicant who is scored counts as meeting all mandatory requirements.")
  }
  return { summary: lines.join(" "), lines, counting, notCounting, shares, mandatoryCount }
}

export interface RubricProblem {
  code:
    | "no_requirements"
    | "empty_text"
    | "text_too_long"
    | "duplicate_id"
    | "duplicate_text"
    | "invalid_category"
    | "invalid_weight"
    | "nothing_counts"
    | "unconfirmed_fairness_flag"
  message: string
  requirementId?: string
  category?: Category
}

/** Everything that must be fixed (or, for fairness flags, confirmed) before the rubric can be confirmed. */
export function validateRubric(rubric: Rubric): RubricProblem[] {
  const problems: RubricProblem[] = []
  const requirements = Array.isArray(rubric?.requirements) ? rubric.requirements : []
  if (requirements.length === 0) problems.push({ code: "no_requirements", message: "Add at least one requirement." })

  const seenIds = new Set<string>()
  const seenTexts = new Map<string, string>()
  requirements.forEach((r, index) => {
    const label = `Requirement ${index + 1}`
    if (typeof r.id !== "string" || !r.id) problems.push({ code: "duplicate_id", message: `${label} has no id.` })
    else if (seenIds.has(r.id)) problems.push({ code: "duplicate_id", message: `${label} reuses the id “${r.id}”.`, requirementId: r.id })
    else seenIds.add(r.id)

    const text = typeof r.text === "string" ? r.text.trim() : ""
    if (!text) problems.push({ code: "empty_text", message: `${label} has no text.`, requirementId: r.id })
    else if (text.length > MAX_REQUIREMENT_TEXT) problems.push({ code: "text_too_long", message: `${label} is longer than ${MAX_REQUIREMENT_TEXT} characters; shorten or split it.`, requirementId: r.id })
    else {
      const key = text.toLowerCase().replace(/[^a-z0-9+#]+/g, " ").trim()
      const first = seenTexts.get(key)
      if (first !== undefined) problems.push({ code: "duplicate_text", message: `${label} repeats ${first}.`, requirementId: r.id })
      else seenTexts.set(key, label.toLowerCase())
    }

    if (!(CATEGORIES as readonly string[]).includes(r.category)) problems.push({ code: "invalid_category", message: `${label} has no valid category.`, requirementId: r.id })

    const unconfirmed = (r.fairnessFlags ?? []).filter((f) => !f.confirmed)
    if (unconfirmed.length) {
      problems.push({
        code: "unconfirmed_fairness_flag",
        message: `${label} mentions ${joinWords(unconfirmed.map((f) => `“${f.term}”`))}: ${unconfirmed[0]!.explanation} Reword it or confirm you want to keep it.`,
        requirementId: r.id
      })
    }
  })

  for (const category of CATEGORIES) {
    const raw = rubric?.weights?.[category]
    if (typeof raw !== "number" || !Number.isFinite(raw) || raw < 0 || raw > 100) {
      problems.push({ code: "invalid_weight", message: `The ${CATEGORY_LABELS[category]} weight must be a number from 0 to 100.`, category })
    }
  }
  if (requirements.length && countingCategories({ requirements, weights: rubric.weights }).counting.length === 0) {
    problems.push({ code: "nothing_counts", message: "No category counts towards the score: give a category that holds requirements a weight above 0." })
  }
  return problems
}
