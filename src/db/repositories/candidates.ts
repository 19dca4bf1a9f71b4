/**
 * Read helpers for the dashboard: one row per applicant of an analysis, joined from `applicants`,
 * `scores`, `jobs` and `audit`. Pages read the database directly; the background does every write.
 */
import type { Rubric } from "../../core/requirements/model"
import type { CandidateResult, Verdict } from "../../core/scoring/result"
import type { AnalysisRow, ApplicantRow, AuditRow, JobState, ScoreRow, ScreeningDb } from "../schema"

export type VerdictCounts = Record<Verdict, number>

export interface CandidateRow {
  opportunityId: string
  /** Untrusted (from Lever): render as text only. */
  name: string
  headline?: string
  score: number | null
  meetsAllMandatory: boolean | null
  verdicts: VerdictCounts
  hiddenText: boolean
  needsReview: boolean
  stale: boolean
  failed: boolean
  /** Where the job queue stands for this applicant (undefined = not queued yet). */
  jobState?: JobState
  jobError?: string
  stageId?: string
  stageText?: string
  archived: boolean
  archiveReason?: string | null
  /** A rejection or shortlist from this extension has succeeded for this applicant. */
  actedOn: boolean
  profileUrl?: string
  result?: CandidateResult
}

export function countVerdicts(result: CandidateResult | undefined): VerdictCounts {
  const counts: VerdictCounts = { met: 0, partial: 0, not_met: 0, unclear: 0 }
  for (const verdict of result?.verdicts ?? []) counts[verdict.verdict] += 1
  return counts
}

export function buildCandidateRow(
  applicant: ApplicantRow,
  score: ScoreRow | undefined,
  job: { state: JobState; lastError?: string } | undefined,
  actedOn: boolean
): CandidateRow {
  const result = score?.result
  return {
    opportunityId: applicant.id,
    name: applicant.name || "(no name)",
    headline: applicant.headline,
    score: result?.score ?? null,
    meetsAllMandatory: result ? result.meetsAllMandatory : null,
    verdicts: countVerdicts(result),
    hiddenText: !!result?.flags.some((flag) => flag.kind === "hidden_text"),
    needsReview: result?.status === "needs_review" || job?.state === "needs_review",
    stale: !!score?.stale,
    failed: job?.state === "failed",
    jobState: job?.state,
    jobError: job?.lastError,
    stageId: applicant.stageId,
    stageText: applicant.stageText,
    archived: !!applicant.archived?.archivedAt || !!applicant.archived?.reason,
    archiveReason: applicant.archived?.reason,
    actedOn,
    profileUrl: applicant.profileUrl,
    result
  }
}

const ACTING_KINDS = new Set<AuditRow["action"]>(["archive", "stage", "tag"])

export async function loadCandidateRows(db: ScreeningDb, analysis: Pick<AnalysisRow, "id" | "postingId" | "includeArchived">): Promise<CandidateRow[]> {
  const [applicants, scores, jobs, audit] = await Promise.all([
    db.applicants.where("postingId").equals(analysis.postingId).toArray(),
    db.scores.where("analysisId").equals(analysis.id).toArray(),
    db.jobs.where("analysisId").equals(analysis.id).toArray(),
    db.audit.where("analysisId").equals(analysis.id).toArray()
  ])
  const scoreById = new Map(scores.map((row) => [row.opportunityId, row]))
  const jobById = new Map(jobs.map((row) => [row.opportunityId, row]))
  const acted = new Set(audit.filter((row) => row.phase === "succeeded" && ACTING_KINDS.has(row.action) && row.opportunityId).map((row) => row.opportunityId!))
  const rows: CandidateRow[] = []
  for (const applicant of applicants) {
    const score = scoreById.get(applicant.id)
    const job = jobById.get(applicant.id)
    // Archived applicants outside the analysis are not part of it; ones it scored (or we archived) stay visible.
    if (applicant.archived && !analysis.includeArchived && !score && !job && !acted.has(applicant.id)) continue
    rows.push(buildCandidateRow(applicant, score, job, acted.has(applicant.id)))
  }
  return rows
}

export interface AnalysisProgress {
  total: number
  queued: number
  running: number
  done: number
  failed: number
  needsReview: number
}

export async function loadProgress(db: ScreeningDb, analysisId: string): Promise<AnalysisProgress> {
  const states: JobState[] = ["queued", "running", "done", "failed", "needs_review"]
  const counts = await Promise.all(states.map((state) => db.jobs.where("[analysisId+state]").equals([analysisId, state]).count()))
  const [queued, running, done, failed, needsReview] = counts
  return { total: queued + running + done + failed + needsReview, queued, running, done, failed, needsReview }
}

export async function loadRubric(db: ScreeningDb, analysisId: string, version?: number): Promise<{ version: number; rubric: Rubric } | undefined> {
  if (version !== undefined) {
    const row = await db.rubrics.get([analysisId, version])
    if (row) return { version: row.version, rubric: row.rubric }
  }
  const rows = await db.rubrics.where("analysisId").equals(analysisId).toArray()
  const latest = rows.sort((a, b) => b.version - a.version)[0]
  return latest ? { version: latest.version, rubric: latest.rubric } : undefined
}
