/**
 * `npm run score -- --posting <posting.json|.txt|.pdf|.docx> [--requirements <requirements.json>]
 *   [--engine local|llm] [--weights '{"skills":50,…}'] [--blind] [--json] <resume files…>`
 *
 * Scores resumes against a posting's requirements and prints a ranked table, or with --json one JSON
 * document (the contract in issue 7 and eval-dev/README.md). Logs go to stderr so stdout stays
 * machine-readable. Usage errors exit 2; an unreadable resume among others is reported as
 * needs_review and does not fail the run.
 */
import { readFile } from "node:fs/promises"
import { existsSync, statSync } from "node:fs"
import { extname } from "node:path"
import { z } from "zod"
import { deriveFacets } from "~core/requirements/facets"
import { CATEGORIES, EQUAL_WEIGHTS, type CategoryWeights, type Requirement, type Rubric } from "~core/requirements/model"
import type { ResumeDocument } from "~core/resume/model"
import { needsReviewResult, scoreLocal } from "~core/scoring/local-engine"
import type { CandidateResult } from "~core/scoring/result"

export class UsageError extends Error {}

export interface CliOptions {
  posting?: string
  requirements?: string
  engine: "local" | "llm"
  weights?: string
  json: boolean
  blind: boolean
  resumes: string[]
}

export const USAGE = `Usage: npm run score -- --posting <posting.json|.txt|.pdf|.docx> [--requirements <requirements.json>]
       [--engine local|llm] [--weights '{"skills":50,"experience":30,"qualifications":20,"other":0}']
       [--blind] [--json] <resume.pdf|.docx|.txt> …

  --posting       a Lever posting object (the "data" of GET /v1/postings/:id) or the job description as text/PDF/DOCX
  --requirements  a JSON array of {"id","text","category","mandatory"}; used as is instead of extraction
  --engine        local (default; no network) or llm (reads LLM_BASE_URL, LLM_API_KEY, LLM_MODEL;
                  optional LLM_PRICE_INPUT / LLM_PRICE_OUTPUT in USD per million tokens)
  --weights       category weights, 0–100 each; equal across categories by default
  --blind         (llm) redact the candidate's name and contact details before sending
  --json          print one JSON document instead of a table`

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { engine: "local", json: false, blind: false, resumes: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${arg} needs a value.`)
      return v
    }
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined]
    const take = () => inline ?? value()
    switch (flag) {
      case "--posting":
        opts.posting = take()
        break
      case "--requirements":
        opts.requirements = take()
        break
      case "--engine": {
        const engine = take()
        if (engine !== "local" && engine !== "llm") throw new UsageError(`--engine must be "local" or "llm", not "${engine}".`)
        opts.engine = engine
        break
      }
      case "--weights":
        opts.weights = take()
        break
      case "--json":
        opts.json = true
        break
      case "--blind":
        opts.blind = true
        break
      case "--help":
      case "-h":
        throw new UsageError("")
      default:
        if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}.`)
        opts.resumes.push(arg)
    }
  }
  if (!opts.posting && !opts.requirements) throw new UsageError("--posting is required (or --requirements).")
  if (opts.resumes.length === 0) throw new UsageError("Give at least one resume file.")
  return opts
}

const RequirementsFile = z.array(
  z.object({
    id: z.string().min(1),
    text: z.string().min(1),
    category: z.enum(CATEGORIES),
    mandatory: z.boolean()
  })
)

function requireFile(path: string, what: string): void {
  if (!existsSync(path)) throw new UsageError(`${what} not found: ${path}`)
  if (!statSync(path).isFile()) throw new UsageError(`${what} is not a file: ${path}`)
}

export async function loadRequirements(path: string): Promise<Requirement[]> {
  requireFile(path, "Requirements file")
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(path, "utf8"))
  } catch (error) {
    throw new UsageError(`Requirements file is not valid JSON (${path}): ${(error as Error).message}`)
  }
  const parsed = RequirementsFile.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`Requirements file ${path} is invalid at ${issue.path.join(".") || "(root)"}: ${issue.message}. Expected an array of {"id","text","category","mandatory"}.`)
  }
  const ids = new Set<string>()
  for (const r of parsed.data) {
    if (ids.has(r.id)) throw new UsageError(`Requirements file ${path} repeats the id "${r.id}".`)
    ids.add(r.id)
  }
  return parsed.data.map((r) => ({ ...r, facets: deriveFacets(r.text, r.category) }))
}

