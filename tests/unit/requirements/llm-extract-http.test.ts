/**
 * The LLM extractor through the real openai SDK adapter (src/llm/openai-port.ts) against the local
 * OpenAI-compatible test server: every failure the server can produce must end in the local
 * extractor's result with a note, and the request must carry the schema and keep the key out of notes.
 */
import fs from "node:fs"
import path from "node:path"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { extractRequirements } from "~core/requirements/extract"
import { extractRequirementsWithLlm } from "~core/requirements/llm-extract"
import { OpenAiPort } from "~llm/openai-port"

import { startLlmServer, type LlmTestServer } from "../../llm-server/server"

const SHARED = path.resolve(__dirname, "../../../../shared")
const posting = JSON.parse(fs.readFileSync(path.join(SHARED, "eval-dev/postings/clinical-research-coordinator.json"), "utf8"))
const API_KEY = "sk-test-0123456789abcdefSECRET"

describe("extractRequirementsWithLlm over HTTP (openai SDK + local test server)", () => {
  let server: LlmTestServer
  const port = () => new OpenAiPort({ baseURL: server.baseURL, apiKey: API_KEY, model: "test-model", maxAttempts: 2, sleep: async () => {}, timeoutMs: 10_000 })

  beforeAll(async () => {
    server = await startLlmServer({ mode: "refusal" })
  })
  afterAll(async () => {
    await server?.close()
  })

  it("sends strict structured output with the extraction schema, and falls back on a refusal", async () => {
    server.setMode("refusal")
    const before = server.requests.length
    const result = await extractRequirementsWithLlm(port(), posting)
    expect(result.usedFallback).toBe(true)
    expect(result.notes[0]).toMatch(/declined/)
    expect(result.requirements).toEqual(extractRequirements(posting).requirements)
    const body = server.requests[before]!.body
    expect(body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "job_requirements", strict: true } })
    expect(body.messages[0].role).toBe("system")
    expect(body.messages.at(-1).content).toMatch(/<posting>[\s\S]*REDCap[\s\S]*<\/posting>$/)
  })

  it("repairs once and then falls back when the answer is not JSON", async () => {
    server.setMode("malformed")
    const before = server.requests.length
    const result = await extractRequirementsWithLlm(port(), posting)
    expect(server.requests.length - before).toBe(2)
    expect(result.usedFallback).toBe(true)
    expect(result.notes[0]).toMatch(/invalid twice/)
  })

  it("falls back after the adapter's retries when the server keeps failing, without the key in any note", async () => {
    server.setMode("always_500")
    const result = await extractRequirementsWithLlm(port(), posting)
    expect(result.usedFallback).toBe(true)
    expect(result.notes[0]).toMatch(/LLM extractor could not be used/)
    expect(JSON.stringify(result)).not.toContain("SECRET")
    expect(result.requirements.length).toBe(8)
  })
})
