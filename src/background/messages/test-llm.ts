import { DEFAULT_LLM } from "../../../plasmo.config"
import { getDb } from "../../db/schema"
import { OpenAiPort } from "../../llm/openai-port"
import { MessageFailure } from "../../messaging/contract"
import type { LlmSettings } from "../../messaging/messages/save-llm-settings"
import { testLlm } from "../../messaging/messages/test-llm"
import { runLlmTest } from "../llm-check"
import { handle } from "../router"
import { readVault } from "../vault"

handle(testLlm, async () => {
  const settings = (await getDb().settings.get("llm"))?.value as LlmSettings | undefined
  if (settings?.engine !== "llm") throw new MessageFailure({ code: "bad_request", message: "Choose the OpenAI-compatible engine and save it before testing." })
  const { llmApiKey } = await readVault()
  const port = new OpenAiPort({
    baseURL: settings.baseUrl || DEFAULT_LLM.baseUrl,
    model: settings.model || DEFAULT_LLM.model,
    apiKey: llmApiKey ?? "",
    // One quick try: the button reports what is wrong rather than waiting through backoff.
    maxAttempts: 1,
    timeoutMs: 20_000
  })
  return runLlmTest(port)
})
