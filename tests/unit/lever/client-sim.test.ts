/**
 * The Lever client against the Lever simulator (tests/lever-sim): paging, the shared rate limiter
 * under a burst of parallel callers, retries with the simulator's fault modes, idempotent writes, a
 * note never posted twice, every error type, capability probes and the OAuth code flow.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"

import { probeCapabilities } from "~core/lever/capabilities"
import { LeverClient, type LeverClientOptions } from "~core/lever/client"
import { LeverError, leverErrorCode } from "~core/lever/errors"
import { buildAuthorizeUrl, exchangeAuthorizationCode, OAuthError, readAuthorizationRedirect, refreshAccessToken } from "~core/lever/oauth"
import { RateLimiter, getLimiter } from "~core/lever/rate-limiter"

import { LEVER_ENVIRONMENTS } from "../../../plasmo.config"
import { startSimulator, type Simulator } from "../../lever-sim/server"
import { simFetch } from "./sim-fetch"

const API = "https://api.lever.co/v1"
let sim: Simulator
let fetchImpl: typeof fetch

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`

function client(key: string, extra: Partial<LeverClientOptions> = {}): LeverClient {
  return new LeverClient({
    apiBase: API,
    fetch: fetchImpl,
    auth: async () => basic(key),
    limiter: new RateLimiter(),
    retry: { baseDelayMs: 50, maxDelayMs: 2000 },
    ...extra
  })
}

async function fault(kind: string, durationMs: number, rate = 1): Promise<void> {
  const response = await fetchImpl("https://api.lever.co/__sim/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ kind, durationMs, rate })
  })
  expect(response.status).toBe(201)
}

async function caught(run: () => Promise<unknown>): Promise<LeverError> {
  try {
    await run()
  } catch (error) {
    expect(error).toBeInstanceOf(LeverError)
    return error as LeverError
  }
  throw new Error("expected a LeverError")
}

const aPostingWithApplicants = () => sim.postings.filter((p) => p.applicants > 0).sort((a, b) => b.applicants - a.applicants)[0]

beforeAll(async () => {
  sim = await startSimulator({ port: 0, applicantsPerPosting: 230 })
  fetchImpl = simFetch(sim.port)
}, 60_000)

afterAll(async () => {
  await sim?.close()
})

beforeEach(async () => {
  await fetchImpl("https://api.lever.co/__sim/reset", { method: "POST" })
})

describe("paging", () => {
  it("lists every applicant of a posting across pages with the query kept identical", async () => {
    const seen: string[] = []
    const recordingFetch = simFetch(sim.port, { requests: seen })
    const posting = aPostingWithApplicants()
    const ids: string[] = []
    for await (const o of client(sim.keys.full, { fetch: recordingFetch }).opportunities({ posting_id: posting.id, expand: ["applications", "stage"] })) ids.push(o.id)
    expect(ids.length).toBe(posting.applicants)
    expect(new Set(ids).size).toBe(ids.length)
    expect(seen.length).toBe(Math.ceil(posting.applicants / 100))
    const withoutOffset = seen.map((line) => {
      const url = new URL(`https://${line.split(" ")[1]}`)
      url.searchParams.delete("offset")
      return url.toString()
    })
    expect(new Set(withoutOffset).size).toBe(1)
    expect(withoutOffset[0]).toContain("expand=applications&expand=stage")
  })

  it("restarts the listing when Lever rejects an offset token, without repeating items", async () => {
    const posting = aPostingWithApplicants()
    let corrupted = 0
    const inner = simFetch(sim.port)
    const corrupting = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input))
      if (url.searchParams.has("offset") && corrupted === 0) {
        corrupted += 1
        url.searchParams.set("offset", "not-a-token.abc")
      }
      return inner(url.toString(), init)
    }) as typeof fetch
    const ids: string[] = []
    for await (const o of client(sim.keys.full, { fetch: corrupting }).opportunities({ posting_id: posting.id })) ids.push(o.id)
    expect(corrupted).toBe(1)
    expect(ids.length).toBe(posting.applicants)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it("lists postings published on both job sites", async () => {
    const postings = []
    for await (const p of client(sim.keys.full).postings({ state: "published", distributionChannel: ["public", "internal"] })) postings.push(p)
    expect(postings.length).toBeGreaterThan(0)
    expect(postings.every((p) => p.state === "published")).toBe(true)
  })
})

describe("rate limiting", () => {
  it("50 parallel callers sharing one credential's limiter get zero 429s", async () => {
    const limiter = getLimiter(`burst-test-${Date.now()}`)
    const started = Date.now()
    const results = await Promise.all(Array.from({ length: 50 }, () => client(sim.keys.full, { limiter, retry: { maxAttempts: 1 } }).stages()))
    expect(results.every((stages) => stages.length > 0)).toBe(true)
    expect(sim.state().requests.rateLimited).toBe(0)
    // 10 in the first burst, the rest at 9/s: the limiter really waited.
    expect(Date.now() - started).toBeGreaterThan(4000)
  }, 30_000)

  it("control: the same burst without a shared limiter is refused by Lever", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => client(sim.keys.full, { limiter: new RateLimiter({ perSecond: 1000, burst: 1000 }), retry: { maxAttempts: 1 } }).stages())
    )
    expect(sim.state().requests.rateLimited).toBeGreaterThan(0)
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as LeverError)
    expect(refused.length).toBeGreaterThan(0)
    expect(refused.every((e) => e.kind === "rate_limited" && e.code === "lever_rate_limited")).toBe(true)
  }, 30_000)
})

describe("retries with the simulator's faults", () => {
  it("a read survives a burst of 500s", async () => {
    await fault("5xx", 400)
    const stages = await client(sim.keys.full).stages()
    expect(stages.length).toBeGreaterThan(0)
    expect(sim.state().requests.total).toBeGreaterThan(1)
  })

  it("a read survives a 429 storm (backs off, then succeeds)", async () => {
    await fault("429_storm", 400)
    expect((await client(sim.keys.full).archiveReasons()).length).toBeGreaterThan(0)
  })

  it("a read survives dropped connections", async () => {
    await fault("drop", 300)
    expect((await client(sim.keys.full).stages()).length).toBeGreaterThan(0)
  })

  it("gives up after a bounded number of attempts during maintenance", async () => {
    await fault("maintenance", 60_000)
    const error = await caught(() => client(sim.keys.full, { retry: { maxAttempts: 3, baseDelayMs: 10 } }).stages())
    expect(error.kind).toBe("unavailable")
    expect(error.status).toBe(503)
    expect(sim.state().requests.total).toBe(3)
    expect(leverErrorCode(error.kind)).toBe("lever_unavailable")
  })

  it("archive (idempotent PUT) is retried through 500s and applied once", async () => {
    const opportunityId = Object.keys(sim.state().opportunities)[0]
    await fault("5xx", 300)
    const reason = (await client(sim.keys.full).archiveReasons()).find((r) => r.status === "active" && r.type === "non-hired")!
    const result = await client(sim.keys.full).archive(opportunityId, reason.id)
    expect(result.archived?.reason).toBe(reason.id)
    const after = sim.state().opportunities[opportunityId]
    expect(after.archivedReason).toBe(reason.id)
    expect(after.actions.filter((a) => a.kind.includes("archive")).length).toBeLessThanOrEqual(1)
  })

  it("a note is never posted twice, even when the connection drops after Lever saved it", async () => {
    const opportunityId = Object.keys(sim.state().opportunities)[1]
    await fault("drop", 5_000)
    const error = await caught(() => client(sim.keys.full).addNote(opportunityId, "Screened: meets all mandatory requirements"))
    expect(error.kind).toBe("network")
    expect(sim.state().opportunities[opportunityId].notes.length).toBe(1)
  })

  it("a note is not retried after a 500 (Lever may have acted)", async () => {
    const opportunityId = Object.keys(sim.state().opportunities)[2]
    await fault("5xx", 5_000)
    const before = sim.state().requests.total
    const error = await caught(() => client(sim.keys.full).addNote(opportunityId, "x"))
    expect(error.kind).toBe("unavailable")
    expect(sim.state().requests.total - before).toBe(1)
  })

  it("a note is retried after a 429 (Lever refused before acting) and posted exactly once", async () => {
    const opportunityId = Object.keys(sim.state().opportunities)[3]
    await fault("429_storm", 250)
    const result = await client(sim.keys.full).addNote(opportunityId, "Shortlisted by screening")
    expect(result.noteId).toBeTruthy()
    expect(sim.state().opportunities[opportunityId].notes.map((n) => n.value)).toEqual(["Shortlisted by screening"])
  })
})

describe("error types", () => {
  it("401: a wrong key", async () => {
    const error = await caught(() => client("definitely-not-a-key").stages())
    expect(error.kind).toBe("unauthorized")
    expect(error.code).toBe("lever_unauthorized")
    expect(error.userMessage).toMatch(/did not accept/)
  })

  it("403: names what the key cannot do", async () => {
    const opportunityId = Object.keys(sim.state().opportunities)[0]
    const error = await caught(() => client(sim.keys.readOnly).archive(opportunityId, null))
    expect(error.kind).toBe("forbidden")
    expect(error.code).toBe("lever_forbidden")
    const archiveError = await caught(() => client(sim.keys.readOnly).archive(opportunityId, "some-reason"))
    expect(archiveError.userMessage).toMatch(/^This key cannot archive candidates\./)
    const resumes = await caught(() => client(sim.keys.noResumes).resumes(opportunityId))
    expect(resumes.userMessage).toMatch(/^This key cannot read resumes\./)
  })

  it("404: an unknown opportunity", async () => {
    const error = await caught(() => client(sim.keys.full).getOpportunity("00000000-0000-4000-8000-000000000000"))
    expect(error.kind).toBe("not_found")
    expect(error.code).toBe("lever_not_found")
  })

  it("422: a resume Lever could not process", async () => {
    const opportunityId = sim.edgeCases.download422
    const lever = client(sim.keys.full)
    const [resume] = await lever.resumes(opportunityId)
    const error = await caught(() => lever.downloadResume(opportunityId, resume.id))
    expect(error.kind).toBe("unprocessable")
    expect(error.code).toBe("lever_unprocessable")
  })

  it("downloads resume bytes with type and name", async () => {
    const lever = client(sim.keys.full)
    const opportunityId = Object.keys(sim.state().opportunities).find((id) => id !== sim.edgeCases.download422)!
    const [resume] = await lever.resumes(opportunityId)
    if (!resume?.file) return expect(resume?.file ?? null).toBeNull()
    const file = await lever.downloadResume(opportunityId, resume.id)
    expect(file.bytes.byteLength).toBeGreaterThan(0)
  })

  it("network: nothing listening", async () => {
    const closed = await startSimulator({ port: 0 })
    const port = closed.port
    await closed.close()
    const error = await caught(() => client(sim.keys.full, { fetch: simFetch(port), retry: { maxAttempts: 2, baseDelayMs: 5 } }).stages())
    expect(error.kind).toBe("network")
    expect(error.code).toBe("network")
  })

  it("perform_as attributes a write to the chosen Lever user", async () => {
    const opportunityId = Object.keys(sim.state().opportunities)[4]
    const users = []
    for await (const user of client(sim.keys.full).users({ email: "demoeng@some-company.com" })) users.push(user)
    expect(users.length).toBe(1)
    await client(sim.keys.full, { performAs: users[0].id }).setStage(opportunityId, "applicant-new")
    const actions = sim.state().opportunities[opportunityId].actions
    expect(actions[actions.length - 1].performAs).toBe(users[0].id)
  })
})

describe("capabilities (calls that change nothing)", () => {
  it("full key: every right", async () => {
    const before = JSON.stringify(sim.state().opportunities)
    const capabilities = await probeCapabilities(client(sim.keys.full))
    expect(capabilities.map((c) => [c.id, c.allowed])).toEqual([
      ["read_postings", true], ["read_applicants", true], ["read_resumes", true], ["read_stages", true],
      ["read_archive_reasons", true], ["archive", true], ["change_stage", true], ["add_notes", true]
    ])
    expect(JSON.stringify(sim.state().opportunities)).toBe(before)
  })

  it("read-only key: reads yes, writes no, each with a reason", async () => {
    const capabilities = await probeCapabilities(client(sim.keys.readOnly))
    const byId = Object.fromEntries(capabilities.map((c) => [c.id, c]))
    expect(byId.read_postings.allowed).toBe(true)
    expect(byId.read_resumes.allowed).toBe(true)
    expect(byId.archive.allowed).toBe(false)
    expect(byId.change_stage.allowed).toBe(false)
    expect(byId.add_notes.allowed).toBe(false)
    expect(byId.archive.reason).toMatch(/Not granted/)
  })

  it("key without resumes", async () => {
    const byId = Object.fromEntries((await probeCapabilities(client(sim.keys.noResumes))).map((c) => [c.id, c.allowed]))
    expect(byId.read_resumes).toBe(false)
    expect(byId.archive).toBe(true)
  })

  it("a wrong key is an error, not a list of ✗", async () => {
    const error = await caught(() => probeCapabilities(client("wrong-key-123456")))
    expect(error.kind).toBe("unauthorized")
  })
})

describe("OAuth against the simulator", () => {
  const endpoints = LEVER_ENVIRONMENTS.production
  const redirectUri = "https://abcdefghijklmnop.chromiumapp.org/lever"

  async function authorize(state: string): Promise<string> {
    const url = new URL(buildAuthorizeUrl({ endpoints, clientId: sim.oauthApp.clientId, redirectUri, state }))
    url.searchParams.set("decision", "allow") // what the consent page's "Allow" link does
    const response = await fetchImpl(url.toString())
    expect(response.status).toBe(302)
    return response.headers.get("location")!
  }

  it("code flow with state checked, then API calls with the bearer token, then rotating refresh", async () => {
    const state = "s-" + Math.random().toString(36).slice(2)
    const code = readAuthorizationRedirect(await authorize(state), state)
    const tokens = await exchangeAuthorizationCode(fetchImpl, { endpoints, ...sim.oauthApp, code, redirectUri })
    expect(tokens.refreshToken).toBeTruthy()
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() + 30 * 60_000)
    const lever = new LeverClient({ apiBase: API, fetch: fetchImpl, auth: async () => `Bearer ${tokens.accessToken}` })
    expect((await lever.stages()).length).toBeGreaterThan(0)

    const refreshed = await refreshAccessToken(fetchImpl, { endpoints, ...sim.oauthApp, refreshToken: tokens.refreshToken! })
    expect(refreshed.refreshToken).toBeTruthy()
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken)
    // The old refresh token was rotated away: using it again is an expired grant, not a retry loop.
    const reuse = await refreshAccessToken(fetchImpl, { endpoints, ...sim.oauthApp, refreshToken: tokens.refreshToken! }).catch((e) => e)
    expect(reuse).toBeInstanceOf(OAuthError)
    expect((reuse as OAuthError).kind).toBe("invalid_grant")
  })

  it("refuses a redirect whose state does not match", async () => {
    const location = await authorize("expected-state")
    expect(() => readAuthorizationRedirect(location, "another-state")).toThrow(OAuthError)
  })

  it("a wrong client secret is invalid_client", async () => {
    const state = "st"
    const code = readAuthorizationRedirect(await authorize(state), state)
    const error = await exchangeAuthorizationCode(fetchImpl, { endpoints, clientId: sim.oauthApp.clientId, clientSecret: "wrong", code, redirectUri }).catch((e) => e)
    expect((error as OAuthError).kind).toBe("invalid_client")
  })
})
