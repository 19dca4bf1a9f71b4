/**
 * Smoke tests of the built extension in real Chromium: the worker starts, every page renders without
 * console errors, the content script mounts on a Lever page, and a content script can neither read the
 * vault nor use page-only messages.
 */
import type { CDPSession, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { startExtensionEnv, type ExtensionEnv } from "./harness"

let env: ExtensionEnv

beforeAll(async () => {
  env = await startExtensionEnv()
})
afterAll(async () => {
  await env?.close()
})

/** Evaluates an expression inside the extension's content-script world on `page` (CDP isolated world). */
async function evaluateInContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  const worlds: { id: number; name: string; auxData?: { type?: string } }[] = []
  cdp.on("Runtime.executionContextCreated", ({ context }) => worlds.push(context))
  await cdp.send("Runtime.enable")
  const deadline = Date.now() + 10_000
  let world: (typeof worlds)[number] | undefined
  while (!(world = worlds.find((w) => w.auxData?.type === "isolated" && w.name === "Lever Screening")) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
  }
  if (!world) throw new Error(`No content-script world found (worlds: ${worlds.map((w) => w.name).join(", ")})`)
  const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true
  })
  await cdp.detach()
  if (exceptionDetails) throw new Error(exceptionDetails.text)
  return result.value
}

describe("the built extension in Chromium", () => {
  it("starts its background service worker", async () => {
    const worker = await env.serviceWorker()
    expect(worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\//)
    expect(env.extensionId).toMatch(/^[a-p]{32}$/)
  })

  it.each([
    ["popup.html", /Lever Screening|Connect|posting/i],
    ["options.html", /Lever/i],
    ["tabs/dashboard.html", /analys|dashboard|screening/i]
  ])("renders %s without console errors", async (path, text) => {
    const page = await env.openPage(path)
    await expect.poll(async () => page.locator("body").innerText(), { timeout: 15_000 }).toMatch(text)
    await page.waitForTimeout(500)
    expect(env.consoleErrors.filter((e) => e.startsWith(path))).toEqual([])
    await page.close()
  })

  it("mounts the content script on a Lever pipeline page, and keeps secrets out of its reach", async () => {
    const page = await env.context.newPage()
    await page.goto(`https://hire.lever.co/candidates?posting=${env.sim.postings[0].id}`)
    await expect.poll(() => page.locator("[data-lever-screening]").count(), { timeout: 15_000 }).toBeGreaterThan(0)

    const ping = await evaluateInContentScript(page, `chrome.runtime.sendMessage({ type: "ping", body: {} })`)
    expect(ping).toMatchObject({ ok: true, data: { audience: "content" } })

    // A page-only message (connection details) is refused to a content script.
    const status = await evaluateInContentScript(page, `chrome.runtime.sendMessage({ type: "connection-status", body: {} })`)
    expect(status).toMatchObject({ ok: false, error: { code: "forbidden_sender" } })

    // The vault lives in the extension origin's IndexedDB: the content script (Lever's origin) cannot see it.
    const databases = (await evaluateInContentScript(page, `indexedDB.databases().then((d) => d.map((x) => x.name))`)) as string[]
    expect(databases).not.toContain("lever-screening-vault")
    const storage = await evaluateInContentScript(page, `chrome.storage.local.get(null).then((all) => JSON.stringify(all))`)
    expect(String(storage)).not.toMatch(/apiKey|accessToken|refreshToken|llmApiKey/)
    await page.close()
  })
})
