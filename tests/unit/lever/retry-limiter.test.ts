/** Rate limiter and retry policy with a fake clock and a scripted fetch (no network, no real waits). */
import { describe, expect, it } from "vitest"

import { LeverClient } from "~core/lever/client"
import { LeverError } from "~core/lever/errors"
import { RateLimiter, getLimiter } from "~core/lever/rate-limiter"
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter } from "~core/lever/retry"

function fakeClock() {
  let now = 0
  const sleeps: number[] = []
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      now += ms
    },
    sleeps
  }
}

type Scripted = { status: number; body?: unknown; headers?: Record<string, string> } | "network"

function scriptedFetch(script: Scripted[]) {
  const calls: { method: string; url: string; auth: string }[] = []
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ method: init?.method ?? "GET", url: String(input), auth: (init?.headers as Record<string, string>).Authorization })
    const next = script.shift() ?? { status: 200, body: { data: [] } }
    if (next === "network") throw new TypeError("fetch failed")
    return new Response(next.body === undefined ? "" : JSON.stringify(next.body), { status: next.status, headers: next.headers })
  }) as typeof fetch
  return { fetchImpl, calls }
}

function client(fetchImpl: typeof fetch, extra: Partial<ConstructorParameters<typeof LeverClient>[0]> = {}) {
  const clock = fakeClock()
  const lever = new LeverClient({
    apiBase: "https://api.lever.co/v1",
    fetch: fetchImpl,
    auth: async () => "Basic a2V5Og==",
    limiter: new RateLimiter({ now: clock.now, sleep: clock.sleep }),
    sleep: clock.sleep,
    random: () => 0.5,
    ...extra
  })
  return { lever, clock }
}

const opportunity = { data: { id: "o1", archived: null, stage: "applicant-new" } }

describe("RateLimiter", () => {
  it("allows a burst, then paces at the steady rate, in arrival order", async () => {
    const clock = fakeClock()
    const limiter = new RateLimiter({ perSecond: 10, burst: 5, now: clock.now, sleep: clock.sleep })
    const times: number[] = []
    await Promise.all(Array.from({ length: 15 }, () => limiter.acquire().then(() => times.push(clock.now()))))
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0])
    // The next ten are spaced at 100 ms: never more than 5 + 10·t requests by time t.
    times.forEach((t, i) => expect(i + 1).toBeLessThanOrEqual(5 + Math.floor((t / 1000) * 10) + 1e-9))
    expect(times[14]).toBeGreaterThanOrEqual(1000)
  })

  it("defaults stay under Lever's 10/s and 20 burst", () => {
    const limiter = new RateLimiter()
    expect(limiter.perSecond).toBeLessThan(10)
    expect(limiter.burst).toBeLessThan(20)
  })

  it("penalize makes every caller of the credential wait", async () => {
    const clock = fakeClock()
    const limiter = new RateLimiter({ perSecond: 10, burst: 5, now: clock.now, sleep: clock.sleep })
    limiter.penalize(2000)
    await limiter.acquire()
    expect(clock.now()).toBeGreaterThanOrEqual(2000)
  })

  it("getLimiter shares one limiter per credential key", () => {
    expect(getLimiter("a")).toBe(getLimiter("a"))
    expect(getLimiter("a")).not.toBe(getLimiter("b"))
  })
})

