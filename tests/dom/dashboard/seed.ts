/** Seeds a real ScreeningDb (fake-indexeddb) with an analysis, its rubric, applicants, scores and jobs. */
import type { Rubric } from "../../../src/core/requirements/model"
import type { CandidateResult, Verdict } from "../../../src/core/scoring/result"
import { getDb, type AnalysisRow, type ApplicantRow, type JobRow, type ScoreRow } from "../../../src/db/schema"

export const RUBRIC: Rubric = {
  requirements: [
    { id: "r1", text: "5+ years of Go", category: "experience", mandatory: true, facets: {} },
    { id: "r2", text: "PostgreSQL", category: "skills", mandatory: false, facets: {} },
    { id: "r3", text: "BSc in Computer Science", category: "qualifications", mandatory: false, facets: {} }
  ],
  weights: { skills: 40, experience: 35, qualifications: 25, other: 0 }
}

export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`
}

export interface SeedCandidate {
  name: string
  score: number | null
  meets: boolean
  verdicts?: Verdict[]
  evidence?: string[]
  stageId?: string
  stageText?: string
  archived?: boolean
  hidden?: boolean
  stale?: boolean
  job?: JobRow["state"]
  resumeText?: string
  headline?: string
}

export async function resetDb(): Promise<void> {
  const db = getDb()
  await Promise.all(db.tables.map((table) => table.clear()))
}

export async function seedAnalysis(candidates: SeedCandidate[], analysisOverrides: Partial<AnalysisRow> = {}): Promise<{ analysis: AnalysisRow; ids: string[] }> {
  const db = getDb()
  const now = Date.now()
  const analysis: AnalysisRow = {
    id: "an-1",
    postingId: "post-1",
    postingTitle: "Backend Engineer",
    status: "running",
    rubricVersion: 1,
    engine: "local",
    includeArchived: false,
    pollIntervalMinutes: 60,
    totals: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
    createdAt: now,
    updatedAt: now,
    ...analysisOverrides
  }
  await db.analyses.put(analysis)
  await db.rubrics.put({ analysisId: analysis.id, version: 1, rubric: RUBRIC, createdAt: now })
  const applicants: ApplicantRow[] = []
  const scores: ScoreRow[] = []
  const jobs: JobRow[] = []
  const ids: string[] = []
  candidates.forEach((c, index) => {
    const id = uuid(index + 1)
    ids.push(id)
    applicants.push({
      id,
      postingId: analysis.postingId,
      name: c.name,
      headline: c.headline,
      stageId: c.stageId ?? "applicant-new",
      stageText: c.stageText ?? "New applicant",
      archived: c.archived ? { reason: "reason-1", archivedAt: now } : null,
      tags: [],
      createdAt: now - index,
      updatedAt: now,
      profileUrl: `https://hire.lever.co/candidates/${id}`,
      syncedAt: now
    })
    jobs.push({ id: `${analysis.id}:${id}`, analysisId: analysis.id, opportunityId: id, state: c.job ?? (c.score === null ? "queued" : "done"), attempts: 0, nextAttemptAt: now, updatedAt: now })
    if (c.score !== null) {
      const verdicts = c.verdicts ?? ["met", "partial", "not_met"]
      const result: CandidateResult = {
        status: "scored",
        score: c.score,
        meetsAllMandatory: c.meets,
        verdicts: RUBRIC.requirements.map((r, i) => ({
          requirementId: r.id,
          verdict: verdicts[i] ?? "unclear",
          evidence: c.evidence && i === 0 ? c.evidence : [],
          reason: `Reason for ${r.text}`
        })),
        flags: c.hidden ? [{ kind: "hidden_text", message: "Hidden text found", detail: "kubernetes kubernetes" }] : [],
        engine: "local",
        rubricVersion: 1
      }
      scores.push({ analysisId: analysis.id, opportunityId: id, rubricVersion: 1, result, stale: !!c.stale, scoredAt: now })
    }
  })
  await db.applicants.bulkPut(applicants)
  await db.scores.bulkPut(scores)
  await db.jobs.bulkPut(jobs)
  for (const [index, c] of candidates.entries()) {
    if (!c.resumeText) continue
    const hash = `hash-${index}`
    await db.resumeFiles.put({ key: `${ids[index]}:res`, opportunityId: ids[index], resumeId: "res", fileName: "cv.txt", ext: "txt", contentHash: hash, bytes: new ArrayBuffer(0), fetchedAt: now })
    await db.resumeTexts.put({
      contentHash: hash,
      parsedAt: now,
      document: { status: "ok", source: "text", text: c.resumeText, hidden: c.hidden ? [{ reason: "white_text", excerpt: "kubernetes kubernetes" }] : [] }
    })
  }
  return { analysis, ids }
}
