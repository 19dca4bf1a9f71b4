/**
 * The dashboard in real Chromium against the Lever simulator: reject three candidates with a chosen
 * archive reason (two in one click, one in another) and find them archived with it in the simulator,
 * undo one from the toast, shortlist two and find their stage changed, export the audit log and find
 * every action in it; and with a read-only key, a clear "cannot archive" error that changes nothing.
 * The analysis, applicants and scores are seeded into the extension's IndexedDB from an extension page,
 * so this test does not depend on the runner; every Lever write goes through the real background.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import type { Page } from "playwright-core"

import { ROOT, startExtensionEnv, type ExtensionEnv } from "./harness"
import { writeRows as seed } from "./flows"

const RESUME_PDF = join(ROOT, "../shared/fixtures/resumes/pdf/resume-matcher__resume_1_john_smith.pdf")

const ANALYSIS = "e2e-dashboard"
const SHORTLIST_STAGE = "2ca03d97-d4f2-4a97-89de-96c8b0d07924"

interface Seeded {
  postingId: string
  ids: string[]
  names: Record<string, string>
}

/** Seeds an analysis of the simulator's first posting with every open candidate scored. */
async function seedAnalysis(env: ExtensionEnv): Promise<Seeded> {
  const state = env.sim.state()
  const postingId = env.sim.postings[0].id
  const ids = Object.entries(state.opportunities)
    .filter(([, o]) => o.postingId === postingId && !o.archived)
    .map(([id]) => id)
  const names = Object.fromEntries(ids.map((id) => [id, state.opportunities[id].name]))
  const now = Date.now()
  const stageText = new Map(env.sim.world.stages.map((s) => [s.id, s.text]))
  // The options page opens the database first (Dexie creates the schema), then we write into it.
  const page = await env.openPage("tabs/dashboard.html")
  await page.waitForSelector("h1")
  await seed(page, {
    analyses: [{
      id: ANALYSIS, postingId, postingTitle: env.sim.postings[0].text, status: "completed", rubricVersion: 1, engine: "local",
      includeArchived: false, pollIntervalMinutes: 15, totals: { inputTokens: 0, outputTokens: 0, costUsd: 0 }, createdAt: now, updatedAt: now
    }],
    rubrics: [{
      analysisId: ANALYSIS, version: 1, createdAt: now,
      rubric: { weights: { skills: 50, experience: 50, qualifications: 0, other: 0 }, requirements: [
        { id: "r1", text: "3+ years of customer support", category: "experience", mandatory: true, facets: {} },
        { id: "r2", text: "Zendesk or Intercom", category: "skills", mandatory: false, facets: {} }
      ] }
    }],
    applicants: ids.map((id) => ({
      id, postingId, name: names[id], stageId: state.opportunities[id].stage, stageText: stageText.get(state.opportunities[id].stage),
      archived: null, tags: state.opportunities[id].tags, createdAt: now, updatedAt: now, syncedAt: now, profileUrl: `https://hire.lever.co/candidates/${id}`
    })),
    scores: ids.map((id, index) => ({
      analysisId: ANALYSIS, opportunityId: id, rubricVersion: 1, stale: false, scoredAt: now,
      result: {
        status: "scored", score: 90 - index * 3, meetsAllMandatory: index % 3 !== 2, engine: "local", flags: [],
        verdicts: [
          { requirementId: "r1", verdict: index % 3 !== 2 ? "met" : "not_met", evidence: [], reason: "Years counted from roles" },
          { requirementId: "r2", verdict: "partial", evidence: [], reason: "A similar tool" }
        ]
      }
    })),
    jobs: ids.map((id) => ({ id: `${ANALYSIS}:${id}`, analysisId: ANALYSIS, opportunityId: id, state: "done", attempts: 1, nextAttemptAt: now, updatedAt: now })),
    settings: [{ key: "actions", value: { shortlistStageId: SHORTLIST_STAGE, postNotes: false } }]
  })
  await page.close()
  return { postingId, ids, names }
}

