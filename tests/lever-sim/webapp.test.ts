/**
 * The web-app mock in real Chromium, with hire.lever.co mapped to the simulator as the e2e harness
 * does: rows and links, escaping, pushState navigation with the flyover, re-renders that drop foreign
 * nodes, live inserts, and a CSP that lets only the app's own script run.
 */
import { existsSync } from "node:fs"

import { chromium, type Browser, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { simRequest } from "./http-client"
import { startSimulator, type Simulator } from "./server"

const CHROMIUM = "/usr/bin/chromium"
let sim: Simulator
let browser: Browser

beforeAll(async () => {
  sim = await startSimulator({ seed: 77, applicantsPerPosting: 12, webappRerenderMs: 300, rate: 1000, burst: 1000 })
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", `--host-resolver-rules=MAP hire.lever.co 127.0.0.1:${sim.port}, MAP api.lever.co 127.0.0.1:${sim.port}`]
  })
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await sim?.close()
})

async function openPage(path: string): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true })
  const page = await context.newPage()
  const errors: string[] = []
  const dialogs: string[] = []
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()) })
  page.on("pageerror", (e) => errors.push(e.message))
  page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss() })
  await page.goto(`https://hire.lever.co${path}`)
  return { page, errors, dialogs }
}

const postingOf = (key: keyof Simulator["edgeCases"]) => sim.world.opportunities.get(sim.edgeCases[key])!.postingId

