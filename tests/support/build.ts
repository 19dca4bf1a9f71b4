/** Where the built extensions and the real browsers live, for manifest, e2e and benchmark code. */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { join, resolve } from "node:path"

export const ROOT = resolve(__dirname, "../..")
export const CHROME_BUILD = join(ROOT, "build/chrome-mv3-prod")
export const FIREFOX_BUILD = join(ROOT, "build/firefox-mv3-prod")
export const CHROMIUM_PATH = process.env.CHROME_PATH || "/usr/bin/chromium"
export const FIREFOX_PATH = process.env.FIREFOX_PATH || "/usr/bin/firefox-esr"

/** Builds the extension when no build exists (npm test builds before the test steps). */
export function ensureBuilt(target: "chrome-mv3" | "firefox-mv3" = "chrome-mv3"): string {
  const dir = target === "chrome-mv3" ? CHROME_BUILD : FIREFOX_BUILD
  if (!existsSync(join(dir, "manifest.json")) || process.env.E2E_REBUILD === "1") {
    const result = spawnSync("npx", ["plasmo", "build", `--target=${target}`], { cwd: ROOT, stdio: "inherit" })
    if (result.status !== 0) throw new Error(`plasmo build --target=${target} failed`)
  }
  return dir
}

export function assertBrowser(path: string, debianPackage: string): void {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: install it with  apt-get update && apt-get install -y ${debianPackage}`)
  }
}
