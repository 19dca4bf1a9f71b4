/**
 * `npm run demo`: the product on its embedded default, in a real browser.
 *  1. builds the Chrome extension;
 *  2. starts the Lever simulator (seeded postings and applicants, real PDF/DOCX/text resumes);
 *  3. opens a Chromium-family browser with the extension loaded and Lever's hosts mapped to the simulator,
 *     on a fresh profile that it connects through the options page's own form (no back door);
 *  4. sets up an analysis of the first posting through the popup, so the dashboard has one ready, and
 *     opens the Lever pipeline page (badges) and the dashboard.
 * `--headless` (or no display) runs the same flow without a window and writes screenshots to demo-output/.
 * Ctrl-C stops the browser and the simulator.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { chromium, type BrowserContext } from "playwright-core"

import { chooseShortlistStage, connectThroughOptions, setUpAnalysisInPopup, waitForAnalysisToSettle } from "../tests/e2e/flows"
import { LEVER_HOSTS } from "../tests/e2e/harness"
import { startSimulator } from "../tests/lever-sim/server"
import { CHROME_BUILD, ROOT } from "../tests/support/build"

const args = process.argv.slice(2)
const wantHeadless = args.includes("--headless")
const port = Number(process.env.LEVER_SIM_PORT || 7443)
const outDir = join(ROOT, "demo-output")

function findBrowser(): string | undefined {
  const candidates = [
    process.env.CHROME_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/opt/google/chrome-for-testing/chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing"
  ]
  return candidates.find((path): path is string => !!path && existsSync(path))
}

/** Branded Google Chrome (stable/beta) ignores --load-extension since Chrome 137. */
function isBrandedChrome(path: string): boolean {
  const real = (() => { try { return realpathSync(path) } catch { return path } })().toLowerCase()
  return /google[- ]chrome/.test(real) && !/for[- ]testing/.test(real)
}

function manualSteps(): string {
  return [
    "Load the extension by hand:",
    "  1. open chrome://extensions and switch on Developer mode;",
    `  2. Load unpacked → ${CHROME_BUILD};`,
    `  3. the simulator keeps running on https://127.0.0.1:${port}; in the options page choose`,
    `     "Custom base URL" https://127.0.0.1:${port}/v1 and paste the full-rights key printed above.`
  ].join("\n")
}

async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  process.stdout.write(`• ${label}… `)
  const started = Date.now()
  const value = await run()
  console.log(`done (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return value
}

async function main() {
  await step("Building the extension", async () => {
    const result = spawnSync("npx", ["plasmo", "build", "--target=chrome-mv3"], { cwd: ROOT, stdio: "ignore" })
    if (result.status !== 0) throw new Error("plasmo build failed: run `npm run build` to see why")
  })
  const sim = await step(`Starting the Lever simulator on port ${port}`, () => startSimulator({ port }))
  console.log(`  API key (full rights): ${sim.keys.full}`)
  console.log(`  postings: ${sim.postings.map((p) => p.text).join(" · ")}`)

  const browserPath = findBrowser()
  if (!browserPath || isBrandedChrome(browserPath)) {
    console.log(browserPath
      ? `\n${browserPath} is branded Google Chrome, which ignores command-line extension loading.`
      : "\nNo Chromium-family browser found (set CHROME_PATH, or apt-get install -y chromium).")
    console.log(manualSteps())
    console.log("\nThe simulator is running; Ctrl-C stops it.")
    process.on("SIGINT", () => void sim.close().then(() => process.exit(0)))
    return
  }

  const headless = wantHeadless || (!process.env.DISPLAY && process.platform === "linux")
  if (headless && !wantHeadless) console.log("  (no display found: running headless; screenshots go to demo-output/)")
  const profile = mkdtempSync(join(tmpdir(), "lever-screening-demo-"))
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless,
    viewport: headless ? { width: 1400, height: 900 } : null,
    args: [
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      `--host-resolver-rules=${LEVER_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${sim.port}`).join(", ")}`,
      "--ignore-certificate-errors",
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : [])
    ]
  })
  let closing = false
  const shutdown = async (code = 0) => {
    if (closing) return
    closing = true
    console.log("\nStopping the browser and the simulator…")
    await context.close().catch(() => undefined)
    await sim.close().catch(() => undefined)
    rmSync(profile, { recursive: true, force: true })
    process.exit(code)
  }
  process.on("SIGINT", () => void shutdown(0))
  process.on("SIGTERM", () => void shutdown(0))

  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"))
    const extensionId = worker.url().split("/")[2]
    const extensionPage = (path: string) => `chrome-extension://${extensionId}/${path}`

    const options = await context.newPage()
    await options.goto(extensionPage("options.html"))
    await step("Connecting to the simulator through the options page", async () => {
      await connectThroughOptions(options, sim.keys.full)
      await chooseShortlistStage(options, "Recruiter screen")
    })
    await options.close()

    const posting = sim.postings[0]
    const analysisId = await step(`Setting up an analysis of “${posting.text}” in the popup`, async () => {
      const popup = await context.newPage()
      await popup.setViewportSize({ width: 400, height: 600 })
      await popup.goto(extensionPage("popup.html"))
      const id = await setUpAnalysisInPopup(popup, posting.text)
      await popup.close()
      return id
    })

    const lever = await context.newPage()
    await lever.goto(`https://hire.lever.co/candidates?posting=${posting.id}`)
    const dashboard = await context.newPage()
    await dashboard.goto(extensionPage(`tabs/dashboard.html?analysis=${analysisId}`))

    if (headless) {
      mkdirSync(outDir, { recursive: true })
      await step("Waiting for every applicant to be scored", () => waitForAnalysisToSettle(dashboard, analysisId, 300_000))
      await step("Writing screenshots to demo-output/", async () => {
        await dashboard.screenshot({ path: join(outDir, "dashboard.png") })
        await dashboard.locator('[data-testid="candidate-row"]').first().click()
        await dashboard.keyboard.press("Enter")
        await dashboard.locator("canvas").first().waitFor({ timeout: 30_000 }).catch(() => undefined)
        await dashboard.waitForTimeout(1000)
        await dashboard.screenshot({ path: join(outDir, "report.png") })
        await lever.bringToFront()
        await lever.waitForTimeout(3000)
        await lever.screenshot({ path: join(outDir, "lever-list.png") })
      })
      await shutdown(0)
      return
    }
    await dashboard.bringToFront()
    console.log("\nReady: the Lever list shows score badges, the dashboard shows the analysis.")
    console.log("Open the extension's popup (toolbar icon) to set up another analysis. Ctrl-C stops everything.")
    context.on("close", () => void shutdown(0))
  } catch (error) {
    console.error(`\nThe demo failed: ${(error as Error).message}`)
    await shutdown(1)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
