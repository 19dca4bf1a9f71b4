/**
 * Firefox smoke test of the background analysis (issue 8): in Firefox the background is an event page.
 * The Firefox build is installed in firefox-esr (puppeteer-core over WebDriver BiDi), connected to the
 * Lever simulator (on 443, Lever hosts resolved locally) and a small analysis runs to the end.
 *
 * WebDriver BiDi refuses to navigate to moz-extension:// pages, so the options page is opened the way
 * the browser itself would: a tab added from the browser's chrome window (allowed with Firefox's
 * `--remote-allow-system-access`), the add-on's internal UUID fixed by the `extensions.webextensions.uuids`
 * pref. Everything else (messages, database reads) runs inside that extension page.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import puppeteer, { type Browser } from "puppeteer-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { startSimulator } from "../lever-sim/server"
import { assertBrowser, ensureBuilt, FIREFOX_PATH } from "../support/build"
import { LEVER_HOSTS } from "./harness"

const ADDON_ID = "lever-screening@example.org"
const ADDON_UUID = "6a3c1d5e-2b4f-4e8a-9c7d-0f1e2d3c4b5a"

let browser: Browser
let sim: Awaited<ReturnType<typeof startSimulator>>
let profile: string
let bidi: { send(method: string, params: unknown): Promise<any> }
let pageContext: string

beforeAll(async () => {
  assertBrowser(FIREFOX_PATH, "firefox-esr")
  const extensionDir = ensureBuilt("firefox-mv3")
  sim = await startSimulator({ port: 443, applicantsPerPosting: 6 })
  profile = mkdtempSync(join(tmpdir(), "lever-screening-ff-runner-"))
  browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    acceptInsecureCerts: true,
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: {
      "network.dns.localDomains": LEVER_HOSTS.join(","),
      "extensions.webextensions.uuids": JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      "extensions.originControls.grantByDefault": true
    }
  })
  await browser.installExtension(extensionDir)
  bidi = (browser as unknown as { connection: typeof bidi }).connection
  pageContext = await openExtensionPage("options.html")
}, 180_000)

afterAll(async () => {
  await browser?.close().catch(() => undefined)
  await sim?.close().catch(() => undefined)
  if (profile) rmSync(profile, { recursive: true, force: true })
})

/** Opens an extension page in a new tab from the browser window (BiDi cannot navigate there itself). */
async function openExtensionPage(path: string): Promise<string> {
  const url = `moz-extension://${ADDON_UUID}/${path}`
  const chrome = await bidi.send("browsingContext.getTree", { "moz:scope": "chrome" })
  const window = chrome.result.contexts.find((c: any) => c.url === "chrome://browser/content/browser.xhtml")
  await bidi.send("script.evaluate", {
    expression: `(() => { const w = Services.wm.getMostRecentWindow("navigator:browser"); w.gBrowser.selectedTab = w.gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); return true })()`,
    target: { context: window.context },
    awaitPromise: true
  })
  for (let i = 0; i < 100; i++) {
    const tree = await bidi.send("browsingContext.getTree", {})
    const found = tree.result.contexts.find((c: any) => c.url === url)
    if (found) {
      const ready = await evaluateIn(found.context, "document.readyState").catch(() => "")
      if (ready === "complete") return found.context
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not open`)
}

async function evaluateIn(context: string, expression: string): Promise<any> {
  const reply = await bidi.send("script.evaluate", { expression, target: { context }, awaitPromise: true, resultOwnership: "none" })
  const result = reply.result
  if (result.type === "exception") throw new Error(result.exceptionDetails?.text ?? "script failed")
  const value = result.result?.value
  return typeof value === "string" && value.startsWith("JSON:") ? JSON.parse(value.slice(5)) : value
}

/** Sends a message from the extension page, like the options page or dashboard does. */
async function send(type: string, body: unknown): Promise<any> {
  const reply = await evaluateIn(pageContext, `browser.runtime.sendMessage(${JSON.stringify({ type, body })}).then((r) => "JSON:" + JSON.stringify(r))`)
  if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply?.error)}`)
  return reply.data
}

async function readTable(table: string): Promise<any[]> {
  return evaluateIn(
    pageContext,
    `new Promise((resolve, reject) => {
      const open = indexedDB.open("lever-screening")
      open.onerror = () => reject(open.error)
      open.onsuccess = () => {
        const db = open.result
        const request = db.transaction(${JSON.stringify(table)}, "readonly").objectStore(${JSON.stringify(table)}).getAll()
        request.onsuccess = () => { db.close(); resolve("JSON:" + JSON.stringify(request.result)) }
        request.onerror = () => reject(request.error)
      }
    })`
  )
}

describe("background analysis in Firefox (event page)", () => {
  it("connects, runs a small analysis to the end and scores every applicant", async () => {
    await send("connect-api-key", { environment: "production", apiKey: sim.keys.full })
    const posting = sim.postings.filter((p) => p.applicants > 0).sort((a, b) => a.applicants - b.applicants)[0]!
    const active = Object.values(sim.state().opportunities).filter((o) => o.postingId === posting.id && !o.archived).length
    const rubric = {
      requirements: [{ id: "python", text: "Python", category: "skills", mandatory: true, facets: { skills: [{ name: "Python", aliases: [] }] } }],
      weights: { skills: 100, experience: 0, qualifications: 0, other: 0 }
    }
    const { analysisId } = await send("create-analysis", { postingId: posting.id, rubric, engine: "local" })

    const deadline = Date.now() + 120_000
    let jobs: any[] = []
    while (Date.now() < deadline) {
      jobs = (await readTable("jobs")).filter((j) => j.analysisId === analysisId)
      if (jobs.length === active && jobs.every((j) => j.state !== "queued" && j.state !== "running")) break
      await new Promise((r) => setTimeout(r, 500))
    }
    expect(jobs).toHaveLength(active)
    expect(jobs.filter((j) => j.state === "queued" || j.state === "running")).toEqual([])
    expect(jobs.filter((j) => j.state === "failed").map((j) => j.lastError)).toEqual([])
    const scores = (await readTable("scores")).filter((s) => s.analysisId === analysisId)
    expect(scores).toHaveLength(active)
    // Real reading happened in the event page: at least one resume file was parsed into scored text.
    expect(scores.some((s) => s.result.status === "scored" && typeof s.result.score === "number")).toBe(true)
    const analysis = (await readTable("analyses")).find((a) => a.id === analysisId)
    expect(analysis.status).toBe("completed")
  }, 180_000)
})
