/**
 * The background analysis runner: lists a posting's applicants, then for each one fetches the newest
 * resume, reads it and scores it, writing every result as soon as it exists.
 *
 * Survives the worker dying at any moment (architecture rule 4): every bit of progress is a row in db
 * `jobs` (state, attempts, nextAttemptAt, lastError), the first listing is re-run until `listedAt` is
 * set, and `start()` puts jobs left `running` by a dead worker back in the queue. A job re-run is
 * harmless: files are cached by resume id + upload time, texts by content hash, and a score row is
 * written only when there is none for the current rubric version.
 *
 * Throughput: at most two Lever calls per applicant (resume list, download), all through the one
 * shared client and its rate limiter; a pool of workers keeps that limiter busy while earlier
 * applicants are parsed and scored, so downloads and parsing overlap.
 */
import type { Rubric } from "../../core/requirements/model"
import type { ResumeDocument } from "../../core/resume/model"
import { needsReviewResult } from "../../core/scoring/local-engine"
import type { CandidateResult } from "../../core/scoring/result"
import type { AnalysisProgress, AnalysisRow, AnalysisStatus, ApplicantRow, JobRow, ScoreRow } from "../../db/schema"
import { listPostingApplicants, toApplicantRow } from "../sync"
import { AdaptiveLimit } from "./adaptive-limit"
import { classifyFailure, type Failure } from "./failures"
import { DEFAULT_RUNNER_OPTIONS, type LeverResumeLike, type RunnerDeps, type RunnerLever, type RunnerOptions } from "./types"

export const HEALTH_SETTING = "lever-health"

/** What the UI shows about Lever's health (db `settings` row "lever-health"). */
export interface LeverHealth {
  state: "ok" | "unavailable" | "unauthorized" | "not_connected"
  message?: string
  since?: number
  retryAt?: number
}

export interface CreateAnalysisInput {
  postingId: string
  rubric: Rubric
  engine: "local" | "llm"
  includeArchived?: boolean
  pollIntervalMinutes?: number
  spendingCapUsd?: number
}

export type ControlAction = "pause" | "resume" | "cancel" | "delete" | "rescore"

/** Marker stored as a score's resumeHash when the applicant had no resume at all. */
const NO_RESUME = "no-resume"
const ACTIVE_STATES: AnalysisStatus[] = ["running", "completed"]

export function jobId(analysisId: string, opportunityId: string): string {
  return `${analysisId}:${opportunityId}`
}

class JobAbandoned extends Error {}

export class Runner {
  readonly options: RunnerOptions
  private readonly inFlight = new Set<string>()
  private draining: Promise<void> | null = null
  private again = false
  private buffer: JobRow[] = []
  private refilling: Promise<void> | null = null
  /** Lever-wide backoff after an outage: nobody calls Lever before this. */
  private outageUntil = 0
  private outageDelayMs = 0
  private healthState: LeverHealth["state"] = "ok"
  private wakeTimer: ReturnType<typeof setTimeout> | null = null
  private readonly llmLimit: AdaptiveLimit
  /**
   * Reading and local scoring are CPU work on this one thread: a small gate keeps a few at a time, so
   * the other workers go on talking to Lever (downloads run ahead of parsing) instead of all parsing
   * at once and leaving the rate limit unused.
   */
  private readonly cpuGate: AdaptiveLimit
  /** Recent completion times per analysis, for the time-left estimate. */
  private readonly pace = new Map<string, number[]>()
  private readonly progressWrittenAt = new Map<string, number>()
  private stopped = false

  constructor(
    private readonly deps: RunnerDeps,
    options: Partial<RunnerOptions> = {}
  ) {
    this.options = { ...DEFAULT_RUNNER_OPTIONS, ...options }
    this.llmLimit = new AdaptiveLimit(this.options.llmConcurrency.initial, this.options.llmConcurrency.max, deps.now, deps.sleep)
    this.cpuGate = new AdaptiveLimit(this.options.cpuConcurrency, this.options.cpuConcurrency, deps.now, deps.sleep)
  }

  private get db() {
    return this.deps.db
  }

  private log(message: string, details?: Record<string, unknown>) {
    this.deps.log?.(message, details)
  }

  // ─── lifecycle ──────────────────────────────────────────────────────────────────────────────

  /**
   * The resume-on-start pass: jobs a dead worker left `running` go back to the queue (they are re-run
   * idempotently), then work continues. Call once per worker start.
   */
  async start(): Promise<void> {
    const now = this.deps.now()
    // An outage recorded by a previous worker is cleared by this one's first good call.
    const health = (await this.db.settings.get(HEALTH_SETTING))?.value as LeverHealth | undefined
    if (health && health.state !== "ok") this.healthState = health.state
    await this.db.transaction("rw", this.db.jobs, async () => {
      await this.db.jobs
        .where("state")
        .equals("running")
        .modify((job) => {
          if (!this.inFlight.has(job.id)) {
            job.state = "queued"
            job.nextAttemptAt = now
            job.updatedAt = now
          }
        })
    })
    this.kick()
  }

  /** Stops picking up new work (tests; the worker itself just dies). */
  stop(): void {
    this.stopped = true
    if (this.wakeTimer) clearTimeout(this.wakeTimer)
  }

  /** Starts draining the queue if it is not already; never throws. */
  kick(): void {
    void this.drain().catch((error) => this.log("runner drain failed", { error: String(error) }))
  }

