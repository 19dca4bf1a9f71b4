/**
 * The optional note posted to the Lever profile (settings `actions.postNotes`, off by default), so
 * colleagues without the extension see the basis of the decision. Plain text: Lever shows notes as text.
 */
import type { Rubric } from "../../core/requirements/model"
import type { CandidateResult, Verdict } from "../../core/scoring/result"

const VERDICT_LABEL: Record<Verdict, string> = { met: "met", partial: "partly met", not_met: "not met", unclear: "unclear" }

export function verdictLabel(verdict: Verdict): string {
  return VERDICT_LABEL[verdict]
}

export function buildDecisionNote(input: {
  decision: string
  actor: string
  result?: CandidateResult
  rubric?: Rubric
  rubricVersion?: number
}): string {
  const lines: string[] = [`Screening extension: ${input.decision} by ${input.actor}.`]
  const result = input.result
  if (!result) {
    lines.push("No screening score was available for this candidate.")
    return lines.join("\n")
  }
  const score = result.score === null ? "no score (needs manual review)" : `${Math.round(result.score)}/100`
  lines.push(
    `Score ${score}; ${result.meetsAllMandatory ? "meets" : "does not meet"} all mandatory requirements ` +
      `(${result.engine} engine${input.rubricVersion ? `, rubric v${input.rubricVersion}` : ""}).`
  )
  const requirements = new Map((input.rubric?.requirements ?? []).map((r) => [r.id, r]))
  for (const verdict of result.verdicts) {
    const requirement = requirements.get(verdict.requirementId)
    const text = requirement?.text ?? verdict.requirementId
    lines.push(`- ${requirement?.mandatory ? "[mandatory] " : ""}${text}: ${verdictLabel(verdict.verdict)}`)
  }
  for (const flag of result.flags) lines.push(`! ${flag.message}`)
  // Lever accepts long notes, but a wall of text helps nobody: keep the summary readable.
  return lines.join("\n").slice(0, 4000)
}
