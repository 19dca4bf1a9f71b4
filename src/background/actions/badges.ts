/**
 * What the overlay shows for a candidate: a badge state per visible row (one query batch per pass) and
 * the full card on a profile. Read-only; everything comes from the database the runner fills.
 */
import type { Requirement } from "../../core/requirements/model"
import type { AnalysisRow, ApplicantRow, JobRow, ScoreRow, ScreeningDb } from "../../db/schema"
import type { BadgeState, CandidateCard } from "../../messaging/messages/actions"
import { jobId } from "../runner/runner"
import { latestScore } from "./context"

/** How many verdicts the tooltip lists: enough to explain the score, short enough to read at a glance. */
const TOP_VERDICTS = 4

interface Snapshot {
  applicants: Map<string, ApplicantRow>
  /** The analysis that applies to each candidate (latest scored, else latest for the posting). */
  analysisFor: Map<string, AnalysisRow>
  scores: Map<string, ScoreRow>
  jobs: Map<string, JobRow>
  requirements: Map<string, Requirement[]>
}

function rubricKey(analysisId: string, version: number): string {
  return `${analysisId}#${version}`
}

async function snapshot(db: ScreeningDb, ids: string[]): Promise<Snapshot> {
  const applicantRows = await db.applicants.bulkGet(ids)
  const applicants = new Map<string, ApplicantRow>()
  applicantRows.forEach((row) => row && applicants.set(row.id, row))

  const scoreRows = await db.scores.where("opportunityId").anyOf(ids).toArray()
  const byCandidate = new Map<string, ScoreRow[]>()
  for (const row of scoreRows) byCandidate.set(row.opportunityId, [...(byCandidate.get(row.opportunityId) ?? []), row])

  const analysisIds = new Set(scoreRows.map((row) => row.analysisId))
  const postingIds = [...new Set([...applicants.values()].map((row) => row.postingId))]
  const postingAnalyses = postingIds.length ? await db.analyses.where("postingId").anyOf(postingIds).toArray() : []
  const analyses = new Map<string, AnalysisRow>(postingAnalyses.map((a) => [a.id, a]))
  const missing = [...analysisIds].filter((id) => !analyses.has(id))
  if (missing.length) (await db.analyses.bulkGet(missing)).forEach((a) => a && analyses.set(a.id, a))

  const latestForPosting = new Map<string, AnalysisRow>()
  for (const analysis of analyses.values()) {
    const current = latestForPosting.get(analysis.postingId)
    if (!current || analysis.createdAt > current.createdAt) latestForPosting.set(analysis.postingId, analysis)
  }

  const analysisFor = new Map<string, AnalysisRow>()
  const scores = new Map<string, ScoreRow>()
  for (const id of ids) {
    // Scores of deleted analyses are ignored: the analysis row is the owner.
    const live = (byCandidate.get(id) ?? []).filter((row) => analyses.has(row.analysisId))
    const posting = applicants.get(id)?.postingId
    const forPosting = posting ? latestForPosting.get(posting) : undefined
    const preferred = forPosting ? live.find((row) => row.analysisId === forPosting.id) : undefined
    const score = preferred ?? latestScore(live)
    if (score) {
      scores.set(id, score)
      analysisFor.set(id, analyses.get(score.analysisId)!)
    } else if (forPosting) analysisFor.set(id, forPosting)
  }

  // One keyed read per candidate (the runner's job id), never a scan of an analysis' whole queue.
  const jobs = new Map<string, JobRow>()
  const jobKeys = ids.filter((id) => analysisFor.has(id)).map((id) => jobId(analysisFor.get(id)!.id, id))
  if (jobKeys.length) {
    for (const job of await db.jobs.bulkGet(jobKeys)) {
      if (job && analysisFor.get(job.opportunityId)?.id === job.analysisId) jobs.set(job.opportunityId, job)
    }
  }

  const requirements = new Map<string, Requirement[]>()
  const rubricKeys = new Map<string, [string, number]>()
  for (const score of scores.values()) rubricKeys.set(rubricKey(score.analysisId, score.rubricVersion), [score.analysisId, score.rubricVersion])
  if (rubricKeys.size) {
    const rows = await db.rubrics.bulkGet([...rubricKeys.values()])
    rows.forEach((row) => row && requirements.set(rubricKey(row.analysisId, row.version), row.rubric.requirements))
  }
  return { applicants, analysisFor, scores, jobs, requirements }
}

