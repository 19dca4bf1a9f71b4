/**
 * The requirement model shared by extraction (src/core/requirements), the rubric editor (popup),
 * scoring engines (src/core/scoring) and storage (src/db). One shape everywhere.
 */
export const CATEGORIES = ["skills", "experience", "qualifications", "other"] as const
export type Category = (typeof CATEGORIES)[number]

export const CATEGORY_LABELS: Record<Category, string> = {
  skills: "Skills",
  experience: "Experience",
  qualifications: "Qualifications",
  other: "Other"
}

export type DegreeLevel = "high_school" | "associate" | "bachelor" | "master" | "doctorate"

/** What the local engine can match precisely. Every field is optional: free text still matches by terms. */
export interface RequirementFacets {
  /** Skills, tools, methods named by the requirement, each with the aliases that count as the same thing. */
  skills?: { name: string; aliases: string[] }[]
  /** "N+ years of X": the minimum and, when named, what the years must be in. */
  minYears?: number
  yearsSubject?: string
  degree?: { level: DegreeLevel; fields: string[]; equivalentExperienceAccepted: boolean }
  /** Licences and certificates (CPA, RN, forklift certification, GCP …). */
  credentials?: { name: string; aliases: string[] }[]
  languages?: { language: string; level?: string }[]
  location?: string
  workAuthorization?: string
  /** Content words of the requirement, for term matching when nothing above applies. */
  keywords?: string[]
  /** "any of" (a list of alternatives) versus "all of" (a compound requirement). */
  mode?: "any" | "all"
}

export interface FairnessFlag {
  /** The term that names a protected attribute or a common proxy for one. */
  term: string
  attribute: "age" | "gender" | "nationality" | "national_origin" | "marital_status" | "disability" | "religion" | "race" | "appearance" | "other"
  explanation: string
  /** Set when the recruiter has reviewed the flag and chosen to keep the wording; unset means not yet reviewed. */
  confirmed?: boolean
}

export interface Requirement {
  id: string
  text: string
  category: Category
  mandatory: boolean
  facets: RequirementFacets
  fairnessFlags?: FairnessFlag[]
}

/** Category weights, 0–100 each. A category with weight 0 or no requirement counts for nothing. */
export type CategoryWeights = Record<Category, number>

export const DEFAULT_WEIGHTS: CategoryWeights = { skills: 40, experience: 35, qualifications: 25, other: 0 }
export const EQUAL_WEIGHTS: CategoryWeights = { skills: 25, experience: 25, qualifications: 25, other: 25 }

export interface Rubric {
  requirements: Requirement[]
  weights: CategoryWeights
}
