/**
 * The port through which pure core code (LLM requirement extraction, LLM scoring) talks to a model.
 * core builds prompts and validates answers; the adapter in src/llm/ implements this with the `openai`
 * SDK against any OpenAI-compatible endpoint. Tests pass a fake or the local test server.
 */
export interface LlmMessage {
  role: "system" | "user" | "assistant"
  content: string
}

export interface LlmJsonRequest {
  messages: LlmMessage[]
  /** Name and JSON Schema for structured output; servers without it get JSON mode + validation. */
  schemaName: string
  jsonSchema: Record<string, unknown>
  temperature?: number
  maxOutputTokens?: number
  signal?: AbortSignal
}

export interface LlmUsage {
  inputTokens: number
  outputTokens: number
  cachedInputTokens?: number
}

export interface LlmJsonResponse {
  /** The raw text the model produced (already JSON-parsed into `json` when it parsed). */
  text: string
  json: unknown
  usage: LlmUsage
  model: string
  /** Set when the model refused (OpenAI's `refusal`). */
  refusal?: string
}

export interface LlmPort {
  readonly model: string
  completeJson(request: LlmJsonRequest): Promise<LlmJsonResponse>
}

export class LlmError extends Error {
  constructor(
    readonly kind: "timeout" | "rate_limited" | "server" | "refused" | "invalid_output" | "auth" | "network" | "other",
    message: string
  ) {
    super(message)
    this.name = "LlmError"
  }
}
