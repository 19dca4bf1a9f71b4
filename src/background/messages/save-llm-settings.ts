import { getDb } from "../../db/schema"
import { saveLlmSettings, type LlmSettings } from "../../messaging/messages/save-llm-settings"
import { handle } from "../router"
import { writeVault } from "../vault"

export const LLM_SETTINGS_KEY = "llm"

handle(saveLlmSettings, async ({ apiKey, clearApiKey, ...rest }) => {
  const settings: LlmSettings = {
    engine: rest.engine,
    baseUrl: rest.baseUrl?.replace(/\/+$/, ""),
    model: rest.model,
    priceInPerM: rest.priceInPerM,
    priceOutPerM: rest.priceOutPerM,
    blindMode: rest.blindMode
  }
  const vault = await writeVault((current) => {
    if (clearApiKey) {
      const { llmApiKey: _dropped, ...kept } = current
      return kept
    }
    return apiKey ? { ...current, llmApiKey: apiKey } : current
  })
  await getDb().settings.put({ key: LLM_SETTINGS_KEY, value: settings })
  return { settings, llmKeySet: !!vault.llmApiKey }
})
