/** Shared set-up for the actions tests: a fresh fake-indexeddb database with one scored analysis. */
import "fake-indexeddb/auto"

import type { Rubric } from "~/core/requirements/model"
import type { CandidateResult } from "~/core/scoring/result"
import { ScreeningDb, type ApplicantRow } from "~/db/schema"

export const POSTING = "posting-1"
export const ANALYSIS = "analysis-1"

export const RUBRIC: Rubric = {
  weights: { skills: 40, experience: 35, qualifications: 25, other: 0 },
  requirements: [
    { id: "r1", text: "5+ years of TypeScript", category: "experience", mandatory: true, facets: {} },
    { id: "r2", text: "Kubernetes", category: "skills", mandatory: false, facets: {} },
    { id: "r3", text: "BSc in Computer Science", category: "qualifications", mandatory: true, facets: {} }
  ]
}

export function result(score: number | null, overrides: Partial<CandidateResult> = {}): CandidateResult {
  return {
    status: score === null ? "needs_review" : "scored",
    score,
    meetsAllMandatory: (score ?? 0) >= 50,
    engine: "local",
    flags: [],
    verdicts: [
      { requirementId: "r2", verdict: "partial", evidence: ["Helm charts"], reason: "Related tooling" },
      { requirementId: "r1", verdict: "met", evidence: ["6 years TypeScript"], reason: "6 years" },
      { requirementId: "r3", verdict: "not_met", evidence: [], reason: "No degree found" }
    ],
    ...overrides
  }
}

let counter = 0
export async function freshDb(): Promise<ScreeningDb> {
  const db = new ScreeningDb(`actions-test-${process.pid}-${++counter}`)
  await db.open()
  const now = Date.now()
  await db.analyses.add({
    id: ANALYSIS,
    postingId: POSTING,
    postingTitle: "Engineer",
    status: "running",
    rubricVersion: 2,
    engine: "local",
    includeArchived: false,
    pollIntervalMinutes: 15,
    totals: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
    createdAt: now,
    updatedAt: now
  })
  await db.rubrics.add({ analysisId: ANALYSIS, version: 2, rubric: RUBRIC, createdAt: now })
  return db
}

export function applicantRow(id: string, overrides: Partial<ApplicantRow> = {}): ApplicantRow {
  return {
    id,
    postingId: POSTING,
    name: `Candidate ${id.slice(0, 4)}`,
    stageId: "applicant-new",
    stageText: "New applicant",
    archived: null,
    tags: [],
    createdAt: 1,
    updatedAt: 1,
    syncedAt: 1,
    ...overrides
  }
}

export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`
}
