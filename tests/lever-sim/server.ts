/**
 * The Lever simulator: one HTTPS server, routed by Host header.
 *   api.lever.co, api.eu.lever.co, api.sandbox.lever.co, and any other host (127.0.0.1) → Data API under /v1
 *   hire.lever.co, hire.eu.lever.co, hire.sandbox.lever.co → the web-app mock (webapp.ts)
 *   auth.lever.co, sandbox-lever.auth0.com → OAuth (/authorize, /oauth/token)
 *   /__sim/* on any host → control endpoints for tests and the demo (state, applicants, faults, reset)
 *
 * Test and demo infrastructure only: never bundled into the extension, uses none of its code.
 * Seeded edge cases (which opportunity has which: `Simulator.edgeCases`, documented in
 * applicants.ts EDGE_CASES and README.md) are spread round-robin over the four postings.
 */
import { createServer, type Server } from "node:https"
import type { IncomingMessage, ServerResponse } from "node:http"
import type { AddressInfo, Socket } from "node:net"

import { ALL_RIGHTS, apiError, endpointPattern, handleApi, READ_RIGHTS, type ApiResult, type Right } from "./api"
import type { EdgeCase } from "./applicants"
import { ensureCertificate } from "./certs"
import { OAuthServer, type OAuthApp } from "./oauth"
import { Rng } from "./rng"
import { listRows, renderWebApp, webAppRow } from "./webapp"
import { API_KEY_OWNER, World } from "./world"

export interface SimulatorOptions {
  /** 0 = a random free port. Default 0. */
  port?: number
  /** Default 1. The same seed gives byte-identical data. */
  seed?: number
  /** Applicants per posting (default 60, up to 5000). */
  applicantsPerPosting?: number
  /** Token-bucket refill per credential, requests per second (default 10, as Lever). */
  rate?: number
  /** Token-bucket capacity per credential (default 20, as Lever). */
  burst?: number
  /** Extra latency on every API response, ms (default 0). */
  latencyMs?: number
  /** OAuth access-token lifetime (default one hour). */
  accessTokenTtlMs?: number
  /** How often the web-app mock re-renders its rows, ms (default 5000). */
  webappRerenderMs?: number
  /** Interface to listen on (default 127.0.0.1). */
  host?: string
}

export type FaultKind = "429_storm" | "5xx" | "latency" | "drop" | "maintenance"

export interface Fault {
  kind: FaultKind
  until: number
  /** Probability 0–1 that a request is affected (default 1). */
  rate: number
  latencyMs: number
}

export interface SimState {
  opportunities: Record<string, {
    postingId: string
    name: string
    stage: string
    archived: { reason: string; archivedAt: number } | null
    archivedReason: string | null
    tags: string[]
    notes: { noteId: string; value: string; secret: boolean; performAs: string | null; createdAt: number }[]
    updatedAt: number | null
    actions: { kind: string; performAs: string | null; at: number }[]
  }>
  requests: {
    total: number
    byEndpoint: Record<string, number>
    byCredential: Record<string, number>
    rateLimited: number
    rateLimitedByCredential: Record<string, number>
  }
  faults: { kind: FaultKind; until: number; rate: number; latencyMs: number }[]
}

export interface Simulator {
  port: number
  origin: string
  keys: { full: string; readOnly: string; noResumes: string }
  postings: { id: string; text: string; state: string; applicants: number }[]
  edgeCases: Record<EdgeCase, string>
  oauthApp: OAuthApp
  /** The self-signed certificate (PEM), usable as a CA for Node clients. */
  ca: string
  state(): SimState
  /** The world itself (opportunities, resume bytes) for tests that need more than state(). */
  world: World
  close(): Promise<void>
}

const HIRE_HOSTS = new Set(["hire.lever.co", "hire.eu.lever.co", "hire.sandbox.lever.co"])
const AUTH_HOSTS = new Set(["auth.lever.co", "sandbox-lever.auth0.com"])

class TokenBucket {
  private tokens: number
  private last: number
  constructor(private readonly rate: number, private readonly burst: number, now: number) {
    this.tokens = burst
    this.last = now
  }
  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate)
    this.last = now
    if (this.tokens >= 1) {
      this.tokens -= 1
      return true
    }
    return false
  }
}

