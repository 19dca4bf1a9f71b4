/**
 * The background side of "connect Lever", run through the real router against the Lever simulator:
 * verify-then-save for API keys, OAuth sign-in with state checked, token refresh with rotation, a
 * revoked grant leading to "sign in again" (no loop), disconnect and delete-all-data leaving no secret,
 * retention, and the LLM "Test" button against the local OpenAI-compatible server.
 */
import "fake-indexeddb/auto"

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest"

const browserMock = vi.hoisted(() => ({
  granted: new Set<string>(),
  webAuthFlow: null as null | ((url: string) => Promise<string>)
}))

vi.mock("webextension-polyfill", () => ({
  default: {
    runtime: { id: "ext", getURL: (path: string) => `chrome-extension://ext/${path}`, getManifest: () => ({ version: "0" }), onMessage: { addListener() {} } },
    permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => browserMock.granted.has(o)) },
    identity: {
      getRedirectURL: (path: string) => `https://ext.chromiumapp.org/${path}`,
      launchWebAuthFlow: async ({ url }: { url: string }) => browserMock.webAuthFlow!(url)
    },
    alarms: { onAlarm: { addListener() {} }, get: async () => undefined, create() {} }
  }
}))

import { startSimulator, type Simulator } from "../../lever-sim/server"
import { startLlmServer, type LlmTestServer } from "../../llm-server/server"
import { simFetch } from "./sim-fetch"

import "~background/messages/connect-api-key"
import "~background/messages/connect-oauth"
import "~background/messages/check-capabilities"
import "~background/messages/disconnect"
import "~background/messages/delete-all-data"
import "~background/messages/set-acting-user"
import "~background/messages/find-lever-user"
import "~background/messages/storage-usage"
import "~background/messages/set-retention"
import "~background/messages/connection-status"
import "~background/messages/save-llm-settings"
import "~background/messages/test-llm"
import { getLeverClient, readConnection } from "~background/lever-session"
import { dispatch } from "~background/router"
import { readVault, writeVault } from "~background/vault"
import { getDb } from "~db/schema"

const own = { id: "ext", origin: "chrome-extension://ext/" }
const optionsPage = { id: "ext", url: "chrome-extension://ext/options.html" }
const leverTab = { id: "ext", url: "https://hire.lever.co/candidates", tab: { id: 3, url: "https://hire.lever.co/candidates" } }

let sim: Simulator
let llm: LlmTestServer
const replies: unknown[] = []
const secrets: string[] = []

async function ask(type: string, body: unknown, sender: object = optionsPage): Promise<any> {
  const reply = await dispatch({ type, body }, sender, own)
  replies.push(reply)
  return reply
}

/** What the simulator's consent page's "Allow" does: a redirect back to the extension with code and state. */
async function allowConsent(url: string): Promise<string> {
  const consent = new URL(url)
  consent.searchParams.set("decision", "allow")
  const response = await globalThis.fetch(consent.toString())
  return response.headers.get("location")!
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, applicantsPerPosting: 5 })
  llm = await startLlmServer({ mode: "good" })
  // Lever hosts go to the simulator (as --host-resolver-rules does in e2e); the local LLM server stays itself.
  const realFetch = globalThis.fetch
  const toSim = simFetch(sim.port)
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    String(input instanceof Request ? input.url : input).startsWith(llm.url) ? realFetch(input, init) : toSim(input, init)) as typeof fetch
  secrets.push(sim.keys.full, sim.keys.readOnly, sim.oauthApp.clientSecret)
}, 60_000)

afterAll(async () => {
  await sim?.close()
  await llm?.close()
  // No reply that crossed the message boundary ever carried a secret.
  const all = JSON.stringify(replies)
  for (const secret of secrets) expect(all).not.toContain(secret)
})

beforeEach(async () => {
  browserMock.granted.clear()
  browserMock.webAuthFlow = allowConsent
  await ask("disconnect", {})
})

