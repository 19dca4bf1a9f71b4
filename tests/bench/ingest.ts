/**
 * Ingestion benchmark: our PDF extraction (text, reading order, hidden-text walk, structure) against
 * poppler's pdftotext on the same files in the same run, over every PDF in the shared fixtures and the
 * eval-dev set. Budget: median resume under 100 ms in Node on this machine.
 *
 *   npx tsx tests/bench/ingest.ts            # full run (3 timed rounds per file)
 *   npx tsx tests/bench/ingest.ts --quick    # one timed round
 */
import { execFileSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join, resolve } from "node:path"
import { ingestBytes } from "../../src/ingest/node"

export interface BenchResult {
  name: string
  value: number
  unit: string
  budget?: string
  ok?: boolean
}

// The shared folder sits beside the repository (../shared from its root); SHARED_DIR overrides.
const SHARED =
  process.env.SHARED_DIR ??
  [typeof __dirname === "string" ? resolve(__dirname, "../../../shared") : "", resolve(process.cwd(), "../shared")].find(
    (dir) => dir && existsSync(join(dir, "fixtures"))
  ) ??
  resolve(process.cwd(), "../shared")
const ROOTS = [join(SHARED, "fixtures"), join(SHARED, "eval-dev", "pdf")]
const MEDIAN_BUDGET_MS = 100

export function benchPdfFiles(): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    if (!existsSync(dir)) return
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.toLowerCase().endsWith(".pdf")) out.push(path)
    }
  }
  for (const root of ROOTS) walk(root)
  return out
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

function hasPdftotext(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" })
    return true
  } catch {
    return false
  }
}

export async function benchIngest(opts: { quick?: boolean } = {}): Promise<BenchResult[]> {
  const rounds = opts.quick ? 1 : 3
  const files = benchPdfFiles()
  if (files.length === 0) throw new Error(`no PDFs found under ${ROOTS.join(", ")}`)
  const data = files.map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(f)) }))

  // Warm-up: module initialisation and JIT are paid once per process, not per resume.
  await ingestBytes(data[0].bytes, { fileName: "warmup.pdf" })

  const perFileMs: number[] = []
  // CPU time is reported beside wall time: on a shared machine the wall clock also measures the
  // neighbours, and pdf.js runs on this thread in Node, so CPU time is the cost of the work itself.
  const perFileCpuMs: number[] = []
  let totalOursMs = 0
  let totalPages = 0
  for (const { bytes } of data) {
    const times: number[] = []
    const cpuTimes: number[] = []
    let pages = 0
    for (let r = 0; r < rounds; r++) {
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      const doc = await ingestBytes(bytes, { fileName: "bench.pdf" })
      times.push(performance.now() - t0)
      const c = process.cpuUsage(c0)
      cpuTimes.push((c.user + c.system) / 1000)
      if (doc.status !== "ok") throw new Error(`benchmark file did not ingest: ${doc.status} ${doc.statusMessage ?? ""}`)
      pages = doc.pages ?? 1
    }
    const best = median(times)
    perFileMs.push(best)
    perFileCpuMs.push(median(cpuTimes))
    totalOursMs += best
    totalPages += pages
  }

  const results: BenchResult[] = []
  const med = median(perFileMs)
  results.push({ name: "ingest.files", value: files.length, unit: "files" })
  results.push({ name: "ingest.median_ms", value: round(med), unit: "ms", budget: `< ${MEDIAN_BUDGET_MS} ms`, ok: med < MEDIAN_BUDGET_MS })
  results.push({ name: "ingest.p90_ms", value: round(percentile(perFileMs, 0.9)), unit: "ms" })
  results.push({ name: "ingest.median_cpu_ms", value: round(median(perFileCpuMs)), unit: "ms" })
  results.push({ name: "ingest.load_average", value: round(loadAverage()), unit: "" })
  results.push({ name: "ingest.pages_per_s", value: round((totalPages / totalOursMs) * 1000), unit: "pages/s" })

  if (hasPdftotext()) {
    let totalPopplerMs = 0
    for (const { path } of data) {
      const times: number[] = []
      for (let r = 0; r < rounds; r++) {
        const t0 = performance.now()
        execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { stdio: ["ignore", "pipe", "ignore"] })
        times.push(performance.now() - t0)
      }
      totalPopplerMs += median(times)
    }
    results.push({ name: "ingest.pdftotext_total_ms", value: round(totalPopplerMs), unit: "ms" })
    results.push({ name: "ingest.ours_total_ms", value: round(totalOursMs), unit: "ms" })
    // > 1 means we are slower than pdftotext (which includes a process start per file, as a CLI would).
    results.push({ name: "ingest.ratio_vs_pdftotext", value: round(totalOursMs / totalPopplerMs), unit: "x" })
  }
  return results
}

function loadAverage(): number {
  try {
    return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0])
  } catch {
    return Number.NaN
  }
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

if (require.main === module) {
  benchIngest({ quick: process.argv.includes("--quick") })
    .then((results) => {
      for (const r of results) {
        const status = r.ok === undefined ? "" : r.ok ? "  ok" : "  OVER BUDGET"
        console.log(`${r.name.padEnd(28)} ${String(r.value).padStart(10)} ${r.unit}${r.budget ? `  (budget ${r.budget})` : ""}${status}`)
      }
    })
    .catch((error) => {
      console.error(error)
      process.exitCode = 1
    })
}
