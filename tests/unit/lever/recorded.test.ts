/** The client must parse real Lever payloads recorded from a sandbox (../shared/lever/recorded). */
import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { LeverClient } from "~core/lever/client"
import { RateLimiter } from "~core/lever/rate-limiter"
import { parseArchived, parseListPage, parseOpportunity, parsePosting, parseStageRef } from "~core/lever/types"

const RECORDED = "/work/shared/lever/recorded"
const load = (name: string) => JSON.parse(readFileSync(join(RECORDED, name), "utf8"))

/** A fetch that answers each path from the recorded files and records what was asked. */
function recordedFetch() {
  const calls: { method: string; url: URL; body?: string; auth?: string }[] = []
  const files = readdirSync(RECORDED).filter((f) => f.endsWith(".json"))
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input))
    const method = init?.method ?? "GET"
    calls.push({ method, url, body: init?.body as string | undefined, auth: (init?.headers as Record<string, string>)?.Authorization })
    const path = url.pathname.replace(/^\/v1\//, "").split("/").join("__")
    const file = files.find((f) => f.replace(/__[^_]+\.json$/, "") === `${method}__${path}`)
    if (!file) return new Response(JSON.stringify({ code: "ResourceNotFound", message: "no such recording" }), { status: 404 })
    return new Response(readFileSync(join(RECORDED, file)), { status: 200, headers: { "content-type": "application/json" } })
  }) as typeof fetch
  return { fetchImpl, calls }
}

function client(fetchImpl: typeof fetch, performAs?: string) {
  return new LeverClient({
    apiBase: "https://api.lever.co/v1",
    fetch: fetchImpl,
    auth: async () => "Basic dGVzdDo=",
    limiter: new RateLimiter({ perSecond: 1000, burst: 1000 }),
    performAs,
    sleep: async () => undefined
  })
}

describe("recorded Lever responses", () => {
  it("parses every posting in GET /postings, keeping unknown fields and null urls/channels", async () => {
    const { fetchImpl, calls } = recordedFetch()
    const postings = []
    for await (const posting of client(fetchImpl).postings({ state: "published", distributionChannel: ["public", "internal"] })) postings.push(posting)
    const raw = load("GET__postings__get-postings.json").data
    expect(postings.map((p) => p.id)).toEqual(raw.map((p: { id: string }) => p.id))
    expect(postings[0].text).toBe("testing - 1")
    expect(postings[0].raw.salaryRange).toEqual({ min: 40000, max: 80000, currency: "AUD", interval: "per-year-salary" })
    expect(postings.every((p) => Array.isArray(p.content.lists))).toBe(true)
    // The query repeats array keys and asks for pages of 100.
    expect(calls[0].url.searchParams.getAll("distributionChannel")).toEqual(["public", "internal"])
    expect(calls[0].url.searchParams.get("limit")).toBe("100")
    expect(calls[0].auth).toBe("Basic dGVzdDo=")
  })

  it("reads a single posting with requirement lists and one with empty content", async () => {
    const { fetchImpl } = recordedFetch()
    const lever = client(fetchImpl)
    const events = await lever.getPosting("d248f6f5-ca37-4467-a08d-11ad90fd9b1f")
    expect(events.text).toBe("Marketing Events")
    expect(events.distributionChannels).toBeNull()
    expect(events.content.lists.length).toBe(5)
    expect(events.content.lists[0].text).toBe("The Skill Set")
    const empty = await lever.getPosting("f8b7dd19-1d9f-40f1-8090-e4a62e989e0b")
    expect(empty.content.lists).toEqual([])
    expect(empty.categories.allLocations).toEqual(["Athens"])
  })

  it("lists stages (mixed built-in and UUID ids) and archive reasons including inactive and hired", async () => {
    const { fetchImpl } = recordedFetch()
    const lever = client(fetchImpl)
    const stages = await lever.stages()
    expect(stages.map((s) => s.id)).toContain("applicant-new")
    expect(stages.find((s) => s.id === "offer")?.text).toBe("Offer")
    const reasons = await lever.archiveReasons()
    expect(reasons.some((r) => r.status === "inactive")).toBe(true)
    expect(reasons.some((r) => r.type === "hired")).toBe(true)
    expect(reasons.filter((r) => r.status === "active" && r.type === "non-hired").length).toBeGreaterThan(5)
  })

  it("lists users ({data, hasNext}) with access roles", async () => {
    const { fetchImpl } = recordedFetch()
    const users = []
    for await (const user of client(fetchImpl).users()) users.push(user)
    expect(users.length).toBe(load("GET__users__users.json").data.length)
    expect(users.map((u) => u.accessRole)).toContain("super admin")
  })

  it("archive, stage and addTags return the whole opportunity, with perform_as on writes", async () => {
    const { fetchImpl, calls } = recordedFetch()
    const lever = client(fetchImpl, "user-1")
    const id = "1bd11d54-9d97-444a-a4e3-1cd56ceedbc5"
    const archived = await lever.archive(id, "d35867b1-f661-4ec2-b477-b3e6524cc8b6")
    expect(archived.archived).toEqual({ reason: "d35867b1-f661-4ec2-b477-b3e6524cc8b6", archivedAt: 1732449793171 })
    expect(JSON.parse(calls[0].body!)).toEqual({ reason: "d35867b1-f661-4ec2-b477-b3e6524cc8b6", cleanInterviews: false })
    expect(calls[0].method).toBe("PUT")
    expect(calls[0].url.searchParams.get("perform_as")).toBe("user-1")
    const staged = await lever.setStage(id, "2ca03d97-d4f2-4a97-89de-96c8b0d07924")
    expect(staged.stage).toEqual({ id: "2ca03d97-d4f2-4a97-89de-96c8b0d07924" })
    expect(JSON.parse(calls[1].body!)).toEqual({ stage: "2ca03d97-d4f2-4a97-89de-96c8b0d07924" })
    const tagged = await lever.addTags(id, ["tag me"])
    expect(tagged.tags).toEqual(["tag me", "another tag"])
    expect(tagged.urls?.show).toBe(`https://hire.lever.co/candidates/${id}`)
    expect(tagged.raw.stageChanges).toBeDefined()
  })
})

