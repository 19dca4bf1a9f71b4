/**
 * The options page's "Test" button: one tiny JSON request to the configured OpenAI-compatible endpoint,
 * through the same adapter the LLM engine uses, so a passing test means scoring can reach the model.
 */
import { LlmError, type LlmPort } from "../core/llm/port"
import { MessageFailure } from "../messaging/contract"
import type { LlmTestResult } from "../messaging/messages/test-llm"

const TEST_SCHEMA = {
  type: "object",
  properties: { ok: { type: "boolean" } },
  required: ["ok"],
  additionalProperties: false
}

const PLAIN: Record<LlmError["kind"], string> = {
  auth: "The model server did not accept the API key.",
  network: "Could not reach the model server. Check the base URL and the network.",
  timeout: "The model server did not answer in time.",
  rate_limited: "The model server is limiting requests (rate limit or quota). Try again later.",
  server: "The model server had an error.",
  refused: "The model refused the test request.",
  invalid_output: "The model answered, but not with JSON: choose a model that supports JSON output.",
  other: "The model request failed."
}

export async function runLlmTest(port: LlmPort, now: () => number = Date.now): Promise<LlmTestResult> {
  const started = now()
  try {
    const response = await port.completeJson({
      messages: [
        { role: "system", content: "You are a connection test. Answer with JSON only." },
        { role: "user", content: 'Reply with {"ok": true}.' }
      ],
      schemaName: "connection_test",
      jsonSchema: TEST_SCHEMA,
      temperature: 0,
      maxOutputTokens: 20
    })
    return { model: response.model || port.model, latencyMs: now() - started, inputTokens: response.usage.inputTokens, outputTokens: response.usage.outputTokens }
  } catch (error) {
    if (error instanceof LlmError) {
      throw new MessageFailure({ code: "llm_error", message: `${PLAIN[error.kind]} (${error.message.slice(0, 200)})`, details: { kind: error.kind } })
    }
    throw error
  }
}
