/**
 * The worker dies at any moment (issue 8): an analysis runs in the built extension in real Chromium
 * against the Lever simulator, and all service workers are stopped through CDP several times mid-run.
 * Every applicant must still be scored exactly once: no job lost, no score rewritten, no job stuck.
 */
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { DEFAULT_RUNNER_OPTIONS } from "../../src/background/runner/types"
import { startExtensionEnv, type ExtensionEnv } from "./harness"

let env: ExtensionEnv
let page: Page

beforeAll(async () => {
  env = await startExtensionEnv({ sim: { applicantsPerPosting: 30 }, connect: true })
  page = await env.openPage("options.html")
})
afterAll(async () => {
  await env?.close()
})

const RUBRIC = {
  requirements: [
    { id: "python", text: "Python", category: "skills", mandatory: true, facets: { skills: [{ name: "Python", aliases: [] }] } },
    { id: "sql", text: "SQL", category: "skills", mandatory: false, facets: { skills: [{ name: "SQL", aliases: ["PostgreSQL"] }] } }
  ],
  weights: { skills: 100, experience: 0, qualifications: 0, other: 0 }
}

async function send(type: string, body: unknown): Promise<any> {
  const reply = await page.evaluate(([t, b]) => chrome.runtime.sendMessage({ type: t, body: b }), [type, body] as const)
  if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply?.error)}`)
  return reply.data
}

/** Reads a whole table of the extension's database from the page (same origin), then closes it. */
async function readTable<T = any>(table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<any[]>((resolve, reject) => {
        const open = indexedDB.open("lever-screening")
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const request = db.transaction(name, "readonly").objectStore(name).getAll()
          request.onsuccess = () => {
            db.close()
            resolve(request.result)
          }
          request.onerror = () => reject(request.error)
        }
      }),
    table
  )
}

describe("background analysis survives the worker being stopped", () => {
  it("scores every applicant once across several CDP stopAllWorkers mid-run", async () => {
    const posting = env.sim.postings.filter((p) => p.applicants > 0).sort((a, b) => b.applicants - a.applicants)[0]!
    const active = Object.values(env.sim.state().opportunities).filter((o) => o.postingId === posting.id && !o.archived).length
    const { analysisId } = await send("create-analysis", { postingId: posting.id, rubric: RUBRIC, engine: "local" })

    const firstScoredAt = new Map<string, number>()
    const remember = async () => {
      for (const score of await readTable("scores")) {
        if (score.analysisId !== analysisId) continue
        if (!firstScoredAt.has(score.opportunityId)) firstScoredAt.set(score.opportunityId, score.scoredAt)
      }
    }

    let stops = 0
    for (const threshold of [3, 9, 16]) {
      await expect
        .poll(async () => (await readTable("scores")).filter((s) => s.analysisId === analysisId).length, { timeout: 90_000, interval: 250 })
        .toBeGreaterThanOrEqual(Math.min(threshold, active - 1))
      await remember()
      const before = await env.serviceWorker()
      await before.evaluate(() => ((globalThis as any).__beforeStop = true))
      await env.stopWorkers()
      stops += 1
      await page.waitForTimeout(300)
      // Any message wakes the worker; its resume-on-start pass must pick the queue up again.
      await send("ping", {})
      // It really is a new worker: nothing of the old one's memory survived.
      const after = await env.serviceWorker()
      expect(await after.evaluate(() => (globalThis as any).__beforeStop ?? false)).toBe(false)
    }
    expect(stops).toBe(3)

    await expect
      .poll(
        async () => {
          const jobs = (await readTable("jobs")).filter((j) => j.analysisId === analysisId)
          return jobs.filter((j) => j.state === "done" || j.state === "needs_review" || j.state === "failed").length
        },
        { timeout: 120_000, interval: 500 }
      )
      .toBe(active)

    const jobs = (await readTable("jobs")).filter((j) => j.analysisId === analysisId)
    expect(jobs.filter((j) => j.state === "queued" || j.state === "running")).toEqual([])
    expect(jobs.filter((j) => j.state === "failed").map((j) => j.lastError)).toEqual([])
    const scores = (await readTable("scores")).filter((s) => s.analysisId === analysisId)
    expect(scores).toHaveLength(active)
    expect(new Set(scores.map((s) => s.opportunityId)).size).toBe(active)
    // Once written, a score is never written again: every score seen before a stop kept its time.
    for (const score of scores) {
      if (firstScoredAt.has(score.opportunityId)) expect(score.scoredAt).toBe(firstScoredAt.get(score.opportunityId))
      expect(score.rubricVersion).toBe(1)
    }
    const requests = env.sim.state().requests
    const downloads = requests.byEndpoint["GET /v1/opportunities/:id/resumes/:id/download"] ?? 0
    // A download cut off by a stop may be repeated; everything else is fetched once.
    expect(downloads).toBeLessThanOrEqual(active + stops * DEFAULT_RUNNER_OPTIONS.leverConcurrency)
    expect(requests.rateLimited).toBe(0)

    const analysis = (await readTable("analyses")).find((a) => a.id === analysisId)
    expect(analysis.status).toBe("completed")
    expect(analysis.progress).toMatchObject({ total: active, queued: 0, running: 0 })
  })
})
