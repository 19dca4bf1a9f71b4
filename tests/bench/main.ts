/**
 * `npm run bench` (add `-- --quick` for a smaller run of each part, under two minutes).
 * Runs every benchmark in one process, prints a table and writes bench-results.json as
 * {"results": [{"name", "value", "unit", "budget", "ok"}]}. Figures that have a reference (pdftotext,
 * the rate-limit floor) are ratios measured against it in the same run.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"

import { ROOT } from "../support/build"
import { benchBundle } from "./bundle"
import type { BenchResult } from "./types"

type Bench = (opts: { quick?: boolean }) => Promise<BenchResult[]>

const quick = process.argv.includes("--quick")
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length)

/** Each part lives beside its feature's tests; loaded lazily so one broken part cannot hide the others. */
const parts: [string, () => Promise<Bench>][] = [
  ["ingest", async () => (await import("./ingest")).benchIngest],
  ["engine", async () => (await import("./engine")).benchEngine],
  ["runner", async () => (await import("./runner")).benchRunner],
  ["overlay", async () => (await import("./overlay")).benchOverlay],
  ["bundle", async () => benchBundle]
]

async function main() {
  const results: BenchResult[] = []
  const failures: string[] = []
  for (const [name, load] of parts) {
    if (only && !only.split(",").includes(name)) continue
    const started = Date.now()
    process.stderr.write(`▶ ${name}${quick ? " (quick)" : ""}…\n`)
    try {
      results.push(...(await (await load())({ quick })))
      process.stderr.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`)
      process.stderr.write(`  FAILED: ${(error as Error).stack}\n`)
    }
  }
  const width = Math.max(...results.map((r) => r.name.length), 10)
  console.log(`\n${"benchmark".padEnd(width)}  ${"value".padStart(10)}  unit     budget          ok`)
  for (const r of results) {
    const ok = r.ok === undefined ? "" : r.ok ? "yes" : "NO"
    console.log(`${r.name.padEnd(width)}  ${String(r.value).padStart(10)}  ${r.unit.padEnd(7)}  ${(r.budget ?? "").padEnd(14)}  ${ok}`)
  }
  writeFileSync(join(ROOT, "bench-results.json"), JSON.stringify({ quick, results, failures }, null, 2) + "\n")
  console.log(`\nWrote bench-results.json (${results.length} figures${failures.length ? `, ${failures.length} parts failed` : ""}).`)
  if (failures.length) process.exit(1)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
