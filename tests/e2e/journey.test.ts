/**
 * The whole journey in real Chromium against the Lever simulator, in order, as a recruiter lives it:
 * connect through the options page; set up an analysis in the popup (extract, edit, mandatory, weight,
 * confirm); every applicant scored (unreadable resumes → needs review, hidden text flagged); the
 * dashboard's ranking, mandatory split and a report beside its rendered resume; reject three with a
 * chosen archive reason and undo one; badges on every row of the Lever list; shortlist one from a badge;
 * and a new applicant added in Lever scored without any click.
 */
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { chooseShortlistStage, connectThroughOptions, readStores, setUpAnalysisInPopup, waitForAnalysisToSettle } from "./flows"
import { startExtensionEnv, type ExtensionEnv } from "./harness"

let env: ExtensionEnv
let postingId: string
let postingTitle: string
let analysisId: string
const SHORTLIST_STAGE_TEXT = "Recruiter screen"

interface ScoreLite {
  analysisId: string
  opportunityId: string
  result: { status: string; score: number | null; meetsAllMandatory: boolean; flags: { kind: string }[] }
}

beforeAll(async () => {
  env = await startExtensionEnv({ sim: { applicantsPerPosting: 14 } })
  // Analyse the posting that carries the hidden-text resume, so that edge case is on the path.
  postingId = env.sim.state().opportunities[env.sim.edgeCases.hiddenText].postingId
  postingTitle = env.sim.postings.find((p) => p.id === postingId)!.text
})
afterAll(async () => {
  await env?.close()
})

const activeIds = () =>
  Object.entries(env.sim.state().opportunities)
    .filter(([, o]) => o.postingId === postingId && !o.archived)
    .map(([id]) => id)

