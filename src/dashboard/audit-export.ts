/**
 * Builds the compliance export: every audit row of an analysis together with the scores and evidence
 * (rubric version, engine, score at the time, who acted, the Lever reason or stage, Lever's answer).
 */
import type { AnalysisRow, ApplicantRow, AuditRow, RubricRow, ScoreRow } from "../db/schema"

export interface ExportBundle {
  exportedAt: string
  analysis: AnalysisRow | null
  rubrics: RubricRow[]
  actions: AuditRow[]
  scores: {
    opportunityId: string
    name: string
    rubricVersion: number
    stale: boolean
    engine: string
    score: number | null
    meetsAllMandatory: boolean
    status: string
    verdicts: { requirementId: string; requirement: string; verdict: string; evidence: string[]; reason: string }[]
    flags: { kind: string; message: string }[]
  }[]
}

export function buildExport(
  analysis: AnalysisRow | null,
  rubrics: RubricRow[],
  audit: AuditRow[],
  scores: ScoreRow[],
  applicants: ApplicantRow[],
  now = new Date()
): ExportBundle {
  const names = new Map(applicants.map((a) => [a.id, a.name]))
  const requirementText = new Map<string, string>()
  for (const version of [...rubrics].sort((a, b) => a.version - b.version)) {
    for (const requirement of version.rubric.requirements) requirementText.set(requirement.id, requirement.text)
  }
  return {
    exportedAt: now.toISOString(),
    analysis,
    rubrics,
    actions: [...audit].sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0)),
    scores: scores.map((row) => ({
      opportunityId: row.opportunityId,
      name: names.get(row.opportunityId) ?? "",
      rubricVersion: row.rubricVersion,
      stale: row.stale,
      engine: row.result.engine,
      score: row.result.score,
      meetsAllMandatory: row.result.meetsAllMandatory,
      status: row.result.status,
      verdicts: row.result.verdicts.map((v) => ({
        requirementId: v.requirementId,
        requirement: requirementText.get(v.requirementId) ?? "",
        verdict: v.verdict,
        evidence: v.evidence,
        reason: v.reason
      })),
      flags: row.result.flags.map((f) => ({ kind: f.kind, message: f.message }))
    }))
  }
}

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function detail(row: AuditRow, ...keys: string[]): unknown {
  for (const key of keys) if (row.details[key] !== undefined) return row.details[key]
  return undefined
}

export const AUDIT_CSV_COLUMNS = [
  "at", "actor", "action", "phase", "actionId", "opportunityId", "candidate", "analysisId",
  "reasonOrStage", "rubricVersion", "engine", "scoreAtTime", "leverAnswer", "details"
] as const

export function auditCsv(bundle: ExportBundle): string {
  const names = new Map(bundle.scores.map((s) => [s.opportunityId, s.name]))
  const lines = [AUDIT_CSV_COLUMNS.join(",")]
  for (const row of bundle.actions) {
    const cells = [
      new Date(row.at).toISOString(),
      row.actor,
      row.action,
      row.phase,
      row.actionId,
      row.opportunityId ?? "",
      (row.opportunityId && (names.get(row.opportunityId) ?? detail(row, "name", "candidateName"))) ?? "",
      row.analysisId ?? "",
      detail(row, "reasonText", "reason", "reasonId", "stageText", "stage", "stageId", "tag"),
      detail(row, "rubricVersion"),
      detail(row, "engine"),
      detail(row, "score", "scoreAtTime"),
      detail(row, "response", "leverResponse", "leverAnswer", "status", "error"),
      row.details
    ]
    lines.push(cells.map(csvCell).join(","))
  }
  return lines.join("\r\n") + "\r\n"
}

export const SCORES_CSV_COLUMNS = ["opportunityId", "candidate", "rubricVersion", "stale", "engine", "score", "meetsAllMandatory", "status", "requirement", "verdict", "evidence", "reason"] as const

/** One line per (candidate, requirement), so evidence stays readable in a spreadsheet. */
export function scoresCsv(bundle: ExportBundle): string {
  const lines = [SCORES_CSV_COLUMNS.join(",")]
  for (const s of bundle.scores) {
    const base = [s.opportunityId, s.name, s.rubricVersion, s.stale, s.engine, s.score, s.meetsAllMandatory, s.status]
    if (s.verdicts.length === 0) lines.push([...base, "", "", "", ""].map(csvCell).join(","))
    for (const v of s.verdicts) lines.push([...base, v.requirement, v.verdict, v.evidence.join(" | "), v.reason].map(csvCell).join(","))
  }
  return lines.join("\r\n") + "\r\n"
}

/** Starts a download of `text` through a Blob URL (no data leaves the machine). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement("a")
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