  /** Works until nothing is due. Resolves when the queue is drained (or waits on a later retry). */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve()
    if (this.draining) {
      this.again = true
      return this.draining
    }
    this.draining = (async () => {
      try {
        do {
          this.again = false
          await this.listPending()
          await this.runPool()
          await this.finishCompletedAnalyses()
        } while (this.again && !this.stopped)
      } finally {
        this.draining = null
        this.scheduleWake()
      }
    })()
    return this.draining
  }

  /** The periodic alarm: reclaim jobs of a worker that died, poll Lever for new applicants, drain. */
  async tick(): Promise<void> {
    const now = this.deps.now()
    await this.db.jobs
      .where("state")
      .equals("running")
      .modify((job) => {
        if (!this.inFlight.has(job.id) && now - job.updatedAt > this.options.staleRunningMs) {
          job.state = "queued"
          job.nextAttemptAt = now
          job.updatedAt = now
        }
      })
    await this.pollDue()
    await this.drain()
  }

  // ─── analysis operations (the messages call these) ──────────────────────────────────────────

  async createAnalysis(input: CreateAnalysisInput): Promise<string> {
    const now = this.deps.now()
    const id = crypto.randomUUID()
    const posting = await this.db.postings.get(input.postingId)
    const analysis: AnalysisRow = {
      id,
      postingId: input.postingId,
      postingTitle: posting?.title ?? input.postingId,
      status: "running",
      rubricVersion: 1,
      engine: input.engine,
      includeArchived: input.includeArchived ?? false,
      pollIntervalMinutes: input.pollIntervalMinutes ?? 2,
      spendingCapUsd: input.spendingCapUsd,
      totals: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
      createdAt: now,
      updatedAt: now
    }
    await this.db.transaction("rw", [this.db.analyses, this.db.rubrics, this.db.audit], async () => {
      await this.db.analyses.add(analysis)
      await this.db.rubrics.add({ analysisId: id, version: 1, rubric: input.rubric, createdAt: now })
      await this.db.audit.add({
        at: now,
        actor: "user",
        action: "analysis_created",
        phase: "succeeded",
        actionId: id,
        analysisId: id,
        details: { postingId: input.postingId, engine: input.engine, includeArchived: analysis.includeArchived }
      })
    })
    this.kick()
    return id
  }

  /** A new rubric version: older scores become stale and every applicant is re-scored from cached text. */
  async updateRubric(analysisId: string, rubric: Rubric): Promise<number> {
    const now = this.deps.now()
    let version = 0
    await this.db.transaction("rw", [this.db.analyses, this.db.rubrics, this.db.scores, this.db.jobs, this.db.audit], async () => {
      const analysis = await this.requireAnalysis(analysisId)
      version = analysis.rubricVersion + 1
      await this.db.rubrics.add({ analysisId, version, rubric, createdAt: now })
      await this.db.analyses.update(analysisId, {
        rubricVersion: version,
        status: analysis.status === "completed" ? "running" : analysis.status,
        updatedAt: now
      })
      await this.db.scores.where("analysisId").equals(analysisId).modify({ stale: true })
      await this.requeueAll(analysisId, "rubric", now)
      await this.db.audit.add({ at: now, actor: "user", action: "rubric_changed", phase: "succeeded", actionId: `${analysisId}:v${version}`, analysisId, details: { version } })
    })
    this.kick()
    return version
  }

  async control(analysisId: string, action: ControlAction, spendingCapUsd?: number): Promise<AnalysisStatus | "deleted"> {
    const now = this.deps.now()
    if (action === "delete") {
      await this.deleteAnalysis(analysisId)
      return "deleted"
    }
    let status: AnalysisStatus = "running"
    await this.db.transaction("rw", [this.db.analyses, this.db.jobs, this.db.scores], async () => {
      const analysis = await this.requireAnalysis(analysisId)
      const cap = spendingCapUsd ?? analysis.spendingCapUsd
      switch (action) {
        case "pause":
          status = analysis.status === "running" || analysis.status === "completed" ? "paused" : analysis.status
          break
        case "cancel":
          status = "cancelled"
          break
        case "resume":
          status = "running"
          break
        case "rescore":
          status = "running"
          await this.db.scores.where("analysisId").equals(analysisId).modify({ stale: true })
          await this.requeueAll(analysisId, "rubric", now)
          break
      }
      await this.db.analyses.update(analysisId, { status, spendingCapUsd: cap, notice: undefined, updatedAt: now })
    })
    if (status === "running") this.kick()
    this.notifyProgress()
    return status
  }

  /** Puts one applicant back in the queue now, attempts reset (the "Retry" button). */
  async retry(analysisId: string, opportunityId: string): Promise<void> {
    const now = this.deps.now()
    await this.requireAnalysis(analysisId)
    const id = jobId(analysisId, opportunityId)
    const existing = await this.db.jobs.get(id)
    if (!existing) throw Object.assign(new Error("This applicant is not part of the analysis."), { code: "lever_not_found" })
    if (existing.state === "running" && this.inFlight.has(id)) return
    await this.db.jobs.update(id, { state: "queued", attempts: 0, nextAttemptAt: now, lastError: undefined, reason: "retry", updatedAt: now })
    const analysis = await this.db.analyses.get(analysisId)
    if (analysis?.status === "completed") await this.db.analyses.update(analysisId, { status: "running", updatedAt: now })
    this.kick()
  }

  private async deleteAnalysis(analysisId: string): Promise<void> {
    const now = this.deps.now()
    const tables = [this.db.analyses, this.db.rubrics, this.db.scores, this.db.jobs, this.db.resumeFiles, this.db.resumeTexts, this.db.applicants, this.db.audit]
    await this.db.transaction("rw", tables, async () => {
      const analysis = await this.requireAnalysis(analysisId)
      const scores = await this.db.scores.where("analysisId").equals(analysisId).toArray()
      const jobs = await this.db.jobs.where("analysisId").equals(analysisId).toArray()
      const opportunityIds = new Set([...jobs.map((j) => j.opportunityId), ...scores.map((s) => s.opportunityId)])
      await this.db.scores.where("analysisId").equals(analysisId).delete()
      await this.db.jobs.where("analysisId").equals(analysisId).delete()
      await this.db.rubrics.where("analysisId").equals(analysisId).delete()
      await this.db.analyses.delete(analysisId)
      // Cached files and texts go too, unless another analysis still needs the same applicant.
      const stillNeeded = new Set((await this.db.jobs.toArray()).map((j) => j.opportunityId))
      const orphans = [...opportunityIds].filter((id) => !stillNeeded.has(id))
      const hashes = new Set(scores.map((s) => s.resumeHash).filter((h): h is string => !!h && h !== NO_RESUME))
      for (const opportunityId of orphans) {
        const files = await this.db.resumeFiles.where("opportunityId").equals(opportunityId).toArray()
        for (const file of files) hashes.add(file.contentHash)
        await this.db.resumeFiles.where("opportunityId").equals(opportunityId).delete()
      }
      const keptHashes = new Set((await this.db.scores.toArray()).map((s) => s.resumeHash))
      for (const hash of hashes) if (!keptHashes.has(hash) && (await this.db.resumeFiles.where("contentHash").equals(hash).count()) === 0) await this.db.resumeTexts.delete(hash)
      const otherAnalysesOfPosting = await this.db.analyses.where("postingId").equals(analysis.postingId).count()
      if (otherAnalysesOfPosting === 0) await this.db.applicants.bulkDelete(orphans)
      await this.db.audit.add({ at: now, actor: "user", action: "analysis_deleted", phase: "succeeded", actionId: `delete:${analysisId}`, analysisId, details: { applicants: opportunityIds.size } })
    })
    this.pace.delete(analysisId)
    this.notifyProgress()
  }

  private async requireAnalysis(analysisId: string): Promise<AnalysisRow> {
    const analysis = await this.db.analyses.get(analysisId)
    if (!analysis) throw Object.assign(new Error("This analysis no longer exists."), { code: "lever_not_found" })
    return analysis
  }

  private async requeueAll(analysisId: string, reason: JobRow["reason"], now: number): Promise<void> {
    await this.db.jobs
      .where("analysisId")
      .equals(analysisId)
      .modify((job) => {
        if (job.state === "running" && this.inFlight.has(job.id)) {
          // Finishes under the old version; its write is refused and it is queued again (see writeResult).
          return
        }
        job.state = "queued"
        job.attempts = 0
        job.nextAttemptAt = now
        job.lastError = undefined
        job.reason = reason
        job.updatedAt = now
      })
  }

  // ─── listing and polling ────────────────────────────────────────────────────────────────────

  /** Runs the first full listing of every running analysis that has none yet (also after a crash). */
  private async listPending(): Promise<void> {
    const pending = (await this.db.analyses.where("status").equals("running").toArray()).filter((a) => a.listedAt === undefined)
    for (const analysis of pending) {
      if (this.stopped) return
      await this.waitOutOutage()
      try {
        const lever = await this.deps.lever()
        const startedAt = this.deps.now()
        // The first load never filters on updated_at (it can be null on old records).
        const count = await this.ingestListing(lever, analysis, undefined)
        let postingTitle = analysis.postingTitle
        if (postingTitle === analysis.postingId && lever.getPosting) {
          postingTitle = (await lever.getPosting(analysis.postingId).catch(() => null))?.text?.trim() || postingTitle
        }
        await this.db.analyses.update(analysis.id, { listedAt: this.deps.now(), lastPolledAt: startedAt, postingTitle, updatedAt: this.deps.now() })
        await this.db.postings.update(analysis.postingId, { applicantCount: count })
        this.healthy()
      } catch (error) {
        await this.leverTrouble(classifyFailure(error, "list"))
        this.again = true
        return
      }
    }
  }

  /** Polls every active analysis whose interval has passed, for new and changed applicants. */
  async pollDue(): Promise<void> {
    const now = this.deps.now()
    const active = (await this.db.analyses.where("status").anyOf(ACTIVE_STATES).toArray()).filter(
      (a) => a.listedAt !== undefined && now - (a.lastPolledAt ?? 0) >= a.pollIntervalMinutes * 60_000
    )
    for (const analysis of active) await this.poll(analysis.id)
  }

  /**
   * One poll: opportunities created or updated since the last poll (minus an overlap), from both the
   * active and the archived list, so new applicants get queued and archives or stage moves made in
   * Lever itself show up in db `applicants`.
   */
  async poll(analysisId: string): Promise<{ newApplicants: number; changed: number }> {
    const analysis = await this.db.analyses.get(analysisId)
    if (!analysis || analysis.listedAt === undefined) return { newApplicants: 0, changed: 0 }
    if (this.deps.now() < this.outageUntil) return { newApplicants: 0, changed: 0 }
    const startedAt = this.deps.now()
    const since = Math.max(0, (analysis.lastPolledAt ?? analysis.listedAt) - this.options.pollOverlapMs)
    try {
      const lever = await this.deps.lever()
      const before = await this.db.jobs.where("analysisId").equals(analysisId).count()
      const changed = await this.ingestListing(lever, analysis, { createdSince: since }, true)
      const changedToo = await this.ingestListing(lever, analysis, { updatedSince: since }, true)
      const after = await this.db.jobs.where("analysisId").equals(analysisId).count()
      await this.db.analyses.update(analysisId, { lastPolledAt: startedAt, updatedAt: this.deps.now() })
      this.healthy()
      if (after > before) this.kick()
      return { newApplicants: after - before, changed: changed + changedToo }
    } catch (error) {
      await this.leverTrouble(classifyFailure(error, "list"))
      return { newApplicants: 0, changed: 0 }
    }
  }

  /**
   * Lists (a window of) the posting's applicants, upserts them and queues the ones to score.
   * In a poll the archived list is always read, even when archived applicants are not scored, so an
   * archive done in Lever reaches our views. Returns how many opportunities Lever returned.
   */
  private async ingestListing(
    lever: RunnerLever,
    analysis: AnalysisRow,
    window: { createdSince?: number; updatedSince?: number } | undefined,
    isPoll = false
  ): Promise<number> {
    let count = 0
    let page: { opportunity: import("./types").LeverOpportunityLike; fromArchivedList: boolean }[] = []
    const flush = async () => {
      const batch = page
      page = []
      await this.upsertAndEnqueue(analysis, batch, isPoll)
    }
    const includeArchivedList = analysis.includeArchived || isPoll
    for await (const item of listPostingApplicants(lever, analysis.postingId, { includeArchived: includeArchivedList, window })) {
      page.push(item)
      count += 1
      if (page.length >= 100) await flush()
    }
    await flush()
    return count
  }

  private async upsertAndEnqueue(
    analysis: AnalysisRow,
    batch: { opportunity: import("./types").LeverOpportunityLike; fromArchivedList: boolean }[],
    isPoll: boolean
  ): Promise<void> {
    if (!batch.length) return
    const now = this.deps.now()
    let queuedAny = false
    await this.db.transaction("rw", [this.db.applicants, this.db.jobs, this.db.analyses], async () => {
      const current = await this.db.analyses.get(analysis.id)
      if (!current) return
      const rows = batch.map(({ opportunity }) => toApplicantRow(opportunity, analysis.postingId, now))
      const ids = rows.map((r) => r.id)
      const previous = new Map((await this.db.applicants.bulkGet(ids)).filter((r): r is ApplicantRow => !!r).map((r) => [r.id, r]))
      const jobs = new Map((await this.db.jobs.bulkGet(ids.map((id) => jobId(analysis.id, id)))).filter((j): j is JobRow => !!j).map((j) => [j.opportunityId, j]))
      await this.db.applicants.bulkPut(rows)
      const toPut: JobRow[] = []
      for (const row of rows) {
        const job = jobs.get(row.id)
        const wanted = current.includeArchived || !row.archived
        if (!job) {
          if (!wanted) continue
          toPut.push({ id: jobId(analysis.id, row.id), analysisId: analysis.id, opportunityId: row.id, state: "queued", attempts: 0, nextAttemptAt: now, updatedAt: now, reason: "new" })
          continue
        }
        // A changed applicant (e.g. a new resume uploaded) is looked at again: one resume-list call;
        // the file is downloaded and re-scored only if it really changed.
        const before = previous.get(row.id)
        const changed = isPoll && before && row.updatedAt !== null && before.updatedAt !== row.updatedAt
        if (changed && wanted && (job.state === "done" || job.state === "needs_review" || job.state === "failed")) {
          toPut.push({ ...job, state: "queued", attempts: 0, nextAttemptAt: now, updatedAt: now, reason: "changed" })
        }
      }
      if (toPut.length) {
        await this.db.jobs.bulkPut(toPut)
        queuedAny = true
        if (current.status === "completed") await this.db.analyses.update(analysis.id, { status: "running", updatedAt: now })
      }
    })
    if (queuedAny) {
      this.again = true
      this.notifyProgress()
    }
  }

  // ─── the pool ───────────────────────────────────────────────────────────────────────────────

  private async runPool(): Promise<void> {
    const hasLlm = (await this.db.analyses.where("status").equals("running").toArray()).some((a) => a.engine === "llm")
    const size = this.options.leverConcurrency + (hasLlm ? this.options.llmConcurrency.max : 0)
    const workers = Array.from({ length: size }, () => this.worker())
    await Promise.all(workers)
  }

  private async worker(): Promise<void> {
    while (!this.stopped) {
      await this.waitOutOutage()
      const job = await this.nextJob()
      if (!job) return
      await this.runJob(job)
    }
  }

  /** Due jobs of running analyses, fetched in batches so the queue table is not scanned per job. */
  private async nextJob(): Promise<JobRow | null> {
    for (;;) {
      const job = this.buffer.shift()
      if (job) {
        if (this.inFlight.has(job.id)) continue
        return job
      }
      if (!this.refilling) {
        this.refilling = this.refill().finally(() => {
          this.refilling = null
        })
        await this.refilling
        if (!this.buffer.length) return null
      } else {
        await this.refilling
      }
    }
  }

  private async refill(): Promise<void> {
    const now = this.deps.now()
    const running = await this.db.analyses.where("status").equals("running").toArray()
    const want = this.options.leverConcurrency * 6
    const found: JobRow[] = []
    for (const analysis of running) {
      const due = await this.db.jobs
        .where("[analysisId+state]")
        .equals([analysis.id, "queued"])
        .filter((j) => j.nextAttemptAt <= now && !this.inFlight.has(j.id))
        .limit(want - found.length)
        .toArray()
      found.push(...due)
      if (found.length >= want) break
    }
    this.buffer.push(...found)
  }

  /** Claims a job (queued → running, attempt counted) unless something changed it meanwhile. */
  private async claim(job: JobRow): Promise<JobRow | null> {
    const now = this.deps.now()
    return this.db.transaction("rw", this.db.jobs, async () => {
      const fresh = await this.db.jobs.get(job.id)
      if (!fresh || fresh.state !== "queued" || fresh.nextAttemptAt > now) return null
      const claimed: JobRow = { ...fresh, state: "running", attempts: fresh.attempts + 1, updatedAt: now }
      await this.db.jobs.put(claimed)
      return claimed
    })
  }

  private async runJob(candidate: JobRow): Promise<void> {
    this.inFlight.add(candidate.id)
    try {
      const job = await this.claim(candidate)
      if (!job) return
      // A job that keeps killing the worker (it never reached a recorded failure) is given up on.
      if (job.attempts > this.options.maxAttempts + 3) {
        await this.settle(job, { state: "failed", lastError: "This resume could not be processed (the extension stopped every time it tried)." })
        return
      }
      try {
        await this.processJob(job)
      } catch (error) {
        if (error instanceof JobAbandoned) return
        await this.handleFailure(job, error)
      }
    } finally {
      this.inFlight.delete(candidate.id)
    }
  }

  private async processJob(job: JobRow): Promise<void> {
    const analysis = await this.db.analyses.get(job.analysisId)
    if (!analysis) throw new JobAbandoned()
    if (analysis.status !== "running") {
      await this.settle(job, { state: "queued", refund: true })
      throw new JobAbandoned()
    }
    const version = analysis.rubricVersion
    const rubricRow = await this.db.rubrics.get([analysis.id, version])
    if (!rubricRow) throw new Error(`The rubric (version ${version}) of this analysis is missing.`)
    const existing = await this.db.scores.get([analysis.id, job.opportunityId])

    // A rubric change re-scores from the cached text: no Lever call at all.
    if (job.reason === "rubric" && existing?.resumeHash) {
      const cached = existing.resumeHash === NO_RESUME ? null : await this.db.resumeTexts.get(existing.resumeHash)
      if (existing.resumeHash === NO_RESUME || cached) {
        const result = cached ? await this.scoreDocument(analysis, job.opportunityId, rubricRow.rubric, version, cached.document) : noResumeResult(analysis.engine)
        await this.writeResult(job, analysis, version, result, existing.resumeHash)
        return
      }
    }

    const resolved = await this.resolveResume(job, analysis)
    if (existing && existing.rubricVersion === version && !existing.stale && existing.resumeHash === resolved.hash) {
      // Already scored from this very text under this rubric (a re-run after a crash, or a poll that
      // found a change unrelated to the resume): nothing to do.
      await this.settle(job, { state: existing.result.status === "needs_review" ? "needs_review" : "done" })
      return
    }
    const result = resolved.document ? await this.scoreDocument(analysis, job.opportunityId, rubricRow.rubric, version, resolved.document) : noResumeResult(analysis.engine)
    await this.writeResult(job, analysis, version, result, resolved.hash)
  }

  /**
   * Finds the text to score: the newest resume; its file from cache or one download; its text from
   * cache or ingestion; Lever's parsed data when there is no usable file. At most two Lever calls.
   */
  private async resolveResume(job: JobRow, analysis: AnalysisRow): Promise<{ hash: string; document: ResumeDocument | null }> {
    const lever = await this.deps.lever()
    let resumes: LeverResumeLike[]
    try {
      resumes = await lever.resumes(job.opportunityId)
    } catch (error) {
      throw tagged(error, "resumes")
    }
    this.healthy()
    const newest = pickNewestResume(resumes)
    if (!newest) return { hash: NO_RESUME, document: null }
    const uploadedAt = newest.file?.uploadedAt ?? newest.createdAt ?? 0
    const fileStatus = newest.file?.status ?? undefined
    // "error" files are still tried (one call; a 422 then falls back): Lever's status can be stale.
    const hasFile = !!newest.file && fileStatus !== "unsupported"
    const parsedKey = `lever-parsed:${newest.id}:${uploadedAt}`

    if (hasFile) {
      const fileKey = `${newest.id}:${uploadedAt}`
      let file = await this.db.resumeFiles.get(fileKey)
      let unprocessable = false
      if (!file) {
        try {
          const raw = await lever.downloadResume(job.opportunityId, newest.id)
          this.healthy()
          const bytes = toBytes(raw)
          const contentHash = await this.deps.hash(bytes)
          if (!(await this.db.analyses.get(analysis.id))) throw new JobAbandoned()
          file = {
            key: fileKey,
            opportunityId: job.opportunityId,
            resumeId: newest.id,
            fileName: newest.file?.name ?? undefined,
            ext: newest.file?.ext ?? undefined,
            contentHash,
            bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
            fetchedAt: this.deps.now()
          }
          await this.db.resumeFiles.put(file)
        } catch (error) {
          if (error instanceof JobAbandoned) throw error
          const failure = classifyFailure(error, "download")
          if (failure.kind !== "unprocessable") throw tagged(error, "download")
          unprocessable = true
        }
      }
      if (file && !unprocessable) {
        const cachedText = await this.db.resumeTexts.get(file.contentHash)
        let document = cachedText?.document
        if (!document) {
          try {
            const stored = file
            document = await this.cpuGate.run(() =>
              this.deps.ingest(new Uint8Array(stored.bytes), { fileName: stored.fileName ?? `resume.${stored.ext ?? "pdf"}`, mimeType: mimeFor(stored.ext, stored.fileName) })
            )
          } catch (error) {
            throw tagged(error, "ingest")
          }
          await this.db.resumeTexts.put({ contentHash: file.contentHash, document, parsedAt: this.deps.now() })
        }
        // An unsupported format (e.g. legacy .doc) still has Lever's own parse to fall back on.
        if (document.status === "unsupported" && newest.parsedData) return this.fromParsed(newest, parsedKey)
        return { hash: file.contentHash, document }
      }
    }
    if (newest.parsedData) return this.fromParsed(newest, parsedKey)
    const reason = newest.file
      ? "Lever could not process this resume file and has no parsed copy of it. Open the file in Lever to review it."
      : "Lever has no file and no parsed data for this resume."
    const document: ResumeDocument = { status: "unreadable", source: "lever_parsed", text: "", hidden: [], statusMessage: reason }
    // Cached like any text, so a new rubric version needs no Lever call for this applicant either.
    await this.db.resumeTexts.put({ contentHash: parsedKey, document, parsedAt: this.deps.now() })
    return { hash: parsedKey, document }
  }

  private async fromParsed(resume: LeverResumeLike, key: string): Promise<{ hash: string; document: ResumeDocument }> {
    const cached = await this.db.resumeTexts.get(key)
    if (cached) return { hash: key, document: cached.document }
    const document = this.deps.fromParsedData(resume.parsedData, new Date(this.deps.now()))
    await this.db.resumeTexts.put({ contentHash: key, document, parsedAt: this.deps.now() })
    return { hash: key, document }
  }

  private async scoreDocument(analysis: AnalysisRow, opportunityId: string, rubric: Rubric, version: number, document: ResumeDocument): Promise<CandidateResult> {
    if (document.status !== "ok") return needsReviewResult(rubric, document, analysis.engine)
    const applicant = await this.db.applicants.get(opportunityId)
    const request = { analysis, opportunityId, candidateName: applicant?.name, rubric, rubricVersion: version, resume: document, now: this.deps.now() }
    try {
      if (analysis.engine !== "llm") return await this.cpuGate.run(() => this.deps.score(request))
      // The cap is checked once a model slot is free, just before the call: checked earlier, every job
      // waiting for a slot would pass on the same old totals and the spend would overshoot the cap.
      const result = await this.llmLimit.run(async () => {
        const fresh = await this.db.analyses.get(analysis.id)
        if (fresh && fresh.spendingCapUsd !== undefined && fresh.totals.costUsd >= fresh.spendingCapUsd) throw new SpendingCapReached()
        return this.deps.score(request)
      })
      this.llmLimit.succeeded()
      return result
    } catch (error) {
      if (error instanceof SpendingCapReached) throw error
      throw tagged(error, "score")
    }
  }

  /**
   * Writes the result and finishes the job in one transaction. A score row is written once per
   * (analysis, applicant, rubric version): a second finisher (a re-run after a crash) changes nothing.
   */
  private async writeResult(job: JobRow, analysis: AnalysisRow, version: number, result: CandidateResult, resumeHash: string): Promise<void> {
    const now = this.deps.now()
    let outcome = "gone" as "written" | "requeued" | "gone"
    await this.db.transaction("rw", [this.db.scores, this.db.jobs, this.db.analyses], async () => {
      const current = await this.db.analyses.get(analysis.id)
      const fresh = await this.db.jobs.get(job.id)
      if (!current || !fresh) return
      if (current.rubricVersion !== version || fresh.state !== "running") {
        // The rubric changed while this one was being scored: score again under the new version.
        // "rubric": the text it just read is cached, so the re-score needs no Lever call.
        await this.db.jobs.put({ ...fresh, state: "queued", attempts: Math.max(0, fresh.attempts - 1), nextAttemptAt: now, reason: "rubric", updatedAt: now })
        outcome = "requeued"
        return
      }
      const existing = await this.db.scores.get([analysis.id, job.opportunityId])
      const alreadyScored = existing && existing.rubricVersion === version && !existing.stale && existing.resumeHash === resumeHash
      if (!alreadyScored) {
        const row: ScoreRow = { analysisId: analysis.id, opportunityId: job.opportunityId, rubricVersion: version, result: { ...result, rubricVersion: version }, stale: false, resumeHash, scoredAt: now }
        await this.db.scores.put(row)
        if (result.usage) {
          const totals = current.totals
          await this.db.analyses.update(analysis.id, {
            totals: {
              inputTokens: totals.inputTokens + result.usage.inputTokens,
              outputTokens: totals.outputTokens + result.usage.outputTokens,
              costUsd: totals.costUsd + (result.usage.costUsd ?? 0)
            },
            updatedAt: now
          })
        }
      }
      await this.db.jobs.put({ ...fresh, state: result.status === "needs_review" ? "needs_review" : "done", lastError: undefined, updatedAt: now })
      outcome = "written"
    })
    if (outcome === "written") this.recordPace(analysis.id)
    if (outcome === "requeued") this.again = true
    await this.writeProgress(analysis.id)
  }

  private async settle(job: JobRow, update: { state: JobRow["state"]; lastError?: string; nextAttemptAt?: number; refund?: boolean }): Promise<void> {
    const now = this.deps.now()
    await this.db.transaction("rw", this.db.jobs, async () => {
      const fresh = await this.db.jobs.get(job.id)
      if (!fresh || fresh.state !== "running") return
      await this.db.jobs.put({
        ...fresh,
        state: update.state,
        attempts: update.refund ? Math.max(0, fresh.attempts - 1) : fresh.attempts,
        nextAttemptAt: update.nextAttemptAt ?? now,
        lastError: update.lastError,
        updatedAt: now
      })
    })
    await this.writeProgress(job.analysisId)
  }

  private async handleFailure(job: JobRow, error: unknown): Promise<void> {
    const now = this.deps.now()
    if (error instanceof SpendingCapReached) {
      await this.settle(job, { state: "queued", refund: true })
      await this.db.analyses.update(job.analysisId, {
        status: "spending_cap_reached",
        notice: "The spending cap for this analysis was reached, so scoring stopped. Raise the cap and resume to continue.",
        updatedAt: now
      })
      this.notifyProgress()
      return
    }
    const during = (error as { during?: Parameters<typeof classifyFailure>[1] })?.during ?? "score"
    const failure = classifyFailure((error as { original?: unknown })?.original ?? error, during)
    this.log("applicant failed", { opportunityId: job.opportunityId, kind: failure.kind, during })
    switch (failure.kind) {
      case "outage":
      case "auth": {
        // Not this applicant's fault: its attempt is given back and everyone waits.
        const retryAt = await this.leverTrouble(failure)
        await this.settle(job, { state: "queued", refund: true, nextAttemptAt: retryAt, lastError: failure.reason })
        return
      }
      case "llm_rate_limited": {
        this.llmLimit.rateLimited(failure.retryAfterMs)
        await this.settle(job, { state: "queued", refund: true, nextAttemptAt: now + (failure.retryAfterMs ?? 2_000), lastError: failure.reason })
        this.again = true
        return
      }
      case "forbidden":
      case "gone":
        await this.settle(job, { state: "failed", lastError: failure.reason })
        return
      default: {
        if (job.attempts >= this.options.maxAttempts) {
          await this.settle(job, { state: "failed", lastError: failure.reason })
        } else {
          const delay = 5_000 * 2 ** (job.attempts - 1)
          await this.settle(job, { state: "queued", nextAttemptAt: now + delay, lastError: failure.reason })
        }
      }
    }
  }

  // ─── Lever health ───────────────────────────────────────────────────────────────────────────

  /** Records an outage, backs everyone off (5 s doubling to 5 min), and returns when to try again. */
  private async leverTrouble(failure: Failure): Promise<number> {
    const now = this.deps.now()
    const jitter = (this.deps.random ?? Math.random)()
    if (failure.kind === "auth") this.outageDelayMs = 5 * 60_000
    else this.outageDelayMs = Math.min(5 * 60_000, Math.max(5_000, this.outageDelayMs * 2))
    const delay = Math.max(failure.retryAfterMs ?? 0, Math.round(this.outageDelayMs * (0.75 + jitter * 0.5)))
    const retryAt = now + delay
    if (retryAt > this.outageUntil) this.outageUntil = retryAt
    const state: LeverHealth["state"] = failure.kind === "auth" ? "unauthorized" : "unavailable"
    const previous = (await this.db.settings.get(HEALTH_SETTING))?.value as LeverHealth | undefined
    const health: LeverHealth = {
      state,
      message: failure.reason,
      since: previous && previous.state !== "ok" && previous.since ? previous.since : now,
      retryAt: this.outageUntil
    }
    this.healthState = state
    await this.db.settings.put({ key: HEALTH_SETTING, value: health })
    await this.db.analyses
      .where("status")
      .equals("running")
      .modify((a) => {
        a.notice = failure.reason
      })
    this.notifyProgress()
    return this.outageUntil
  }

  /** A Lever call worked: clear any outage notice (once, not per call). */
  private healthy(): void {
    this.outageDelayMs = 0
    if (this.healthState === "ok") return
    this.healthState = "ok"
    void (async () => {
      await this.db.settings.put({ key: HEALTH_SETTING, value: { state: "ok", since: this.deps.now() } satisfies LeverHealth })
      await this.db.analyses
        .where("status")
        .anyOf(ACTIVE_STATES)
        .modify((a) => {
          a.notice = undefined
        })
    })().catch(() => undefined)
  }

  private async waitOutOutage(): Promise<void> {
    while (!this.stopped) {
      const wait = this.outageUntil - this.deps.now()
      if (wait <= 0) return
      await this.deps.sleep(Math.min(wait, 5_000))
    }
  }

  // ─── progress ───────────────────────────────────────────────────────────────────────────────

  private recordPace(analysisId: string): void {
    const times = this.pace.get(analysisId) ?? []
    times.push(this.deps.now())
    if (times.length > 50) times.splice(0, times.length - 50)
    this.pace.set(analysisId, times)
  }

  /** Writes analysis.progress (throttled to once a second per analysis, and always at the end). */
  private async writeProgress(analysisId: string, force = false): Promise<void> {
    const now = this.deps.now()
    if (!force && now - (this.progressWrittenAt.get(analysisId) ?? 0) < 1_000) return
    this.progressWrittenAt.set(analysisId, now)
    const progress = await computeProgress(this.deps.db, analysisId, now, this.pace.get(analysisId))
    await this.db.analyses.update(analysisId, { progress })
    this.notifyProgress()
  }

  private notifyProgress(): void {
    try {
      this.deps.onProgress?.()
    } catch {
      // A badge that cannot be drawn must never stop the run.
    }
  }

  /** Analyses with nothing left to do become `completed` (they keep being polled for newcomers). */
  private async finishCompletedAnalyses(): Promise<void> {
    const now = this.deps.now()
    for (const analysis of await this.db.analyses.where("status").equals("running").toArray()) {
      await this.writeProgress(analysis.id, true)
      if (analysis.listedAt === undefined) continue
      const open =
        (await this.db.jobs.where("[analysisId+state]").equals([analysis.id, "queued"]).count()) +
        (await this.db.jobs.where("[analysisId+state]").equals([analysis.id, "running"]).count())
      if (open === 0) await this.db.analyses.update(analysis.id, { status: "completed", notice: undefined, updatedAt: now })
    }
    this.notifyProgress()
  }

  /** After a drain, wakes up for the next delayed retry if it is soon (alarms cover the rest). */
  private scheduleWake(): void {
    if (this.stopped) return
    void (async () => {
      const running = await this.db.analyses.where("status").equals("running").toArray()
      let earliest = Infinity
      for (const analysis of running) {
        await this.db.jobs
          .where("[analysisId+state]")
          .equals([analysis.id, "queued"])
          .each((j) => {
            earliest = Math.min(earliest, j.nextAttemptAt)
          })
      }
      if (earliest === Infinity) return
      const delay = Math.max(50, Math.max(earliest, this.outageUntil) - this.deps.now())
      if (delay > 60_000) return
      if (this.wakeTimer) clearTimeout(this.wakeTimer)
      this.wakeTimer = setTimeout(() => {
        this.wakeTimer = null
        this.kick()
      }, delay)
    })().catch(() => undefined)
  }

  /** Resolves when no drain is running and no retry is due within `withinMs` (tests, the bench). */
  async settled(withinMs = 0): Promise<void> {
    for (;;) {
      if (this.draining) {
        await this.draining
        continue
      }
      const now = this.deps.now()
      const running = await this.db.analyses.where("status").equals("running").toArray()
      let pending = false
      for (const analysis of running) {
        const due = await this.db.jobs
          .where("[analysisId+state]")
          .anyOf([
            [analysis.id, "queued"],
            [analysis.id, "running"]
          ])
          .filter((j) => j.state === "running" || j.nextAttemptAt <= now + withinMs)
          .count()
        if (due || analysis.listedAt === undefined) pending = true
      }
      if (!pending) return
      await this.deps.sleep(50)
      if (!this.draining) this.kick()
    }
  }
}

