/** Badge states and the candidate card, computed from the database the runner fills. */
import { describe, expect, it } from "vitest"

import { candidateCard, scoresForIds } from "~/background/actions/badges"
import { jobId } from "~/background/runner/runner"
import { ANALYSIS, applicantRow, freshDb, result, uuid } from "./fixtures"

describe("scores-for-ids", () => {
  it("gives each id its distinct state in one call", async () => {
    const db = await freshDb()
    const ids = Array.from({ length: 8 }, (_, i) => uuid(i + 1))
    await db.applicants.bulkAdd(ids.slice(0, 7).map((id, i) => applicantRow(id, i === 4 ? { archived: { reason: "r", archivedAt: 1 } } : {})))
    await db.scores.bulkAdd([
      { analysisId: ANALYSIS, opportunityId: ids[0], rubricVersion: 2, result: result(81), stale: false, scoredAt: 1 },
      { analysisId: ANALYSIS, opportunityId: ids[1], rubricVersion: 2, result: result(null), stale: false, scoredAt: 1 },
      { analysisId: ANALYSIS, opportunityId: ids[2], rubricVersion: 1, result: result(40), stale: true, scoredAt: 1 },
      { analysisId: ANALYSIS, opportunityId: ids[4], rubricVersion: 2, result: result(30), stale: false, scoredAt: 1 },
      // A score from an analysis that was deleted is ignored.
      { analysisId: "deleted", opportunityId: ids[6], rubricVersion: 1, result: result(99), stale: false, scoredAt: 9 }
    ])
    await db.jobs.bulkAdd([
      { id: jobId(ANALYSIS, ids[3]), analysisId: ANALYSIS, opportunityId: ids[3], state: "running", attempts: 1, nextAttemptAt: 0, updatedAt: 0 },
      { id: jobId(ANALYSIS, ids[5]), analysisId: ANALYSIS, opportunityId: ids[5], state: "failed", attempts: 3, nextAttemptAt: 0, updatedAt: 0 }
    ])
    const items = await scoresForIds(db, ids)
    expect(items[ids[0]]).toMatchObject({ state: "scored", score: 81, meetsAllMandatory: true, analysisId: ANALYSIS })
    // Mandatory requirements lead the tooltip, in rubric order.
    expect(items[ids[0]].topVerdicts).toEqual([
      { text: "5+ years of TypeScript", verdict: "met" },
      { text: "BSc in Computer Science", verdict: "not_met" },
      { text: "Kubernetes", verdict: "partial" }
    ])
    expect(items[ids[1]].state).toBe("needs_review")
    expect(items[ids[1]].score).toBeUndefined()
    expect(items[ids[2]]).toMatchObject({ state: "stale", score: 40 })
    expect(items[ids[3]].state).toBe("in_progress")
    expect(items[ids[4]]).toMatchObject({ state: "archived", score: 30 })
    expect(items[ids[5]].state).toBe("failed")
    expect(items[ids[6]].state).toBe("not_analysed")
    expect(items[ids[7]]).toEqual({ state: "not_analysed" })
  })

  it("answers 500 ids quickly", async () => {
    const db = await freshDb()
    const ids = Array.from({ length: 500 }, (_, i) => uuid(i + 1))
    await db.applicants.bulkAdd(ids.map((id) => applicantRow(id)))
    await db.scores.bulkAdd(ids.map((id, i) => ({ analysisId: ANALYSIS, opportunityId: id, rubricVersion: 2, result: result(i % 100), stale: false, scoredAt: 1 })))
    const started = performance.now()
    const items = await scoresForIds(db, ids)
    expect(Object.keys(items)).toHaveLength(500)
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe("candidate-card", () => {
  it("lists every requirement's verdict with evidence, flags, the name and the dashboard link", async () => {
    const db = await freshDb()
    const id = uuid(1)
    await db.applicants.add(applicantRow(id, { name: "<script>alert(1)</script>" }))
    await db.scores.add({
      analysisId: ANALYSIS,
      opportunityId: id,
      rubricVersion: 2,
      result: result(64, { flags: [{ kind: "hidden_text", message: "Hidden text found", detail: "python python" }] }),
      stale: false,
      scoredAt: 1
    })
    const card = await candidateCard(db, id, (a, c) => `ext://dashboard?analysis=${a}&candidate=${c}`)
    expect(card.name).toBe("<script>alert(1)</script>")
    expect(card.badge).toMatchObject({ state: "scored", score: 64 })
    expect(card.verdicts).toContainEqual({ requirement: "5+ years of TypeScript", mandatory: true, verdict: "met", evidence: ["6 years TypeScript"], reason: "6 years" })
    expect(card.flags[0].kind).toBe("hidden_text")
    expect(card.dashboardUrl).toBe(`ext://dashboard?analysis=${ANALYSIS}&candidate=${id}`)
  })
})
