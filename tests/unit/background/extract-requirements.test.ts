/**
 * `extract-requirements` through the real router: the local extractor by default; with the LLM engine,
 * the LLM extractor through the real openai SDK against the local OpenAI-compatible test server (the key
 * read from the vault), falling back to the local extractor with a note — and never the key — on failure.
 */
import "fake-indexeddb/auto"

import fs from "node:fs"
import path from "node:path"

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest"

vi.mock("webextension-polyfill", () => ({
  default: { runtime: { id: "ext", getURL: (p: string) => `chrome-extension://ext/${p}`, onMessage: { addListener() {} } } }
}))

import "~background/messages/extract-requirements"
import { dispatch } from "~background/router"
import { writeVault } from "~background/vault"
import { extractRequirements } from "~core/requirements/extract"
import { getDb } from "~db/schema"

import { startLlmServer, type LlmTestServer } from "../../llm-server/server"

const own = { id: "ext", origin: "chrome-extension://ext/" }
const popup = { id: "ext", url: "chrome-extension://ext/popup.html" }
const leverTab = { id: "ext", url: "https://hire.lever.co/candidates", tab: { id: 1, url: "https://hire.lever.co/candidates" } }
const KEY = "sk-test-extract-0123456789SECRET"
const posting = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, "../../../../shared/eval-dev/postings/senior-accountant.json"), "utf8")
)

let server: LlmTestServer
const ask = (body: unknown, sender: object = popup) => dispatch({ type: "extract-requirements", body }, sender, own) as Promise<any>

beforeAll(async () => {
  server = await startLlmServer({ mode: "good" })
})
afterAll(async () => {
  await server?.close()
})
beforeEach(async () => {
  const db = getDb()
  await Promise.all(db.tables.map((t) => t.clear()))
  await db.postings.put({ id: posting.id, title: posting.text, state: "published", raw: posting, syncedAt: Date.now() })
  await writeVault((v) => ({ ...v, llmApiKey: KEY }))
})

describe("extract-requirements", () => {
  it("uses the local extractor when the local engine is chosen", async () => {
    const reply = await ask({ postingId: posting.id })
    expect(reply.ok).toBe(true)
    expect(reply.data.extractor).toBe("local")
    expect(reply.data.requirements).toEqual(extractRequirements(posting).requirements)
  })

  it("asks the model through the openai SDK when the LLM engine is chosen, and falls back on garbage", async () => {
    await getDb().settings.put({ key: "llm", value: { engine: "llm", baseUrl: server.baseURL, model: "test-model", blindMode: true } })
    server.setMode("malformed")
    const before = server.requests.length
    const reply = await ask({ postingId: posting.id })
    expect(server.requests.length).toBeGreaterThan(before)
    expect(server.requests[before]!.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(reply.ok).toBe(true)
    expect(reply.data).toMatchObject({ extractor: "local", usedFallback: true })
    expect(reply.data.notes.join(" ")).toMatch(/invalid|could not/i)
    expect(reply.data.requirements.length).toBeGreaterThan(0)
    expect(JSON.stringify(reply)).not.toContain("SECRET")
  })

  it("is refused to content scripts and answers an unknown posting with a typed error", async () => {
    expect(await ask({ postingId: posting.id }, leverTab)).toMatchObject({ ok: false, error: { code: "forbidden_sender" } })
    expect(await ask({ postingId: "nope" })).toMatchObject({ ok: false, error: { code: "lever_not_found" } })
    expect(await ask({ postingId: posting.id, extra: 1 })).toMatchObject({ ok: false, error: { code: "bad_request" } })
  })
})
