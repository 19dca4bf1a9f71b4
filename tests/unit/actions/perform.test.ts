/**
 * Reject / shortlist / undo against an in-memory Lever that behaves like the documented API (the
 * simulator-backed test in lever-sim.test.ts covers the real client over HTTPS). Checks the audit trail,
 * idempotency per click, per-candidate results, the 403 message and the applicants table.
 */
import { describe, expect, it } from "vitest"

import type { LeverActionsClient } from "~/background/actions/lever-port"
import { rejectCandidates, shortlistCandidates, undoAction } from "~/background/actions/perform"
import { ANALYSIS, applicantRow, freshDb, result, uuid } from "./fixtures"

class LeverError extends Error {
  constructor(
    readonly status: number,
    readonly kind: string
  ) {
    super(`Lever answered ${status}`)
  }
}

function fakeLever(options: { forbid?: ("archive" | "stage" | "tag" | "note")[]; failIds?: string[] } = {}) {
  const opps = new Map<string, { stage: string; archived: { reason: string; archivedAt: number } | null; tags: string[]; notes: string[] }>()
  const calls: string[] = []
  const get = (id: string) => {
    if (options.failIds?.includes(id)) throw new LeverError(404, "not_found")
    let opp = opps.get(id)
    if (!opp) opps.set(id, (opp = { stage: "applicant-new", archived: null, tags: [], notes: [] }))
    return opp
  }
  const guard = (what: "archive" | "stage" | "tag" | "note") => {
    if (options.forbid?.includes(what)) throw new LeverError(403, "forbidden")
  }
  const client: LeverActionsClient = {
    async archive(id, reason) {
      calls.push(`archive ${id} ${reason}`)
      guard("archive")
      const opp = get(id)
      opp.archived = reason ? { reason, archivedAt: 1000 } : null
      return { id, ...opp }
    },
    async setStage(id, stage) {
      calls.push(`stage ${id} ${stage}`)
      guard("stage")
      const opp = get(id)
      opp.stage = stage
      return { id, ...opp }
    },
    async addTags(id, tags) {
      calls.push(`addTags ${id} ${tags.join(",")}`)
      guard("tag")
      const opp = get(id)
      opp.tags = [...new Set([...opp.tags, ...tags])]
      return { id, ...opp }
    },
    async removeTags(id, tags) {
      calls.push(`removeTags ${id} ${tags.join(",")}`)
      const opp = get(id)
      opp.tags = opp.tags.filter((t) => !tags.includes(t))
      return { id, ...opp }
    },
    async addNote(id, text) {
      calls.push(`note ${id}`)
      guard("note")
      get(id).notes.push(text)
      return { noteId: "n1" }
    },
    async stages() {
      return [
        { id: "applicant-new", text: "New applicant" },
        { id: "phone-screen", text: "Phone screen" }
      ]
    },
    async archiveReasons() {
      return [
        { id: "reason-skills", text: "Underqualified", status: "active", type: "non-hired" },
        { id: "reason-old", text: "Old reason", status: "inactive", type: "non-hired" },
        { id: "reason-hired", text: "Hired", status: "active", type: "hired" }
      ]
    }
  }
  return { client, opps, calls }
}

async function setup(lever = fakeLever()) {
  const db = await freshDb()
  const ids = [uuid(1), uuid(2), uuid(3)]
  await db.applicants.bulkAdd(ids.map((id) => applicantRow(id)))
  await db.scores.add({ analysisId: ANALYSIS, opportunityId: ids[0], rubricVersion: 2, result: result(72), stale: false, scoredAt: 5 })
  const deps = { db, client: async () => lever.client, now: () => 2000 }
  return { db, ids, deps, lever }
}