describe("lenient shapes", () => {
  it("reads archived in its current and legacy shapes", () => {
    expect(parseArchived({ archived: null })).toBeNull()
    expect(parseArchived({})).toBeNull()
    expect(parseArchived({ archived: { reason: "r1", archivedAt: 5 } })).toEqual({ reason: "r1", archivedAt: 5 })
    expect(parseArchived({ archived: { reason: { id: "r2", text: "Timing" }, archivedAt: 7 } })).toEqual({ reason: "r2", archivedAt: 7 })
    expect(parseArchived({ archived: true, archiveReason: "r3", archivedAt: 9 })).toEqual({ reason: "r3", archivedAt: 9 })
    expect(parseArchived({ archived: false, archiveReason: "r3" })).toBeNull()
  })

  it("reads stage as an id or an object", () => {
    expect(parseStageRef("applicant-new")).toEqual({ id: "applicant-new" })
    expect(parseStageRef({ id: "offer", text: "Offer" })).toEqual({ id: "offer", text: "Offer" })
    expect(parseStageRef(null)).toBeNull()
  })

  it("reads lists with or without hasNext, and applications as ids or objects", () => {
    expect(parseListPage({ data: [] }, (x) => x)).toEqual({ data: [], hasNext: false, next: undefined })
    expect(parseListPage({ data: [1], next: "abc", hasNext: true }, (x) => x)).toEqual({ data: [1], next: "abc", hasNext: true })
    const opp = parseOpportunity({ id: "o1", applications: ["a1", { id: "a2", posting: "p1", createdAt: 3 }], updatedAt: null, extra: { kept: true } })
    expect(opp.applications.map((a) => [a.id, a.posting])).toEqual([["a1", null], ["a2", "p1"]])
    expect(opp.updatedAt).toBeNull()
    expect(opp.raw.extra).toEqual({ kept: true })
  })

  it("refuses only an object without id", () => {
    expect(() => parsePosting({ text: "no id" })).toThrow(/without an id/)
  })
})