async function openDashboard(env: ExtensionEnv): Promise<Page> {
  const page = await env.openPage(`tabs/dashboard.html?analysis=${ANALYSIS}`)
  await page.waitForSelector('[data-testid="candidate-row"]')
  // Export downloads go through Blob URLs: keep a copy of each blob's text for the test to read.
  await page.evaluate(() => {
    const w = window as unknown as { __exports: Promise<string>[] }
    w.__exports = []
    const original = URL.createObjectURL.bind(URL)
    URL.createObjectURL = (blob: Blob) => {
      w.__exports.push(blob.text())
      return original(blob)
    }
  })
  return page
}

async function selectByName(page: Page, name: string) {
  await page.getByRole("checkbox", { name: `Select ${name}`, exact: true }).check()
}

describe("dashboard with a full-rights key", () => {
  let env: ExtensionEnv
  let seeded: Seeded

  beforeAll(async () => {
    env = await startExtensionEnv({ connect: true, sim: { applicantsPerPosting: 12 } })
    seeded = await seedAnalysis(env)
  })
  afterAll(async () => {
    await env?.close()
  })

  it("rejects three with a chosen reason, undoes one, shortlists two, and exports every action", async () => {
    const page = await openDashboard(env)
    const [a, b, c, d, e] = seeded.ids
    const reasons = env.sim.world.archiveReasons.filter((r) => (r.status ?? "active") === "active" && (r.type ?? "non-hired") === "non-hired")
    const chosen = reasons[1] ?? reasons[0]

    // Two in one click.
    await selectByName(page, seeded.names[a])
    await selectByName(page, seeded.names[b])
    await page.getByRole("button", { name: "Reject…" }).click()
    const dialog = page.getByRole("dialog", { name: "Reject 2 candidates" })
    await dialog.getByRole("radio", { name: chosen.text, exact: true }).check()
    await dialog.getByRole("button", { name: "Archive 2 in Lever" }).click()
    await page.getByText(`Rejected (${chosen.text}): 2 candidates.`).waitFor()
    await page.getByRole("button", { name: "Dismiss message" }).click()

    // One more in another click, then undo that click from the toast.
    await selectByName(page, seeded.names[c])
    await page.keyboard.press("r")
    const second = page.getByRole("dialog", { name: "Reject 1 candidate" })
    await second.getByRole("radio", { name: chosen.text, exact: true }).check()
    await second.getByRole("button", { name: "Archive 1 in Lever" }).click()
    await page.getByText(`Rejected (${chosen.text}): 1 candidate.`).waitFor()
    let sim = env.sim.state()
    for (const id of [a, b, c]) expect(sim.opportunities[id].archivedReason ?? sim.opportunities[id].archived?.reason).toBe(chosen.id)
    await page.getByRole("status").filter({ hasText: "Rejected" }).getByRole("button", { name: "Undo" }).click()
    await page.getByText("Undone for 1 candidate.").waitFor()
    sim = env.sim.state()
    expect(sim.opportunities[c].archived).toBeNull()
    expect(sim.opportunities[a].archived?.reason ?? sim.opportunities[a].archivedReason).toBe(chosen.id)
    expect(sim.opportunities[b].archived?.reason ?? sim.opportunities[b].archivedReason).toBe(chosen.id)

    // Shortlist two: their stage changes in Lever and in the table.
    await selectByName(page, seeded.names[d])
    await selectByName(page, seeded.names[e])
    await page.getByRole("button", { name: "Shortlist", exact: true }).click()
    await page.getByText("Shortlisted: 2 candidates.").waitFor()
    sim = env.sim.state()
    expect(sim.opportunities[d].stage).toBe(SHORTLIST_STAGE)
    expect(sim.opportunities[e].stage).toBe(SHORTLIST_STAGE)
    const stageName = env.sim.world.stages.find((s) => s.id === SHORTLIST_STAGE)!.text
    await page.locator(`[data-id="${d}"]`).getByText(stageName).waitFor()

    // The archived ones show as archived in the table.
    await page.locator(`[data-id="${a}"]`).getByText("Archived").waitFor()

    // The export holds every action (archive ×3, unarchive, stage ×2), each requested and answered.
    await page.getByRole("tab", { name: "Audit log" }).click()
    await page.getByRole("button", { name: "Export JSON" }).click()
    await page.waitForFunction(() => (window as unknown as { __exports: unknown[] }).__exports.length >= 1)
    const exported = JSON.parse(await page.evaluate(() => (window as unknown as { __exports: Promise<string>[] }).__exports[0]))
    const succeeded = exported.actions.filter((row: { phase: string }) => row.phase === "succeeded")
    const count = (action: string) => succeeded.filter((row: { action: string }) => row.action === action).length
    expect(count("archive")).toBe(3)
    expect(count("unarchive")).toBe(1)
    expect(count("stage")).toBe(2)
    for (const row of succeeded.filter((r: { action: string }) => r.action === "archive")) expect(row.details.reasonId).toBe(chosen.id)
    expect(exported.scores).toHaveLength(seeded.ids.length)
    await page.getByRole("button", { name: "Export CSV" }).click()
    await page.waitForFunction(() => (window as unknown as { __exports: unknown[] }).__exports.length >= 3)
    const csv: string = await page.evaluate(() => (window as unknown as { __exports: Promise<string>[] }).__exports[1])
    expect(csv.trim().split("\r\n").length - 1).toBe(exported.actions.length)
    expect(env.consoleErrors.filter((line) => line.includes("dashboard"))).toEqual([])
    await page.close()
  })

  it("draws the resume PDF with pdf.js beside the report and highlights the evidence in its text", async () => {
    const id = seeded.ids[seeded.ids.length - 1]
    const bytes = [...readFileSync(RESUME_PDF)]
    const setup = await env.openPage("tabs/dashboard.html")
    await setup.waitForSelector("h1")
    await setup.evaluate(async ({ id, bytes }) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const request = indexedDB.open("lever-screening")
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      const tx = db.transaction(["resumeFiles", "resumeTexts", "scores"], "readwrite")
      tx.objectStore("resumeFiles").put({ key: `${id}:cv`, opportunityId: id, resumeId: "cv", fileName: "cv.pdf", ext: "pdf", contentHash: "e2e-hash", bytes: new Uint8Array(bytes).buffer, fetchedAt: Date.now() })
      tx.objectStore("resumeTexts").put({ contentHash: "e2e-hash", parsedAt: Date.now(), document: { status: "ok", source: "pdf", text: "John Smith\nSupport lead for 4 years at Acme.\nZendesk administrator.", hidden: [] } })
      const scores = tx.objectStore("scores")
      const row = await new Promise<any>((resolve) => {
        const request = scores.get(["e2e-dashboard", id])
        request.onsuccess = () => resolve(request.result)
      })
      row.result.verdicts[0].evidence = ["Support lead for 4 years at Acme."]
      scores.put(row)
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    }, { id, bytes })
    await setup.close()

    const page = await env.openPage(`tabs/dashboard.html?analysis=${ANALYSIS}&candidate=${id}`)
    const report = page.getByRole("region", { name: `Report for ${seeded.names[id]}` })
    await report.waitFor()
    const canvas = report.locator("canvas").first()
    await canvas.waitFor({ timeout: 20_000 })
    // Something was drawn: the page is not blank.
    await expect
      .poll(
        () =>
          canvas.evaluate((element: HTMLCanvasElement) => {
            const context = element.getContext("2d")!
            const data = context.getImageData(0, 0, element.width, element.height).data
            let ink = 0
            for (let i = 0; i < data.length; i += 16) if (data[i] < 200 && data[i + 3] > 0) ink++
            return ink
          }),
        { timeout: 20_000 }
      )
      .toBeGreaterThan(100)
    await report.getByRole("button", { name: /Show evidence in resume: Support lead/ }).click()
    await expect.poll(() => report.locator("mark.current").textContent()).toBe("Support lead for 4 years at Acme.")
    expect(env.consoleErrors.filter((line) => line.includes("dashboard"))).toEqual([])
    await page.close()
  })
})