describe("connect with an API key", () => {
  it("is not connected at first: background code gets not_connected", async () => {
    await expect(getLeverClient()).rejects.toMatchObject({ code: "not_connected" })
  })

  it("verifies the key, saves it only then, and reports capabilities", async () => {
    const reply = await ask("connect-api-key", { environment: "production", apiKey: sim.keys.full })
    expect(reply.ok).toBe(true)
    expect(reply.data.status).toMatchObject({ connected: true, method: "api_key", environment: "production", apiBase: "https://api.lever.co/v1" })
    expect(reply.data.capabilities.every((c: { allowed: boolean }) => c.allowed)).toBe(true)
    expect((await readVault()).lever).toEqual({ kind: "api_key", apiKey: sim.keys.full })
    expect((await (await getLeverClient()).stages()).length).toBeGreaterThan(0)
  })

  it("a wrong key is refused with a plain message and the previous connection is kept", async () => {
    await ask("connect-api-key", { environment: "production", apiKey: sim.keys.readOnly })
    const reply = await ask("connect-api-key", { environment: "production", apiKey: "wrong-key-0123456789" })
    expect(reply).toMatchObject({ ok: false, error: { code: "lever_unauthorized" } })
    expect(reply.error.message).toMatch(/did not accept this API key/)
    expect((await readVault()).lever).toEqual({ kind: "api_key", apiKey: sim.keys.readOnly })
  })

  it("refuses a non-HTTPS custom URL, and a custom host the user has not allowed", async () => {
    const plain = await ask("connect-api-key", { environment: "custom", customBase: "http://127.0.0.1/v1", apiKey: sim.keys.full })
    expect(plain).toMatchObject({ ok: false, error: { code: "bad_request" } })
    const notAllowed = await ask("connect-api-key", { environment: "custom", customBase: "https://lever-proxy.example.com/v1", apiKey: sim.keys.full })
    expect(notAllowed.error.message).toMatch(/may not reach lever-proxy.example.com/)
    browserMock.granted.add("https://lever-proxy.example.com/*")
    const allowed = await ask("connect-api-key", { environment: "custom", customBase: "https://lever-proxy.example.com/v1/", apiKey: sim.keys.full })
    expect(allowed.data.status).toMatchObject({ connected: true, environment: "custom", apiBase: "https://lever-proxy.example.com/v1" })
  })

  it("no network: a plain error, nothing saved", async () => {
    const working = globalThis.fetch
    globalThis.fetch = (async () => {
      throw new TypeError("Failed to fetch")
    }) as typeof fetch
    try {
      const reply = await ask("connect-api-key", { environment: "sandbox", apiKey: sim.keys.full })
      expect(reply).toMatchObject({ ok: false, error: { code: "network" } })
      expect(reply.error.message).toMatch(/Could not reach Lever/)
      expect((await readVault()).lever).toBeUndefined()
    } finally {
      globalThis.fetch = working
    }
  }, 30_000)

  it("is a page-only message: the Lever overlay cannot send a key", async () => {
    const reply = await ask("connect-api-key", { environment: "production", apiKey: sim.keys.full }, leverTab)
    expect(reply).toMatchObject({ ok: false, error: { code: "forbidden_sender" } })
  })

  it("a key revoked after connecting marks the connection 'sign in again' and later calls fail fast", async () => {
    await ask("connect-api-key", { environment: "production", apiKey: sim.keys.full })
    await writeVault((vault) => ({ ...vault, lever: { kind: "api_key", apiKey: "revoked-key-000000000" } }))
    await expect((await getLeverClient()).stages()).rejects.toMatchObject({ kind: "unauthorized" })
    expect((await readConnection())?.needsSignIn).toBe(true)
    const before = sim.state().requests.total
    await expect(getLeverClient()).rejects.toMatchObject({ code: "lever_unauthorized", details: { signInAgain: true } })
    expect(sim.state().requests.total).toBe(before)
    const status = await ask("connection-status", {})
    expect(status.data.needsSignIn).toBe(true)
  })
})

