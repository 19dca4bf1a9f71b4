/** Words and colours for badge states and verdicts, shared by the list badge and the profile card. */
import type { Verdict } from "../core/scoring/result"
import type { BadgeState } from "../messaging/messages/actions"

export const STATE_LABEL: Record<BadgeState["state"], string> = {
  not_analysed: "Not analysed",
  in_progress: "Scoring in progress",
  needs_review: "Needs manual review",
  scored: "Scored",
  stale: "Stale: scored under an older rubric",
  archived: "Archived in Lever",
  failed: "Scoring failed"
}

export const VERDICT_LABEL: Record<Verdict, string> = { met: "Met", partial: "Partly met", not_met: "Not met", unclear: "Unclear" }
export const VERDICT_MARK: Record<Verdict, string> = { met: "✓", partial: "◐", not_met: "✗", unclear: "?" }

export function band(score: number | undefined): "band-high" | "band-mid" | "band-low" | "band-none" {
  if (score === undefined) return "band-none"
  if (score >= 75) return "band-high"
  if (score >= 50) return "band-mid"
  return "band-low"
}

/** The badge's short text: the score when there is one, else a symbol for the state. */
export function badgeText(state: BadgeState | undefined): string {
  if (!state) return "…"
  const score = state.score !== undefined ? String(Math.round(state.score)) : undefined
  switch (state.state) {
    case "scored":
    case "stale":
    case "archived":
      return score ?? (state.state === "archived" ? "Archived" : "–")
    case "in_progress":
      return score ? `${score} …` : "…"
    case "needs_review":
      return "Review"
    case "failed":
      return "Failed"
    case "not_analysed":
      return "–"
  }
}

export function mandatoryMark(state: BadgeState | undefined): string {
  if (!state || state.meetsAllMandatory === undefined) return ""
  return state.meetsAllMandatory ? "✓" : "✗"
}

export function mandatoryLabel(state: BadgeState | undefined): string {
  if (!state || state.meetsAllMandatory === undefined) return ""
  return state.meetsAllMandatory ? "Meets all mandatory requirements" : "Does not meet all mandatory requirements"
}
