/**
 * Firefox smoke test: the Firefox build installs in Debian's firefox-esr, its content script mounts on a
 * Lever pipeline page served by the simulator, and its background (an event page in Firefox) answers the
 * content script: every row gets a badge whose state came from the background.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { startFirefoxEnv, type FirefoxEnv } from "./firefox-harness"

let env: FirefoxEnv

beforeAll(async () => {
  env = await startFirefoxEnv({ sim: { applicantsPerPosting: 8 } })
})
afterAll(async () => {
  await env?.close()
})

describe("the built extension in Firefox", () => {
  it("mounts on a Lever list and gets answers from its background", async () => {
    const page = await env.browser.newPage()
    await page.goto(`https://hire.lever.co/candidates?posting=${env.sim.postings[0].id}`)
    await page.waitForSelector("tr a[href*='/candidates/']", { timeout: 20_000 })
    // Badge hosts are keyed by opportunity id; their state is set from the background's answer.
    await page.waitForFunction(
      () => {
        const hosts = [...document.querySelectorAll("[data-lever-screening]")]
        return hosts.length > 0 && hosts.some((h) => (h.getAttribute("data-state") ?? "loading") !== "loading")
      },
      { timeout: 30_000 }
    )
    const states = await page.evaluate(() =>
      [...document.querySelectorAll("[data-lever-screening]")].map((h) => h.getAttribute("data-state"))
    )
    expect(states.length).toBeGreaterThan(0)
    expect(states).toContain("not_analysed")
  })
})
