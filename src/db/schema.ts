/**
 * The extension's IndexedDB database (Dexie), opened by the background and by extension pages
 * (same origin). Content scripts never open it (lint rule), and secrets never live here (src/background/vault.ts).
 *
 * Migrations: never edit a released `version(n)`. Add `version(n + 1).stores({...changed tables})` with an
 * `.upgrade(tx => ...)` that rewrites existing rows, and a test in tests/unit/db that opens a database
 * written by version n and checks the upgrade. Dexie keeps the tables you do not mention.
 */
import Dexie, { type EntityTable } from "dexie"

import type { CandidateResult } from "../core/scoring/result"
import type { Rubric } from "../core/requirements/model"
import type { ResumeDocument } from "../core/resume/model"

/** A Lever posting as synced (the raw Lever object is kept for the extractor). */
export interface PostingRow {
  id: string
  title: string
  state: string
  team?: string
  location?: string
  department?: string
  commitment?: string
  /** The `data` of GET /postings/:id, unknown fields kept. */
  raw: Record<string, unknown>
  applicantCount?: number
  syncedAt: number
}

/** One opportunity (candidacy) for one posting. Keyed by the Lever opportunity id. */
export interface ApplicantRow {
  id: string
  postingId: string
  name: string
  headline?: string
  emails?: string[]
  stageId?: string
  stageText?: string
  archived: { reason: string | null; archivedAt: number | null } | null
  tags: string[]
  createdAt: number | null
  updatedAt: number | null
  profileUrl?: string
  syncedAt: number
}

/** Downloaded resume bytes, keyed by Lever resume id + upload time (a re-upload is a new file). */
export interface ResumeFileRow {
  key: string
  opportunityId: string
  resumeId: string
  fileName?: string
  ext?: string
  contentHash: string
  bytes: ArrayBuffer
  fetchedAt: number
}

/** Parsed text, keyed by the file's content hash: the same file is never parsed twice. */
export interface ResumeTextRow {
  contentHash: string
  document: ResumeDocument
  parsedAt: number
}

export type AnalysisStatus = "running" | "paused" | "completed" | "cancelled" | "spending_cap_reached"

export interface AnalysisRow {
  id: string
  postingId: string
  postingTitle: string
  status: AnalysisStatus
  /** The version of the rubric in force; older versions stay in `rubrics`. */
  rubricVersion: number
  engine: "local" | "llm"
  includeArchived: boolean
  pollIntervalMinutes: number
  lastPolledAt?: number
  spendingCapUsd?: number
  totals: { inputTokens: number; outputTokens: number; costUsd: number }
  createdAt: number
  updatedAt: number
  /** When the first full listing of the posting's applicants finished (unset: it is re-run on start). */
  listedAt?: number
  /** Written by the runner as jobs finish, so every page can show progress without counting. */
  progress?: AnalysisProgress
  /** Why the analysis is waiting or stopped, in words for the recruiter (Lever outage, spending cap …). */
  notice?: string
}

export interface AnalysisProgress {
  total: number
  /** Scored under the current rubric version (includes needs_review: they have a result to look at). */
  scored: number
  needsReview: number
  failed: number
  queued: number
  running: number
  /** Estimated time until every queued applicant is scored, from the recent pace; null when unknown. */
  etaMs: number | null
  updatedAt: number
}

export interface RubricRow {
  analysisId: string
  version: number
  rubric: Rubric
  createdAt: number
}

/** The latest result per (analysis, applicant). `stale` when it was made under an older rubric version. */
export interface ScoreRow {
  analysisId: string
  opportunityId: string
  rubricVersion: number
  result: CandidateResult
  stale: boolean
  resumeHash?: string
  scoredAt: number
}

export type JobState = "queued" | "running" | "done" | "failed" | "needs_review"

/** The work queue: one row per (analysis, applicant). Progress lives here, never only in memory. */
export interface JobRow {
  id: string
  analysisId: string
  opportunityId: string
  state: JobState
  attempts: number
  nextAttemptAt: number
  lastError?: string
  updatedAt: number
  /** Why it was queued: "rubric" re-scores from the cached text without calling Lever. */
  reason?: "new" | "changed" | "rubric" | "retry"
}

export interface AuditRow {
  id?: number
  at: number
  actor: string
  action: "archive" | "unarchive" | "stage" | "tag" | "note" | "analysis_created" | "rubric_changed" | "analysis_deleted" | "data_deleted"
  phase: "requested" | "succeeded" | "failed"
  /** Groups the requested/succeeded/failed rows of one action, and makes a click idempotent. */
  actionId: string
  opportunityId?: string
  analysisId?: string
  details: Record<string, unknown>
}

export interface SettingRow {
  key: string
  value: unknown
}

export class ScreeningDb extends Dexie {
  postings!: EntityTable<PostingRow, "id">
  applicants!: EntityTable<ApplicantRow, "id">
  resumeFiles!: EntityTable<ResumeFileRow, "key">
  resumeTexts!: EntityTable<ResumeTextRow, "contentHash">
  analyses!: EntityTable<AnalysisRow, "id">
  rubrics!: Dexie.Table<RubricRow, [string, number]>
  scores!: Dexie.Table<ScoreRow, [string, string]>
  jobs!: EntityTable<JobRow, "id">
  audit!: EntityTable<AuditRow, "id">
  settings!: EntityTable<SettingRow, "key">

  constructor(name = "lever-screening") {
    super(name)
    this.version(1).stores({
      postings: "id, state, syncedAt",
      applicants: "id, postingId, [postingId+createdAt], updatedAt",
      resumeFiles: "key, opportunityId, contentHash, fetchedAt",
      resumeTexts: "contentHash, parsedAt",
      analyses: "id, postingId, status",
      rubrics: "[analysisId+version], analysisId",
      scores: "[analysisId+opportunityId], analysisId, opportunityId",
      jobs: "id, analysisId, [analysisId+state], state, nextAttemptAt",
      audit: "++id, at, actionId, opportunityId, analysisId",
      settings: "key"
    })
  }
}

let shared: ScreeningDb | undefined
/** The one database instance of this context (background or page). */
export function getDb(): ScreeningDb {
  shared ??= new ScreeningDb()
  return shared
}