export function parseWeights(raw: string | undefined): CategoryWeights {
  if (raw === undefined) return { ...EQUAL_WEIGHTS }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new UsageError(`--weights is not valid JSON: ${raw}`)
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new UsageError("--weights must be a JSON object such as {\"skills\":50}.")
  const weights: CategoryWeights = { skills: 0, experience: 0, qualifications: 0, other: 0 }
  for (const [key, value] of Object.entries(parsed)) {
    if (!(CATEGORIES as readonly string[]).includes(key)) throw new UsageError(`--weights has an unknown category "${key}" (use ${CATEGORIES.join(", ")}).`)
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 100) throw new UsageError(`--weights: "${key}" must be a number from 0 to 100.`)
    weights[key as keyof CategoryWeights] = value
  }
  if (Object.values(weights).every((w) => w === 0)) throw new UsageError("--weights: at least one category needs a weight above 0.")
  return weights
}

async function ingest(path: string): Promise<ResumeDocument> {
  const { ingestFile } = await import("~ingest/node")
  return ingestFile(path)
}

async function loadPostingRequirements(path: string): Promise<Requirement[]> {
  requireFile(path, "Posting file")
  const { extractRequirements } = await import("~core/requirements/extract")
  const ext = extname(path).toLowerCase()
  let input: unknown
  if (ext === ".json") {
    try {
      input = JSON.parse(await readFile(path, "utf8"))
    } catch (error) {
      throw new UsageError(`Posting file is not valid JSON (${path}): ${(error as Error).message}`)
    }
    // Accept both the bare posting and the API envelope { data: posting }.
    if (input && typeof input === "object" && "data" in input && (input as { data: unknown }).data && typeof (input as { data: unknown }).data === "object") input = (input as { data: unknown }).data
  } else if (ext === ".txt" || ext === ".md") {
    input = await readFile(path, "utf8")
  } else if (ext === ".pdf" || ext === ".docx") {
    const doc = await ingest(path)
    if (doc.status !== "ok") throw new UsageError(`Could not read the posting ${path}: ${doc.statusMessage ?? doc.status}`)
    input = doc.text
  } else {
    throw new UsageError(`Unsupported posting format "${ext}" (use .json, .txt, .pdf or .docx).`)
  }
  const result = extractRequirements(input as Parameters<typeof extractRequirements>[0])
  for (const note of result.notes) console.error(`note: ${note}`)
  if (result.requirements.length === 0) throw new UsageError(`No requirements could be extracted from ${path}; pass --requirements.`)
  return result.requirements.map((r) => (r.facets && Object.keys(r.facets).length ? r : { ...r, facets: deriveFacets(r.text, r.category) }))
}

export interface ScoredCandidate {
  source: string
  result: CandidateResult
  order: number
}

export function rankCandidates(list: ScoredCandidate[]): ScoredCandidate[] {
  return [...list].sort((a, b) => {
    const sa = a.result.score ?? -1
    const sb = b.result.score ?? -1
    if (sb !== sa) return sb - sa
    if (a.result.meetsAllMandatory !== b.result.meetsAllMandatory) return a.result.meetsAllMandatory ? -1 : 1
    return a.order - b.order
  })
}

