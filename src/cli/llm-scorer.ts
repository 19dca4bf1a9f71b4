/**
 * The CLI's LLM engine wiring: reads LLM_BASE_URL, LLM_API_KEY, LLM_MODEL (and optional prices
 * LLM_PRICE_INPUT / LLM_PRICE_OUTPUT in USD per million tokens, LLM_TIMEOUT_MS) from the environment.
 * The key is never printed.
 */
import type { Rubric } from "~core/requirements/model"
import type { ResumeDocument } from "~core/resume/model"
import { scoreWithLlm } from "~core/scoring/llm-engine"
import type { CandidateResult } from "~core/scoring/result"
import { OpenAiPort } from "~llm/openai-port"
import { UsageError } from "./score"

/** The candidate's name as most resumes open: the first line, when it reads like a name. */
export function guessCandidateName(text: string): string | undefined {
  const first = text.split("\n").map((l) => l.trim()).find((l) => l.length > 0) ?? ""
  const cleaned = first.replace(/,.*$/, "").trim()
  return /^[\p{L}'’-]+(?:\s+[\p{L}'’.-]+){1,3}$/u.test(cleaned) && cleaned.length <= 60 ? cleaned : undefined
}

export function makeLlmScorer(rubric: Rubric, opts: { blind: boolean; env?: NodeJS.ProcessEnv }): (resume: ResumeDocument) => Promise<CandidateResult> {
  const env = opts.env ?? process.env
  const baseURL = env.LLM_BASE_URL
  const model = env.LLM_MODEL
  if (!baseURL) throw new UsageError("--engine llm needs LLM_BASE_URL (an OpenAI-compatible endpoint, e.g. https://api.openai.com/v1).")
  if (!model) throw new UsageError("--engine llm needs LLM_MODEL (the model name).")
  const priceIn = Number(env.LLM_PRICE_INPUT)
  const priceOut = Number(env.LLM_PRICE_OUTPUT)
  const prices = Number.isFinite(priceIn) && Number.isFinite(priceOut) && env.LLM_PRICE_INPUT && env.LLM_PRICE_OUTPUT ? { inputPerMillion: priceIn, outputPerMillion: priceOut } : undefined
  const port = new OpenAiPort({
    baseURL,
    apiKey: env.LLM_API_KEY ?? "",
    model,
    timeoutMs: Number(env.LLM_TIMEOUT_MS) > 0 ? Number(env.LLM_TIMEOUT_MS) : 120_000
  })
  return (resume) => scoreWithLlm(rubric, resume, { port, blind: opts.blind, candidateName: opts.blind ? guessCandidateName(resume.text) : undefined, prices })
}
