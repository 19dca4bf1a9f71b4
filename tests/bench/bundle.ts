/** Bundle sizes of the built Chrome extension: one figure per entry point, and the content script's. */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"

import { BUDGETS } from "../../plasmo.config"
import { ensureBuilt } from "../support/build"
import type { BenchResult } from "./types"

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

export async function benchBundle(): Promise<BenchResult[]> {
  const dir = ensureBuilt("chrome-mv3")
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"))
  const size = (file: string) => statSync(join(dir, file)).size
  /** An HTML page's own scripts (Plasmo emits one bundle per page, named after it). */
  const pageScripts = (html: string) =>
    [...readFileSync(join(dir, html), "utf8").matchAll(/<script[^>]+src="\/?([^"]+)"/g)].map((m) => m[1])

  const results: BenchResult[] = []
  const contentFiles: string[] = manifest.content_scripts.flatMap((s: { js: string[] }) => s.js)
  const contentBytes = contentFiles.reduce((sum, file) => sum + size(file), 0)
  results.push({
    name: "bundle.content_script_kb",
    value: kb(contentBytes),
    unit: "KB",
    budget: `<= ${BUDGETS.contentScriptKb} KB`,
    ok: kb(contentBytes) <= BUDGETS.contentScriptKb
  })
  results.push({ name: "bundle.background_kb", value: kb(size(manifest.background.service_worker)), unit: "KB" })
  const pages: [string, string][] = [["popup", "popup.html"], ["options", "options.html"]]
  for (const file of readdirSync(join(dir, "tabs")).filter((f) => f.endsWith(".html"))) pages.push([file.replace(".html", ""), `tabs/${file}`])
  for (const [name, html] of pages) {
    results.push({ name: `bundle.${name}_kb`, value: kb(pageScripts(html).reduce((sum, file) => sum + size(file), 0)), unit: "KB" })
  }
  return results
}
