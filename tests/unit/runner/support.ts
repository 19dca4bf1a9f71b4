/**
 * Builds a Runner exactly as the background does, but in Node: fake-indexeddb for the database, the
 * shared LeverClient (real rate limiter, retries, typed errors) over HTTPS to the Lever simulator,
 * and the real Node ingestion (pdf.js legacy build, mammoth). Only the scorer and the parsed-data
 * reader are injected per test, because this suite is about orchestration, not scoring quality.
 */
import "fake-indexeddb/auto"

import { LeverClient } from "~/core/lever/client"
import { RateLimiter } from "~/core/lever/rate-limiter"
import type { Rubric } from "~/core/requirements/model"
import type { CandidateResult, RequirementVerdict } from "~/core/scoring/result"
import { fromLeverParsedData } from "~/core/resume/lever-parsed"
import { Runner } from "~/background/runner/runner"
import type { RunnerDeps, RunnerOptions, ScoreRequest } from "~/background/runner/types"
import { ScreeningDb } from "~/db/schema"
import { sha256Hex } from "~/ingest/ingest"
import { ingestBytes } from "~/ingest/node"

import { startSimulator, type Simulator, type SimulatorOptions } from "../../lever-sim/server"

process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** A rubric the simulator's applicants spread over (terms its fit profiles use). */
export const RUBRIC: Rubric = {
  requirements: [
    { id: "r1", text: "Python", category: "skills", mandatory: true, facets: { skills: [{ name: "Python", aliases: ["python"] }] } },
    { id: "r2", text: "SQL", category: "skills", mandatory: false, facets: { skills: [{ name: "SQL", aliases: ["sql", "postgres"] }] } },
    { id: "r3", text: "Bachelor's degree", category: "qualifications", mandatory: false, facets: { keywords: ["bachelor", "b.s.", "bsc", "ba "] } }
  ],
  weights: { skills: 60, experience: 0, qualifications: 40, other: 0 }
}

/**
 * A small deterministic term-matching scorer standing in for the scoring engine (injected like the
 * real one). It records every call so tests can prove nothing is scored twice.
 */
export function termScorer(calls: Map<string, number>) {
  return async (request: ScoreRequest): Promise<CandidateResult> => {
    const text = request.resume.text.toLowerCase()
    const key = `${request.analysis.id}|${request.resume.contentHash ?? request.resume.text.slice(0, 40)}|${request.rubricVersion}`
    calls.set(key, (calls.get(key) ?? 0) + 1)
    const verdicts: RequirementVerdict[] = request.rubric.requirements.map((r) => {
      const terms = [...(r.facets.skills ?? []).flatMap((s) => [s.name, ...s.aliases]), ...(r.facets.keywords ?? [])].map((t) => t.toLowerCase())
      const hit = terms.find((t) => text.includes(t))
      return { requirementId: r.id, verdict: hit ? "met" : "not_met", evidence: hit ? [hit] : [], reason: hit ? `mentions ${hit}` : "not mentioned" }
    })
    const met = verdicts.filter((v) => v.verdict === "met").length
    return {
      status: "scored",
      score: Math.round((met / verdicts.length) * 100),
      meetsAllMandatory: request.rubric.requirements.every((r, i) => !r.mandatory || verdicts[i].verdict === "met"),
      verdicts,
      flags: [],
      engine: request.analysis.engine
    }
  }
}

let dbCounter = 0

export interface Harness {
  sim: Simulator
  db: ScreeningDb
  runner: Runner
  scoreCalls: Map<string, number>
  deps: RunnerDeps
  /** A fresh runner on the same database: what a restarted worker does. */
  restart(options?: Partial<RunnerOptions>): Runner
  postingWithApplicants(): { id: string; applicants: number }
  apiCalls(): number
  close(): Promise<void>
}

export async function startHarness(
  options: { sim?: SimulatorOptions; key?: "full" | "readOnly" | "noResumes"; runner?: Partial<RunnerOptions>; score?: RunnerDeps["score"] } = {}
): Promise<Harness> {
  const sim = await startSimulator({ port: 0, rate: 200, burst: 40, ...options.sim })
  const db = new ScreeningDb(`runner-test-${process.pid}-${++dbCounter}`)
  const key = sim.keys[options.key ?? "full"]
  const rate = options.sim?.rate ?? 200
  const burst = options.sim?.burst ?? 40
  // One limiter per credential, as getLimiter does in the extension, a little under the server's.
  const limiter = new RateLimiter({ perSecond: rate * 0.9, burst: Math.floor(burst * 0.75) })
  const client = new LeverClient({
    apiBase: `${sim.origin}/v1`,
    fetch,
    limiter,
    auth: async () => `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
    retry: { baseDelayMs: 100, maxDelayMs: 2_000 }
  })
  const scoreCalls = new Map<string, number>()
  const deps: RunnerDeps = {
    db,
    lever: async () => client,
    ingest: (bytes, meta) => ingestBytes(bytes, meta),
    fromParsedData: fromLeverParsedData,
    score: options.score ?? termScorer(scoreCalls),
    hash: sha256Hex,
    now: () => Date.now(),
    sleep
  }
  const runners: Runner[] = []
  const make = (o?: Partial<RunnerOptions>) => {
    const r = new Runner(deps, { staleRunningMs: 60_000, ...options.runner, ...o })
    runners.push(r)
    return r
  }
  const runner = make()
  return {
    sim,
    db,
    runner,
    scoreCalls,
    deps,
    restart: make,
    postingWithApplicants() {
      const posting = sim.postings.filter((p) => p.applicants > 0).sort((a, b) => b.applicants - a.applicants)[0]
      return { id: posting.id, applicants: posting.applicants }
    },
    apiCalls: () => sim.state().requests.total,
    async close() {
      for (const r of runners) r.stop()
      db.close()
      await sim.close()
    }
  }
}

/** Jobs of an analysis grouped by state. */
export async function jobStates(db: ScreeningDb, analysisId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const job of await db.jobs.where("analysisId").equals(analysisId).toArray()) counts[job.state] = (counts[job.state] ?? 0) + 1
  return counts
}
