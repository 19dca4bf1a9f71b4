/**
 * A local OpenAI-compatible test server: a real HTTP server on 127.0.0.1 that answers
 * POST /v1/chat/completions the way the real API does (ids, `usage`, `choices[0].message.content` or
 * `.refusal`, error bodies and headers), so tests can drive the real `openai` SDK through every failure
 * mode. It records every request body so tests can check what left the machine.
 *
 * Modes:
 * - good: reads the requirements ("- id | category | mandatory | text") and the <resume> block from the
 *   prompt and gives each requirement a verdict by simple keyword overlap, quoting a real resume line;
 * - malformed: content that is not JSON; malformed_then_good: malformed once, then good (repair path);
 * - refusal: `message.refusal` set, content null;
 * - rate_limit: 429 with `Retry-After` (the first `failTimes` requests, then good);
 * - server_error: 500 (the first `failTimes` requests, then good); always_500: every request fails;
 * - slow: answers after `delayMs` (beyond the client's timeout);
 * - hallucinate: "met" verdicts quoting text that is not in the resume;
 * - no_structured_output: rejects `response_format: json_schema` with a 400 like servers without it,
 *   and answers JSON mode (`json_object`) like "good".
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export type LlmServerMode =
  | "good"
  | "malformed"
  | "malformed_then_good"
  | "refusal"
  | "rate_limit"
  | "server_error"
  | "always_500"
  | "slow"
  | "hallucinate"
  | "no_structured_output"

export interface LlmServerOptions {
  mode: LlmServerMode
  /** For rate_limit and server_error: how many requests fail before the server answers. Default 1. */
  failTimes?: number
  /** Retry-After seconds sent with 429. Default 1. */
  retryAfterSeconds?: number
  /** For slow: how long to wait before answering. Default 3000 ms. */
  delayMs?: number
}

export interface RecordedRequest {
  path: string
  headers: Record<string, string | string[] | undefined>
  body: any
  receivedAt: number
}

export interface LlmTestServer {
  url: string
  baseURL: string
  requests: RecordedRequest[]
  setMode(mode: LlmServerMode, opts?: Omit<LlmServerOptions, "mode">): void
  close(): Promise<void>
}

let counter = 0

