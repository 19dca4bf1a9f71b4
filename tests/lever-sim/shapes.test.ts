/**
 * The simulator's answers have the shape of real Lever responses recorded from a sandbox
 * (../shared/lever/recorded/): same keys, same value types. Where the recording holds null for a
 * nullable field the simulator may fill it; everything else must match.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { simRequest } from "./http-client"
import { RECORDED_DIR } from "./postings"
import { startSimulator, type Simulator } from "./server"

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ seed: 4, applicantsPerPosting: 6, rate: 1000, burst: 1000 })
})
afterAll(async () => {
  await sim.close()
})

const recorded = (name: string): unknown => JSON.parse(readFileSync(join(RECORDED_DIR, name), "utf8"))
const kind = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v)

/** Fields Lever documents as nullable or optional: the recording happens to hold a value. */
const NULLABLE = new Set(["archived", "reqCode", "sourcedBy", "hiringManager", "urls", "snoozedUntil", "dataProtection"])
const OPTIONAL = new Set(["salaryRange"])

/** Every difference between a recorded value and the simulator's, as readable paths. */
function differences(real: unknown, ours: unknown, path = "$"): string[] {
  if (real === null) return [] // nullable in Lever: any value is acceptable
  if (ours === null && NULLABLE.has(path.split(".").pop()!)) return []
  if (kind(real) !== kind(ours)) return [`${path}: recorded ${kind(real)}, simulator ${kind(ours)}`]
  if (Array.isArray(real) && Array.isArray(ours)) {
    if (real.length === 0 || ours.length === 0) return []
    return differences(real[0], ours[0], `${path}[0]`)
  }
  if (kind(real) === "object") {
    const r = real as Record<string, unknown>
    const o = ours as Record<string, unknown>
    return Object.keys(r).flatMap((k) => (k in o ? differences(r[k], o[k], `${path}.${k}`) : OPTIONAL.has(k) ? [] : [`${path}.${k}: missing`]))
  }
  return []
}

const get = async (path: string) => (await simRequest(sim, { path, key: sim.keys.full })).json()

describe("shapes match the recorded Lever sandbox responses", () => {
  it("has the recordings it compares against", () => {
    expect(readdirSync(RECORDED_DIR).filter((f) => f.endsWith(".json")).length).toBeGreaterThanOrEqual(9)
  })

  it("postings (list and one)", async () => {
    const list = await get("/v1/postings")
    expect(differences(recorded("GET__postings__get-postings.json"), list)).toEqual([])
    const one = await get(`/v1/postings/${sim.postings[0]!.id}`)
    expect(differences(recorded("GET__postings__d248f6f5-ca37-4467-a08d-11ad90fd9b1f__posting.json"), one)).toEqual([])
    expect(differences(recorded("GET__postings__f8b7dd19-1d9f-40f1-8090-e4a62e989e0b__posting.json"), one)).toEqual([])
  })

  it("stages, archive reasons, users", async () => {
    expect(differences(recorded("GET__stages__get-stages.json"), await get("/v1/stages"))).toEqual([])
    expect(differences(recorded("GET__archive_reasons__get-archive-reasons.json"), await get("/v1/archive_reasons"))).toEqual([])
    expect(differences(recorded("GET__users__users.json"), await get("/v1/users"))).toEqual([])
  })

  it("the opportunity returned by PUT stage, PUT archived and addTags", async () => {
    const id = sim.edgeCases.nameQuotes
    const send = async (method: string, path: string, body: unknown) =>
      (await simRequest(sim, { method, path, key: sim.keys.full, body: JSON.stringify(body), headers: { "content-type": "application/json" } })).json()
    const stage = await send("PUT", `/v1/opportunities/${id}/stage`, { stage: "2ca03d97-d4f2-4a97-89de-96c8b0d07924" })
    expect(differences(recorded("PUT__opportunities__1bd11d54-9d97-444a-a4e3-1cd56ceedbc5__stage__update-opportunity-stage.json"), stage)).toEqual([])
    const tags = await send("POST", `/v1/opportunities/${id}/addTags`, { tags: ["tag me"] })
    expect(differences(recorded("POST__opportunities__1bd11d54-9d97-444a-a4e3-1cd56ceedbc5__addTags__update-opportunity-tags.json"), tags)).toEqual([])
    const archived = await send("PUT", `/v1/opportunities/${id}/archived`, { reason: "d35867b1-f661-4ec2-b477-b3e6524cc8b6" })
    expect(differences(recorded("PUT__opportunities__1bd11d54-9d97-444a-a4e3-1cd56ceedbc5__archived__update-opportunity-archived.json"), archived)).toEqual([])
    // And the listing's items have the same shape as the single opportunity.
    const listed = (await get(`/v1/opportunities?limit=1`)).data[0]
    expect(differences(recorded("PUT__opportunities__1bd11d54-9d97-444a-a4e3-1cd56ceedbc5__archived__update-opportunity-archived.json"), { data: { ...listed, archived: archived.data.archived } })).toEqual([])
  })
})
