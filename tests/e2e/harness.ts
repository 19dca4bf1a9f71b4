/**
 * End-to-end harness: the built Chrome extension in Debian's Chromium, with the real Lever hostnames
 * (hire.lever.co, api.lever.co, auth.lever.co …) mapped to the local HTTPS Lever simulator, exactly as
 * ../shared/design/toolchain.md describes. Nothing is stubbed: the extension's own fetches go over
 * HTTPS to the simulator, and content scripts run on its unmodified `https://hire.lever.co/*` match.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { chromium, type BrowserContext, type Page, type Worker } from "playwright-core"

import { startSimulator } from "../lever-sim/server"
import { assertBrowser, CHROMIUM_PATH, ensureBuilt } from "../support/build"

export { assertBrowser, CHROME_BUILD, CHROMIUM_PATH, ensureBuilt, FIREFOX_BUILD, FIREFOX_PATH, ROOT } from "../support/build"

/** Every Lever host the extension or the page may reach. */
export const LEVER_HOSTS = [
  "hire.lever.co", "hire.eu.lever.co", "hire.sandbox.lever.co",
  "api.lever.co", "api.eu.lever.co", "api.sandbox.lever.co",
  "auth.lever.co", "sandbox-lever.auth0.com"
]

type Simulator = Awaited<ReturnType<typeof startSimulator>>
export type SimOptions = NonNullable<Parameters<typeof startSimulator>[0]>

export interface ExtensionEnv {
  context: BrowserContext
  extensionId: string
  sim: Simulator
  /** Opens an extension page, e.g. "options.html", "popup.html", "tabs/dashboard.html?analysis=…". */
  openPage(path: string): Promise<Page>
  /** The background service worker (waits for it after a stop). */
  serviceWorker(): Promise<Worker>
  /** Stops every service worker through CDP (the "worker dies at any moment" fault). */
  stopWorkers(): Promise<void>
  /** Console errors seen on pages opened through `openPage`. */
  consoleErrors: string[]
  /** Connects the extension to the simulator with the given key (default: the full-rights key). */
  connect(key?: string): Promise<void>
  close(): Promise<void>
}

export async function startExtensionEnv(options: { sim?: SimOptions; connect?: boolean; headless?: boolean } = {}): Promise<ExtensionEnv> {
  assertBrowser(CHROMIUM_PATH, "chromium")
  const extensionDir = ensureBuilt("chrome-mv3")
  const sim = await startSimulator({ port: 0, ...options.sim })
  const profile = mkdtempSync(join(tmpdir(), "lever-screening-e2e-"))
  const mapping = LEVER_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${sim.port}`).join(", ")
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--host-resolver-rules=${mapping}`,
        // Playwright's ignoreHTTPSErrors covers pages only; the worker's fetches need this flag.
        "--ignore-certificate-errors"
      ],
      ignoreHTTPSErrors: true
    })
  } catch (error) {
    await sim.close()
    rmSync(profile, { recursive: true, force: true })
    throw error
  }

  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://")) ??
    (await context.waitForEvent("serviceworker", { timeout: 30_000 }))
  const extensionId = (await serviceWorker()).url().split("/")[2]
  const consoleErrors: string[] = []

  const openPage = async (path: string): Promise<Page> => {
    const page = await context.newPage()
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(`${path}: ${message.text()}`)
    })
    page.on("pageerror", (error) => consoleErrors.push(`${path}: ${error.message}`))
    await page.goto(`chrome-extension://${extensionId}/${path}`)
    return page
  }

  const env: ExtensionEnv = {
    context,
    extensionId,
    sim,
    openPage,
    serviceWorker,
    consoleErrors,
    async stopWorkers() {
      const page = context.pages()[0] ?? (await context.newPage())
      const cdp = await context.newCDPSession(page)
      await cdp.send("ServiceWorker.enable")
      await cdp.send("ServiceWorker.stopAllWorkers")
      await cdp.detach()
    },
    async connect(key = sim.keys.full) {
      const page = await openPage("options.html")
      const reply = await page.evaluate(
        async ([apiKey]) =>
          chrome.runtime.sendMessage({ type: "connect-api-key", body: { environment: "production", apiKey } }),
        [key] as const
      )
      await page.close()
      if (!reply?.ok) throw new Error(`connect failed: ${JSON.stringify(reply?.error)}`)
    },
    async close() {
      await context.close().catch(() => undefined)
      await sim.close().catch(() => undefined)
      rmSync(profile, { recursive: true, force: true })
    }
  }
  if (options.connect) await env.connect()
  return env
}

/** Reads the simulator's control state (stage, archive reason, tags, notes per opportunity; request counts). */
export async function simState(sim: Simulator): Promise<any> {
  return sim.state()
}
