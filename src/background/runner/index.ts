/**
 * The runner as the extension runs it: real database, the shared Lever client, pdf.js ingestion, the
 * local or LLM engine; driven by an alarm (every 30 s in Chrome, 1 min in Firefox, the browsers'
 * floors) and a resume-on-start pass each time the worker / event page starts.
 */
import browser from "webextension-polyfill"

import { scoreWithLlm } from "../../core/scoring/llm-engine"
import { scoreLocal } from "../../core/scoring/local-engine"
import { getDb } from "../../db/schema"
import { sha256Hex } from "../../ingest/ingest"
import { ingestBytes } from "../../ingest/browser"
import { refreshBadge } from "../badge"
import { getLeverClient } from "../lever-session"
import { getLlmPort } from "../llm-session"
import { fromLeverParsedData } from "../../core/resume/lever-parsed"
import { Runner } from "./runner"
import type { RunnerLever, ScoreRequest } from "./types"

export const RUNNER_ALARM = "runner-tick"

let runner: Runner | undefined

async function score(request: ScoreRequest) {
  const now = new Date(request.now)
  if (request.analysis.engine !== "llm") return scoreLocal(request.rubric, request.resume, { now })
  const { port: llm, settings } = await getLlmPort()
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
