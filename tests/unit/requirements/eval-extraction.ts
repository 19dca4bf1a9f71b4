/**
 * Measures the local extractor on the labelled dev set (../shared/eval-dev), with the same matching as
 * the set's run.mjs: greedy one-to-one pairing on the Jaccard similarity of content words, pairs at 0.2
 * or above. Prints recall, precision, mandatory agreement and category agreement per posting and pooled.
 *
 *   npx tsx tests/unit/requirements/eval-extraction.ts [--verbose] [--dir <eval-dev dir>]
 */
import fs from "node:fs"
import path from "node:path"

import { contentWords, extractRequirements, jaccard } from "../../../src/core/requirements/extract"
import type { Requirement } from "../../../src/core/requirements/model"

interface GoldRequirement {
  id: string
  text: string
  category: string
  mandatory: boolean
}

export interface PostingScore {
  slug: string
  gold: number
  extracted: number
  matched: number
  recall: number
  precision: number
  mandatoryAgreement: number
  categoryAgreement: number
  missed: GoldRequirement[]
  extra: Requirement[]
  pairs: { gold: GoldRequirement; extracted: Requirement; similarity: number }[]
}

export function matchRequirements(gold: GoldRequirement[], extracted: Requirement[], threshold = 0.2) {
  const gw = gold.map((g) => contentWords(g.text))
  const ew = extracted.map((e) => contentWords(e.text))
  const cands: [number, number, number][] = []
  gw.forEach((g, i) => ew.forEach((e, j) => {
    const s = jaccard(g, e)
    if (s >= threshold) cands.push([s, i, j])
  }))
  cands.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2])
  const usedG = new Set<number>()
  const usedE = new Set<number>()
  const pairs: PostingScore["pairs"] = []
  for (const [s, i, j] of cands) {
    if (usedG.has(i) || usedE.has(j)) continue
    usedG.add(i)
    usedE.add(j)
    pairs.push({ gold: gold[i]!, extracted: extracted[j]!, similarity: s })
  }
  return { pairs, missed: gold.filter((_, i) => !usedG.has(i)), extra: extracted.filter((_, j) => !usedE.has(j)) }
}

export function scorePosting(slug: string, posting: unknown, gold: GoldRequirement[]): PostingScore {
  const { requirements } = extractRequirements(posting as never)
  const { pairs, missed, extra } = matchRequirements(gold, requirements)
  const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d)
  return {
    slug,
    gold: gold.length,
    extracted: requirements.length,
    matched: pairs.length,
    recall: ratio(pairs.length, gold.length),
    precision: ratio(pairs.length, requirements.length),
    mandatoryAgreement: ratio(pairs.filter((p) => p.gold.mandatory === p.extracted.mandatory).length, pairs.length),
    categoryAgreement: ratio(pairs.filter((p) => p.gold.category === p.extracted.category).length, pairs.length),
    missed,
    extra,
    pairs
  }
}

export function scoreDevSet(dir: string): PostingScore[] {
  const slugs = fs.readdirSync(path.join(dir, "postings")).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, "")).sort()
  return slugs.map((slug) => {
    const posting = JSON.parse(fs.readFileSync(path.join(dir, "postings", `${slug}.json`), "utf8"))
    const gold = JSON.parse(fs.readFileSync(path.join(dir, "gold", "requirements", `${slug}.json`), "utf8")) as GoldRequirement[]
    return scorePosting(slug, posting, gold)
  })
}

function main() {
  const args = process.argv.slice(2)
  const verbose = args.includes("--verbose")
  const dirArg = args.indexOf("--dir")
  const dir = dirArg >= 0 ? args[dirArg + 1]! : path.resolve(process.cwd(), "../shared/eval-dev")
  const scores = scoreDevSet(dir)
  const pct = (x: number) => `${(x * 100).toFixed(0).padStart(3)}%`
  console.log("posting                              gold extr match  recall  precision  mandatory  category")
  for (const s of scores) {
    console.log(`${s.slug.padEnd(36)} ${String(s.gold).padStart(4)} ${String(s.extracted).padStart(4)} ${String(s.matched).padStart(5)}    ${pct(s.recall)}       ${pct(s.precision)}       ${pct(s.mandatoryAgreement)}      ${pct(s.categoryAgreement)}`)
    if (verbose) {
      for (const p of s.pairs) {
        const marks = `${p.gold.mandatory === p.extracted.mandatory ? " " : "M"}${p.gold.category === p.extracted.category ? " " : "C"}`
        console.log(`   ${marks} ${p.similarity.toFixed(2)} ${p.extracted.id} [${p.extracted.category}${p.extracted.mandatory ? ", mandatory" : ""}] ${p.extracted.text}`)
        if (marks.trim()) console.log(`            gold [${p.gold.category}${p.gold.mandatory ? ", mandatory" : ""}] ${p.gold.text}`)
      }
      for (const m of s.missed) console.log(`   MISSED ${m.text}`)
      for (const e of s.extra) console.log(`   EXTRA  ${e.id} [${e.category}] ${e.text}`)
    }
  }
  const total = (f: (s: PostingScore) => number) => scores.reduce((a, s) => a + f(s), 0)
  const matched = total((s) => s.matched)
  const mand = total((s) => s.pairs.filter((p) => p.gold.mandatory === p.extracted.mandatory).length)
  const cat = total((s) => s.pairs.filter((p) => p.gold.category === p.extracted.category).length)
  console.log(`POOLED recall=${pct(matched / total((s) => s.gold))} precision=${pct(matched / Math.max(1, total((s) => s.extracted)))} mandatory=${pct(mand / Math.max(1, matched))} category=${pct(cat / Math.max(1, matched))}`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main()
