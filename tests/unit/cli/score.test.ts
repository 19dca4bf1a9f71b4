/**
 * The `score` command, spawned as users and the eval runner do (tsx), on fixture files.
 */
import { spawn, spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { startLlmServer } from "../../llm-server/server"

const ROOT = join(__dirname, "../../..")
const EVAL = "/work/shared/eval-dev"
const FIX = "/work/shared/fixtures"

function run(args: string[]) {
  const res = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "src/cli/score.ts"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 })
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

const tmp = mkdtempSync(join(tmpdir(), "score-cli-"))

describe("score CLI", () => {
  it("--json prints one JSON document with the contract's shape, sorted best first", () => {
    const slug = "senior-accountant"
    const strong = `${EVAL}/resumes/${slug}/adaeze-lindgren.txt`
    const weak = `${EVAL}/resumes/${slug}/lucia-fairbanks.txt`
    const { code, stdout, stderr } = run(["--posting", `${EVAL}/postings/${slug}.json`, "--requirements", `${EVAL}/gold/requirements/${slug}.json`, "--json", weak, strong])
    expect(code, stderr).toBe(0)
    const doc = JSON.parse(stdout)
    expect(doc.engine).toBe("local")
    expect(doc.requirements).toHaveLength(9)
    expect(Object.keys(doc.requirements[0]).sort()).toEqual(["category", "id", "mandatory", "text"])
    expect(doc.candidates.map((c: { source: string }) => c.source)).toEqual([strong, weak])
    const top = doc.candidates[0]
    expect(top.status).toBe("scored")
    expect(typeof top.score).toBe("number")
    expect(top.score).toBeGreaterThan(doc.candidates[1].score)
    expect(top.verdicts).toHaveLength(9)
    for (const v of top.verdicts) {
      expect(["met", "partial", "not_met", "unclear"]).toContain(v.verdict)
      expect(Array.isArray(v.evidence)).toBe(true)
      expect(typeof v.reason).toBe("string")
    }
  }, 120_000)

  it("extracts requirements from a posting and prints a readable table without --json", () => {
    const { code, stdout } = run(["--posting", `${EVAL}/postings/warehouse-operations-supervisor.json`, `${EVAL}/resumes/warehouse-operations-supervisor/kwame-delgado.txt`])
    expect(code).toBe(0)
    expect(stdout).toMatch(/Requirements:/)
    expect(stdout).toMatch(/kwame-delgado\.txt/)
    expect(stdout.trim().startsWith("{")).toBe(false)
  }, 120_000)

  it("one unreadable resume among many is needs_review, the rest are scored, exit 0", () => {
    const broken = join(tmp, "broken.pdf")
    writeFileSync(broken, "this is not a pdf")
    const good = `${EVAL}/resumes/frontend-engineer/nadia-okonjo-ferreira.txt`
    const missing = join(tmp, "nope.pdf")
    const { code, stdout } = run(["--posting", `${EVAL}/postings/frontend-engineer.json`, "--requirements", `${EVAL}/gold/requirements/frontend-engineer.json`, "--json", broken, good, missing])
    expect(code).toBe(0)
    const doc = JSON.parse(stdout)
    const bySource = Object.fromEntries(doc.candidates.map((c: { source: string }) => [c.source, c]))
    expect(bySource[good].status).toBe("scored")
    expect(bySource[broken]).toMatchObject({ status: "needs_review", score: null })
    expect(bySource[missing]).toMatchObject({ status: "needs_review", score: null })
    expect(bySource[broken].flags.length).toBeGreaterThan(0)
    expect(doc.candidates[0].source).toBe(good)
  }, 120_000)

  it("usage errors: clear message and exit 2", () => {
    const bad = join(tmp, "bad.json")
    writeFileSync(bad, JSON.stringify([{ id: "r1", text: "x", category: "hobbies", mandatory: true }]))
    const notJson = join(tmp, "not.json")
    writeFileSync(notJson, "{nope")
    const cases: [string[], RegExp][] = [
      [["--posting", join(tmp, "missing.json"), "a.txt"], /Posting file not found/],
      [["--posting", `${EVAL}/postings/frontend-engineer.json`, "--requirements", bad, "a.txt"], /invalid at 0\.category/],
      [["--posting", `${EVAL}/postings/frontend-engineer.json`, "--requirements", notJson, "a.txt"], /not valid JSON/],
      [["--posting", `${EVAL}/postings/frontend-engineer.json`], /at least one resume/],
      [["--posting", `${EVAL}/postings/frontend-engineer.json`, "--engine", "gpt", "a.txt"], /--engine must be/],
      [["--posting", `${EVAL}/postings/frontend-engineer.json`, "--weights", '{"skils":5}', "a.txt"], /unknown category "skils"/]
    ]
    for (const [args, message] of cases) {
      const { code, stderr, stdout } = run(args)
      expect(code, args.join(" ")).toBe(2)
      expect(stderr).toMatch(message)
      expect(stdout).toBe("")
    }
  }, 240_000)

  it("--engine llm without configuration is a usage error that names the variable", () => {
    const res = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "src/cli/score.ts"), "--posting", `${EVAL}/postings/frontend-engineer.json`, "--engine", "llm", `${EVAL}/resumes/frontend-engineer/nadia-okonjo-ferreira.txt`], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, LLM_BASE_URL: "", LLM_MODEL: "" },
      timeout: 120_000
    })
    expect(res.status).toBe(2)
    expect(res.stderr).toMatch(/LLM_BASE_URL/)
  }, 120_000)

  it("--engine llm --blind scores through an OpenAI-compatible endpoint with usage and cost, no PII sent", async () => {
    const server = await startLlmServer({ mode: "good" })
    try {
      const slug = "senior-accountant"
      const resume = `${EVAL}/resumes/${slug}/adaeze-lindgren.txt`
      const child = spawn(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "src/cli/score.ts"), "--engine", "llm", "--blind", "--posting", `${EVAL}/postings/${slug}.json`, "--requirements", `${EVAL}/gold/requirements/${slug}.json`, "--json", resume], {
        cwd: ROOT,
        env: { ...process.env, LLM_BASE_URL: server.baseURL, LLM_MODEL: "test-model", LLM_API_KEY: "sk-cli-secret", LLM_PRICE_INPUT: "2", LLM_PRICE_OUTPUT: "8" }
      })
      let stdout = ""
      let stderr = ""
      child.stdout.on("data", (d) => (stdout += d))
      child.stderr.on("data", (d) => (stderr += d))
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve))
      expect(code, stderr).toBe(0)
      const doc = JSON.parse(stdout)
      expect(doc.engine).toBe("llm")
      const c = doc.candidates[0]
      expect(c.status).toBe("scored")
      expect(c.model).toBe("test-model")
      expect(c.usage.inputTokens).toBeGreaterThan(0)
      expect(c.usage.costUsd).toBeGreaterThan(0)
      expect(server.requests).toHaveLength(1)
      const sent = JSON.stringify(server.requests[0].body)
      expect(sent).not.toMatch(/Adaeze|Lindgren/)
      expect(stdout + stderr).not.toContain("sk-cli-secret")
    } finally {
      await server.close()
    }
  }, 120_000)

  it("each Resume-Matcher job description ranks its paired resume first among the four", () => {
    const resumes = ["barry_allen_fe", "bruce_wayne_fullstack", "john_doe", "alfred_pennyworth_pm"].map((n) => `${FIX}/resumes/pdf/resume-matcher__${n}.pdf`)
    const pairs: [string, string][] = [
      ["front_end_engineer", "barry_allen_fe"],
      ["full_stack_engineer", "bruce_wayne_fullstack"],
      ["java_developer", "john_doe"],
      ["product_manager", "alfred_pennyworth_pm"]
    ]
    for (const [jd, expected] of pairs) {
      const { code, stdout, stderr } = run(["--posting", `${FIX}/jd/resume-matcher/pdf/job_desc_${jd}.pdf`, "--json", ...resumes])
      expect(code, stderr).toBe(0)
      const doc = JSON.parse(stdout)
      expect(doc.candidates[0].source, `${jd}: ${doc.candidates.map((c: { source: string; score: number }) => `${c.source.split("__")[1]} ${c.score}`).join(", ")}`).toContain(expected)
      expect(doc.candidates[0].score).toBeGreaterThan(doc.candidates[1].score)
    }
  }, 300_000)
})
