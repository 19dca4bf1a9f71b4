/**
 * The background's one OpenAI-compatible port, built from the `llm` settings row and the vault's key.
 * Shared by the runner (LLM scoring) and requirement extraction, and rebuilt only when the endpoint,
 * model or key changes. The key never leaves this module except inside the SDK's request headers.
 */
import { DEFAULT_LLM } from "../../plasmo.config"
import { LlmError } from "../core/llm/port"
import { getDb } from "../db/schema"
import { OpenAiPort } from "../llm/openai-port"
import type { LlmSettings } from "../messaging/messages/save-llm-settings"
import { readVault } from "./vault"

let cached: { identity: string; port: OpenAiPort } | undefined

export async function readLlmSettings(): Promise<LlmSettings> {
  return ((await getDb().settings.get("llm"))?.value ?? { engine: "local", blindMode: false }) as LlmSettings
}

export async function getLlmPort(settings?: LlmSettings): Promise<{ port: OpenAiPort; settings: LlmSettings }> {
  const current = settings ?? (await readLlmSettings())
  const apiKey = (await readVault()).llmApiKey ?? ""
  const baseURL = current.baseUrl || DEFAULT_LLM.baseUrl
  const model = current.model || DEFAULT_LLM.model
  if (!apiKey && /api\.openai\.com/.test(baseURL)) throw new LlmError("auth", "No API key is saved for the AI service. Add it in Settings.")
  // Compared in memory only, never logged or stored.
  const identity = `${baseURL}|${model}|${apiKey}`
  if (cached?.identity !== identity) cached = { identity, port: new OpenAiPort({ baseURL, apiKey, model }) }
  return { port: cached.port, settings: current }
}