function badgeFor(id: string, snap: Snapshot): BadgeState {
  const analysis = snap.analysisFor.get(id)
  const score = snap.scores.get(id)
  const job = snap.jobs.get(id)
  const archived = !!snap.applicants.get(id)?.archived
  const base: BadgeState = { state: "not_analysed", analysisId: analysis?.id }
  if (score) {
    const requirements = snap.requirements.get(rubricKey(score.analysisId, score.rubricVersion)) ?? []
    base.score = score.result.score ?? undefined
    base.meetsAllMandatory = score.result.meetsAllMandatory
    base.topVerdicts = topVerdicts(score, requirements)
  }
  const working = job && (job.state === "queued" || job.state === "running")
  if (archived) base.state = "archived"
  else if (score && score.result.status === "needs_review") base.state = "needs_review"
  else if (score && !score.stale) base.state = "scored"
  else if (working) base.state = "in_progress"
  else if (score) base.state = "stale"
  else if (job?.state === "needs_review") base.state = "needs_review"
  else if (job?.state === "failed") base.state = "failed"
  else if (job?.state === "done") base.state = "in_progress" // done but the score row is not written yet
  if (!analysis && !score) delete base.analysisId
  return base
}

/** Mandatory requirements first (they decide "meets all mandatory"), then the rubric's order. */
function topVerdicts(score: ScoreRow, requirements: Requirement[]): BadgeState["topVerdicts"] {
  const byId = new Map(requirements.map((r, index) => [r.id, { requirement: r, index }]))
  return [...score.result.verdicts]
    .map((verdict) => ({ verdict, meta: byId.get(verdict.requirementId) }))
    .sort((a, b) => Number(!!b.meta?.requirement.mandatory) - Number(!!a.meta?.requirement.mandatory) || (a.meta?.index ?? 1e9) - (b.meta?.index ?? 1e9))
    .slice(0, TOP_VERDICTS)
    .map(({ verdict, meta }) => ({ text: meta?.requirement.text ?? verdict.requirementId, verdict: verdict.verdict }))
}

export async function scoresForIds(db: ScreeningDb, ids: string[]): Promise<Record<string, BadgeState>> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))]
  if (!unique.length) return {}
  const snap = await snapshot(db, unique)
  const items: Record<string, BadgeState> = {}
  for (const id of unique) items[id] = badgeFor(id, snap)
  return items
}

export async function candidateCard(db: ScreeningDb, opportunityId: string, dashboardUrl: (analysisId?: string, candidateId?: string) => string): Promise<CandidateCard> {
  const id = opportunityId.toLowerCase()
  const snap = await snapshot(db, [id])
  const badge = badgeFor(id, snap)
  const score = snap.scores.get(id)
  const requirements = score ? (snap.requirements.get(rubricKey(score.analysisId, score.rubricVersion)) ?? []) : []
  const byId = new Map(requirements.map((r) => [r.id, r]))
  const verdicts = (score?.result.verdicts ?? []).map((verdict) => {
    const requirement = byId.get(verdict.requirementId)
    return {
      requirement: requirement?.text ?? verdict.requirementId,
      mandatory: requirement?.mandatory ?? false,
      verdict: verdict.verdict,
      evidence: verdict.evidence.slice(0, 5),
      reason: verdict.reason
    }
  })
  return {
    badge,
    name: snap.applicants.get(id)?.name || undefined,
    verdicts,
    flags: score?.result.flags ?? [],
    dashboardUrl: dashboardUrl(badge.analysisId, id)
  }
}