describe("reject-candidates", () => {
  it("archives each candidate with the reason, audits before and after with the score basis, and updates applicants", async () => {
    const { db, ids, deps, lever } = await setup()
    await db.settings.put({ key: "connection", value: { environment: "production", apiBase: "x", actingAs: { id: "u1", name: "Rita Recruiter" } } })
    const response = await rejectCandidates(deps, { opportunityIds: ids.slice(0, 2), reasonId: "reason-skills", clickId: "click-0001" })
    expect(response.results).toEqual([
      { opportunityId: ids[0], ok: true },
      { opportunityId: ids[1], ok: true }
    ])
    expect(lever.opps.get(ids[0])?.archived?.reason).toBe("reason-skills")
    expect((await db.applicants.get(ids[0]))?.archived?.reason).toBe("reason-skills")
    expect((await db.applicants.get(ids[2]))?.archived).toBeNull()

    const audit = await db.audit.where("actionId").equals(response.actionId).toArray()
    const first = audit.filter((row) => row.opportunityId === ids[0])
    expect(first.map((row) => row.phase)).toEqual(["requested", "succeeded"])
    expect(first[0]).toMatchObject({ actor: "Rita Recruiter", action: "archive", analysisId: ANALYSIS })
    expect(first[1].details).toMatchObject({ reasonId: "reason-skills", reasonText: "Underqualified", rubricVersion: 2, engine: "local", score: 72 })
    expect(first[1].details.lever).toMatchObject({ archived: { reason: "reason-skills" } })
    expect(lever.calls.filter((c) => c.startsWith("note"))).toEqual([]) // notes are off by default
  })

  it("never archives twice for the same click, even when the message is sent twice at once or again later", async () => {
    const { ids, deps, lever } = await setup()
    const request = { opportunityIds: [ids[0], ids[1]], reasonId: "reason-skills", clickId: "click-dup-1" }
    const [a, b] = await Promise.all([rejectCandidates(deps, request), rejectCandidates(deps, request)])
    expect(a).toEqual(b)
    await rejectCandidates(deps, request)
    expect(lever.calls.filter((c) => c.startsWith("archive"))).toHaveLength(2)
  })

  it("retries only the failed candidates when the same click is sent again", async () => {
    const lever = fakeLever({ failIds: [uuid(2)] })
    const { ids, deps } = await setup(lever)
    const request = { opportunityIds: ids, reasonId: "reason-skills", clickId: "click-retry" }
    const first = await rejectCandidates(deps, request)
    expect(first.results.map((r) => r.ok)).toEqual([true, false, true])
    expect(first.results[1].error?.code).toBe("lever_not_found")
    lever.calls.length = 0
    await rejectCandidates(deps, request)
    expect(lever.calls).toEqual([`archive ${ids[1]} reason-skills`])
  })

  it("reports a 403 as 'This Lever key cannot archive candidates' and changes nothing", async () => {
    const { db, ids, deps } = await setup(fakeLever({ forbid: ["archive"] }))
    const response = await rejectCandidates(deps, { opportunityIds: [ids[0]], reasonId: "reason-skills", clickId: "click-403x" })
    expect(response.results[0]).toEqual({ opportunityId: ids[0], ok: false, error: { code: "lever_forbidden", message: "This Lever key cannot archive candidates" } })
    expect((await db.applicants.get(ids[0]))?.archived).toBeNull()
    const phases = (await db.audit.toArray()).map((r) => r.phase)
    expect(phases).toEqual(["requested", "failed"])
  })

  it("refuses the hired reason and inactive reasons before writing anything", async () => {
    const { db, ids, deps, lever } = await setup()
    await expect(rejectCandidates(deps, { opportunityIds: [ids[0]], reasonId: "reason-hired", clickId: "click-hired" })).rejects.toMatchObject({ code: "bad_request" })
    await expect(rejectCandidates(deps, { opportunityIds: [ids[0]], reasonId: "reason-old", clickId: "click-old1" })).rejects.toMatchObject({ code: "bad_request" })
    await expect(rejectCandidates(deps, { opportunityIds: [ids[0]], reasonId: "nope", clickId: "click-nope" })).rejects.toMatchObject({ code: "bad_request" })
    expect(lever.calls).toEqual([])
    expect(await db.audit.count()).toBe(0)
  })

  it("posts a note with the score and per-requirement summary when settings ask for it", async () => {
    const { db, ids, deps, lever } = await setup()
    await db.settings.put({ key: "actions", value: { postNotes: true } })
    await rejectCandidates(deps, { opportunityIds: [ids[0]], reasonId: "reason-skills", clickId: "click-note" })
    const note = lever.opps.get(ids[0])!.notes[0]
    expect(note).toContain("Score 72/100")
    expect(note).toContain("[mandatory] 5+ years of TypeScript: met")
    expect(note).toContain("BSc in Computer Science: not met")
    expect(note).toContain("Underqualified")
  })

  it("keeps the rejection when only the note fails", async () => {
    const { db, ids, deps } = await setup(fakeLever({ forbid: ["note"] }))
    await db.settings.put({ key: "actions", value: { postNotes: true } })
    const response = await rejectCandidates(deps, { opportunityIds: [ids[0]], reasonId: "reason-skills", clickId: "click-note-fail" })
    expect(response.results[0].ok).toBe(true)
    const note = (await db.audit.toArray()).filter((r) => r.action === "note")
    expect(note.map((r) => r.phase)).toEqual(["requested", "failed"])
    expect(note[1].details.error).toMatchObject({ code: "lever_forbidden", message: "This Lever key cannot post notes" })
  })
})