describe("Sign in with Lever (OAuth)", () => {
  it("runs the code flow, checks state, stores tokens, and refreshes with rotation before expiry", async () => {
    const reply = await ask("connect-oauth", { environment: "production", clientId: sim.oauthApp.clientId, clientSecret: sim.oauthApp.clientSecret })
    expect(reply.ok).toBe(true)
    expect(reply.data.status).toMatchObject({ connected: true, method: "oauth", oauthAppSaved: true })
    const first = (await readVault()).lever
    expect(first).toMatchObject({ kind: "oauth", clientId: sim.oauthApp.clientId })
    if (first?.kind !== "oauth") throw new Error("expected OAuth")
    expect(first.refreshToken).toBeTruthy()

    // Two minutes to expiry: inside the refresh margin, so the next call refreshes first.
    await writeVault((vault) => (vault.lever?.kind === "oauth" ? { ...vault, lever: { ...vault.lever, expiresAt: Date.now() + 120_000 } } : vault))
    const client = await getLeverClient()
    // Five parallel calls, one refresh: a second refresh would present the rotated-away token and fail.
    await Promise.all([client.stages(), client.archiveReasons(), client.stages(), (await getLeverClient()).stages(), client.archiveReasons()])
    expect((await readConnection())?.needsSignIn).toBe(false)
    const second = (await readVault()).lever
    if (second?.kind !== "oauth") throw new Error("expected OAuth")
    expect(second.accessToken).not.toBe(first.accessToken)
    expect(second.refreshToken).not.toBe(first.refreshToken)
    expect(second.expiresAt).toBeGreaterThan(Date.now() + 30 * 60_000)
  })

  it("reuses the saved OAuth app for 'sign in again'", async () => {
    await ask("connect-oauth", { environment: "production", clientId: sim.oauthApp.clientId, clientSecret: sim.oauthApp.clientSecret })
    await writeVault((vault) => ({ ...vault, lever: undefined }))
    const reply = await ask("connect-oauth", { environment: "production" })
    expect(reply.data.status.method).toBe("oauth")
  })

  it("an access token rejected with 401 is refreshed once and the call succeeds", async () => {
    await ask("connect-oauth", { environment: "production", clientId: sim.oauthApp.clientId, clientSecret: sim.oauthApp.clientSecret })
    await writeVault((vault) => (vault.lever?.kind === "oauth" ? { ...vault, lever: { ...vault.lever, accessToken: "stale-token" } } : vault))
    expect((await (await getLeverClient()).stages()).length).toBeGreaterThan(0)
  })

  it("a revoked grant leads to 'sign in again', never a loop of failures", async () => {
    await ask("connect-oauth", { environment: "production", clientId: sim.oauthApp.clientId, clientSecret: sim.oauthApp.clientSecret })
    await writeVault((vault) => (vault.lever?.kind === "oauth" ? { ...vault, lever: { ...vault.lever, refreshToken: "revoked", expiresAt: Date.now() - 1 } } : vault))
    await expect((await getLeverClient()).stages()).rejects.toMatchObject({ code: "lever_unauthorized", details: { signInAgain: true } })
    expect((await readConnection())?.needsSignIn).toBe(true)
    const before = sim.state().requests.total
    for (let i = 0; i < 3; i++) await expect(getLeverClient()).rejects.toMatchObject({ details: { signInAgain: true } })
    expect(sim.state().requests.total).toBe(before)
    // Signing in again clears it.
    const again = await ask("connect-oauth", { environment: "production" })
    expect(again.data.status.needsSignIn).toBe(false)
  })

  it("refuses an answer whose state does not match, saving nothing", async () => {
    browserMock.webAuthFlow = async (url) => {
      const location = new URL(await allowConsent(url))
      location.searchParams.set("state", "forged")
      return location.toString()
    }
    const reply = await ask("connect-oauth", { environment: "production", clientId: sim.oauthApp.clientId, clientSecret: sim.oauthApp.clientSecret })
    expect(reply).toMatchObject({ ok: false, error: { code: "lever_unauthorized" } })
    expect(reply.error.message).toMatch(/did not match/)
    expect((await readVault()).lever).toBeUndefined()
  })

  it("a closed sign-in window is a clear error", async () => {
    browserMock.webAuthFlow = async () => {
      throw new Error("The user did not approve access.")
    }
    const reply = await ask("connect-oauth", { environment: "production", clientId: sim.oauthApp.clientId, clientSecret: sim.oauthApp.clientSecret })
    expect(reply.error.message).toMatch(/sign-in was not completed/)
  })
})

