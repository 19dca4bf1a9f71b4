import { afterEach, describe, expect, it, vi } from "vitest"

import { startHarness, jobStates, RUBRIC, type Harness } from "./support"

vi.setConfig({ testTimeout: 120_000, hookTimeout: 30_000 })

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe("runner against the Lever simulator: full run", () => {
  it("lists, downloads, reads and scores every applicant with ≤ 2 calls each, then re-runs for free", async () => {
    h = await startHarness({ sim: { applicantsPerPosting: 40 } })
    const posting = h.postingWithApplicants()
    const archivedCount = Object.values(h.sim.state().opportunities).filter((o) => o.postingId === posting.id && o.archived).length
    const before = h.apiCalls()
    const analysisId = await h.runner.createAnalysis({ postingId: posting.id, rubric: RUBRIC, engine: "local" })
    await h.runner.settled()

    const active = posting.applicants - archivedCount
    const states = await jobStates(h.db, analysisId)
    expect((states.done ?? 0) + (states.needs_review ?? 0) + (states.failed ?? 0)).toBe(active)
    expect(states.queued ?? 0).toBe(0)
    expect(states.running ?? 0).toBe(0)
    expect(await h.db.scores.where("analysisId").equals(analysisId).count()).toBe((states.done ?? 0) + (states.needs_review ?? 0))

    // The edge cases land where a recruiter expects them.
    const edge = h.sim.edgeCases
    const scoreOf = (id: string) => h!.db.scores.get([analysisId, id])
    const jobOf = (id: string) => h!.db.jobs.get(`${analysisId}:${id}`)
    if (h.sim.state().opportunities[edge.noResume]?.postingId === posting.id) {
      expect((await scoreOf(edge.noResume))?.result.flags[0].kind).toBe("no_resume")
      expect((await jobOf(edge.noResume))?.state).toBe("needs_review")
    }
    if (h.sim.state().opportunities[edge.archived]?.postingId === posting.id) expect(await jobOf(edge.archived)).toBeUndefined()
    const applicants = await h.db.applicants.where("postingId").equals(posting.id).count()
    expect(applicants).toBe(posting.applicants)

    const requests = h.sim.state().requests
    expect(requests.rateLimited).toBe(0)
    const used = requests.total - before
    expect(used).toBeLessThanOrEqual(2 * active + 2)

    const analysis = await h.db.analyses.get(analysisId)
    expect(analysis?.status).toBe("completed")
    expect(analysis?.progress).toMatchObject({ total: active, queued: 0, running: 0, etaMs: 0 })

    // Nothing was scored twice.
    for (const [key, count] of h.scoreCalls) expect(count, key).toBe(1)
  })
})

/** The posting that carries a given seeded edge case. */
function postingOf(harness: Harness, opportunityId: string): string {
  return harness.sim.state().opportunities[opportunityId]!.postingId
}

