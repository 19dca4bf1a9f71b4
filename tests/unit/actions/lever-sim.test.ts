/**
 * The actions against the Lever simulator over HTTPS, with the real LeverClient (rate limiter, retries,
 * perform_as): reject with a reason, undo, shortlist, a note, and the read-only key's 403.
 */
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import type { LeverActionsClient } from "~/background/actions/lever-port"
import { leverOptions, clearLeverOptionsCache } from "~/background/actions/options"
import { rejectCandidates, shortlistCandidates, undoAction } from "~/background/actions/perform"
import { LeverClient } from "~/core/lever/client"
import { startSimulator } from "../../lever-sim/server"
import { applicantRow, freshDb } from "./fixtures"

type Sim = Awaited<ReturnType<typeof startSimulator>>
let sim: Sim

beforeAll(async () => {
  sim = await startSimulator({ port: 0, applicantsPerPosting: 8 })
})
afterAll(async () => {
  await sim?.close()
})

function client(key: string, performAs?: string): LeverActionsClient {
  return new LeverClient({
    apiBase: `${sim.origin}/v1`,
    fetch,
    performAs,
    auth: async () => `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
    retry: { maxAttempts: 2 }
  }) as unknown as LeverActionsClient
}

async function setup(key = sim.keys.full) {
  const db = await freshDb()
  const ids = Object.keys(sim.state().opportunities).slice(0, 4)
  const opportunities = sim.state().opportunities
  await db.applicants.bulkAdd(ids.map((id) => applicantRow(id, { stageId: opportunities[id].stage, archived: null })))
  const lever = client(key)
  clearLeverOptionsCache()
  return { db, ids, deps: { db, client: async () => lever }, lever }
}

async function activeReason(lever: LeverActionsClient): Promise<{ id: string; text: string }> {
  const reasons = (await (lever.archiveReasons() as Promise<{ id: string; text: string; status?: string; type?: string }[]>)).filter(
    (r) => r.status === "active" && r.type === "non-hired"
  )
  return reasons[1] ?? reasons[0]
}

describe("actions against the simulator", () => {
  it("lists only active non-hired archive reasons, and the stages", async () => {
    const { db, lever } = await setup()
    const options = await leverOptions(db, lever)
    expect(options.archiveReasons.length).toBeGreaterThan(0)
    const all = (await (lever.archiveReasons() as Promise<{ id: string; status?: string; type?: string }[]>))
    const excluded = all.filter((r) => r.status !== "active" || r.type !== "non-hired").map((r) => r.id)
    expect(excluded.length).toBeGreaterThan(0)
    for (const id of excluded) expect(options.archiveReasons.map((r) => r.id)).not.toContain(id)
    expect(options.stages.length).toBeGreaterThan(3)
    expect(options.defaults.postNotes).toBe(false)
  })

  it("rejects with the chosen reason, never twice per click, and undo unarchives", async () => {
    const { db, ids, deps, lever } = await setup()
    const reason = await activeReason(lever)
    const targets = ids.filter((id) => !sim.state().opportunities[id].archived).slice(0, 2)
    const request = { opportunityIds: targets, reasonId: reason.id, clickId: "sim-click-reject" }
    const response = await rejectCandidates(deps, request)
    expect(response.results.every((r) => r.ok)).toBe(true)
    for (const id of targets) expect(sim.state().opportunities[id].archived?.reason).toBe(reason.id)
    const archiveCalls = () => Object.entries(sim.state().requests.byEndpoint).filter(([k]) => /archived/.test(k)).reduce((n, [, v]) => n + v, 0)
    const before = archiveCalls()
    await rejectCandidates(deps, request)
    expect(archiveCalls()).toBe(before)
    expect((await db.applicants.get(targets[0]))?.archived?.reason).toBe(reason.id)

    const undone = await undoAction(deps, { actionId: response.actionId })
    expect(undone.results.every((r) => r.ok)).toBe(true)
    for (const id of targets) expect(sim.state().opportunities[id].archived).toBeNull()
    expect((await db.applicants.get(targets[0]))?.archived).toBeNull()
  })

  it("shortlists to the settings' stage with a tag, and posts a note when enabled", async () => {
    const { db, ids, deps } = await setup()
    const stage = sim.world.stages.find((s) => s.id !== sim.state().opportunities[ids[2]].stage)!
    await db.settings.put({ key: "actions", value: { shortlistStageId: stage.id, shortlistTag: "screened-in", postNotes: true } })
    const response = await shortlistCandidates(deps, { opportunityIds: [ids[2]], clickId: "sim-click-shortlist" })
    expect(response.results).toEqual([{ opportunityId: ids[2], ok: true }])
    const opp = sim.state().opportunities[ids[2]]
    expect(opp.stage).toBe(stage.id)
    expect(opp.tags).toContain("screened-in")
    expect(opp.notes).toHaveLength(1)
    expect(opp.notes[0].value).toContain("shortlisted")
    expect(await db.applicants.get(ids[2])).toMatchObject({ stageId: stage.id, stageText: stage.text })
  })

  it("with the read-only key: 'This Lever key cannot archive candidates' and nothing changes", async () => {
    const { db, ids, deps, lever } = await setup(sim.keys.readOnly)
    const reason = await activeReason(lever)
    const target = ids.find((id) => !sim.state().opportunities[id].archived)!
    const response = await rejectCandidates(deps, { opportunityIds: [target], reasonId: reason.id, clickId: "sim-click-readonly" })
    expect(response.results[0]).toMatchObject({ ok: false, error: { code: "lever_forbidden", message: "This Lever key cannot archive candidates" } })
    expect(sim.state().opportunities[target].archived).toBeNull()
    expect((await db.applicants.get(target))?.archived).toBeNull()
    const failed = (await db.audit.toArray()).find((row) => row.phase === "failed")
    expect(failed?.details.lever).toMatchObject({ status: 403 })
  })
})