describe("the recruiter's journey", () => {
  it("connects through the options page and chooses the shortlist stage", async () => {
    const options = await env.openPage("options.html")
    await connectThroughOptions(options, env.sim.keys.full)
    await expect.poll(() => options.getByText(/archive/i).count()).toBeGreaterThan(0)
    await chooseShortlistStage(options, SHORTLIST_STAGE_TEXT)
    await options.close()
  })

  it("sets up an analysis in the popup", async () => {
    const popup = await env.openPage("popup.html")
    await popup.setViewportSize({ width: 400, height: 600 })
    analysisId = await setUpAnalysisInPopup(popup, postingTitle, {
      editFirst: "Three or more years of professional experience in a similar role",
      toggleSecondMandatory: true,
      weight: ["Skills", 70]
    })
    const { rubrics } = await readStores<{ rubrics: { analysisId: string; version: number; rubric: { weights: Record<string, number> } }[] }>(popup, ["rubrics"])
    expect(rubrics.find((r) => r.analysisId === analysisId && r.version === 1)?.rubric.weights.skills).toBe(70)
    await popup.close()
  })

  it("scores every applicant, sending unreadable resumes to review and flagging hidden text", async () => {
    const page = await env.openPage("tabs/dashboard.html")
    const jobs = await waitForAnalysisToSettle(page, analysisId)
    const expected = activeIds()
    expect(new Set(jobs.map((j) => j.opportunityId))).toEqual(new Set(expected))
    expect(jobs.filter((j) => j.state === "failed")).toEqual([])
    const { scores } = await readStores<{ scores: ScoreLite[] }>(page, ["scores"])
    const mine = new Map(scores.filter((s) => s.analysisId === analysisId).map((s) => [s.opportunityId, s.result]))
    expect(mine.size).toBe(expected.length)
    const edge = env.sim.edgeCases
    expect(mine.get(edge.hiddenText)!.flags.map((f) => f.kind)).toContain("hidden_text")
    for (const key of ["scannedPdf", "corruptPdf", "encryptedPdf", "noResume"] as const) {
      if (mine.has(edge[key])) expect(mine.get(edge[key])!.status, key).toBe("needs_review")
    }
    const scored = [...mine.values()].filter((r) => r.status === "scored")
    expect(scored.length).toBeGreaterThan(expected.length / 2)
    // Scores spread: the seeded applicants range from strong to weak fits.
    const values = scored.map((r) => r.score!)
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(20)
    await page.close()
  })

  it("shows the ranking, the mandatory split and a report beside the rendered resume", async () => {
    const page = await env.openPage(`tabs/dashboard.html?analysis=${analysisId}`)
    await page.waitForSelector('[data-testid="candidate-row"]')
    await expect.poll(() => page.getByText(/meets all mandatory requirements/i).count()).toBeGreaterThan(0)
    await expect.poll(() => page.getByText(/does not/i).count()).toBeGreaterThan(0)
    // Within the table (ranked by score by default), scores descend inside each group.
    const rows = await page.evaluate(() => {
      let group = ""
      return [...document.querySelectorAll('.group-row, [data-testid="candidate-row"]')].flatMap((row) => {
        if (row.classList.contains("group-row")) {
          group = row.querySelector('[role="heading"]')?.textContent ?? ""
          return []
        }
        const score = Number.parseFloat(row.querySelector('[data-testid="score"]')?.textContent ?? "")
        return [{ group, score }]
      })
    })
    const headings = await page.locator('.group-row [role="heading"]').allTextContents()
    expect(headings.map((h) => h.toLowerCase())).toEqual(["meets all mandatory requirements", "does not meet all mandatory requirements"])
    expect(rows.length).toBeGreaterThan(0)
    for (const group of new Set(rows.map((r) => r.group))) {
      const inGroup = rows.filter((r) => r.group === group && !Number.isNaN(r.score)).map((r) => r.score)
      expect(inGroup).toEqual([...inGroup].sort((a, b) => b - a))
    }
    await page.locator('[data-testid="candidate-row"]').first().click()
    await page.keyboard.press("Enter")
    await page.locator("canvas").first().waitFor({ timeout: 30_000 })
    expect(await page.getByText(/met|partial|not met/i).count()).toBeGreaterThan(0)
    await page.close()
  })

  it("rejects three with a chosen reason, then undoes one", async () => {
    const page = await env.openPage(`tabs/dashboard.html?analysis=${analysisId}`)
    await page.waitForSelector('[data-testid="candidate-row"]')
    const reasons = env.sim.world.archiveReasons.filter((r) => (r.status ?? "active") === "active" && (r.type ?? "non-hired") === "non-hired")
    const chosen = reasons[1] ?? reasons[0]
    const targets = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="candidate-row"]')].map((r) => r.getAttribute("data-id")!).slice(-3)
    )
    const names = env.sim.state().opportunities
    for (const id of targets) await page.getByRole("checkbox", { name: `Select ${names[id].name}`, exact: true }).check()
    await page.getByRole("button", { name: "Reject…" }).click()
    const dialog = page.getByRole("dialog", { name: "Reject 3 candidates" })
    await dialog.getByRole("radio", { name: chosen.text, exact: true }).check()
    await dialog.getByRole("button", { name: "Archive 3 in Lever" }).click()
    await page.getByText(`Rejected (${chosen.text}): 3 candidates.`).waitFor()
    for (const id of targets) expect(env.sim.state().opportunities[id].archived?.reason).toBe(chosen.id)
    await page.getByRole("status").filter({ hasText: "Rejected" }).getByRole("button", { name: "Undo" }).click()
    await page.getByText(/Undone for 3 candidates/).waitFor()
    for (const id of targets) expect(env.sim.state().opportunities[id].archived).toBeNull()
    // Archive one again, so the journey leaves exactly one rejected candidate behind.
    await page.getByRole("checkbox", { name: `Select ${names[targets[0]].name}`, exact: true }).check()
    await page.getByRole("button", { name: "Reject…" }).click()
    const again = page.getByRole("dialog", { name: "Reject 1 candidate" })
    await again.getByRole("radio", { name: chosen.text, exact: true }).check()
    await again.getByRole("button", { name: "Archive 1 in Lever" }).click()
    await page.getByText(`Rejected (${chosen.text}): 1 candidate.`).waitFor()
    expect(env.sim.state().opportunities[targets[0]].archived?.reason).toBe(chosen.id)
    await page.close()
  })

  it("shows a badge on every row of the Lever list and shortlists from one", async () => {
    const page: Page = await env.context.newPage()
    await page.goto(`https://hire.lever.co/candidates?posting=${postingId}`)
    const rows = await page.locator("tr a[href*='/candidates/']").evaluateAll((links) => [...new Set(links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split("/")[2]))])
    expect(rows.length).toBeGreaterThan(0)
    await page.waitForFunction(
      (ids) => ids.every((id) => {
        const host = document.querySelector(`[data-lever-screening="${id}"]`)
        return host && (host.getAttribute("data-state") ?? "loading") !== "loading"
      }),
      rows,
      { timeout: 30_000 }
    )
    const target = activeIds().find((id) => rows.includes(id) && env.sim.state().opportunities[id].stage === "applicant-new")!
    await page.evaluate((id) => {
      ;(document.querySelector(`[data-lever-screening="${id}"]`)!.shadowRoot!.querySelector(".badge") as HTMLButtonElement).click()
    }, target)
    await page.waitForFunction((id) => {
      const button = document.querySelector(`[data-lever-screening="${id}"]`)?.shadowRoot?.querySelector('button[data-action="shortlist"]') as HTMLButtonElement | null
      return !!button && !button.disabled
    }, target)
    await page.evaluate((id) => {
      ;(document.querySelector(`[data-lever-screening="${id}"]`)!.shadowRoot!.querySelector('button[data-action="shortlist"]') as HTMLButtonElement).click()
    }, target)
    const stage = env.sim.world.stages.find((s) => s.text === SHORTLIST_STAGE_TEXT)!
    await expect.poll(() => env.sim.state().opportunities[target].stage, { timeout: 15_000 }).toBe(stage.id)
    await page.close()
  })

  it("scores a new applicant without any click", async () => {
    // As if a candidate applied in Lever just now.
    const ids = env.sim.world.addApplicants(postingId, 1)
    const page = await env.openPage("tabs/dashboard.html")
    // Poll sooner than the 2-minute default, as a recruiter can in settings; no click starts the work.
    await page.evaluate(async (id) => {
      const db: IDBDatabase = await new Promise((resolve) => {
        const request = indexedDB.open("lever-screening")
        request.onsuccess = () => resolve(request.result)
      })
      const store = db.transaction("analyses", "readwrite").objectStore("analyses")
      const row = await new Promise<any>((resolve) => { const r = store.get(id); r.onsuccess = () => resolve(r.result) })
      row.pollIntervalMinutes = 0.5
      store.put(row)
    }, analysisId)
    await expect
      .poll(async () => {
        const { scores } = await readStores<{ scores: ScoreLite[] }>(page, ["scores"])
        return scores.some((s) => s.analysisId === analysisId && s.opportunityId === ids[0])
      }, { timeout: 150_000, interval: 2000 })
      .toBe(true)
    await page.close()
  })
})