async function scoreAll(opts: CliOptions, rubric: Rubric): Promise<ScoredCandidate[]> {
  const now = new Date()
  const out: ScoredCandidate[] = []
  let llm: ((resume: ResumeDocument) => Promise<CandidateResult>) | undefined
  if (opts.engine === "llm") {
    const { makeLlmScorer } = await import("./llm-scorer")
    llm = makeLlmScorer(rubric, { blind: opts.blind })
  }
  for (const [order, source] of opts.resumes.entries()) {
    let doc: ResumeDocument
    try {
      if (!existsSync(source)) doc = { status: "unreadable", source: "text", text: "", hidden: [], statusMessage: `File not found: ${source}` }
      else doc = await ingest(source)
    } catch (error) {
      doc = { status: "unreadable", source: "text", text: "", hidden: [], statusMessage: `Could not read ${source}: ${(error as Error).message}` }
    }
    let result: CandidateResult
    if (doc.status !== "ok") result = needsReviewResult(rubric, doc, opts.engine)
    else if (llm) result = await llm(doc)
    else result = scoreLocal(rubric, doc, { now })
    if (result.status === "needs_review") console.error(`needs review: ${source}: ${result.flags.map((f) => f.message).join("; ")}`)
    out.push({ source, result, order })
  }
  return rankCandidates(out)
}

export function toJson(engine: string, rubric: Rubric, ranked: ScoredCandidate[]) {
  return {
    engine,
    requirements: rubric.requirements.map((r) => ({ id: r.id, text: r.text, category: r.category, mandatory: r.mandatory })),
    candidates: ranked.map(({ source, result }) => ({
      source,
      score: result.score,
      meetsAllMandatory: result.meetsAllMandatory,
      status: result.status,
      flags: result.flags.map((f) => `${f.kind}: ${f.message}${f.detail ? ` [${f.detail.slice(0, 120)}]` : ""}`),
      verdicts: result.verdicts.map((v) => ({ requirementId: v.requirementId, verdict: v.verdict, evidence: v.evidence, reason: v.reason })),
      ...(result.model ? { model: result.model } : {}),
      ...(result.usage ? { usage: result.usage } : {})
    }))
  }
}

const SYMBOL: Record<string, string> = { met: "✓", partial: "~", not_met: "✗", unclear: "?" }

export function toTable(rubric: Rubric, ranked: ScoredCandidate[]): string {
  const lines: string[] = []
  lines.push("Requirements:")
  for (const r of rubric.requirements) lines.push(`  ${r.id.padEnd(4)} ${r.mandatory ? "[must]" : "[nice]"} (${r.category}) ${r.text}`)
  lines.push("")
  const header = `${"#".padStart(3)}  ${"score".padStart(5)}  all-must  ${rubric.requirements.map((r) => r.id.padEnd(3).slice(0, 3)).join(" ")}  resume`
  lines.push(header)
  ranked.forEach(({ source, result }, i) => {
    const score = result.score === null ? "  —  " : result.score.toFixed(1).padStart(5)
    const marks = rubric.requirements.map((r) => (SYMBOL[result.verdicts.find((v) => v.requirementId === r.id)?.verdict ?? "unclear"] ?? "?").padEnd(3)).join(" ")
    const status = result.status === "needs_review" ? "  (needs review)" : ""
    lines.push(`${String(i + 1).padStart(3)}  ${score}  ${(result.meetsAllMandatory ? "yes" : "no").padEnd(8)}  ${marks}  ${source}${status}`)
    for (const flag of result.flags) lines.push(`${" ".repeat(8)}! ${flag.kind}: ${flag.message}`)
  })
  lines.push("")
  lines.push("✓ met   ~ partial   ✗ not met   ? unclear")
  return lines.join("\n")
}

export async function main(argv: string[]): Promise<number> {
  let opts: CliOptions
  try {
    opts = parseArgs(argv)
    const weights = parseWeights(opts.weights)
    const requirements = opts.requirements ? await loadRequirements(opts.requirements) : await loadPostingRequirements(opts.posting!)
    if (opts.posting && opts.requirements) requireFile(opts.posting, "Posting file")
    if (requirements.length === 0) throw new UsageError("The requirements list is empty.")
    const rubric: Rubric = { requirements, weights }
    const ranked = await scoreAll(opts, rubric)
    if (opts.json) process.stdout.write(JSON.stringify(toJson(opts.engine, rubric, ranked), null, 2) + "\n")
    else process.stdout.write(toTable(rubric, ranked) + "\n")
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) console.error(`error: ${error.message}`)
      console.error(USAGE)
      return 2
    }
    console.error(`error: ${(error as Error).message}`)
    return 1
  }
}

const invokedDirectly = process.argv[1] && /score\.(ts|js|mjs)$/.test(process.argv[1])
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
