/**
 * Firefox end-to-end harness: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, with the
 * Firefox build of the extension installed as a temporary add-on. Firefox cannot map host names to a
 * port, so the Lever simulator listens on 443 and `network.dns.localDomains` resolves the Lever hosts
 * to this machine. Firefox cannot open moz-extension:// pages here: tests check content scripts and the
 * background through the Lever pages.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import puppeteer, { type Browser } from "puppeteer-core"

import { startSimulator } from "../lever-sim/server"
import { assertBrowser, ensureBuilt, FIREFOX_PATH } from "../support/build"
import { LEVER_HOSTS, type SimOptions } from "./harness"

type Simulator = Awaited<ReturnType<typeof startSimulator>>

export interface FirefoxEnv {
  browser: Browser
  sim: Simulator
  addonId: string
  close(): Promise<void>
}

export async function startFirefoxEnv(options: { sim?: SimOptions } = {}): Promise<FirefoxEnv> {
  assertBrowser(FIREFOX_PATH, "firefox-esr")
  const extensionDir = ensureBuilt("firefox-mv3")
  const sim = await startSimulator({ ...options.sim, port: 443 })
  const profile = mkdtempSync(join(tmpdir(), "lever-screening-ff-"))
  let browser: Browser
  try {
    browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profile,
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        "network.dns.localDomains": LEVER_HOSTS.join(","),
        // The extension's host permissions are granted at install for temporary add-ons in tests.
        "extensions.webextensions.restrictedDomains": "",
        "network.stricttransportsecurity.preloadlist": false,
        "security.enterprise_roots.enabled": false,
        // Firefox 127+ grants an MV3 add-on's host permissions at install when this is on (the install
        // prompt a person would accept); temporary add-ons installed over BiDi need it said.
        "extensions.originControls.grantByDefault": true
      }
    })
  } catch (error) {
    await sim.close()
    rmSync(profile, { recursive: true, force: true })
    throw error
  }
  const addonId = await browser.installExtension(extensionDir)
  return {
    browser,
    sim,
    addonId,
    async close() {
      await browser.close().catch(() => undefined)
      await sim.close().catch(() => undefined)
      rmSync(profile, { recursive: true, force: true })
    }
  }
}