describe("dashboard with 2,000 applicants", () => {
  let env: ExtensionEnv
  beforeAll(async () => {
    env = await startExtensionEnv({ sim: { applicantsPerPosting: 2 } })
  })
  afterAll(async () => {
    await env?.close()
  })

  it("renders the first rows quickly, keeps the DOM small and scrolls to the last candidate", async () => {
    const N = 2000
    const now = Date.now()
    const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`
    const setup = await env.openPage("tabs/dashboard.html")
    await setup.waitForSelector("h1")
    await seed(setup, {
      analyses: [{ id: "big", postingId: "big-posting", postingTitle: "Big posting", status: "running", rubricVersion: 1, engine: "local", includeArchived: false, pollIntervalMinutes: 15, totals: { inputTokens: 0, outputTokens: 0, costUsd: 0 }, createdAt: now, updatedAt: now }],
      rubrics: [{ analysisId: "big", version: 1, createdAt: now, rubric: { weights: { skills: 100, experience: 0, qualifications: 0, other: 0 }, requirements: [{ id: "r1", text: "SQL", category: "skills", mandatory: true, facets: {} }] } }],
      applicants: Array.from({ length: N }, (_, i) => ({ id: id(i + 1), postingId: "big-posting", name: `Candidate ${String(i).padStart(4, "0")}`, stageId: "s", stageText: "New applicant", archived: null, tags: [], createdAt: now, updatedAt: now, syncedAt: now })),
      scores: Array.from({ length: N }, (_, i) => ({ analysisId: "big", opportunityId: id(i + 1), rubricVersion: 1, stale: false, scoredAt: now, result: { status: "scored", score: (i * 7) % 101, meetsAllMandatory: i % 2 === 0, engine: "local", flags: [], verdicts: [{ requirementId: "r1", verdict: i % 2 === 0 ? "met" : "not_met", evidence: [], reason: "" }] } })),
      jobs: Array.from({ length: N }, (_, i) => ({ id: `big:${id(i + 1)}`, analysisId: "big", opportunityId: id(i + 1), state: "done", attempts: 1, nextAttemptAt: now, updatedAt: now }))
    })
    await setup.close()

    const started = Date.now()
    const page = await env.openPage("tabs/dashboard.html?analysis=big")
    await page.waitForSelector('[data-testid="candidate-row"]')
    const firstRowsMs = Date.now() - started
    const rendered = await page.locator('[data-testid="candidate-row"]').count()
    expect(rendered).toBeLessThan(80)
    const viewport = page.getByRole("list", { name: "Candidates" })
    const scrollStarted = Date.now()
    await viewport.evaluate((element) => {
      element.scrollTop = element.scrollHeight
    })
    // The lowest-ranked candidate of the second group is the last row.
    await page.getByRole("button", { name: "Candidate 1999", exact: false }).or(page.locator('[data-testid="candidate-row"]').last()).first().waitFor()
    const scrollMs = Date.now() - scrollStarted
    expect(await page.locator('[data-testid="candidate-row"]').count()).toBeLessThan(80)
    console.log(`2,000 applicants: first rows after ${firstRowsMs} ms (page load included), scrolled to the end in ${scrollMs} ms, ${rendered} rows in the DOM`)
    expect(firstRowsMs).toBeLessThan(15_000)
    await page.close()
  })
})

describe("dashboard with a read-only key", () => {
  let env: ExtensionEnv
  let seeded: Seeded

  beforeAll(async () => {
    env = await startExtensionEnv({ sim: { applicantsPerPosting: 6 } })
    await env.connect(env.sim.keys.readOnly)
    seeded = await seedAnalysis(env)
  })
  afterAll(async () => {
    await env?.close()
  })

  it("says this key cannot archive, and changes nothing in Lever", async () => {
    const before = env.sim.state()
    const page = await openDashboard(env)
    const [a] = seeded.ids
    await selectByName(page, seeded.names[a])
    await page.getByRole("button", { name: "Reject…" }).click()
    const dialog = page.getByRole("dialog", { name: "Reject 1 candidate" })
    await dialog.getByRole("button", { name: "Archive 1 in Lever" }).click()
    await page.getByText(/This Lever key cannot archive candidates/).first().waitFor()
    const after = env.sim.state()
    expect(after.opportunities[a].archived).toEqual(before.opportunities[a].archived)
    expect(after.opportunities[a].stage).toBe(before.opportunities[a].stage)
    await page.close()
  })
})
