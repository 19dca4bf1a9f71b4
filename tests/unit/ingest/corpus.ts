/** The shared PDFs the ingestion tests read, and a cache so each file is ingested once per test file. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import type { ResumeDocument } from "~core/resume/model"
import { ingestFile } from "~ingest/node"

export const SHARED = "/work/shared"
export const EVAL = `${SHARED}/eval-dev`
export const FIXTURES = `${SHARED}/fixtures`
export const NOW = new Date("2026-11-15T12:00:00Z")

export function pdfsUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? pdfsUnder(path) : name.endsWith(".pdf") ? [path] : []
    })
}

/** Every eval-dev resume PDF with its plain-text twin (adversarial ones against their sidecar text). */
export function evalPairs(): { pdf: string; txt: string; hiddenText?: string }[] {
  return pdfsUnder(`${EVAL}/pdf`).map((pdf) => {
    const rel = pdf.slice(`${EVAL}/pdf/`.length).replace(/\.pdf$/, "")
    if (rel.startsWith("adversarial/")) {
      const base = `${EVAL}/${rel}`
      const sidecar = JSON.parse(readFileSync(`${base}.json`, "utf8"))
      return { pdf, txt: `${base}.txt`, hiddenText: sidecar.render?.hidden ? sidecar.injectedText : undefined }
    }
    return { pdf, txt: `${EVAL}/resumes/${rel}.txt` }
  })
}

const cache = new Map<string, Promise<ResumeDocument>>()
export function ingestCached(path: string): Promise<ResumeDocument> {
  let doc = cache.get(path)
  if (!doc) {
    doc = ingestFile(path, { now: NOW })
    cache.set(path, doc)
  }
  return doc
}

export function words(text: string): string[] {
  // Underline rules ("-------") in a text twin are drawn as lines in the PDF, not as text.
  return text.toLowerCase().normalize("NFKC").replace(/[•●▪◦]/g, " ").split(/\s+/).filter((w) => w.length > 0 && !/^[-=_]{3,}$/.test(w))
}

/** 2·LCS / (|a| + |b|) over word sequences: 1 when the same words come out in the same order. */
export function orderSimilarity(a: string[], b: string[]): number {
  if (a.length + b.length === 0) return 1
  const prev = new Uint16Array(b.length + 1)
  const cur = new Uint16Array(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1])
    prev.set(cur)
  }
  return (2 * prev[b.length]) / (a.length + b.length)
}

/** Share of the twin's non-empty lines that come out as exactly one line of ours (whitespace-insensitive). */
export function lineRecall(twin: string, ours: string): number {
  const norm = (l: string) => l.replace(/\s+/g, " ").trim().toLowerCase()
  const have = new Set(ours.split("\n").map(norm))
  const want = twin.split("\n").map(norm).filter((l) => l.length > 0 && !/^[-=_]{3,}$/.test(l))
  return want.filter((l) => have.has(l)).length / Math.max(1, want.length)
}
