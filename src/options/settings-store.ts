/**
 * Non-secret settings the options page reads and writes directly in the extension database (same
 * origin as the background). Secrets never pass through here: they go to the background's vault.
 */
import { getDb } from "../db/schema"
import type { ActionDefaults } from "../messaging/messages/actions"
import type { LlmSettings } from "../messaging/messages/save-llm-settings"

export const ACTIONS_KEY = "actions"
export const LLM_KEY = "llm"
export const DIAGNOSTICS_KEY = "diagnostics"

export async function readSetting<T>(key: string): Promise<T | undefined> {
  return (await getDb().settings.get(key))?.value as T | undefined
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
  await getDb().settings.put({ key, value })
}

export const readActions = async (): Promise<ActionDefaults> => ({ postNotes: false, ...(await readSetting<ActionDefaults>(ACTIONS_KEY)) })
export const readLlm = async (): Promise<LlmSettings | undefined> => readSetting<LlmSettings>(LLM_KEY)
export const readDiagnostics = async (): Promise<boolean> => (await readSetting<boolean>(DIAGNOSTICS_KEY)) === true
