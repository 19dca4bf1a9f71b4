/** One result shape for every engine (local and LLM). See issue "Scoring" and docs/architecture.md. */
export const VERDICTS = ["met", "partial", "not_met", "unclear"] as const
export type Verdict = (typeof VERDICTS)[number]

/** met 1, partial ½, not met and unclear 0 (unclear is shown, never hidden). */
export const VERDICT_CREDIT: Record<Verdict, number> = { met: 1, partial: 0.5, not_met: 0, unclear: 0 }

export interface RequirementVerdict {
  requirementId: string
  verdict: Verdict
  /** Verbatim passages of the visible resume text; each one is checked to exist in it. */
  evidence: string[]
  reason: string
}

export type CandidateStatus = "scored" | "needs_review"

export interface ResultFlag {
  kind: "hidden_text" | "unreadable" | "no_text_layer" | "protected" | "too_large" | "no_resume" | "injection_attempt" | "keyword_stuffing" | "llm_error" | "other"
  message: string
  /** e.g. the hidden excerpt. Untrusted text: render as text only. */
  detail?: string
}

export interface CandidateResult {
  status: CandidateStatus
  /** 0–100, null when the resume could not be read (needs review, never a silent zero). */
  score: number | null
  meetsAllMandatory: boolean
  verdicts: RequirementVerdict[]
  flags: ResultFlag[]
  engine: "local" | "llm"
  model?: string
  rubricVersion?: number
  usage?: { inputTokens: number; outputTokens: number; costUsd?: number }
}
