/**
 * The overlay in real Chromium on the simulator's web-app mock (https://hire.lever.co mapped to it):
 * badges on every row that survive the mock's re-renders (rows recycled) and pushState navigation, the
 * profile card following next/previous in the flyover, Reject from the card archiving in the simulator
 * with the chosen reason, Shortlist moving the stage, and a `<script>` name rendered as text.
 * Scores are seeded into the extension's IndexedDB from an extension page (same origin as the worker).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import type { Page } from "playwright-core"

import { startExtensionEnv, type ExtensionEnv } from "./harness"
import { writeRows as seed } from "./flows"

let env: ExtensionEnv
let postingId: string
let ids: string[]
let scriptId: string
const ANALYSIS = "e2e-analysis"

const BADGE = "lever-screening-badge"

function scoreFor(index: number) {
  return 20 + ((index * 37) % 75)
}

beforeAll(async () => {
  env = await startExtensionEnv({ connect: true, sim: { applicantsPerPosting: 24, webappRerenderMs: 1500 } })
  const state = env.sim.state()
  scriptId = env.sim.edgeCases.nameScript
  postingId = state.opportunities[scriptId].postingId
  ids = Object.entries(state.opportunities)
    .filter(([, o]) => o.postingId === postingId && !o.archived)
    .map(([id]) => id)
  const now = Date.now()
  const requirements = [
    { id: "r1", text: "3+ years of customer support", category: "experience", mandatory: true, facets: {} },
    { id: "r2", text: "Zendesk <b>or</b> Intercom", category: "skills", mandatory: false, facets: {} }
  ]
  const page = await env.openPage("options.html")
  await seed(page, {
    analyses: [
      {
        id: ANALYSIS,
        postingId,
        postingTitle: "E2E posting",
        status: "running",
        rubricVersion: 1,
        engine: "local",
        includeArchived: false,
        pollIntervalMinutes: 15,
        totals: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
        createdAt: now,
        updatedAt: now
      }
    ],
    rubrics: [{ analysisId: ANALYSIS, version: 1, rubric: { requirements, weights: { skills: 50, experience: 50, qualifications: 0, other: 0 } }, createdAt: now }],
    applicants: ids.map((id) => ({
      id,
      postingId,
      name: state.opportunities[id].name,
      stageId: state.opportunities[id].stage,
      archived: null,
      tags: state.opportunities[id].tags,
      createdAt: now,
      updatedAt: now,
      syncedAt: now
    })),
    // Every candidate but the last is scored: the last one shows "not analysed".
    scores: ids.slice(0, -1).map((id, index) => ({
      analysisId: ANALYSIS,
      opportunityId: id,
      rubricVersion: 1,
      stale: false,
      scoredAt: now,
      result: {
        status: "scored",
        score: scoreFor(index),
        meetsAllMandatory: index % 2 === 0,
        engine: "local",
        flags: [],
        verdicts: [
          { requirementId: "r1", verdict: index % 2 === 0 ? "met" : "not_met", evidence: index % 2 === 0 ? ["Four years on the support desk"] : [], reason: "Years counted from roles" },
          { requirementId: "r2", verdict: "partial", evidence: ["Freshdesk"], reason: "A similar tool" }
        ]
      }
    })),
    settings: [{ key: "actions", value: { shortlistStageId: "2ca03d97-d4f2-4a97-89de-96c8b0d07924", postNotes: false } }]
  })
  await page.close()
})

afterAll(async () => {
  await env?.close()
})

/** Every candidate row of the mock has exactly one badge, keyed by the row's current candidate. */
async function badgesMatchRows(page: Page): Promise<{ rows: number; badges: number; mismatched: number; states: string[] }> {
  return page.evaluate((tag) => {
    const rows = Array.from(document.querySelectorAll("tr.candidate-row"))
    let mismatched = 0
    const states: string[] = []
    let badges = 0
    for (const row of rows) {
      const link = row.querySelector("a.candidate-link")
      const id = link?.getAttribute("href")?.split("/").pop()
      const found = row.querySelectorAll(tag)
      badges += found.length
      if (found.length !== 1 || found[0].getAttribute("data-lever-screening") !== id) mismatched++
      states.push(found[0]?.getAttribute("data-state") ?? "none")
    }
    return { rows: rows.length, badges, mismatched, states }
  }, BADGE)
}