async function postSim(harness: Harness, path: string, body: unknown): Promise<any> {
  const response = await fetch(`${harness.sim.origin}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
  return response.json()
}

async function activeApplicants(harness: Harness, postingId: string): Promise<number> {
  return Object.values(harness.sim.state().opportunities).filter((o) => o.postingId === postingId && !o.archived).length
}

async function expectAllFinished(harness: Harness, analysisId: string, expected: number) {
  const states = await jobStates(harness.db, analysisId)
  expect(states.queued ?? 0).toBe(0)
  expect(states.running ?? 0).toBe(0)
  expect((states.done ?? 0) + (states.needs_review ?? 0) + (states.failed ?? 0)).toBe(expected)
  return states
}

describe("runner: resumes Lever could not process, and archived applicants", () => {
  it("a 422 download falls back to Lever's parse or needs review; archived ones are scored only when asked", async () => {
    h = await startHarness({ sim: { applicantsPerPosting: 12 } })
    const edge = h.sim.edgeCases
    const postingId = postingOf(h, edge.download422)
    const analysisId = await h.runner.createAnalysis({ postingId, rubric: RUBRIC, engine: "local", includeArchived: true })
    await h.runner.settled()
    const total = Object.values(h.sim.state().opportunities).filter((o) => o.postingId === postingId).length
    await expectAllFinished(h, analysisId, total)
    const job = await h.db.jobs.get(`${analysisId}:${edge.download422}`)
    const score = await h.db.scores.get([analysisId, edge.download422])
    // The simulator's 422 resume has no parsed data either: a person must look, and is told why.
    expect(job?.state).toBe("needs_review")
    expect(score?.result.score).toBeNull()
    expect(score?.result.flags[0].message).toMatch(/could not process/i)
    // The download was tried once (Lever answered 422) and the file was not asked for again.
    expect(h.sim.state().requests.byEndpoint["GET /v1/opportunities/:id/resumes/:id/download"] ?? 0).toBeGreaterThan(0)
    expect(h.sim.state().requests.rateLimited).toBe(0)
    const archivedInPosting = Object.entries(h.sim.state().opportunities).find(([, o]) => o.postingId === postingId && o.archived)
    if (archivedInPosting) expect((await h.db.jobs.get(`${analysisId}:${archivedInPosting[0]}`))?.state).toMatch(/done|needs_review/)
  })
})

describe("runner: Lever misbehaving", () => {
  it("a 429 storm loses nothing", async () => {
    h = await startHarness({ sim: { applicantsPerPosting: 15 } })
    const posting = h.postingWithApplicants()
    await postSim(h, "/__sim/faults", { kind: "429_storm", durationMs: 2_500, rate: 0.6 })
    const analysisId = await h.runner.createAnalysis({ postingId: posting.id, rubric: RUBRIC, engine: "local" })
    await h.runner.settled(15_000)
    await expectAllFinished(h, analysisId, await activeApplicants(h, posting.id))
    expect((await jobStates(h.db, analysisId)).failed ?? 0).toBe(0)
    expect(h.sim.state().requests.rateLimited).toBeGreaterThan(0)
    for (const [, count] of h.scoreCalls) expect(count).toBe(1)
  })

  it("5xx bursts and a maintenance window are waited out and reported, then cleared", async () => {
    h = await startHarness({ sim: { applicantsPerPosting: 15 } })
    const posting = h.postingWithApplicants()
    await postSim(h, "/__sim/faults", { kind: "5xx", durationMs: 6_000, rate: 0.4 })
    await postSim(h, "/__sim/faults", { kind: "maintenance", durationMs: 4_000, rate: 1 })
    const analysisId = await h.runner.createAnalysis({ postingId: posting.id, rubric: RUBRIC, engine: "local" })
    // While Lever is down the outage is visible to every page.
    let sawOutage = false
    for (let i = 0; i < 80 && !sawOutage; i++) {
      const health = (await h.db.settings.get("lever-health"))?.value as { state: string; message?: string } | undefined
      if (health && health.state === "unavailable") {
        sawOutage = true
        expect(health.message).toMatch(/Lever is not answering/)
      }
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(sawOutage).toBe(true)
    await h.runner.settled(60_000)
    await expectAllFinished(h, analysisId, await activeApplicants(h, posting.id))
    expect((await jobStates(h.db, analysisId)).failed ?? 0).toBe(0)
    const health = (await h.db.settings.get("lever-health"))?.value as { state: string }
    expect(health.state).toBe("ok")
    expect((await h.db.analyses.get(analysisId))?.notice).toBeUndefined()
  })

  it("dropped connections mid-response are retried without losing or double-scoring anyone", async () => {
    h = await startHarness({ sim: { applicantsPerPosting: 15 } })
    const posting = h.postingWithApplicants()
    await postSim(h, "/__sim/faults", { kind: "drop", durationMs: 3_000, rate: 0.35 })
    const analysisId = await h.runner.createAnalysis({ postingId: posting.id, rubric: RUBRIC, engine: "local" })
    await h.runner.settled(60_000)
    await expectAllFinished(h, analysisId, await activeApplicants(h, posting.id))
    expect((await jobStates(h.db, analysisId)).failed ?? 0).toBe(0)
    for (const [, count] of h.scoreCalls) expect(count).toBe(1)
  })
})

describe("runner: what the key may do", () => {
  it("a read-only key scores everyone (the runner only reads)", async () => {
    h = await startHarness({ sim: { applicantsPerPosting: 10 }, key: "readOnly" })
    const posting = h.postingWithApplicants()
    const analysisId = await h.runner.createAnalysis({ postingId: posting.id, rubric: RUBRIC, engine: "local" })
    await h.runner.settled()
    const states = await expectAllFinished(h, analysisId, await activeApplicants(h, posting.id))
    expect(states.failed ?? 0).toBe(0)
  })

  it("a key without resume rights fails each applicant with a reason a recruiter understands", async () => {
    h = await startHarness({ sim: { applicantsPerPosting: 6 }, key: "noResumes" })
    const posting = h.postingWithApplicants()
    const analysisId = await h.runner.createAnalysis({ postingId: posting.id, rubric: RUBRIC, engine: "local" })
    await h.runner.settled()
    const active = await activeApplicants(h, posting.id)
    const states = await expectAllFinished(h, analysisId, active)
    expect(states.failed).toBe(active)
    const job = (await h.db.jobs.where("analysisId").equals(analysisId).first())!
    expect(job.lastError).toBe("This Lever API key is not allowed to read resumes.")
    // Retry puts it back in the queue (and it fails again for the same reason, without a loop).
    await h.runner.retry(analysisId, job.opportunityId)
    expect((await h.db.jobs.get(job.id))?.state).toMatch(/queued|running|failed/)
    await h.runner.settled()
    expect((await h.db.jobs.get(job.id))?.state).toBe("failed")
  })
})

describe("runner: new and changed applicants", () => {
  it("applicants arriving mid-run and after are scored with no click; archives done in Lever show up", async () => {
    h = await startHarness({ sim: { applicantsPerPosting: 12 } })
    const posting = h.postingWithApplicants()
    const analysisId = await h.runner.createAnalysis({ postingId: posting.id, rubric: RUBRIC, engine: "local", pollIntervalMinutes: 0.5 })
    // Mid-run: two arrive while the first listing is being worked through.
    await new Promise((r) => setTimeout(r, 300))
    const midRun: string[] = (await postSim(h, "/__sim/applicants", { postingId: posting.id, count: 2 })).ids
    await h.runner.settled()
    await h.runner.poll(analysisId)
    await h.runner.settled()
    for (const id of midRun) expect((await h.db.jobs.get(`${analysisId}:${id}`))?.state).toMatch(/done|needs_review/)
    expect((await h.db.analyses.get(analysisId))?.status).toBe("completed")

    // After: one more arrives, and someone archives an applicant in Lever itself.
    const later: string[] = (await postSim(h, "/__sim/applicants", { postingId: posting.id, count: 1 })).ids
    const scored = (await h.db.scores.where("analysisId").equals(analysisId).toArray())[0]!
    const victim = h.sim.world.opportunities.get(scored.opportunityId)!
    h.sim.world.archive(victim, "4105fb10-1f79-44ec-b873-33886dc01348", null)
    const callsBefore = h.apiCalls()
    const result = await h.runner.poll(analysisId)
    expect(result.newApplicants).toBe(1)
    await h.runner.settled()
    expect((await h.db.jobs.get(`${analysisId}:${later[0]}`))?.state).toMatch(/done|needs_review/)
    expect((await h.db.applicants.get(victim.id))?.archived?.reason).toBe("4105fb10-1f79-44ec-b873-33886dc01348")
    // A poll is a handful of listing calls plus ≤ 2 per changed applicant, not a re-download of everyone.
    expect(h.apiCalls() - callsBefore).toBeLessThanOrEqual(3 + 2 * 2 + 2)
    for (const [, count] of h.scoreCalls) expect(count).toBe(1)
  })
})

describe("runner: the worker dies", () => {
  it("a restart mid-run re-runs jobs left running, scores everyone once and downloads nothing twice", async () => {
    h = await startHarness({ sim: { applicantsPerPosting: 24 } })
    const posting = h.postingWithApplicants()
    const first = h.runner
    const analysisId = await first.createAnalysis({ postingId: posting.id, rubric: RUBRIC, engine: "local" })
    let current = first
    for (let kill = 0; kill < 3; kill++) {
      // Let it work a little, then "kill" it: it stops picking up work and its in-flight jobs are abandoned.
      for (let i = 0; i < 40; i++) {
        const done = await h.db.jobs.where("[analysisId+state]").equals([analysisId, "done"]).count()
        if (done >= (kill + 1) * 5) break
        await new Promise((r) => setTimeout(r, 50))
      }
      current.stop()
      current = h.restart()
      await current.start()
    }
    await current.settled()
    await expectAllFinished(h, analysisId, await activeApplicants(h, posting.id))
    expect(await h.db.scores.where("analysisId").equals(analysisId).count()).toBe(
      (await jobStates(h.db, analysisId)).done! + ((await jobStates(h.db, analysisId)).needs_review ?? 0)
    )
    // Every resume file was downloaded at most once per worker that died while holding it.
    const downloads = h.sim.state().requests.byEndpoint["GET /v1/opportunities/:id/resumes/:id/download"] ?? 0
    expect(downloads).toBeLessThanOrEqual((await activeApplicants(h, posting.id)) + 3 * 8)
  })
})

describe("runner: rubric versions and controls", () => {
  it("a new rubric version marks old scores stale and re-scores from cached text with no Lever call", async () => {
    h = await startHarness({ sim: { applicantsPerPosting: 10 } })
    const posting = h.postingWithApplicants()
    const analysisId = await h.runner.createAnalysis({ postingId: posting.id, rubric: RUBRIC, engine: "local" })
    await h.runner.settled()
    const calls = h.apiCalls()
    const rubric2 = { ...RUBRIC, requirements: RUBRIC.requirements.slice(0, 2) }
    const updating = h.runner.updateRubric(analysisId, rubric2)
    expect(await updating).toBe(2)
    await h.runner.settled()
    expect(h.apiCalls()).toBe(calls)
    const scores = await h.db.scores.where("analysisId").equals(analysisId).toArray()
    expect(scores.length).toBeGreaterThan(0)
    for (const score of scores) {
      expect(score.rubricVersion).toBe(2)
      expect(score.stale).toBe(false)
      if (score.result.status === "scored") expect(score.result.verdicts).toHaveLength(2)
    }
  })

  it("pause holds the queue, resume continues, delete removes scores, jobs and cached files", async () => {
    h = await startHarness({ sim: { applicantsPerPosting: 15 } })
    const posting = h.postingWithApplicants()
    const analysisId = await h.runner.createAnalysis({ postingId: posting.id, rubric: RUBRIC, engine: "local" })
    expect(await h.runner.control(analysisId, "pause")).toBe("paused")
    await h.runner.settled()
    const paused = await jobStates(h.db, analysisId)
    const scoredWhilePaused = (paused.done ?? 0) + (paused.needs_review ?? 0)
    expect(paused.queued ?? 0).toBeGreaterThan(0)
    expect(scoredWhilePaused).toBeLessThan(await activeApplicants(h, posting.id))
    expect(await h.runner.control(analysisId, "resume")).toBe("running")
    await h.runner.settled()
    await expectAllFinished(h, analysisId, await activeApplicants(h, posting.id))
    expect(await h.db.resumeFiles.count()).toBeGreaterThan(0)

    expect(await h.runner.control(analysisId, "delete")).toBe("deleted")
    expect(await h.db.analyses.get(analysisId)).toBeUndefined()
    expect(await h.db.scores.where("analysisId").equals(analysisId).count()).toBe(0)
    expect(await h.db.jobs.where("analysisId").equals(analysisId).count()).toBe(0)
    expect(await h.db.resumeFiles.count()).toBe(0)
    expect(await h.db.resumeTexts.count()).toBe(0)
    expect((await h.db.audit.where("analysisId").equals(analysisId).toArray()).map((a) => a.action)).toContain("analysis_deleted")
  })
})

describe("runner: LLM engine", () => {
  it("adapts its concurrency to 429s, keeps token and cost totals, and stops at the spending cap", async () => {
    const { LlmError } = await import("~/core/llm/port")
    let inFlight = 0
    let peak = 0
    let calls = 0
    let peakAfterLimit = 0
    let limited = false
    h = await startHarness({
      sim: { applicantsPerPosting: 20 },
      runner: { llmConcurrency: { initial: 4, max: 4 } },
      score: async (request) => {
        calls += 1
        inFlight += 1
        peak = Math.max(peak, inFlight)
        if (limited) peakAfterLimit = Math.max(peakAfterLimit, inFlight)
        try {
          await new Promise((r) => setTimeout(r, 30))
          // The endpoint answers 429 twice early on: the runner must back off, not fail anyone.
          if (calls === 3 || calls === 4) {
            limited = true
            throw new LlmError("rate_limited", "429 Too Many Requests")
          }
          return {
            status: "scored",
            score: 50,
            meetsAllMandatory: true,
            verdicts: request.rubric.requirements.map((r) => ({ requirementId: r.id, verdict: "partial" as const, evidence: [], reason: "fake model" })),
            flags: [],
            engine: "llm",
            model: "fake-model",
            usage: { inputTokens: 1_000, outputTokens: 100, costUsd: 0.01 }
          }
        } finally {
          inFlight -= 1
        }
      }
    })
    const posting = h.postingWithApplicants()
    const analysisId = await h.runner.createAnalysis({ postingId: posting.id, rubric: RUBRIC, engine: "llm", spendingCapUsd: 0.05 })
    await h.runner.settled(5_000)
    const analysis = (await h.db.analyses.get(analysisId))!
    expect(analysis.status).toBe("spending_cap_reached")
    expect(analysis.notice).toMatch(/spending cap/i)
    // In-flight calls may finish past the cap, never many more.
    const llmScored = (await h.db.scores.where("analysisId").equals(analysisId).toArray()).filter((s) => s.result.engine === "llm" && s.result.usage)
    expect(llmScored.length).toBeGreaterThanOrEqual(5)
    expect(llmScored.length).toBeLessThanOrEqual(5 + 4)
    expect(analysis.totals.inputTokens).toBe(llmScored.length * 1_000)
    expect(analysis.totals.outputTokens).toBe(llmScored.length * 100)
    expect(analysis.totals.costUsd).toBeCloseTo(llmScored.length * 0.01, 6)
    expect(peak).toBeLessThanOrEqual(4)
    expect(peakAfterLimit).toBeLessThanOrEqual(2)
    // The 429'd applicants were not failed: they wait in the queue like everyone not yet scored.
    expect((await jobStates(h.db, analysisId)).failed ?? 0).toBe(0)

    // Raising the cap and resuming finishes the job.
    expect(await h.runner.control(analysisId, "resume", 10)).toBe("running")
    await h.runner.settled(5_000)
    expect((await h.db.analyses.get(analysisId))!.status).toBe("completed")
    await expectAllFinished(h, analysisId, await activeApplicants(h, posting.id))
  })
})

describe("runner: the alarm tick", () => {
  it("polls only analyses whose interval has passed, reclaims jobs of a dead worker, and names unsynced postings", async () => {
    h = await startHarness({ sim: { applicantsPerPosting: 5 }, runner: { staleRunningMs: 1_000 } })
    const posting = h.postingWithApplicants()
    const analysisId = await h.runner.createAnalysis({ postingId: posting.id, rubric: RUBRIC, engine: "local", pollIntervalMinutes: 2 })
    await h.runner.settled()
    const analysis = (await h.db.analyses.get(analysisId))!
    expect(analysis.postingTitle).toBe(h.sim.postings.find((p) => p.id === posting.id)!.text)

    // Not due yet: a tick makes no listing call.
    const calls = h.apiCalls()
    await h.runner.tick()
    expect(h.apiCalls()).toBe(calls)

    // A job left "running" by a worker that died long ago is re-run by the next tick.
    const job = (await h.db.jobs.where("analysisId").equals(analysisId).first())!
    await h.db.scores.delete([analysisId, job.opportunityId])
    await h.db.jobs.update(job.id, { state: "running", updatedAt: Date.now() - 5_000 })
    await h.db.analyses.update(analysisId, { status: "running", lastPolledAt: Date.now() - 3 * 60_000 })
    await h.runner.tick()
    await h.runner.settled()
    expect((await h.db.jobs.get(job.id))?.state).toMatch(/done|needs_review/)
    expect(await h.db.scores.get([analysisId, job.opportunityId])).toBeDefined()
    // …and the overdue poll ran (listing calls were made) and moved lastPolledAt on.
    expect(h.apiCalls()).toBeGreaterThan(calls)
    expect((await h.db.analyses.get(analysisId))!.lastPolledAt).toBeGreaterThan(Date.now() - 60_000)
  })
})

describe("runner: cancel and rescore", () => {
  it("cancel stops for good (no polling), rescore re-scores everyone from cached text with no Lever call", async () => {
    h = await startHarness({ sim: { applicantsPerPosting: 8 } })
    const posting = h.postingWithApplicants()
    const analysisId = await h.runner.createAnalysis({ postingId: posting.id, rubric: RUBRIC, engine: "local", pollIntervalMinutes: 0.5 })
    await h.runner.settled()
    const firstTimes = new Map((await h.db.scores.where("analysisId").equals(analysisId).toArray()).map((s) => [s.opportunityId, s.scoredAt]))

    const calls = h.apiCalls()
    expect(await h.runner.control(analysisId, "rescore")).toBe("running")
    await h.runner.settled()
    expect(h.apiCalls()).toBe(calls)
    const rescored = await h.db.scores.where("analysisId").equals(analysisId).toArray()
    expect(rescored).toHaveLength(firstTimes.size)
    for (const score of rescored) {
      expect(score.stale).toBe(false)
      expect(score.scoredAt).toBeGreaterThanOrEqual(firstTimes.get(score.opportunityId)!)
    }

    expect(await h.runner.control(analysisId, "cancel")).toBe("cancelled")
    await postSim(h, "/__sim/applicants", { postingId: posting.id, count: 1 })
    await h.db.analyses.update(analysisId, { lastPolledAt: 0 })
    const before = h.apiCalls()
    await h.runner.tick()
    expect(h.apiCalls()).toBe(before)
    expect((await h.db.analyses.get(analysisId))!.status).toBe("cancelled")
  })
})