describe("shortlist-candidates and undo-action", () => {
  it("asks for a stage or tag in settings before anything", async () => {
    const { ids, deps, lever } = await setup()
    await expect(shortlistCandidates(deps, { opportunityIds: [ids[0]], clickId: "click-sl-0" })).rejects.toMatchObject({ code: "bad_request" })
    expect(lever.calls).toEqual([])
  })

  it("moves to the shortlist stage and adds the tag; undo moves back and removes the tag", async () => {
    const { db, ids, deps, lever } = await setup()
    await db.settings.put({ key: "actions", value: { shortlistStageId: "phone-screen", shortlistTag: "shortlist", postNotes: false } })
    const response = await shortlistCandidates(deps, { opportunityIds: [ids[0], ids[1]], clickId: "click-sl-1" })
    expect(response.results.every((r) => r.ok)).toBe(true)
    expect(lever.opps.get(ids[0])).toMatchObject({ stage: "phone-screen", tags: ["shortlist"] })
    expect(await db.applicants.get(ids[0])).toMatchObject({ stageId: "phone-screen", stageText: "Phone screen", tags: ["shortlist"] })

    const undone = await undoAction(deps, { actionId: response.actionId })
    expect(undone.results.every((r) => r.ok)).toBe(true)
    expect(lever.opps.get(ids[0])).toMatchObject({ stage: "applicant-new", tags: [] })
    expect(await db.applicants.get(ids[0])).toMatchObject({ stageId: "applicant-new", stageText: "New applicant", tags: [] })
    // Undoing twice writes nothing more.
    const before = lever.calls.length
    await undoAction(deps, { actionId: response.actionId })
    expect(lever.calls.length).toBe(before)
  })

  it("undo of a rejection unarchives (reason null) and records it", async () => {
    const { db, ids, deps, lever } = await setup()
    const response = await rejectCandidates(deps, { opportunityIds: [ids[0]], reasonId: "reason-skills", clickId: "click-undo-r" })
    const undone = await undoAction(deps, { actionId: response.actionId })
    expect(undone.results).toEqual([{ opportunityId: ids[0], ok: true }])
    expect(lever.opps.get(ids[0])?.archived).toBeNull()
    expect(lever.calls).toContain(`archive ${ids[0]} null`)
    expect((await db.applicants.get(ids[0]))?.archived).toBeNull()
    const rows = await db.audit.where("actionId").equals(undone.actionId).toArray()
    expect(rows.map((r) => [r.action, r.phase])).toEqual([
      ["unarchive", "requested"],
      ["unarchive", "succeeded"]
    ])
    expect(rows[1].details.undoOf).toBe(response.actionId)
  })

  it("refuses to undo an unknown action", async () => {
    const { deps } = await setup()
    await expect(undoAction(deps, { actionId: "reject:nothing" })).rejects.toMatchObject({ code: "conflict" })
  })
})
