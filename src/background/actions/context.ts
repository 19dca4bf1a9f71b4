/**
 * Reads, from the database, what an action or a badge needs to know about a candidate: which analysis
 * applies, its score and rubric version, the applicant's Lever state, and who is acting.
 */
import type { AnalysisRow, ApplicantRow, ScoreRow, ScreeningDb } from "../../db/schema"
import type { ActionDefaults } from "../../messaging/messages/actions"

export const DEFAULT_ACTOR = "extension user"

/** The connected Lever user (settings `connection.actingAs`), else a neutral label. */
export async function currentActor(db: ScreeningDb): Promise<{ label: string; userId?: string }> {
  const connection = (await db.settings.get("connection"))?.value as
    | { actingAs?: { id?: string; name?: string; email?: string } }
    | undefined
  const acting = connection?.actingAs
  if (!acting) return { label: DEFAULT_ACTOR }
  const label = [acting.name, acting.email ? `<${acting.email}>` : undefined].filter(Boolean).join(" ") || acting.id || DEFAULT_ACTOR
  return { label, userId: acting.id }
}

export async function actionDefaults(db: ScreeningDb): Promise<ActionDefaults> {
  const value = ((await db.settings.get("actions"))?.value ?? {}) as Partial<ActionDefaults>
  return {
    shortlistStageId: typeof value.shortlistStageId === "string" && value.shortlistStageId ? value.shortlistStageId : undefined,
    shortlistTag: typeof value.shortlistTag === "string" && value.shortlistTag.trim() ? value.shortlistTag.trim() : undefined,
    defaultArchiveReasonId:
      typeof value.defaultArchiveReasonId === "string" && value.defaultArchiveReasonId ? value.defaultArchiveReasonId : undefined,
    postNotes: value.postNotes === true
  }
}

/**
 * The score that applies to one candidate: the given analysis when there is one, else the most recently
 * scored analysis of that candidate (a candidate can be in several analyses of the same posting).
 */
export async function scoreFor(db: ScreeningDb, opportunityId: string, analysisId?: string): Promise<ScoreRow | undefined> {
  if (analysisId) return db.scores.get([analysisId, opportunityId])
  const rows = await db.scores.where("opportunityId").equals(opportunityId).toArray()
  return latestScore(rows)
}

export function latestScore(rows: ScoreRow[]): ScoreRow | undefined {
  let best: ScoreRow | undefined
  for (const row of rows) if (!best || row.scoredAt > best.scoredAt) best = row
  return best
}

/** What the audit log keeps about the decision's basis: "the rubric version, engine and score at the time". */
export interface DecisionContext {
  analysisId?: string
  rubricVersion?: number
  engine?: "local" | "llm"
  score?: number | null
  meetsAllMandatory?: boolean
  scoreStale?: boolean
}

export async function decisionContext(db: ScreeningDb, opportunityId: string, analysisId?: string): Promise<DecisionContext> {
  const score = await scoreFor(db, opportunityId, analysisId)
  const analysis: AnalysisRow | undefined = await db.analyses.get(score?.analysisId ?? analysisId ?? "")
  return {
    analysisId: score?.analysisId ?? analysisId,
    rubricVersion: score?.rubricVersion ?? analysis?.rubricVersion,
    engine: score?.result.engine ?? analysis?.engine,
    score: score ? score.result.score : undefined,
    meetsAllMandatory: score?.result.meetsAllMandatory,
    scoreStale: score?.stale
  }
}

export async function applicant(db: ScreeningDb, opportunityId: string): Promise<ApplicantRow | undefined> {
  return db.applicants.get(opportunityId)
}
