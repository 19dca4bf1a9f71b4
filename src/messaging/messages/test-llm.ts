import { z } from "zod"

import { defineMessage } from "../contract"

export interface LlmTestResult {
  model: string
  latencyMs: number
  inputTokens: number
  outputTokens: number
}

/** One tiny request to the saved OpenAI-compatible endpoint with the saved key. */
export const testLlm = defineMessage<LlmTestResult>()("test-llm", "page", z.object({}).strict())