function completion(model: string, content: string | null, promptTokens: number, completionTokens: number, refusal: string | null = null) {
  counter++
  return {
    id: `chatcmpl-test${Date.now().toString(36)}${counter}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: "fp_test",
    choices: [{ index: 0, message: { role: "assistant", content, refusal }, logprobs: null, finish_reason: "stop" }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens, prompt_tokens_details: { cached_tokens: 0 } }
  }
}

function approxTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4))
}

const STOP = new Set("with and the for from that this have has into your their years year experience using used strong knowledge working ability".split(" "))

interface ParsedPrompt {
  requirements: { id: string; text: string }[]
  resumeLines: string[]
}

export function parsePrompt(messages: { role: string; content: string }[]): ParsedPrompt {
  const all = messages.map((m) => m.content ?? "").join("\n")
  const requirements: { id: string; text: string }[] = []
  for (const m of all.matchAll(/^- (\S+) \| [^|]+ \| (?:mandatory|preferred) \| (.+)$/gm)) requirements.push({ id: m[1], text: m[2] })
  const resume = /<resume>\n?([\s\S]*?)\n?<\/resume>/.exec(all)?.[1] ?? ""
  return { requirements, resumeLines: resume.split("\n").map((l) => l.trim()).filter((l) => l.length > 0) }
}

/** A plausible answer computed by keyword overlap: enough for tests, deliberately simple. */
export function keywordVerdicts(prompt: ParsedPrompt) {
  return {
    verdicts: prompt.requirements.map((r) => {
      const words = [...new Set((r.text.toLowerCase().match(/[a-z][a-z0-9+#.-]{2,}/g) ?? []).filter((w) => !STOP.has(w)))]
      let bestLine = ""
      let bestHits = 0
      for (const line of prompt.resumeLines) {
        const lower = line.toLowerCase()
        const hits = words.filter((w) => lower.includes(w)).length
        if (hits > bestHits) {
          bestHits = hits
          bestLine = line
        }
      }
      const ratio = words.length ? bestHits / words.length : 0
      const verdict = ratio >= 0.5 ? "met" : bestHits > 0 ? "partial" : "not_met"
      return {
        requirementId: r.id,
        verdict,
        evidence: bestHits > 0 ? [bestLine] : [],
        reason: bestHits > 0 ? `${bestHits} of ${words.length} requirement words appear in the resume.` : "No requirement words appear in the resume."
      }
    })
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, { "content-type": "application/json", "x-request-id": `req_test_${counter}`, ...headers })
  res.end(text)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

export async function startLlmServer(initial: LlmServerOptions): Promise<LlmTestServer> {
  let options: LlmServerOptions = { ...initial }
  let failuresLeft = options.failTimes ?? 1
  let malformedLeft = 1
  const requests: RecordedRequest[] = []
  const pending = new Set<NodeJS.Timeout>()

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req)
    let body: any
    try {
      body = JSON.parse(raw)
    } catch {
      return sendJson(res, 400, { error: { message: "We could not parse the JSON body of your request.", type: "invalid_request_error", param: null, code: null } })
    }
    requests.push({ path: req.url ?? "", headers: req.headers, body, receivedAt: Date.now() })
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      return sendJson(res, 404, { error: { message: `Unknown request URL: ${req.method} ${req.url}.`, type: "invalid_request_error", param: null, code: "unknown_url" } })
    }
    const model = String(body.model ?? "test-model")
    const messages = Array.isArray(body.messages) ? body.messages : []
    const promptTokens = approxTokens(messages.map((m: { content: string }) => m.content ?? "").join("\n"))
    const prompt = parsePrompt(messages)
    const answer = (content: unknown) => {
      const text = typeof content === "string" ? content : JSON.stringify(content)
      sendJson(res, 200, completion(model, text, promptTokens, approxTokens(text)))
    }
    switch (options.mode) {
      case "good":
        return answer(keywordVerdicts(prompt))
      case "malformed":
        return answer('{"verdicts": [{"requirementId": "r1", "verdict": "met", "evidence": ["')
      case "malformed_then_good":
        if (malformedLeft-- > 0) return answer("Sure! Here is my assessment: the candidate looks great.")
        return answer(keywordVerdicts(prompt))
      case "refusal":
        return sendJson(res, 200, completion(model, null, promptTokens, 12, "I'm sorry, but I can't help with that request."))
      case "rate_limit":
        if (failuresLeft-- > 0) {
          return sendJson(
            res,
            429,
            { error: { message: "Rate limit reached for requests. Please try again in 1s.", type: "requests", param: null, code: "rate_limit_exceeded" } },
            { "retry-after": String(options.retryAfterSeconds ?? 1) }
          )
        }
        return answer(keywordVerdicts(prompt))
      case "server_error":
        if (failuresLeft-- > 0) return sendJson(res, 500, { error: { message: "The server had an error while processing your request.", type: "server_error", param: null, code: null } })
        return answer(keywordVerdicts(prompt))
      case "always_500":
        return sendJson(res, 500, { error: { message: "The server had an error while processing your request.", type: "server_error", param: null, code: null } })
      case "slow": {
        const timer = setTimeout(() => {
          pending.delete(timer)
          if (!res.destroyed) answer(keywordVerdicts(prompt))
        }, options.delayMs ?? 3000)
        pending.add(timer)
        return
      }
      case "hallucinate":
        return answer({
          verdicts: prompt.requirements.map((r) => ({
            requirementId: r.id,
            verdict: "met",
            evidence: [`Ten years of award-winning experience in ${r.text.slice(0, 40)}`],
            reason: "Clearly an expert."
          }))
        })
      case "no_structured_output":
        if (body.response_format?.type === "json_schema") {
          return sendJson(res, 400, { error: { message: "response_format of type 'json_schema' is not supported by this model.", type: "invalid_request_error", param: "response_format", code: null } })
        }
        return answer(keywordVerdicts(prompt))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    baseURL: `${url}/v1`,
    requests,
    setMode(mode, opts = {}) {
      options = { mode, ...opts }
      failuresLeft = opts.failTimes ?? 1
      malformedLeft = 1
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of pending) clearTimeout(t)
        server.closeAllConnections?.()
        server.close(() => resolve())
      })
  }
}
