/**
 * What the runner needs from the outside world, passed in so the same code runs in the service worker,
 * the Firefox event page and Node tests (fake-indexeddb + the Lever simulator).
 *
 * The Lever shapes below are the few fields the runner reads. They are structural on purpose: the
 * shared client (src/core/lever/client.ts) returns richer objects, and Lever adds fields at any time.
 */
import type { Rubric } from "../../core/requirements/model"
import type { ResumeDocument } from "../../core/resume/model"
import type { CandidateResult } from "../../core/scoring/result"
import type { AnalysisRow, ScreeningDb } from "../../db/schema"

export interface LeverOpportunityLike {
  id: string
  name?: string | null
  headline?: string | null
  emails?: string[] | null
  stage?: string | { id: string; text?: string } | null
  archived?: { reason?: string | null; archivedAt?: number | null } | null
  tags?: string[] | null
  createdAt?: number | null
  updatedAt?: number | null
  urls?: { show?: string | null } | null
}

export interface LeverResumeLike {
  id: string
  createdAt?: number | null
  file?: { name?: string | null; ext?: string | null; uploadedAt?: number | null; status?: string | null; size?: number | null } | null
  parsedData?: unknown
}

export type LeverQuery = Record<string, string | number | boolean | string[] | undefined>

/** The slice of the shared Lever client the runner uses. One instance, so one rate limiter for all. */
export interface RunnerLever {
  opportunities(query: LeverQuery): AsyncIterable<LeverOpportunityLike>
  resumes(opportunityId: string): Promise<LeverResumeLike[]>
  /** Used once per analysis to name a posting that was never synced. */
  getPosting?(postingId: string): Promise<{ text?: string | null }>
  downloadResume(opportunityId: string, resumeId: string): Promise<ArrayBuffer | Uint8Array | { bytes: ArrayBuffer | Uint8Array; contentType?: string }>
}

export interface ScoreRequest {
  analysis: AnalysisRow
  opportunityId: string
  /** For blind mode: the name to redact before a model sees the text. */
  candidateName?: string
  rubric: Rubric
  rubricVersion: number
  resume: ResumeDocument
  now: number
}

export interface RunnerDeps {
  db: ScreeningDb
  /** The shared client; throws (e.g. "not connected") when there is no Lever connection. */
  lever: () => Promise<RunnerLever>
  /** Turns downloaded bytes into a ResumeDocument (pdf.js / mammoth / text). */
  ingest: (bytes: Uint8Array, meta: { fileName: string; mimeType?: string }) => Promise<ResumeDocument>
  /** Lever's own parse of the resume, used when there is no readable file. */
  fromParsedData: (parsedData: unknown, now: Date) => ResumeDocument
  /** Scores one resume with the analysis' engine. LLM engines throw LlmError("rate_limited") on 429. */
  score: (request: ScoreRequest) => Promise<CandidateResult>
  /** SHA-256 hex of the bytes. */
  hash: (bytes: Uint8Array) => Promise<string>
  now: () => number
  sleep: (ms: number) => Promise<void>
  /** Called whenever progress changes (the browser wires the action badge to it). Never throws. */
  onProgress?: () => void
  random?: () => number
  log?: (message: string, details?: Record<string, unknown>) => void
}

export interface RunnerOptions {
  /** Parallel applicants in flight against Lever (all share the client's rate limiter). */
  leverConcurrency: number
  /** Resumes read / scored locally at the same time (CPU work on the worker's one thread). */
  cpuConcurrency: number
  /** Tries per applicant for errors that are the applicant's own (a bad file), not Lever's health. */
  maxAttempts: number
  /** How far back each poll looks before the last poll, so a clock skew or a slow write is not missed. */
  pollOverlapMs: number
  /** A running job untouched for this long belongs to a worker that died: it is re-run. */
  staleRunningMs: number
  /** Starting and ceiling concurrency of LLM scoring (adapts down on 429s). */
  llmConcurrency: { initial: number; max: number }
}

export const DEFAULT_RUNNER_OPTIONS: RunnerOptions = {
  leverConcurrency: 32,
  cpuConcurrency: 2,
  maxAttempts: 3,
  pollOverlapMs: 3 * 60_000,
  staleRunningMs: 3 * 60_000,
  llmConcurrency: { initial: 4, max: 8 }
}