describe.skipIf(!existsSync(CHROMIUM))("web-app mock", () => {
  it("lists candidates as rows with checkbox, escaped name link, stage and tags; CSP allows only its own script", async () => {
    const postingId = postingOf("nameScript")
    const { page, errors, dialogs } = await openPage(`/candidates?posting=${postingId}`)
    const active = Object.values(sim.state().opportunities).filter((o) => o.postingId === postingId && !o.archived)
    await expect.poll(() => page.locator("tbody tr").count()).toBe(active.length)
    const row = page.locator("tr", { has: page.locator(`a[href="/candidates/${sim.edgeCases.nameScript}"]`) })
    await expect.poll(() => row.locator("a").textContent()).toBe("<script>alert(1)</script>")
    expect(await row.locator("input[type=checkbox]").count()).toBe(1)
    expect(await page.locator(".bulk-bar").count()).toBe(1)
    const csp = String((await simRequest(sim, { path: `/candidates?posting=${postingId}`, host: "hire.lever.co" })).headers["content-security-policy"])
    expect(csp).toContain("script-src 'self'")
    // An inline script is refused by the CSP, the app's own script ran (rows were re-rendered by it).
    const inlineRan = await page.evaluate(() => {
      const s = document.createElement("script")
      s.textContent = "window.__inline = true"
      document.body.appendChild(s)
      return (window as unknown as { __inline?: boolean }).__inline === true
    })
    expect(inlineRan).toBe(false)
    expect(dialogs).toEqual([])
    expect(errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([])
    await page.context().close()
  }, 60_000)

  it("opens the profile flyover by pushState, steps next/previous, and sets the title", async () => {
    const postingId = postingOf("nameQuotes")
    const { page } = await openPage(`/candidates?posting=${postingId}`)
    await page.evaluate(() => { (window as unknown as { __marker: number }).__marker = 42 })
    await page.locator(`a[href="/candidates/${sim.edgeCases.nameQuotes}"]`).click()
    await expect.poll(() => page.url()).toBe(`https://hire.lever.co/candidates/${sim.edgeCases.nameQuotes}`)
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42) // no reload
    await expect.poll(() => page.title()).toBe(`Siobhán "Shiv" O'Connor-D'Arcy – Lever Hire`)
    expect(await page.locator("aside.flyover").isVisible()).toBe(true)
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(1) // the list stays under the flyover
    const ids = await page.locator("tbody a.candidate-link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!.split("/").pop()!))
    const index = ids.indexOf(sim.edgeCases.nameQuotes)
    await page.locator("[data-qa=profile-next]").click()
    await expect.poll(() => page.url()).toBe(`https://hire.lever.co/candidates/${ids[index + 1]}`)
    await page.locator("[data-qa=profile-previous]").click()
    await expect.poll(() => page.url()).toBe(`https://hire.lever.co/candidates/${sim.edgeCases.nameQuotes}`)
    await page.goBack()
    await expect.poll(() => page.url()).toBe(`https://hire.lever.co/candidates/${ids[index + 1]}`)
    await page.locator("[data-qa=profile-close]").click()
    await expect.poll(() => page.locator("aside.flyover").isVisible()).toBe(false)
    await expect.poll(() => page.title()).toBe("Candidates – Lever Hire")
    await page.context().close()
  }, 60_000)

  it("direct profile load shows the flyover over its posting's list, names escaped", async () => {
    const { page, dialogs } = await openPage(`/candidates/${sim.edgeCases.nameScript}`)
    expect(await page.title()).toBe("<script>alert(1)</script> – Lever Hire")
    expect(await page.locator("[data-qa=profile-name]").textContent()).toBe("<script>alert(1)</script>")
    expect(dialogs).toEqual([])
    expect((await simRequest(sim, { path: "/candidates/00000000-0000-4000-8000-000000000000", host: "hire.lever.co" })).status).toBe(404)
    await page.context().close()
  }, 60_000)

  it("re-renders rows (dropping nodes it did not create), inserts new applicants live, drops archived ones", async () => {
    const postingId = postingOf("nameHebrew")
    const { page } = await openPage(`/candidates?posting=${postingId}`)
    await page.locator("tbody tr").first().waitFor()
    const inserted = await page.evaluate(() => {
      const marker = document.createElement("span")
      marker.className = "foreign-badge"
      document.querySelector("tbody tr td.name")!.appendChild(marker)
      const extraRow = document.createElement("tr")
      extraRow.className = "foreign-row"
      document.querySelector("tbody")!.appendChild(extraRow)
      return document.querySelectorAll(".foreign-badge, .foreign-row").length
    })
    expect(inserted).toBe(2)
    await expect.poll(() => page.locator(".foreign-badge, .foreign-row").count(), { timeout: 5000 }).toBe(0)

    const added = await simRequest(sim, { method: "POST", path: "/__sim/applicants", body: JSON.stringify({ postingId, count: 2 }) })
    const [newest] = added.json().ids.slice(-1)
    await expect.poll(() => page.locator(`a[href="/candidates/${newest}"]`).count(), { timeout: 5000 }).toBe(1)
    expect(await page.locator("tbody tr").first().locator("a").getAttribute("href")).toBe(`/candidates/${newest}`)

    await simRequest(sim, {
      method: "PUT", path: `/v1/opportunities/${sim.edgeCases.nameHebrew}/archived`, key: sim.keys.full,
      headers: { "content-type": "application/json" }, body: JSON.stringify({ reason: "22a7cc8d-4379-4cb6-8001-62567fa247b4" })
    })
    await expect.poll(() => page.locator(`a[href="/candidates/${sim.edgeCases.nameHebrew}"]`).count(), { timeout: 5000 }).toBe(0)
    await page.context().close()
  }, 60_000)
})

describe.skipIf(!existsSync(CHROMIUM))("web-app mock bulk bar", () => {
  it("archives and moves selected candidates like a recruiter in Lever's UI", async () => {
    const postingId = postingOf("nameAccents")
    const { page } = await openPage(`/candidates?posting=${postingId}`)
    await page.locator("tbody tr").first().waitFor()
    const ids = await page.locator("tbody a.candidate-link").evaluateAll((links) => links.slice(0, 3).map((a) => a.getAttribute("href")!.split("/").pop()!))
    // Re-renders rebuild rows, so select through the row currently showing each id.
    for (const id of ids.slice(0, 2)) await page.locator("tr", { has: page.locator(`a[href="/candidates/${id}"]`) }).locator("input.row-check").check()
    await expect.poll(() => page.locator(".selected-count").textContent()).toBe("2 selected")
    await page.locator(".bulk-reason").selectOption("8d35c3df-1732-443e-a072-aaae1e496880")
    await page.locator("button[data-action=archive]").click()
    await expect.poll(() => page.locator(".bulk-note").textContent()).toBe("Archived 2 candidates")
    for (const id of ids.slice(0, 2)) expect(sim.state().opportunities[id]!.archivedReason).toBe("8d35c3df-1732-443e-a072-aaae1e496880")
    await expect.poll(() => page.locator(`a[href="/candidates/${ids[0]}"]`).count()).toBe(0)

    await page.locator("tr", { has: page.locator(`a[href="/candidates/${ids[2]}"]`) }).locator("input.row-check").check()
    await page.locator(".bulk-stage").selectOption("offer")
    await page.locator("button[data-action=stage]").click()
    await expect.poll(() => sim.state().opportunities[ids[2]!]!.stage).toBe("offer")
    await expect.poll(() => page.locator("tr", { has: page.locator(`a[href="/candidates/${ids[2]}"]`) }).locator("td.stage").textContent()).toBe("Offer")
    await page.context().close()
  }, 60_000)
})
