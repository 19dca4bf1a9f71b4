#!/usr/bin/env node
// `npm test`: type-check, lint, build both targets, unit + component tests, then end-to-end tests in
// real Chromium and Firefox. A missing browser is a failure with install instructions, never a skip.
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"

const chromium = process.env.CHROME_PATH || "/usr/bin/chromium"
const firefox = process.env.FIREFOX_PATH || "/usr/bin/firefox-esr"
const missing = [[chromium, "chromium"], [firefox, "firefox-esr"]].filter(([path]) => !existsSync(path))
if (missing.length) {
  console.error(`End-to-end tests need real browsers, missing: ${missing.map(([p]) => p).join(", ")}.\n` +
    `Install them with:  sudo apt-get update && sudo apt-get install -y ${missing.map(([, pkg]) => pkg).join(" ")}\n` +
    "(or point CHROME_PATH / FIREFOX_PATH at a Chromium-family browser and Firefox).")
  process.exit(1)
}
if (!existsSync("/usr/bin/pdftotext")) {
  console.error("Tests compare our PDF text with poppler's: install it with  sudo apt-get install -y poppler-utils")
  process.exit(1)
}

const steps = [
  ["type-check", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "."]],
  ["build chrome", "npx", ["plasmo", "build", "--target=chrome-mv3"]],
  ["build firefox", "npx", ["plasmo", "build", "--target=firefox-mv3"]],
  ["unit and component tests", "npx", ["vitest", "run", "--project", "unit", "--project", "dom"]],
  ["end-to-end tests", "npx", ["vitest", "run", "--project", "e2e"]]
]
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(" ")}`)
  const started = Date.now()
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } })
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}).`)
    process.exit(result.status || 1)
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}