function makeKey(rng: Rng, prefix: string): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
  let key = prefix
  for (let i = 0; i < 40; i++) key += alphabet[rng.int(0, alphabet.length - 1)]
  return key
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new BodyTooLarge(`Request body is larger than ${limit} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString("utf8")
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers })
  res.end(text)
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const seed = opts.seed ?? 1
  const applicantsPerPosting = opts.applicantsPerPosting ?? 60
  if (!Number.isInteger(applicantsPerPosting) || applicantsPerPosting < 0 || applicantsPerPosting > 5000) {
    throw new Error(`applicantsPerPosting must be an integer from 0 to 5000 (got ${applicantsPerPosting})`)
  }
  const rate = opts.rate ?? 10
  const burst = opts.burst ?? 20
  const baseLatency = opts.latencyMs ?? 0
  const world = new World({ seed, applicantsPerPosting })
  const keyRng = Rng.derive(seed, "keys")
  const keys = { full: makeKey(keyRng, ""), readOnly: makeKey(keyRng, ""), noResumes: makeKey(keyRng, "") }
  const keyRights = new Map<string, { name: string; rights: Set<Right> }>([
    [keys.full, { name: "full", rights: new Set(ALL_RIGHTS) }],
    [keys.readOnly, { name: "readOnly", rights: new Set(READ_RIGHTS) }],
    [keys.noResumes, { name: "noResumes", rights: new Set(ALL_RIGHTS.filter((r) => r !== "resumes:read" && r !== "files:read")) }]
  ])
  const appRng = Rng.derive(seed, "oauth-app")
  const oauthApp: OAuthApp = { clientId: makeKey(appRng, "").slice(0, 32), clientSecret: makeKey(appRng, "") + makeKey(appRng, "") }
  const oauth = new OAuthServer(oauthApp, opts.accessTokenTtlMs ?? 3_600_000)

  const buckets = new Map<string, TokenBucket>()
  let faults: Fault[] = []
  const stats = () => ({ total: 0, byEndpoint: {} as Record<string, number>, byCredential: {} as Record<string, number>, rateLimited: 0, rateLimitedByCredential: {} as Record<string, number> })
  let requests = stats()

  const activeFaults = (now: number): Fault[] => {
    faults = faults.filter((f) => f.until > now)
    return faults
  }

  function state(): SimState {
    const opportunities: SimState["opportunities"] = {}
    for (const o of world.opportunities.values()) {
      opportunities[o.id] = {
        postingId: o.postingId,
        name: o.name,
        stage: o.stage,
        archived: o.archived,
        archivedReason: o.archived?.reason ?? null,
        tags: [...o.tags],
        notes: o.notes.map((n) => ({ ...n })),
        updatedAt: o.updatedAt,
        actions: o.actions.map((a) => ({ ...a }))
      }
    }
    return {
      opportunities,
      requests: structuredClone(requests),
      faults: activeFaults(Date.now()).map((f) => ({ ...f }))
    }
  }

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname
    if (req.method === "GET" && path === "/__sim/state") return sendJson(res, 200, state())
    if (req.method === "GET" && path === "/__sim/info") {
      return sendJson(res, 200, { keys, postings: simulatorPostings(), edgeCases: world.edgeCases, oauthApp })
    }
    if (req.method === "GET" && path === "/__sim/applicants") {
      // The web-app mock polls this for its rows (live inserts, stage/tag/archive changes).
      const id = url.searchParams.get("id")
      if (id !== null) {
        const o = world.opportunities.get(id)
        return sendJson(res, 200, { data: o ? [webAppRow(world, o)] : [] })
      }
      const since = Number(url.searchParams.get("since") ?? "0")
      const rows = listRows(world, url.searchParams.get("posting") || null, url.searchParams.get("archived") === "true")
      return sendJson(res, 200, { data: Number.isFinite(since) && since > 0 ? rows.filter((r) => r.createdAt > since) : rows })
    }
    if (req.method === "POST" && path === "/__sim/applicants") {
      let body: { postingId?: unknown; count?: unknown }
      try {
        body = JSON.parse((await readBody(req)) || "{}") as typeof body
      } catch {
        return sendJson(res, 400, { code: "BadRequestError", message: "Body must be JSON {postingId, count?}" })
      }
      const count = body.count === undefined ? 1 : body.count
      if (typeof body.postingId !== "string" || !world.posting(body.postingId)?.fit) {
        return sendJson(res, 400, { code: "BadRequestError", message: "postingId must be a seeded posting that takes applicants" })
      }
      if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 5000) {
        return sendJson(res, 400, { code: "BadRequestError", message: "count must be an integer from 1 to 5000" })
      }
      return sendJson(res, 201, { ids: world.addApplicants(body.postingId, count) })
    }
    if (req.method === "POST" && path === "/__sim/webapp/bulk") {
      // The web-app mock's bulk bar: a recruiter archiving or moving candidates in Lever's own UI.
      let body: { action?: unknown; ids?: unknown; reason?: unknown; stage?: unknown }
      try {
        body = JSON.parse((await readBody(req)) || "{}") as typeof body
      } catch {
        return sendJson(res, 400, { code: "BadRequestError", message: "Body must be JSON" })
      }
      if (!Array.isArray(body.ids) || body.ids.length === 0 || !body.ids.every((id) => typeof id === "string" && world.opportunities.has(id))) {
        return sendJson(res, 400, { code: "BadRequestError", message: "ids must list known opportunity ids" })
      }
      const targets = (body.ids as string[]).map((id) => world.opportunities.get(id)!)
      if (body.action === "archive") {
        const reason = world.archiveReasons.find((r) => r.id === body.reason && r.status === "active")
        if (!reason) return sendJson(res, 400, { code: "BadRequestError", message: "reason must be an active archive reason id" })
        for (const o of targets) world.archive(o, reason.id, API_KEY_OWNER)
      } else if (body.action === "stage") {
        if (!world.stages.some((st) => st.id === body.stage)) return sendJson(res, 400, { code: "BadRequestError", message: "stage must be a stage id" })
        for (const o of targets) world.setStage(o, body.stage as string, API_KEY_OWNER)
      } else {
        return sendJson(res, 400, { code: "BadRequestError", message: "action must be archive or stage" })
      }
      return sendJson(res, 200, { updated: targets.length })
    }
    if (req.method === "POST" && path === "/__sim/faults") {
      let body: { kind?: unknown; durationMs?: unknown; rate?: unknown; latencyMs?: unknown }
      try {
        body = JSON.parse((await readBody(req)) || "{}") as typeof body
      } catch {
        return sendJson(res, 400, { code: "BadRequestError", message: "Body must be JSON" })
      }
      const kinds: FaultKind[] = ["429_storm", "5xx", "latency", "drop", "maintenance"]
      if (!kinds.includes(body.kind as FaultKind)) return sendJson(res, 400, { code: "BadRequestError", message: `kind must be one of ${kinds.join(", ")}` })
      if (typeof body.durationMs !== "number" || body.durationMs <= 0) return sendJson(res, 400, { code: "BadRequestError", message: "durationMs must be a positive number" })
      const faultRate = body.rate === undefined ? 1 : body.rate
      if (typeof faultRate !== "number" || faultRate < 0 || faultRate > 1) return sendJson(res, 400, { code: "BadRequestError", message: "rate must be a number from 0 to 1" })
      const latency = body.latencyMs === undefined ? 2000 : body.latencyMs
      if (typeof latency !== "number" || latency < 0) return sendJson(res, 400, { code: "BadRequestError", message: "latencyMs must be a non-negative number" })
      const fault: Fault = { kind: body.kind as FaultKind, until: Date.now() + body.durationMs, rate: faultRate, latencyMs: latency }
      faults.push(fault)
      return sendJson(res, 201, { fault })
    }
    if (req.method === "DELETE" && path === "/__sim/faults") {
      faults = []
      return sendJson(res, 200, { faults: [] })
    }
    if (req.method === "POST" && path === "/__sim/reset") {
      world.reset()
      oauth.reset()
      buckets.clear()
      faults = []
      requests = stats()
      return sendJson(res, 200, { ok: true })
    }
    return sendJson(res, 404, { code: "ResourceNotFound", message: `No control endpoint ${req.method} ${path}` })
  }

  function authenticate(req: IncomingMessage): { name: string; id: string; rights: Set<Right> } | ApiResult {
    const header = req.headers.authorization ?? ""
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header)
    if (basic) {
      const decoded = Buffer.from(basic[1]!, "base64").toString("utf8")
      const key = decoded.includes(":") ? decoded.slice(0, decoded.indexOf(":")) : decoded
      const found = keyRights.get(key)
      if (!found) return apiError(401, "UnauthorizedError", "Invalid API key")
      return { name: found.name, id: `key:${found.name}`, rights: found.rights }
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)
    if (bearer) {
      const token = oauth.lookup(bearer[1]!)
      if (token === "expired") return apiError(401, "UnauthorizedError", "Access token expired")
      if (token === "unknown") return apiError(401, "UnauthorizedError", "Invalid access token")
      return { name: `oauth:${token.clientId}`, id: `oauth:${token.clientId}`, rights: token.rights }
    }
    return apiError(401, "UnauthorizedError", "Missing credentials: use HTTP Basic with your API key, or a Bearer token")
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const now = Date.now()
    if (!url.pathname.startsWith("/v1/") && url.pathname !== "/v1") {
      return sendJson(res, 404, { code: "ResourceNotFound", message: "Resource not found" })
    }
    const path = url.pathname.slice(3) || "/"
    const endpoint = endpointPattern(req.method ?? "GET", path)
    requests.total++
    requests.byEndpoint[endpoint] = (requests.byEndpoint[endpoint] ?? 0) + 1
    const current = activeFaults(now)
    const hit = (kind: FaultKind) => current.find((f) => f.kind === kind && Math.random() < f.rate)
    let delay = baseLatency
    const slow = hit("latency")
    if (slow) delay += slow.latencyMs
    if (delay > 0) await sleep(delay)
    if (hit("maintenance")) {
      return sendJson(res, 503, { code: "ServiceUnavailable", message: "Lever is down for scheduled maintenance. Please retry later." })
    }
    const auth = authenticate(req)
    if ("status" in auth) {
      requests.byCredential.unauthenticated = (requests.byCredential.unauthenticated ?? 0) + 1
      return sendJson(res, auth.status, auth.json)
    }
    requests.byCredential[auth.name] = (requests.byCredential[auth.name] ?? 0) + 1
    let bucket = buckets.get(auth.id)
    if (!bucket) {
      bucket = new TokenBucket(rate, burst, now)
      buckets.set(auth.id, bucket)
    }
    if (!bucket.take(now) || hit("429_storm")) {
      requests.rateLimited++
      requests.rateLimitedByCredential[auth.name] = (requests.rateLimitedByCredential[auth.name] ?? 0) + 1
      return sendJson(res, 429, { code: "TooManyRequests", message: `Rate limit exceeded: at most ${rate} requests per second, bursts of ${burst}` })
    }
    if (hit("5xx")) {
      return sendJson(res, 500, { code: "InternalServerError", message: "An unexpected error occurred" })
    }
    const body = req.method === "GET" || req.method === "HEAD" ? "" : await readBody(req)
    const result = await handleApi(world, {
      method: req.method ?? "GET",
      path,
      query: url.searchParams,
      body,
      rights: auth.rights,
      credentialName: auth.name
    })
    const drop = hit("drop")
    const payload = result.bytes ? Buffer.from(result.bytes) : Buffer.from(JSON.stringify(result.json ?? null))
    res.writeHead(result.status, {
      "content-type": result.bytes ? "application/octet-stream" : "application/json; charset=utf-8",
      ...result.headers,
      "content-length": payload.length
    })
    if (drop) {
      // The connection dies mid-response: headers and part of the body, then a reset.
      res.write(payload.subarray(0, Math.floor(payload.length / 2)))
      setTimeout(() => req.socket.destroy(), 5)
      return
    }
    res.end(payload)
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase()
    const url = new URL(req.url ?? "/", `https://${host || "127.0.0.1"}`)
    if (url.pathname.startsWith("/__sim/")) return control(req, res, url)
    if (HIRE_HOSTS.has(host)) {
      const page = renderWebApp(world, url, { rerenderMs: opts.webappRerenderMs ?? 5000 })
      res.writeHead(page.status, page.headers)
      res.end(page.body)
      return
    }
    if (AUTH_HOSTS.has(host)) {
      let result
      if (req.method === "GET" && url.pathname === "/authorize") result = oauth.authorize(url)
      else if (req.method === "POST" && url.pathname === "/oauth/token") result = oauth.token(req.headers["content-type"] ?? "", await readBody(req))
      else result = { status: 404, headers: { "content-type": "application/json" }, body: JSON.stringify({ error: "not_found" }) }
      res.writeHead(result.status, result.headers)
      res.end(result.body)
      return
    }
    // The api hosts, and anything else (127.0.0.1, localhost) so `curl -k -u key: https://127.0.0.1:7443/v1/…` works.
    return api(req, res, url)
  }

  const { key, cert } = await ensureCertificate()
  const sockets = new Set<Socket>()
  const server: Server = createServer({ key, cert }, (req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLarge && !res.headersSent) sendJson(res, 413, { code: "PayloadTooLarge", message: error.message }, { connection: "close" })
      else if (!res.headersSent) sendJson(res, 500, { code: "InternalServerError", message: `Simulator error: ${(error as Error).message}` })
      else res.destroy()
    })
  })
  server.on("connection", (socket: Socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve())
  })
  const port = (server.address() as AddressInfo).port

  function simulatorPostings(): Simulator["postings"] {
    return world.postings.map(({ posting }) => ({
      id: posting.id,
      text: posting.text,
      state: posting.state,
      applicants: [...world.opportunities.values()].filter((o) => o.postingId === posting.id).length
    }))
  }

  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    keys,
    get postings() {
      return simulatorPostings()
    },
    get edgeCases() {
      return { ...world.edgeCases }
    },
    oauthApp,
    ca: cert,
    state,
    world,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
