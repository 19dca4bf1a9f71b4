/**
 * Firefox smoke test: the Firefox build's list content script runs on the web-app mock and puts a
 * badge on every row (state from the background; nothing is analysed in this profile, so every badge
 * says "not analysed" — which proves the content script ↔ background round trip in Firefox).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { startFirefoxEnv, type FirefoxEnv } from "./firefox-harness"

let env: FirefoxEnv

beforeAll(async () => {
  env = await startFirefoxEnv({ sim: { applicantsPerPosting: 12, webappRerenderMs: 2000 } })
})

afterAll(async () => {
  await env?.close()
})

describe("overlay in Firefox", () => {
  it("shows a badge on every candidate row of the list, also after the mock's re-renders", async () => {
    const posting = env.sim.postings.find((p) => p.applicants > 0)!
    const page = await env.browser.newPage()
    await page.goto(`https://hire.lever.co/candidates?posting=${posting.id}`)
    const allBadged = () =>
      page.waitForFunction(
        () => {
          const rows = Array.from(document.querySelectorAll("tr.candidate-row"))
          return (
            rows.length > 0 &&
            rows.every((row) => {
              const badge = row.querySelector("lever-screening-badge")
              const id = row.querySelector("a.candidate-link")?.getAttribute("href")?.split("/").pop()
              return badge?.getAttribute("data-lever-screening") === id && badge?.getAttribute("data-state") === "not_analysed"
            })
          )
        },
        { timeout: 20_000, polling: 100 }
      )
    await allBadged()
    await new Promise((resolve) => setTimeout(resolve, 4500))
    await allBadged()
    const counts = await page.evaluate(() => ({
      rows: document.querySelectorAll("tr.candidate-row").length,
      badges: document.querySelectorAll("tr.candidate-row lever-screening-badge").length
    }))
    expect(counts.rows).toBeGreaterThan(0)
    expect(counts.badges).toBe(counts.rows)
    await page.close()
  })
})
