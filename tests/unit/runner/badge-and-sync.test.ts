import "fake-indexeddb/auto"

import { afterEach, describe, expect, it, vi } from "vitest"

import { ScreeningDb, type AnalysisRow } from "~/db/schema"

const action = { setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined), setTitle: vi.fn(async () => undefined), getBadgeText: vi.fn(async () => "") }
vi.mock("webextension-polyfill", () => ({ default: { action } }))

const { badgeView, refreshBadge } = await import("~/background/badge")
const { syncPostings, toApplicantRow } = await import("~/background/sync")
const { LeverClient } = await import("~/core/lever/client")
const { startSimulator } = await import("../../lever-sim/server")

process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"

let n = 0
const dbs: ScreeningDb[] = []
function freshDb() {
  const db = new ScreeningDb(`badge-sync-${process.pid}-${++n}`)
  dbs.push(db)
  return db
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close()
})

function analysis(id: string, status: AnalysisRow["status"], progress?: AnalysisRow["progress"]): AnalysisRow {
  return {
    id,
    postingId: "p",
    postingTitle: "Posting",
    status,
    rubricVersion: 1,
    engine: "local",
    includeArchived: false,
    pollIntervalMinutes: 2,
    totals: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
    createdAt: 0,
    updatedAt: 0,
    progress
  }
}

describe("badge", () => {
  it("shows the running analyses' progress, a warning during a Lever outage, and nothing when idle", async () => {
    const db = freshDb()
    expect((await badgeView(db)).text).toBe("")
    await db.analyses.put(analysis("a", "running", { total: 40, scored: 9, needsReview: 1, failed: 1, queued: 30, running: 0, etaMs: 1000, updatedAt: 0 }))
    await db.analyses.put(analysis("b", "completed", { total: 10, scored: 10, needsReview: 0, failed: 0, queued: 0, running: 0, etaMs: 0, updatedAt: 0 }))
    expect(await badgeView(db)).toMatchObject({ text: "25%", title: "Scoring applicants: 10 of 40 done" })
    await db.settings.put({ key: "lever-health", value: { state: "unavailable", message: "Lever is not answering right now." } })
    expect(await badgeView(db)).toMatchObject({ text: "!", title: "Lever is not answering right now." })
  })

  it("redraws with the latest state even when asked while a redraw is in flight", async () => {
    const db = freshDb()
    await db.analyses.put(analysis("a", "running", { total: 4, scored: 1, needsReview: 0, failed: 0, queued: 3, running: 0, etaMs: null, updatedAt: 0 }))
    refreshBadge(db)
    await db.analyses.update("a", { progress: { total: 4, scored: 4, needsReview: 0, failed: 0, queued: 0, running: 0, etaMs: 0, updatedAt: 1 } })
    refreshBadge(db)
    await vi.waitFor(() => expect(action.setBadgeText).toHaveBeenLastCalledWith({ text: "100%" }))
  })
})

describe("sync", () => {
  it("syncs published postings from both channels into db postings", async () => {
    const sim = await startSimulator({ port: 0, applicantsPerPosting: 2 })
    try {
      const db = freshDb()
      const client = new LeverClient({ apiBase: `${sim.origin}/v1`, fetch, auth: async () => `Basic ${Buffer.from(`${sim.keys.full}:`).toString("base64")}` })
      const count = await syncPostings(client as any, db, 123)
      const published = sim.postings.filter((p) => p.state === "published").length
      expect(count).toBe(published)
      const rows = await db.postings.toArray()
      expect(rows).toHaveLength(published)
      for (const row of rows) {
        expect(row.title).not.toBe("")
        expect(row.syncedAt).toBe(123)
      }
    } finally {
      await sim.close()
    }
  })

  it("maps an opportunity leniently (null updatedAt, expanded or plain stage, no name)", () => {
    const row = toApplicantRow({ id: "o1", name: null, stage: { id: "applicant-new", text: "New applicant" }, archived: null, updatedAt: null, createdAt: 5 }, "p1", 9)
    expect(row).toMatchObject({ id: "o1", postingId: "p1", name: "(no name)", stageId: "applicant-new", stageText: "New applicant", updatedAt: null, createdAt: 5, tags: [] })
    expect(toApplicantRow({ id: "o2", stage: "lead-new", archived: { reason: "r", archivedAt: 7 } }, "p1", 9)).toMatchObject({ stageId: "lead-new", archived: { reason: "r", archivedAt: 7 } })
  })
})
