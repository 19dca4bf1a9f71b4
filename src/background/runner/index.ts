/**
 * The runner as the extension runs it: real database, the shared Lever client, pdf.js ingestion, the
 * local or LLM engine; driven by an alarm (every 30 s in Chrome, 1 min in Firefox, the browsers'
 * floors) and a resume-on-start pass each time the worker / event page starts.
 */
import browser from "webextension-polyfill"

import { DEFAULT_LLM } from "../../../plasmo.config"
import { LlmError } from "../../core/llm/port"
import { scoreWithLlm } from "../../core/scoring/llm-engine"
import { scoreLocal } from "../../core/scoring/local-engine"
import { getDb } from "../../db/schema"
import { sha256Hex } from "../../ingest/ingest"
import { ingestBytes } from "../../ingest/browser"
import { OpenAiPort } from "../../llm/openai-port"
import type { LlmSettings } from "../../messaging/messages/save-llm-settings"
import { refreshBadge } from "../badge"
import { getLeverClient } from "../lever-session"
import { readVault } from "../vault"
import { fromLeverParsedData } from "./parsed-data"
import { Runner } from "./runner"
import type { RunnerLever, ScoreRequest } from "./types"

export const RUNNER_ALARM = "runner-tick"

let runner: Runner | undefined
let port: { key: string; port: OpenAiPort } | undefined

async function llmPort(): Promise<{ port: OpenAiPort; settings: LlmSettings }> {
  const settings = ((await getDb().settings.get("llm"))?.value ?? { engine: "llm", blindMode: false }) as LlmSettings
  const apiKey = (await readVault()).llmApiKey ?? ""
  const baseURL = settings.baseUrl || DEFAULT_LLM.baseUrl
  const model = settings.model || DEFAULT_LLM.model
  if (!apiKey && /api\.openai\.com/.test(baseURL)) throw new LlmError("auth", "No API key is saved for the AI service. Add it in Settings.")
  // The key is part of the cache identity only through a digest-free comparison in memory, never logged.
  const key = `${baseURL}|${model}|${apiKey}`
  if (port?.key !== key) port = { key, port: new OpenAiPort({ baseURL, apiKey, model }) }
  return { port: port.port, settings }
}

async function score(request: ScoreRequest) {
  const now = new Date(request.now)
  if (request.analysis.engine !== "llm") return scoreLocal(request.rubric, request.resume, { now })
  const { port: llm, settings } = await llmPort()
  const prices =
    settings.priceInPerM !== undefined && settings.priceOutPerM !== undefined
      ? { inputPerMillion: settings.priceInPerM, outputPerMillion: settings.priceOutPerM }
      : undefined
  return scoreWithLlm(request.rubric, request.resume, {
    port: llm,
    blind: settings.blindMode,
    candidateName: request.candidateName,
    prices,
    rubricVersion: request.rubricVersion
  })
}

export function getRunner(): Runner {
  runner ??= new Runner({
    db: getDb(),
    lever: async () => (await getLeverClient()) as unknown as RunnerLever,
    ingest: (bytes, meta) => ingestBytes(bytes, meta),
    fromParsedData: fromLeverParsedData,
    score,
    hash: sha256Hex,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    onProgress: () => refreshBadge(getDb()),
    log: (message, details) => console.info(`[runner] ${message}`, details ?? "")
  })
  return runner
}

const isFirefox = typeof navigator !== "undefined" && /firefox/i.test(navigator.userAgent)

/** Call once, synchronously, at the top level of the background script (listeners must be registered on every start). */
export function startRunner(): void {
  const current = getRunner()
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RUNNER_ALARM) void current.tick().catch((error) => console.warn("[runner] tick failed", String(error)))
  })
  void (async () => {
    // Re-creating an alarm resets its clock, so only create it when missing.
    if (!(await browser.alarms.get(RUNNER_ALARM))) {
      await browser.alarms.create(RUNNER_ALARM, { periodInMinutes: isFirefox ? 1 : 0.5, delayInMinutes: isFirefox ? 1 : 0.5 })
    }
    await current.start()
    refreshBadge(getDb())
  })().catch((error) => console.warn("[runner] start failed", String(error)))
}
