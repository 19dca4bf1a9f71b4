/**
 * Contract tests for the Lever simulator itself: every behaviour other tests rely on (paging, token
 * binding, rights, rate limiting, writes, 422 downloads, OAuth, determinism, control endpoints).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { simRequest } from "./http-client"
import { startSimulator, type Simulator } from "./server"

let sim: Simulator
const get = (path: string, key = sim.keys.full) => simRequest(sim, { path, key })
const send = (method: string, path: string, body: unknown, key = sim.keys.full) =>
  simRequest(sim, { method, path, key, body: JSON.stringify(body), headers: { "content-type": "application/json" } })

beforeAll(async () => {
  // A generous rate so only the rate-limit test (its own simulator) meets 429s.
  sim = await startSimulator({ port: 0, seed: 42, rate: 1000, burst: 1000 })
})
afterAll(async () => {
  await sim.close()
})

async function listAll(path: string, limit: number, startOffset?: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = []
  let offset: string | undefined = startOffset
  let pages = 0
  for (;;) {
    const res = await get(`${path}&limit=${limit}${offset ? `&offset=${encodeURIComponent(offset)}` : ""}`)
    expect(res.status).toBe(200)
    const body = res.json<{ data: { id: string }[]; next?: string; hasNext: boolean }>()
    pages++
    ids.push(...body.data.map((o) => o.id))
    if (!body.hasNext) {
      expect(body.next).toBeUndefined()
      return { ids, pages }
    }
    expect(typeof body.next).toBe("string")
    offset = body.next
  }
}

describe("routing and shapes", () => {
  it("answers the Data API on api hosts and on 127.0.0.1, with Lever's posting shape", async () => {
    for (const host of ["api.lever.co", "api.sandbox.lever.co", "api.eu.lever.co", "127.0.0.1"]) {
      const res = await simRequest(sim, { path: `/v1/postings/${sim.postings[0]!.id}`, host, key: sim.keys.full })
      expect(res.status, host).toBe(200)
      const posting = res.json().data
      expect(Object.keys(posting)).toEqual(expect.arrayContaining(["id", "text", "state", "categories", "content", "createdAt", "updatedAt", "urls", "distributionChannels", "hiringManager", "owner", "tags", "workplaceType"]))
      expect(posting.content.lists.length).toBeGreaterThan(0)
    }
  })

  it("has at least four postings with applicants, one with requirements in prose only", async () => {
    const withApplicants = sim.postings.filter((p) => p.applicants > 0)
    expect(withApplicants.length).toBeGreaterThanOrEqual(4)
    const bodies = await Promise.all(withApplicants.map((p) => get(`/v1/postings/${p.id}`)))
    const prose = bodies.map((b) => b.json().data).filter((p) => p.content.lists.length === 0)
    expect(prose.length).toBeGreaterThanOrEqual(1)
    expect(prose[0].content.description.length).toBeGreaterThan(300)
  })

  it("filters postings like Lever: a plain state=published lists public postings only", async () => {
    const publicOnly = (await get("/v1/postings?state=published")).json().data as { id: string; distributionChannels: string[] }[]
    const both = (await get("/v1/postings?state=published&distributionChannel=public&distributionChannel=internal")).json().data as { id: string }[]
    expect(both.length).toBeGreaterThan(publicOnly.length)
    expect(publicOnly.every((p) => p.distributionChannels.includes("public"))).toBe(true)
    const closed = (await get("/v1/postings?state=closed")).json().data as { urls: unknown }[]
    expect(closed.length).toBe(1)
    expect(closed[0]!.urls).toBeNull()
  })

  it("expands applications and stage when asked (repeated expand)", async () => {
    const postingId = sim.postings[0]!.id
    const plain = (await get(`/v1/opportunities?posting_id=${postingId}&limit=1`)).json().data[0]
    expect(typeof plain.stage).toBe("string")
    expect(typeof plain.applications[0]).toBe("string")
    const expanded = (await get(`/v1/opportunities?posting_id=${postingId}&limit=1&expand=applications&expand=stage`)).json().data[0]
    expect(expanded.stage).toEqual({ id: expect.any(String), text: expect.any(String) })
    expect(expanded.applications[0].posting).toBe(postingId)
    expect(expanded.urls.show).toBe(`https://hire.lever.co/candidates/${expanded.id}`)
    expect((await get(`/v1/opportunities?expand=nonsense`)).status).toBe(400)
  })

  it("lists stages and archive reasons with inactive and hired ones", async () => {
    const stages = (await get("/v1/stages")).json().data as { id: string }[]
    expect(stages.map((s) => s.id)).toEqual(expect.arrayContaining(["lead-new", "applicant-new", "offer"]))
    const reasons = (await get("/v1/archive_reasons")).json().data as { status: string; type: string }[]
    expect(reasons.some((r) => r.status === "inactive")).toBe(true)
    expect(reasons.some((r) => r.type === "hired")).toBe(true)
    const nonHired = (await get("/v1/archive_reasons?type=non-hired")).json().data as { type: string }[]
    expect(nonHired.every((r) => r.type === "non-hired")).toBe(true)
  })

  it("finds users by email for perform_as", async () => {
    const res = (await get("/v1/users?email=ccella@some-company.com")).json()
    expect(res.data).toHaveLength(1)
    expect(res.data[0].id).toBe("6e6931c2-a7d7-4c68-9e24-d3950ae47180")
  })
})

describe("pagination", () => {
  it("pages a posting's applicants end to end with no gaps or repeats", async () => {
    const postingId = sim.postings[1]!.id
    const paged = await listAll(`/v1/opportunities?posting_id=${postingId}&expand=stage`, 7)
    const oneShot = (await get(`/v1/opportunities?posting_id=${postingId}&expand=stage&limit=100`)).json()
    expect(paged.pages).toBe(Math.ceil(oneShot.data.length / 7))
    expect(new Set(paged.ids).size).toBe(paged.ids.length)
    expect(paged.ids).toEqual(oneShot.data.map((o: { id: string }) => o.id))
    expect(paged.ids.length).toBe(sim.postings[1]!.applicants)
  })

  it("keeps paging stable when applicants arrive mid-listing", async () => {
    const postingId = sim.postings[2]!.id
    const first = (await get(`/v1/opportunities?posting_id=${postingId}&limit=10`)).json()
    const [added] = (await simRequest(sim, { method: "POST", path: "/__sim/applicants", body: JSON.stringify({ postingId, count: 1 }) })).json().ids
    const rest = await listAll(`/v1/opportunities?posting_id=${postingId}`, 10, first.next)
    const all = [...first.data.map((o: { id: string }) => o.id), ...rest.ids]
    expect(new Set(all).size).toBe(all.length)
    expect(all).not.toContain(added) // newest first: it sits before the cursor
    const fresh = (await get(`/v1/opportunities?posting_id=${postingId}&limit=1`)).json().data[0]
    expect(fresh.id).toBe(added)
  })

  it("binds offset tokens to the query and rejects reuse or tampering", async () => {
    const postingId = sim.postings[0]!.id
    const first = (await get(`/v1/opportunities?posting_id=${postingId}&limit=5`)).json()
    const ok = await get(`/v1/opportunities?posting_id=${postingId}&limit=5&offset=${encodeURIComponent(first.next)}`)
    expect(ok.status).toBe(200)
    for (const other of [
      `/v1/opportunities?posting_id=${sim.postings[1]!.id}&limit=5`,
      `/v1/opportunities?posting_id=${postingId}&limit=6`,
      `/v1/opportunities?posting_id=${postingId}&limit=5&archived=false`,
      `/v1/postings?limit=5`
    ]) {
      const res = await get(`${other}&offset=${encodeURIComponent(first.next)}`)
      expect(res.status, other).toBe(400)
      expect(res.json()).toEqual({ code: "BadRequestError", message: "Invalid offset token" })
    }
    const tampered = first.next.replace(/^./, (c: string) => (c === "e" ? "f" : "e"))
    expect((await get(`/v1/opportunities?posting_id=${postingId}&limit=5&offset=${tampered}`)).status).toBe(400)
    expect((await get(`/v1/opportunities?posting_id=${postingId}&limit=5&offset=garbage`)).status).toBe(400)
  })

  it("answers malformed paths and oversized bodies with Lever-style errors, not crashes", async () => {
    expect((await get("/v1/opportunities/%E0%A4%A")).status).toBe(400)
    const huge = await simRequest(sim, { method: "POST", path: `/v1/opportunities/${sim.edgeCases.longPdf}/notes`, key: sim.keys.full, body: "x".repeat(1_200_000) })
    expect(huge.status).toBe(413)
    expect((await get("/v1/candidates")).status).toBe(404)
  })

  it("accepts limit 1–100 only", async () => {
    expect((await get("/v1/opportunities?limit=0")).status).toBe(400)
    expect((await get("/v1/opportunities?limit=101")).status).toBe(400)
    expect((await get("/v1/opportunities?limit=abc")).status).toBe(400)
    expect((await get("/v1/opportunities?limit=1")).json().data).toHaveLength(1)
  })

  it("filters by archived, stage, archive reason, created_at and updated_at (null updatedAt never matches)", async () => {
    const postingId = sim.postings[0]!.id
    const all = (await get(`/v1/opportunities?posting_id=${postingId}&limit=100`)).json().data as { id: string; archived: unknown; stage: string; createdAt: number; updatedAt: number | null }[]
    const archived = (await get(`/v1/opportunities?posting_id=${postingId}&archived=true&limit=100`)).json().data as { archived: unknown }[]
    const active = (await get(`/v1/opportunities?posting_id=${postingId}&archived=false&limit=100`)).json().data as { archived: unknown }[]
    expect(archived.length + active.length).toBe(all.length)
    expect(archived.every((o) => o.archived !== null)).toBe(true)
    const newApplicants = (await get(`/v1/opportunities?posting_id=${postingId}&stage_id=applicant-new&limit=100`)).json().data as { stage: string }[]
    expect(newApplicants.every((o) => o.stage === "applicant-new")).toBe(true)
    const median = all.map((o) => o.createdAt).sort((a, b) => a - b)[Math.floor(all.length / 2)]!
    const recent = (await get(`/v1/opportunities?posting_id=${postingId}&created_at_start=${median}&limit=100`)).json().data as { createdAt: number }[]
    expect(recent.length).toBe(all.filter((o) => o.createdAt >= median).length)
    const withNull = Object.values(sim.state().opportunities).filter((o) => o.updatedAt === null)
    expect(withNull.length).toBeGreaterThan(0)
    const updated = (await get(`/v1/opportunities?updated_at_start=0&limit=100&posting_id=${postingId}`)).json().data as { updatedAt: number | null }[]
    expect(updated.every((o) => o.updatedAt !== null)).toBe(true)
    expect(updated.length).toBe(all.filter((o) => o.updatedAt !== null).length)
    expect((await get(`/v1/opportunities?created_at_start=yesterday`)).status).toBe(400)
  })
})

describe("credentials and rights", () => {
  it("refuses unknown or missing credentials with 401 and Lever's error body", async () => {
    const unknown = await get("/v1/postings", "not-a-key")
    expect(unknown.status).toBe(401)
    expect(unknown.json()).toEqual({ code: expect.any(String), message: expect.any(String) })
    expect((await simRequest(sim, { path: "/v1/postings" })).status).toBe(401)
  })

  it("read-only key reads everything and gets 403 on every write", async () => {
    const id = sim.edgeCases.nameQuotes
    expect((await get(`/v1/opportunities/${id}`, sim.keys.readOnly)).status).toBe(200)
    expect((await get(`/v1/opportunities/${id}/resumes`, sim.keys.readOnly)).status).toBe(200)
    const writes = [
      send("PUT", `/v1/opportunities/${id}/archived`, { reason: "22a7cc8d-4379-4cb6-8001-62567fa247b4" }, sim.keys.readOnly),
      send("PUT", `/v1/opportunities/${id}/stage`, { stage: "offer" }, sim.keys.readOnly),
      send("POST", `/v1/opportunities/${id}/addTags`, { tags: ["x"] }, sim.keys.readOnly),
      send("POST", `/v1/opportunities/${id}/removeTags`, { tags: ["x"] }, sim.keys.readOnly),
      send("POST", `/v1/opportunities/${id}/notes`, { value: "hi" }, sim.keys.readOnly)
    ]
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(403)
      expect(res.json()).toEqual({ code: "ForbiddenError", message: expect.any(String) })
    }
    expect(sim.state().opportunities[id]!.archived).toBeNull()
  })

  it("no-resumes key lists applicants but cannot read resumes or files", async () => {
    const id = sim.edgeCases.longPdf
    expect((await get(`/v1/opportunities/${id}`, sim.keys.noResumes)).status).toBe(200)
    const resumes = await get(`/v1/opportunities/${id}/resumes`, sim.keys.noResumes)
    expect(resumes.status).toBe(403)
    expect(resumes.json().code).toBe("ForbiddenError")
    expect((await get(`/v1/opportunities/${id}/files`, sim.keys.noResumes)).status).toBe(403)
  })
})

describe("writes", () => {
  it("archives, changes the reason, unarchives, and bumps updatedAt each time", async () => {
    const id = sim.edgeCases.nameScript
    const before = (await get(`/v1/opportunities/${id}`)).json().data
    expect(before.archived).toBeNull()
    const archived = await send("PUT", `/v1/opportunities/${id}/archived?perform_as=6e6931c2-a7d7-4c68-9e24-d3950ae47180`, { reason: "4105fb10-1f79-44ec-b873-33886dc01348", cleanInterviews: false })
    expect(archived.status).toBe(200)
    const a = archived.json().data
    expect(a.archived).toEqual({ reason: "4105fb10-1f79-44ec-b873-33886dc01348", archivedAt: expect.any(Number) })
    expect(a.updatedAt).toBeGreaterThan(before.updatedAt ?? 0)
    const listed = (await get(`/v1/opportunities?archived=true&archive_reason_id=4105fb10-1f79-44ec-b873-33886dc01348&limit=100`)).json().data as { id: string }[]
    expect(listed.map((o) => o.id)).toContain(id)
    const changed = (await send("PUT", `/v1/opportunities/${id}/archived`, { reason: "22a7cc8d-4379-4cb6-8001-62567fa247b4" })).json().data
    expect(changed.archived.reason).toBe("22a7cc8d-4379-4cb6-8001-62567fa247b4")
    expect(changed.updatedAt).toBeGreaterThan(a.updatedAt)
    const restored = (await send("PUT", `/v1/opportunities/${id}/archived`, { reason: null })).json().data
    expect(restored.archived).toBeNull()
    expect(restored.updatedAt).toBeGreaterThan(changed.updatedAt)
    const state = sim.state().opportunities[id]!
    expect(state.archived).toBeNull()
    expect(state.actions.map((x) => [x.kind, x.performAs])).toEqual([
      ["archive", "6e6931c2-a7d7-4c68-9e24-d3950ae47180"], ["archive", null], ["unarchive", null]
    ])
  })

  it("refuses inactive or unknown archive reasons and bad bodies without changing anything", async () => {
    const id = sim.edgeCases.nameAccents
    expect((await send("PUT", `/v1/opportunities/${id}/archived`, { reason: "82cc825e-90ad-4f22-a449-0b73955bac9c" })).status).toBe(400)
    expect((await send("PUT", `/v1/opportunities/${id}/archived`, { reason: "nope" })).status).toBe(400)
    expect((await send("PUT", `/v1/opportunities/${id}/archived`, {})).status).toBe(400)
    expect((await simRequest(sim, { method: "PUT", path: `/v1/opportunities/${id}/archived`, key: sim.keys.full, body: "{not json" })).status).toBe(400)
    expect((await send("PUT", `/v1/opportunities/${id}/archived?perform_as=unknown-user`, { reason: "22a7cc8d-4379-4cb6-8001-62567fa247b4" })).status).toBe(400)
    expect((await send("PUT", `/v1/opportunities/00000000-0000-4000-8000-000000000000/archived`, { reason: null })).status).toBe(404)
    expect(sim.state().opportunities[id]!.archived).toBeNull()
    expect(sim.state().opportunities[id]!.actions).toEqual([])
  })

  it("moves stages, records stageChanges, and rejects unknown stages", async () => {
    const id = sim.edgeCases.nameArabic
    const moved = await send("PUT", `/v1/opportunities/${id}/stage`, { stage: "offer" })
    expect(moved.status).toBe(200)
    const o = moved.json().data
    expect(o.stage).toBe("offer")
    expect(o.stageChanges.at(-1)).toMatchObject({ toStageId: "offer", toStageIndex: 9 })
    expect((await get(`/v1/opportunities?stage_id=offer&limit=100`)).json().data.map((x: { id: string }) => x.id)).toContain(id)
    expect((await send("PUT", `/v1/opportunities/${id}/stage`, { stage: "not-a-stage" })).status).toBe(400)
    expect((await send("PUT", `/v1/opportunities/${id}/stage`, { stage: "applicant-new" })).json().data.stage).toBe("applicant-new")
  })

  it("adds and removes tags, adds notes (201 {data:{noteId}})", async () => {
    const id = sim.edgeCases.nameHebrew
    expect((await send("POST", `/v1/opportunities/${id}/addTags`, { tags: ["screened", "strong"] })).json().data.tags).toEqual(expect.arrayContaining(["screened", "strong"]))
    expect((await send("POST", `/v1/opportunities/${id}/removeTags`, { tags: ["strong"] })).json().data.tags).not.toContain("strong")
    expect((await send("POST", `/v1/opportunities/${id}/addTags`, { tags: [] })).status).toBe(400)
    const note = await send("POST", `/v1/opportunities/${id}/notes`, { value: "Score 82/100", secret: false })
    expect(note.status).toBe(201)
    expect(note.json()).toEqual({ data: { noteId: expect.any(String) } })
    expect((await send("POST", `/v1/opportunities/${id}/notes`, { value: "" })).status).toBe(400)
    const state = sim.state().opportunities[id]!
    expect(state.tags).toContain("screened")
    expect(state.notes.map((n) => n.value)).toEqual(["Score 82/100"])
  })
})

describe("resumes", () => {
  it("downloads the real file bytes, and answers 422 for the file Lever could not process", async () => {
    const ok = sim.edgeCases.nonEnglish
    const meta = (await get(`/v1/opportunities/${ok}/resumes`)).json().data[0]
    expect(meta.file).toMatchObject({ ext: "pdf", status: "processed", name: "Lebenslauf.pdf" })
    const file = await get(`/v1/opportunities/${ok}/resumes/${meta.id}/download`)
    expect(file.status).toBe(200)
    expect(file.headers["content-type"]).toBe("application/pdf")
    expect(file.body.subarray(0, 5).toString()).toBe("%PDF-")
    expect(file.body.length).toBe(meta.file.size)

    const bad = sim.edgeCases.download422
    const badMeta = (await get(`/v1/opportunities/${bad}/resumes`)).json().data[0]
    const refused = await get(`/v1/opportunities/${bad}/resumes/${badMeta.id}/download`)
    expect(refused.status).toBe(422)
    expect(refused.json()).toEqual({ code: expect.any(String), message: expect.any(String) })
  })

  it("has no resume for the no-resume applicant, and 404 for a wrong resume id", async () => {
    expect((await get(`/v1/opportunities/${sim.edgeCases.noResume}/resumes`)).json()).toEqual({ data: [] })
    expect((await get(`/v1/opportunities/${sim.edgeCases.longPdf}/resumes/nope/download`)).status).toBe(404)
  })
})

describe("control endpoints", () => {
  it("adds applicants now, counts requests, injects faults, and resets", async () => {
    const postingId = sim.postings[3]!.id
    const since = Date.now()
    const added = await simRequest(sim, { method: "POST", path: "/__sim/applicants", host: "hire.lever.co", body: JSON.stringify({ postingId, count: 3 }) })
    expect(added.status).toBe(201)
    const ids = added.json().ids as string[]
    expect(ids).toHaveLength(3)
    const fresh = (await get(`/v1/opportunities?posting_id=${postingId}&created_at_start=${since}`)).json().data as { id: string }[]
    expect(fresh.map((o) => o.id).sort()).toEqual([...ids].sort())
    const bad = await simRequest(sim, { method: "POST", path: "/__sim/applicants", body: JSON.stringify({ postingId: "nope" }) })
    expect(bad.status).toBe(400)

    const state = sim.state()
    expect(state.requests.byCredential.full).toBeGreaterThan(10)
    expect(state.requests.byEndpoint["GET /v1/opportunities"]).toBeGreaterThan(0)
    expect(state.requests.byEndpoint["PUT /v1/opportunities/:id/archived"]).toBeGreaterThan(0)

    const fault = await simRequest(sim, { method: "POST", path: "/__sim/faults", body: JSON.stringify({ kind: "maintenance", durationMs: 300 }) })
    expect(fault.status).toBe(201)
    const down = await get("/v1/stages")
    expect(down.status).toBe(503)
    expect(down.json().code).toBe("ServiceUnavailable")
    await new Promise((r) => setTimeout(r, 350))
    expect((await get("/v1/stages")).status).toBe(200)

    await simRequest(sim, { method: "POST", path: "/__sim/faults", body: JSON.stringify({ kind: "5xx", durationMs: 200, rate: 1 }) })
    expect((await get("/v1/stages")).status).toBe(500)
    await simRequest(sim, { method: "DELETE", path: "/__sim/faults" })

    const storm = await simRequest(sim, { method: "POST", path: "/__sim/faults", body: JSON.stringify({ kind: "429_storm", durationMs: 250 }) })
    expect(storm.status).toBe(201)
    const limitedBefore = sim.state().requests.rateLimited
    const stormed = await get("/v1/stages")
    expect(stormed.status).toBe(429)
    expect(stormed.json().code).toBe("TooManyRequests")
    expect(sim.state().requests.rateLimited).toBe(limitedBefore + 1)
    await simRequest(sim, { method: "DELETE", path: "/__sim/faults" })

    await simRequest(sim, { method: "POST", path: "/__sim/faults", body: JSON.stringify({ kind: "latency", durationMs: 2000, latencyMs: 300 }) })
    const slowStart = performance.now()
    expect((await get("/v1/stages")).status).toBe(200)
    expect(performance.now() - slowStart).toBeGreaterThanOrEqual(290)
    expect(sim.state().faults.map((f) => f.kind)).toEqual(["latency"])
    await simRequest(sim, { method: "DELETE", path: "/__sim/faults" })

    await simRequest(sim, { method: "POST", path: "/__sim/faults", body: JSON.stringify({ kind: "drop", durationMs: 200 }) })
    await expect(get("/v1/stages")).rejects.toThrow()
    await simRequest(sim, { method: "DELETE", path: "/__sim/faults" })
    expect((await simRequest(sim, { method: "POST", path: "/__sim/faults", body: JSON.stringify({ kind: "nope", durationMs: 1 }) })).status).toBe(400)

    const reset = await simRequest(sim, { method: "POST", path: "/__sim/reset" })
    expect(reset.status).toBe(200)
    const after = sim.state()
    expect(after.requests.total).toBe(0)
    expect(after.opportunities[ids[0]!]).toBeUndefined()
    expect(after.opportunities[sim.edgeCases.nameHebrew]!.notes).toEqual([])
  })
})

describe("rate limiting", () => {
  it("enforces a token bucket per credential with 429 and Lever's error body", async () => {
    const limited = await startSimulator({ port: 0, seed: 3, applicantsPerPosting: 2, rate: 5, burst: 8 })
    try {
      const burst = await Promise.all(Array.from({ length: 20 }, () => simRequest(limited, { path: "/v1/stages", key: limited.keys.full })))
      const ok = burst.filter((r) => r.status === 200).length
      const refused = burst.filter((r) => r.status === 429)
      expect(ok).toBeGreaterThanOrEqual(8)
      expect(ok).toBeLessThanOrEqual(10)
      expect(refused.length).toBe(20 - ok)
      expect(refused[0]!.json()).toEqual({ code: "TooManyRequests", message: expect.any(String) })
      // Another credential has its own bucket.
      expect((await simRequest(limited, { path: "/v1/stages", key: limited.keys.readOnly })).status).toBe(200)
      expect(limited.state().requests.rateLimited).toBe(refused.length)
      expect(limited.state().requests.rateLimitedByCredential.full).toBe(refused.length)
      // The bucket refills at `rate` per second.
      await new Promise((r) => setTimeout(r, 450))
      expect((await simRequest(limited, { path: "/v1/stages", key: limited.keys.full })).status).toBe(200)
    } finally {
      await limited.close()
    }
  })
})
