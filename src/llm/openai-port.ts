/**
 * The `LlmPort` over the `openai` SDK, for any OpenAI-compatible endpoint (OpenAI, Azure-style proxies,
 * vLLM, Ollama, LM Studio …). Runs in the extension's background worker, hence
 * `dangerouslyAllowBrowser`: the key never leaves the background (see architecture.md).
 *
 * - Structured output (`response_format: json_schema`, strict) first; a server that rejects it is
 *   remembered and asked for JSON mode (`json_object`) instead, and the engine validates the answer.
 * - The SDK's own retries are off: timeouts, 429 and 5xx are retried here with exponential backoff and
 *   jitter, a bounded number of attempts, honouring `Retry-After` / `retry-after-ms`.
 * - Errors become `LlmError`s with a kind; messages never contain the key.
 */
import OpenAI from "openai"
import { LlmError, type LlmJsonRequest, type LlmJsonResponse, type LlmPort } from "~core/llm/port"

export interface OpenAiPortOptions {
  baseURL: string
  apiKey: string
  model: string
  /** Per-request timeout in milliseconds. Default 60 s. */
  timeoutMs?: number
  /** Total attempts for retryable failures (timeouts, 429, 5xx, dropped connections). Default 4. */
  maxAttempts?: number
  /** First backoff delay in ms (doubled each attempt, plus jitter). Default 1000. */
  baseDelayMs?: number
  /** Longest wait between attempts, including a server's Retry-After. Default 60 s. */
  maxDelayMs?: number
  /** "auto" tries json_schema and falls back to json_object if the server rejects it. */
  structuredOutput?: "auto" | "json_schema" | "json_object"
  /** Injected for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  random?: () => number
  fetch?: typeof fetch
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new DOMException("Aborted", "AbortError"))
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer)
        reject(signal.reason ?? new DOMException("Aborted", "AbortError"))
      },
      { once: true }
    )
  })
}

/** Milliseconds a server asked us to wait, from `retry-after-ms` or `Retry-After` (seconds or HTTP date). */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined
  const ms = headers.get("retry-after-ms")
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms))
  const value = headers.get("retry-after")
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.max(0, Number(value) * 1000)
  const date = Date.parse(value)
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined
}

/** Strips a Markdown code fence some models put around JSON. */
export function parseJsonLenient(text: string): unknown {
  const trimmed = text.trim().replace(/^```(?:json)?\s*/i, "").replace(/\s*```$/, "")
  try {
    return JSON.parse(trimmed)
  } catch {
    return undefined
  }
}

function classify(error: unknown): LlmError & { retryable: boolean; waitMs?: number } {
  const wrap = (kind: LlmError["kind"], message: string, retryable: boolean, waitMs?: number) => Object.assign(new LlmError(kind, message), { retryable, waitMs })
  if (error instanceof OpenAI.APIConnectionTimeoutError) return wrap("timeout", "The model endpoint did not answer in time.", true)
  if (error instanceof OpenAI.APIUserAbortError) return wrap("other", "The request was cancelled.", false)
  if (error instanceof OpenAI.APIConnectionError) return wrap("network", "Could not reach the model endpoint.", true)
  if (error instanceof OpenAI.RateLimitError) return wrap("rate_limited", "The model endpoint is rate limiting requests (429).", true, retryAfterMs(error.headers))
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) return wrap("auth", `The model endpoint refused the key (${error.status}).`, false)
  if (error instanceof OpenAI.APIError && typeof error.status === "number" && error.status >= 500) {
    return wrap("server", `The model endpoint failed (${error.status}).`, true, retryAfterMs(error.headers as Headers | undefined))
  }
  if (error instanceof OpenAI.APIError) return wrap("other", `The model endpoint rejected the request (${error.status ?? "no status"}): ${String(error.message).slice(0, 200)}`, false)
  return wrap("other", (error as Error)?.message?.slice(0, 200) ?? "Unknown error", false)
}