describe("retry policy", () => {
  it("parses Retry-After seconds and dates", () => {
    expect(parseRetryAfter("3")).toBe(3000)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000)
    expect(parseRetryAfter("soon")).toBeUndefined()
    expect(parseRetryAfter(null)).toBeUndefined()
  })

  it("backs off exponentially with jitter, capped", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 }
    expect(backoffDelay(1, policy, () => 0)).toBe(50)
    expect(backoffDelay(1, policy, () => 0.999)).toBeLessThanOrEqual(100)
    expect(backoffDelay(3, policy, () => 0)).toBe(200)
    expect(backoffDelay(10, policy, () => 0.999)).toBeLessThanOrEqual(1000)
  })

  it("honours Retry-After on a 429", async () => {
    const { fetchImpl, calls } = scriptedFetch([{ status: 429, headers: { "retry-after": "7" } }, { status: 200, body: { data: [{ id: "s", text: "S" }] } }])
    const { lever, clock } = client(fetchImpl)
    expect(await lever.stages()).toEqual([{ id: "s", text: "S" }])
    expect(calls.length).toBe(2)
    expect(clock.sleeps.some((ms) => ms >= 7000)).toBe(true)
  })

  it("retries network failures and 5xx on reads, a bounded number of times", async () => {
    const { fetchImpl, calls } = scriptedFetch(["network", { status: 502 }, { status: 503 }, { status: 500 }, { status: 500 }, { status: 200 }])
    const { lever } = client(fetchImpl)
    const error = await lever.stages().catch((e) => e)
    expect(error).toBeInstanceOf(LeverError)
    expect((error as LeverError).kind).toBe("unavailable")
    expect(calls.length).toBe(DEFAULT_RETRY_POLICY.maxAttempts)
  })

  it("retries an idempotent archive after a network failure", async () => {
    const { fetchImpl, calls } = scriptedFetch(["network", { status: 200, body: opportunity }])
    const { lever } = client(fetchImpl)
    await lever.archive("o1", "r1")
    expect(calls.map((c) => c.method)).toEqual(["PUT", "PUT"])
  })

  it("never retries a note after a network failure, a 500 or a 503", async () => {
    for (const failure of ["network", { status: 500 }, { status: 503 }] as Scripted[]) {
      const { fetchImpl, calls } = scriptedFetch([failure, { status: 201, body: { data: { noteId: "n" } } }])
      const error = await client(fetchImpl).lever.addNote("o1", "hello").catch((e) => e)
      expect(error).toBeInstanceOf(LeverError)
      expect(calls.length).toBe(1)
    }
  })

  it("a 401 asks onUnauthorized once, then retries with the new credential", async () => {
    let token = "old"
    let refreshes = 0
    const { fetchImpl, calls } = scriptedFetch([{ status: 401, body: { code: "UnauthorizedError", message: "Access token expired" } }, { status: 201, body: { data: { noteId: "n1" } } }])
    const { lever } = client(fetchImpl, {
      auth: async () => `Bearer ${token}`,
      onUnauthorized: async () => {
        refreshes += 1
        token = "new"
        return true
      }
    })
    expect(await lever.addNote("o1", "x")).toEqual({ noteId: "n1" })
    expect(refreshes).toBe(1)
    expect(calls.map((c) => c.auth)).toEqual(["Bearer old", "Bearer new"])
  })

  it("a second 401 is final: no loop", async () => {
    const { fetchImpl, calls } = scriptedFetch([{ status: 401 }, { status: 401 }, { status: 401 }])
    const { lever } = client(fetchImpl, { onUnauthorized: async () => true })
    const error = await lever.stages().catch((e) => e)
    expect((error as LeverError).kind).toBe("unauthorized")
    expect(calls.length).toBe(2)
  })

  it("refuses a non-HTTPS base URL", () => {
    expect(() => new LeverClient({ apiBase: "http://api.lever.co/v1", fetch: fetch, auth: async () => "" })).toThrow(LeverError)
  })

  it("error messages carry no credential", async () => {
    const { fetchImpl } = scriptedFetch([{ status: 403, body: { code: "ForbiddenError", message: "nope" } }])
    const error = (await client(fetchImpl, { auth: async () => "Basic c2VjcmV0LWtleS12YWx1ZTo=" }).lever.archive("o1", "r").catch((e) => e)) as LeverError
    expect(error.userMessage).toBe("This key cannot archive candidates. A Lever Super Admin can grant it under Settings → Integrations and API → API Credentials.")
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("c2VjcmV0")
  })
})