describe("act as, disconnect, delete all data, retention", () => {
  it("finds a Lever user by e-mail and attributes actions to them", async () => {
    await ask("connect-api-key", { environment: "production", apiKey: sim.keys.full })
    const found = await ask("find-lever-user", { email: "demoeng@some-company.com" })
    expect(found.data.users).toHaveLength(1)
    const user = found.data.users[0]
    await ask("set-acting-user", { user: { id: user.id, name: user.name, email: user.email } })
    expect((await getLeverClient()).performAs).toBe(user.id)
    await ask("set-acting-user", { user: null })
    expect((await getLeverClient()).performAs).toBeUndefined()
  })

  it("disconnect stops a client already handed out", async () => {
    await ask("connect-api-key", { environment: "production", apiKey: sim.keys.full })
    const client = await getLeverClient()
    expect((await client.stages()).length).toBeGreaterThan(0)
    await ask("disconnect", {})
    await expect(client.stages()).rejects.toMatchObject({ code: "not_connected" })
  })

  it("disconnect forgets every secret at once", async () => {
    await ask("connect-oauth", { environment: "production", clientId: sim.oauthApp.clientId, clientSecret: sim.oauthApp.clientSecret })
    await ask("save-llm-settings", { engine: "llm", baseUrl: llm.baseURL, model: "test-model", blindMode: false, apiKey: "sk-test-llm-key-1234567890" })
    secrets.push("sk-test-llm-key-1234567890")
    const reply = await ask("disconnect", {})
    expect(reply.data.status).toMatchObject({ connected: false, llmKeySet: false, oauthAppSaved: false })
    expect(await readVault()).toEqual({})
    expect(await readConnection()).toBeUndefined()
  })

  it("delete all data needs the confirmation word, then wipes the database and the vault", async () => {
    await ask("connect-api-key", { environment: "production", apiKey: sim.keys.full })
    const db = getDb()
    await db.audit.add({ at: 1, actor: "me", action: "archive", phase: "succeeded", actionId: "a1", details: {} })
    await db.resumeFiles.put({ key: "r1", opportunityId: "o1", resumeId: "r1", contentHash: "h", bytes: new ArrayBuffer(8), fetchedAt: Date.now() })
    const refused = await ask("delete-all-data", { confirm: "yes" })
    expect(refused).toMatchObject({ ok: false, error: { code: "bad_request" } })
    expect(await db.audit.count()).toBe(1)
    const done = await ask("delete-all-data", { confirm: "DELETE" })
    expect(done).toEqual({ ok: true, data: { deleted: true } })
    for (const table of db.tables) expect(await table.count()).toBe(0)
    expect(await readVault()).toEqual({})
  })

  it("retention deletes cached resume files and texts older than the chosen days, keeping scores and audit", async () => {
    const db = getDb()
    const day = 24 * 60 * 60 * 1000
    const now = Date.now()
    await db.resumeFiles.bulkPut([
      { key: "old", opportunityId: "o1", resumeId: "old", contentHash: "h-old", bytes: new ArrayBuffer(100), fetchedAt: now - 40 * day },
      { key: "new", opportunityId: "o2", resumeId: "new", contentHash: "h-new", bytes: new ArrayBuffer(50), fetchedAt: now - 2 * day }
    ])
    await db.resumeTexts.bulkPut([
      { contentHash: "h-old", document: {} as never, parsedAt: now - 40 * day },
      { contentHash: "h-new", document: {} as never, parsedAt: now - 2 * day }
    ])
    await db.audit.add({ at: now - 400 * day, actor: "me", action: "archive", phase: "succeeded", actionId: "a2", details: {} })
    const usageBefore = await ask("storage-usage", {})
    expect(usageBefore.data).toMatchObject({ resumeFiles: { count: 2, bytes: 150 }, resumeTexts: { count: 2 }, retentionDays: 90 })
    const reply = await ask("set-retention", { days: 30 })
    expect(reply.data).toEqual({ days: 30, deletedFiles: 1, deletedTexts: 1 })
    expect((await db.resumeFiles.toArray()).map((r) => r.key)).toEqual(["new"])
    expect(await db.audit.count()).toBe(1)
    const usageAfter = await ask("storage-usage", {})
    expect(usageAfter.data).toMatchObject({ resumeFiles: { count: 1, bytes: 50 }, retentionDays: 30 })
    expect(usageAfter.data.lastCleanupAt).toBeGreaterThan(0)
  })
})

describe("LLM settings and Test", () => {
  it("saves settings (key only in the vault) and Test makes one tiny request", async () => {
    const saved = await ask("save-llm-settings", { engine: "llm", baseUrl: llm.baseURL, model: "test-model", priceInPerM: 0.15, priceOutPerM: 0.6, blindMode: true, apiKey: "sk-llm-secret-abcdefghijkl" })
    secrets.push("sk-llm-secret-abcdefghijkl")
    expect(saved.data.llmKeySet).toBe(true)
    const row = await getDb().settings.get("llm")
    expect(JSON.stringify(row)).not.toContain("sk-llm-secret")
    const before = llm.requests.length
    const tested = await ask("test-llm", {})
    expect(tested.ok).toBe(true)
    expect(tested.data.inputTokens).toBeGreaterThan(0)
    expect(llm.requests.length - before).toBe(1)
    expect(llm.requests[llm.requests.length - 1].headers.authorization).toBe("Bearer sk-llm-secret-abcdefghijkl")
  })

  it("Test reports a failing server plainly", async () => {
    await ask("save-llm-settings", { engine: "llm", baseUrl: llm.baseURL, model: "test-model", blindMode: false })
    llm.setMode("always_500")
    const reply = await ask("test-llm", {})
    llm.setMode("good")
    expect(reply).toMatchObject({ ok: false, error: { code: "llm_error" } })
    expect(reply.error.message).toMatch(/model server had an error/)
  })

  it("clearApiKey removes the saved LLM key", async () => {
    await ask("save-llm-settings", { engine: "llm", baseUrl: llm.baseURL, model: "m", blindMode: false, apiKey: "sk-another-secret-000000" })
    secrets.push("sk-another-secret-000000")
    const cleared = await ask("save-llm-settings", { engine: "local", blindMode: false, clearApiKey: true })
    expect(cleared.data.llmKeySet).toBe(false)
    expect((await readVault()).llmApiKey).toBeUndefined()
  })
})