async function waitForBadges(page: Page, timeout = 10_000) {
  await page.waitForFunction(
    (tag) => {
      const rows = Array.from(document.querySelectorAll("tr.candidate-row"))
      return rows.length > 0 && rows.every((row) => {
        const badge = row.querySelector(tag)
        const id = row.querySelector("a.candidate-link")?.getAttribute("href")?.split("/").pop()
        return badge && badge.getAttribute("data-lever-screening") === id && badge.getAttribute("data-state") !== "loading"
      })
    },
    BADGE,
    { timeout }
  )
}

const cardText = (page: Page) => page.evaluate(() => document.querySelector("lever-screening-card")?.shadowRoot?.textContent ?? "")

describe("overlay on the Lever web app", () => {
  it("shows a badge on every row, with distinct states, that survives re-renders and pushState navigation", async () => {
    const page = await env.context.newPage()
    await page.goto(`https://hire.lever.co/candidates?posting=${postingId}`)
    await waitForBadges(page)
    let check = await badgesMatchRows(page)
    expect(check.rows).toBe(ids.length)
    expect(check.mismatched).toBe(0)
    expect(check.states).toContain("scored")
    expect(check.states).toContain("not_analysed")

    // The mock re-renders every 1.5 s, recycling rows by position: badges must come back, re-keyed.
    const renders = await page.evaluate(() => document.querySelector("tbody")!.innerHTML.length)
    await page.waitForTimeout(3500)
    await waitForBadges(page)
    check = await badgesMatchRows(page)
    expect(check.mismatched).toBe(0)
    expect(renders).toBeGreaterThan(0)

    // The score is shown, and the tooltip holds the top verdicts as text.
    const first = await page.evaluate((tag) => {
      const badge = document.querySelector(`tr.candidate-row ${tag}[data-state="scored"]`)!
      return { text: badge.shadowRoot!.textContent, html: badge.shadowRoot!.innerHTML }
    }, BADGE)
    expect(first.text).toMatch(/\d+/)
    expect(first.text).toContain("Zendesk <b>or</b> Intercom")
    expect(first.html).not.toContain("<b>or</b>")

    // pushState navigation to a profile and back: the list keeps its badges.
    await page.click(`tr.candidate-row a.candidate-link[href="/candidates/${ids[0]}"]`)
    await page.waitForURL(`**/candidates/${ids[0]}`)
    await page.goBack()
    await page.waitForURL(/\/candidates\?posting=/)
    await waitForBadges(page)
    expect((await badgesMatchRows(page)).mismatched).toBe(0)
    await page.close()
  })

  it("shows the profile card in the flyover and follows next/previous", async () => {
    const page = await env.context.newPage()
    await page.goto(`https://hire.lever.co/candidates?posting=${postingId}`)
    await waitForBadges(page)
    const order = await page.evaluate(() => Array.from(document.querySelectorAll("tr.candidate-row a.candidate-link"), (a) => a.getAttribute("href")!.split("/").pop()!))
    await page.click(`a.candidate-link[href="/candidates/${order[0]}"]`)
    await page.waitForFunction((id) => document.querySelector("lever-screening-card")?.shadowRoot?.querySelector(`[data-opportunity="${id}"]`), order[0])
    const firstName = env.sim.state().opportunities[order[0]].name
    await page.waitForFunction((name) => (document.querySelector("lever-screening-card")?.shadowRoot?.textContent ?? "").includes(name), firstName)
    expect(await cardText(page)).toContain("3+ years of customer support")

    await page.click('[data-qa="profile-next"]')
    await page.waitForURL(`**/candidates/${order[1]}`)
    const secondName = env.sim.state().opportunities[order[1]].name
    await page.waitForFunction((name) => (document.querySelector("lever-screening-card")?.shadowRoot?.textContent ?? "").includes(name), secondName)
    expect(await cardText(page)).not.toContain(firstName)

    await page.click('[data-qa="profile-previous"]')
    await page.waitForURL(`**/candidates/${order[0]}`)
    await page.waitForFunction((name) => (document.querySelector("lever-screening-card")?.shadowRoot?.textContent ?? "").includes(name), firstName)
    await page.close()
  })

  it("renders a <script> name as text", async () => {
    const page = await env.context.newPage()
    await page.goto(`https://hire.lever.co/candidates/${scriptId}`)
    await page.waitForFunction(() => (document.querySelector("lever-screening-card")?.shadowRoot?.textContent ?? "").includes("<script>alert(1)</script>"))
    const scripts = await page.evaluate(() => document.querySelector("lever-screening-card")!.shadowRoot!.querySelectorAll("script").length)
    expect(scripts).toBe(0)
    await page.close()
  })

  it("rejects from the card with the chosen reason, archiving in the simulator", async () => {
    const target = ids[2]
    const page = await env.context.newPage()
    const dialogs: string[] = []
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto(`https://hire.lever.co/candidates/${target}`)
    const select = page.locator('lever-screening-card select[data-action="reason"]')
    await page.waitForFunction(() => (document.querySelector("lever-screening-card")?.shadowRoot?.querySelectorAll("select option").length ?? 0) > 1)
    const options = await select.locator("option").evaluateAll((list) => list.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent })))
    const reason = options.filter((o) => o.value)[1] ?? options.filter((o) => o.value)[0]
    await select.selectOption(reason.value)
    await page.locator('lever-screening-card button[data-action="reject"]').click()
    await page.waitForFunction(() => (document.querySelector("lever-screening-card")?.shadowRoot?.querySelector(".result")?.textContent ?? "").includes("Archived in Lever"))
    const state = env.sim.state().opportunities[target]
    expect(state.archived?.reason).toBe(reason.value)
    expect(dialogs).toEqual([])
    await page.close()
  })

  it("shortlists from a row's badge menu, moving the stage in the simulator", async () => {
    const page = await env.context.newPage()
    await page.goto(`https://hire.lever.co/candidates?posting=${postingId}`)
    await waitForBadges(page)
    const target = ids.find((id) => env.sim.state().opportunities[id].stage !== "2ca03d97-d4f2-4a97-89de-96c8b0d07924" && !env.sim.state().opportunities[id].archived)!
    // Open the menu and click Shortlist in one go, so a re-render between clicks cannot detach the menu.
    await page.evaluate(
      ([tag, id]) => {
        const badge = document.querySelector(`${tag}[data-lever-screening="${id}"]`)!
        ;(badge.shadowRoot!.querySelector(".badge") as HTMLButtonElement).click()
      },
      [BADGE, target] as const
    )
    await page.waitForFunction(
      ([tag, id]) => {
        const button = document.querySelector(`${tag}[data-lever-screening="${id}"]`)?.shadowRoot?.querySelector('button[data-action="shortlist"]') as HTMLButtonElement | null
        return !!button && !button.disabled
      },
      [BADGE, target] as const
    )
    await page.evaluate(
      ([tag, id]) => {
        const button = document.querySelector(`${tag}[data-lever-screening="${id}"]`)!.shadowRoot!.querySelector('button[data-action="shortlist"]') as HTMLButtonElement
        button.click()
      },
      [BADGE, target] as const
    )
    await expect.poll(() => env.sim.state().opportunities[target].stage, { timeout: 10_000 }).toBe("2ca03d97-d4f2-4a97-89de-96c8b0d07924")
    await page.close()
  })

  it("with a read-only key, Reject explains that the key cannot archive and nothing changes", async () => {
    await env.connect(env.sim.keys.readOnly)
    const target = ids.find((id) => !env.sim.state().opportunities[id].archived)!
    const page = await env.context.newPage()
    await page.goto(`https://hire.lever.co/candidates/${target}`)
    await page.waitForFunction(() => (document.querySelector("lever-screening-card")?.shadowRoot?.querySelectorAll("select option").length ?? 0) > 1)
    const select = page.locator('lever-screening-card select[data-action="reason"]')
    const reason = (await select.locator("option").evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value))).find(Boolean)!
    await select.selectOption(reason)
    await page.locator('lever-screening-card button[data-action="reject"]').click()
    await page.waitForFunction(() => (document.querySelector("lever-screening-card")?.shadowRoot?.querySelector(".result.error")?.textContent ?? "").length > 0)
    expect(await page.evaluate(() => document.querySelector("lever-screening-card")!.shadowRoot!.querySelector(".result")!.textContent)).toBe(
      "This Lever key cannot archive candidates"
    )
    expect(env.sim.state().opportunities[target].archived).toBeNull()
    await page.close()
  })
})