function rejectsStructuredOutput(error: unknown): boolean {
  if (!(error instanceof OpenAI.APIError) || (error.status !== 400 && error.status !== 422)) return false
  return /response_format|json_schema|structured|schema/i.test(String(error.message))
}

export class OpenAiPort implements LlmPort {
  readonly model: string
  private readonly client: OpenAI
  private mode: "json_schema" | "json_object"
  private readonly opts: Required<Pick<OpenAiPortOptions, "maxAttempts" | "baseDelayMs" | "maxDelayMs">> & OpenAiPortOptions

  constructor(opts: OpenAiPortOptions) {
    if (!opts.baseURL) throw new LlmError("other", "No model endpoint (base URL) is configured.")
    if (!opts.model) throw new LlmError("other", "No model name is configured.")
    this.model = opts.model
    this.opts = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000, ...opts }
    this.mode = opts.structuredOutput === "json_object" ? "json_object" : "json_schema"
    this.client = new OpenAI({
      baseURL: opts.baseURL,
      apiKey: opts.apiKey || "not-needed",
      dangerouslyAllowBrowser: true,
      maxRetries: 0,
      timeout: opts.timeoutMs ?? 60_000,
      ...(opts.fetch ? { fetch: opts.fetch } : {})
    })
  }

  /** The response format in use ("json_object" after a server rejected structured output). */
  get responseFormat(): "json_schema" | "json_object" {
    return this.mode
  }

  async completeJson(request: LlmJsonRequest): Promise<LlmJsonResponse> {
    const sleep = this.opts.sleep ?? defaultSleep
    const random = this.opts.random ?? Math.random
    let attempt = 0
    for (;;) {
      attempt++
      try {
        return await this.once(request)
      } catch (error) {
        if (this.mode === "json_schema" && this.opts.structuredOutput !== "json_schema" && rejectsStructuredOutput(error)) {
          // This server has no structured output: use JSON mode from now on (the engine validates).
          this.mode = "json_object"
          attempt--
          continue
        }
        if (request.signal?.aborted) throw error
        const failure = classify(error)
        if (!failure.retryable || attempt >= this.opts.maxAttempts) {
          const suffix = attempt > 1 ? ` (after ${attempt} attempts)` : ""
          throw new LlmError(failure.kind, failure.message + suffix)
        }
        const backoff = Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** (attempt - 1))
        const jittered = backoff / 2 + random() * (backoff / 2)
        const wait = Math.min(this.opts.maxDelayMs, Math.max(jittered, failure.waitMs ?? 0))
        await sleep(wait, request.signal)
      }
    }
  }

  private async once(request: LlmJsonRequest): Promise<LlmJsonResponse> {
    const responseFormat =
      this.mode === "json_schema"
        ? ({ type: "json_schema", json_schema: { name: request.schemaName, schema: request.jsonSchema, strict: true } } as const)
        : ({ type: "json_object" } as const)
    const completion = await this.client.chat.completions.create(
      {
        model: this.model,
        messages: request.messages,
        temperature: request.temperature ?? 0,
        ...(request.maxOutputTokens ? { max_tokens: request.maxOutputTokens } : {}),
        response_format: responseFormat
      },
      { signal: request.signal }
    )
    const choice = completion.choices?.[0]
    const message = choice?.message
    const usage = {
      inputTokens: completion.usage?.prompt_tokens ?? 0,
      outputTokens: completion.usage?.completion_tokens ?? 0,
      ...(completion.usage?.prompt_tokens_details?.cached_tokens ? { cachedInputTokens: completion.usage.prompt_tokens_details.cached_tokens } : {})
    }
    const model = completion.model || this.model
    if (message?.refusal) return { text: "", json: undefined, usage, model, refusal: message.refusal }
    const text = message?.content ?? ""
    return { text, json: parseJsonLenient(text), usage, model }
  }
}