class SpendingCapReached extends Error {}

function tagged(error: unknown, during: "resumes" | "download" | "ingest" | "score"): Error {
  if (error instanceof JobAbandoned || error instanceof SpendingCapReached) return error
  return Object.assign(new Error((error as Error)?.message ?? String(error)), { during, original: error })
}

/** The resume to score: the most recently uploaded one (a re-upload is newer than the original). */
export function pickNewestResume(resumes: LeverResumeLike[]): LeverResumeLike | undefined {
  const time = (r: LeverResumeLike) => r.file?.uploadedAt ?? r.createdAt ?? 0
  return [...resumes].sort((a, b) => time(b) - time(a))[0]
}

function toBytes(raw: ArrayBuffer | Uint8Array | { bytes: ArrayBuffer | Uint8Array }): Uint8Array {
  if (raw instanceof Uint8Array) return raw
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw)
  const inner = (raw as { bytes: ArrayBuffer | Uint8Array }).bytes
  return inner instanceof Uint8Array ? inner : new Uint8Array(inner)
}

function mimeFor(ext?: string, fileName?: string): string | undefined {
  const e = (ext ?? fileName?.split(".").pop() ?? "").toLowerCase().replace(/^\./, "")
  const map: Record<string, string> = {
    pdf: "application/pdf",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    doc: "application/msword",
    txt: "text/plain",
    rtf: "application/rtf"
  }
  return map[e]
}

function noResumeResult(engine: "local" | "llm"): CandidateResult {
  return {
    status: "needs_review",
    score: null,
    meetsAllMandatory: false,
    verdicts: [],
    flags: [{ kind: "no_resume", message: "This applicant has no resume in Lever. Review the profile by hand." }],
    engine
  }
}

/** Progress of one analysis, counted from db `jobs`; `pace` (recent completion times) gives time left. */
export async function computeProgress(db: RunnerDeps["db"], analysisId: string, now: number, pace?: number[]): Promise<AnalysisProgress> {
  const count = (state: JobRow["state"]) => db.jobs.where("[analysisId+state]").equals([analysisId, state]).count()
  const [done, needsReview, failed, queued, running] = await Promise.all([count("done"), count("needs_review"), count("failed"), count("queued"), count("running")])
  let etaMs: number | null = null
  const remaining = queued + running
  if (remaining === 0) etaMs = 0
  else if (pace && pace.length >= 3) {
    const span = pace[pace.length - 1] - pace[0]
    if (span > 0) etaMs = Math.round((remaining * span) / (pace.length - 1))
  }
  return { total: done + needsReview + failed + queued + running, scored: done + needsReview, needsReview, failed, queued, running, etaMs, updatedAt: now }
}
