/**
 * The Lever Data API (`/v1/...`) over the simulator's world, with Lever's shapes
 * (../shared/lever/api.md and ../shared/lever/recorded/), rights per credential, strict parameter
 * checks, and paging with opaque offset tokens bound to the query.
 */
import { createHmac, timingSafeEqual } from "node:crypto"

import { listingKey, type Opportunity, type World } from "./world"

export type Right =
  | "postings:read"
  | "opportunities:read"
  | "opportunities:write"
  | "resumes:read"
  | "files:read"
  | "stages:read"
  | "archive_reasons:read"
  | "notes:write"
  | "users:read"

export const ALL_RIGHTS: Right[] = [
  "postings:read", "opportunities:read", "opportunities:write", "resumes:read", "files:read",
  "stages:read", "archive_reasons:read", "notes:write", "users:read"
]
export const READ_RIGHTS: Right[] = ALL_RIGHTS.filter((r) => r.endsWith(":read"))

/** OAuth scopes (api.md) → rights. */
export function rightsFromScopes(scopes: string[]): Right[] {
  const rights = new Set<Right>()
  for (const scope of scopes) {
    const match = /^([a-z_]+):(read|write):admin$/.exec(scope)
    if (!match) continue
    const right = `${match[1]}:${match[2]}` as Right
    if (ALL_RIGHTS.includes(right)) rights.add(right)
    // A write scope implies reading the same resource, as Lever's scopes do.
    if (match[2] === "write" && ALL_RIGHTS.includes(`${match[1]}:read` as Right)) rights.add(`${match[1]}:read` as Right)
  }
  return [...rights]
}

export interface ApiResult {
  status: number
  json?: unknown
  bytes?: Uint8Array
  headers?: Record<string, string>
}

export interface ApiRequest {
  method: string
  /** Path below /v1, e.g. "/opportunities/abc/resumes". */
  path: string
  query: URLSearchParams
  body: string
  rights: ReadonlySet<Right>
  credentialName: string
}

export const apiError = (status: number, code: string, message: string): ApiResult => ({ status, json: { code, message } })
const badRequest = (message: string): ApiResult => apiError(400, "BadRequestError", message)
const notFound = (what: string): ApiResult => apiError(404, "ResourceNotFound", `${what} not found`)

class HttpError extends Error {
  constructor(readonly result: ApiResult) {
    super(typeof result.json === "object" ? JSON.stringify(result.json) : String(result.status))
  }
}

/** The endpoint pattern for a path, used to count requests per endpoint in /__sim/state. */
export function endpointPattern(method: string, path: string): string {
  const pattern = path
    .replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "/:id")
    .replace(/\/(lead|applicant|offer)[a-z-]*(?=\/|$)/g, "/:id")
  return `${method} /v1${pattern}`
}

// ---- paging ----

const PAGE_KEY_SECRET = "lever-sim offset tokens"

function queryFingerprint(endpoint: string, query: URLSearchParams): string {
  const pairs = [...query.entries()].filter(([k]) => k !== "offset").map(([k, v]) => `${k}=${v}`).sort()
  return createHmac("sha256", PAGE_KEY_SECRET).update(`${endpoint}?${pairs.join("&")}`).digest("base64url").slice(0, 16)
}

function makeToken(endpoint: string, query: URLSearchParams, position: string): string {
  const payload = Buffer.from(JSON.stringify({ p: position, q: queryFingerprint(endpoint, query) })).toString("base64url")
  const mac = createHmac("sha256", PAGE_KEY_SECRET).update(payload).digest("base64url").slice(0, 22)
  return `${payload}.${mac}`
}

function readToken(endpoint: string, query: URLSearchParams, token: string): string {
  const [payload, mac] = token.split(".")
  const expected = payload ? createHmac("sha256", PAGE_KEY_SECRET).update(payload).digest("base64url").slice(0, 22) : ""
  if (!payload || !mac || mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) {
    throw new HttpError(badRequest("Invalid offset token"))
  }
  const parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { p: string; q: string }
  if (parsed.q !== queryFingerprint(endpoint, query)) throw new HttpError(badRequest("Invalid offset token"))
  return parsed.p
}

/**
 * Keyset paging over an already sorted list: the token remembers the sort key of the last item
 * served, so applicants added while a client pages do not shift or repeat items.
 */
function pageRequest(endpoint: string, query: URLSearchParams): { limit: number; after: string | null } {
  const limitText = query.get("limit")
  let limit = 100
  if (limitText !== null) {
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > 100) {
      throw new HttpError(badRequest("Invalid limit: must be an integer from 1 to 100"))
    }
    limit = Number(limitText)
  }
  const offset = query.get("offset")
  return { limit, after: offset === null ? null : readToken(endpoint, query, offset) }
}

function page<T>(endpoint: string, query: URLSearchParams, items: T[], keyOf: (item: T) => string): ApiResult {
  const { limit, after } = pageRequest(endpoint, query)
  let start = 0
  if (after !== null) {
    start = items.findIndex((item) => keyOf(item) > after)
    if (start < 0) start = items.length
  }
  const data = items.slice(start, start + limit)
  const hasNext = start + limit < items.length
  const body: Record<string, unknown> = { data, hasNext }
  if (hasNext) body.next = makeToken(endpoint, query, keyOf(data[data.length - 1]!))
  return { status: 200, json: body }
}

// ---- parameter parsing ----

function timestampParam(query: URLSearchParams, name: string): number | null {
  const value = query.get(name)
  if (value === null) return null
  if (!/^\d{1,15}$/.test(value)) throw new HttpError(badRequest(`Invalid ${name}: expected milliseconds since the epoch`))
  return Number(value)
}

function booleanParam(query: URLSearchParams, name: string): boolean | null {
  const value = query.get(name)
  if (value === null) return null
  if (value !== "true" && value !== "false") throw new HttpError(badRequest(`Invalid ${name}: expected true or false`))
  return value === "true"
}

function jsonBody(body: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(body || "null")
  } catch {
    throw new HttpError(badRequest("Request body is not valid JSON"))
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new HttpError(badRequest("Request body must be a JSON object"))
  return parsed as Record<string, unknown>
}

const KNOWN_EXPANDS = new Set(["applications", "stage", "owner", "followers", "sourcedBy", "contact"])

// ---- representations ----

export function opportunityJson(world: World, o: Opportunity, expand: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const stage = world.stages.find((s) => s.id === o.stage)
  const posting = world.posting(o.postingId)?.posting
  const application = {
    id: o.applicationId,
    opportunityId: o.id,
    candidateId: o.contact,
    createdAt: o.createdAt,
    type: "posting",
    posting: o.postingId,
    postingHiringManager: posting?.hiringManager ?? null,
    postingOwner: posting?.owner ?? null,
    user: null,
    name: o.name,
    email: o.emails[0] ?? null,
    phone: o.phones[0] ?? null,
    company: null,
    links: o.links,
    comments: null,
    customQuestions: [],
    archived: o.archived,
    requisitionForHire: null
  }
  const user = (id: string | null) => (id ? (world.users.find((u) => u.id === id) ?? id) : null)
  const owner = posting?.owner ?? null
  return {
    id: o.id,
    name: o.name,
    contact: expand.has("contact") ? { id: o.contact, name: o.name, headline: o.headline, emails: o.emails, phones: o.phones } : o.contact,
    headline: o.headline,
    stage: expand.has("stage") ? (stage ? { id: stage.id, text: stage.text } : { id: o.stage, text: "" }) : o.stage,
    confidentiality: "non-confidential",
    location: o.location,
    phones: o.phones,
    emails: o.emails,
    links: o.links,
    archived: o.archived,
    tags: o.tags,
    sources: o.sources,
    stageChanges: o.stageChanges,
    origin: o.origin,
    sourcedBy: null,
    owner: expand.has("owner") ? user(owner) : owner,
    followers: expand.has("followers") ? [user(owner)] : owner ? [owner] : [],
    applications: expand.has("applications") ? [application] : [o.applicationId],
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    lastInteractionAt: o.lastInteractionAt,
    lastAdvancedAt: o.lastAdvancedAt,
    snoozedUntil: null,
    urls: { list: "https://hire.lever.co/candidates", show: `https://hire.lever.co/candidates/${o.id}` },
    isAnonymized: false,
    dataProtection: null
  }
}

const MIME: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain; charset=utf-8"
}

async function resumeJson(world: World, o: Opportunity): Promise<Record<string, unknown>[]> {
  if (!o.resume) return []
  const resume = o.resume
  const bytes = await world.resumeBytes(o)
  return [
    {
      id: resume.id,
      createdAt: o.createdAt,
      file: {
        name: resume.fileName,
        ext: resume.ext,
        downloadUrl: `https://hire.lever.co/candidates/${o.id}/resumes/${resume.id}/download`,
        uploadedAt: o.createdAt,
        status: resume.status,
        size: bytes.length
      },
      ...(resume.parsedData ? { parsedData: resume.parsedData } : {})
    }
  ]
}

// ---- routing ----

type Handler = (world: World, req: ApiRequest, params: string[]) => ApiResult | Promise<ApiResult>

interface Route {
  method: string
  pattern: RegExp
  right: Right
  handler: Handler
}

const ID = "([^/]+)"
const routes: Route[] = []
const route = (method: string, path: string, right: Right, handler: Handler): void => {
  routes.push({ method, pattern: new RegExp(`^${path}/?$`), right, handler })
}

function findOpportunity(world: World, id: string): Opportunity {
  const o = world.opportunities.get(id)
  if (!o) throw new HttpError(notFound("Opportunity"))
  return o
}

function performAs(world: World, query: URLSearchParams): string | null {
  const id = query.get("perform_as")
  if (id === null) return null
  const user = world.users.find((u) => u.id === id)
  if (!user) throw new HttpError(badRequest(`perform_as: user ${id} not found`))
  if (user.deactivatedAt) throw new HttpError(badRequest(`perform_as: user ${id} is deactivated`))
  return id
}

route("GET", "/postings", "postings:read", (world, req) => {
  const q = req.query
  const states = q.getAll("state")
  const channels = q.getAll("distributionChannel")
  for (const s of states) {
    if (!["published", "internal", "closed", "draft", "pending", "rejected"].includes(s)) throw new HttpError(badRequest(`Invalid state: ${s}`))
  }
  for (const c of channels) if (c !== "public" && c !== "internal") throw new HttpError(badRequest(`Invalid distributionChannel: ${c}`))
  const text = (name: string) => q.getAll(name)
  let items = world.postings.map((p) => p.posting)
  if (states.length) {
    items = items.filter((p) => states.includes(p.state))
    // A plain state=published means the public channel only (api.md).
    const wanted = channels.length ? channels : states.includes("published") ? ["public"] : []
    if (wanted.length) items = items.filter((p) => p.state !== "published" || (p.distributionChannels ?? []).some((c) => wanted.includes(c)))
  } else if (channels.length) {
    items = items.filter((p) => (p.distributionChannels ?? []).some((c) => channels.includes(c)))
  }
  for (const [param, get] of [
    ["team", (p: (typeof items)[number]) => p.categories.team],
    ["department", (p: (typeof items)[number]) => p.categories.department],
    ["location", (p: (typeof items)[number]) => p.categories.location],
    ["commitment", (p: (typeof items)[number]) => p.categories.commitment]
  ] as const) {
    const values = text(param)
    if (values.length) items = items.filter((p) => values.includes(get(p) ?? ""))
  }
  if (text("tag").length) items = items.filter((p) => p.tags.some((t) => text("tag").includes(t)))
  if (text("confidentiality").length) items = items.filter((p) => text("confidentiality").includes(p.confidentiality))
  items = items.slice().sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1))
  return page("postings", q, items, (p) => listingKey(p.createdAt, p.id))
})

route("GET", `/postings/${ID}`, "postings:read", (world, _req, [id]) => {
  const found = world.posting(id!)
  return found ? { status: 200, json: { data: found.posting } } : notFound("Posting")
})

route("GET", "/opportunities", "opportunities:read", (world, req) => {
  const q = req.query
  const expands = new Set(q.getAll("expand"))
  for (const e of expands) if (!KNOWN_EXPANDS.has(e)) throw new HttpError(badRequest(`Invalid expand: ${e}`))
  const postingIds = q.getAll("posting_id")
  const archivedPostingIds = q.getAll("archived_posting_id")
  const stageIds = q.getAll("stage_id")
  const reasonIds = q.getAll("archive_reason_id")
  const tags = q.getAll("tag")
  const emails = q.getAll("email").map((e) => e.toLowerCase())
  const archived = booleanParam(q, "archived")
  const createdStart = timestampParam(q, "created_at_start")
  const createdEnd = timestampParam(q, "created_at_end")
  const updatedStart = timestampParam(q, "updated_at_start")
  const updatedEnd = timestampParam(q, "updated_at_end")
  const matches = (o: Opportunity): boolean => {
    if (postingIds.length && !postingIds.includes(o.postingId)) return false
    if (archivedPostingIds.length && !(o.archived && archivedPostingIds.includes(o.postingId))) return false
    if (stageIds.length && !stageIds.includes(o.stage)) return false
    if (reasonIds.length && !(o.archived && reasonIds.includes(o.archived.reason))) return false
    if (archived !== null && (o.archived !== null) !== archived) return false
    if (tags.length && !o.tags.some((t) => tags.includes(t))) return false
    if (emails.length && !o.emails.some((e) => emails.includes(e.toLowerCase()))) return false
    if (createdStart !== null && o.createdAt < createdStart) return false
    if (createdEnd !== null && o.createdAt > createdEnd) return false
    // A record whose updatedAt is null never matches an updated_at range (why api.md warns).
    if (updatedStart !== null && (o.updatedAt === null || o.updatedAt < updatedStart)) return false
    if (updatedEnd !== null && (o.updatedAt === null || o.updatedAt > updatedEnd)) return false
    return true
  }
  // Walk the pre-sorted listing from the cursor and stop after limit+1 matches: a page costs
  // O(position + limit), not a filter and sort of every applicant (5,000-applicant postings).
  const { limit, after } = pageRequest("opportunities", q)
  const sorted = world.newestFirst()
  let start = 0
  if (after !== null) {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]!.key <= after) lo = mid + 1
      else hi = mid
    }
    start = lo
  }
  const items: { key: string; opportunity: Opportunity }[] = []
  for (let i = start; i < sorted.length && items.length <= limit; i++) {
    if (matches(sorted[i]!.opportunity)) items.push(sorted[i]!)
  }
  const hasNext = items.length > limit
  const data = items.slice(0, limit)
  const result: ApiResult = {
    status: 200,
    json: {
      data: data.map((x) => opportunityJson(world, x.opportunity, expands)),
      hasNext,
      ...(hasNext ? { next: makeToken("opportunities", q, data[data.length - 1]!.key) } : {})
    }
  }
  return result
})
route("GET", `/opportunities/${ID}`, "opportunities:read", (world, req, [id]) => {
  const expands = new Set(req.query.getAll("expand"))
  for (const e of expands) if (!KNOWN_EXPANDS.has(e)) throw new HttpError(badRequest(`Invalid expand: ${e}`))
  return { status: 200, json: { data: opportunityJson(world, findOpportunity(world, id!), expands) } }
})

route("GET", `/opportunities/${ID}/resumes`, "resumes:read", async (world, _req, [id]) => {
  const o = findOpportunity(world, id!)
  return { status: 200, json: { data: await resumeJson(world, o) } }
})

route("GET", `/opportunities/${ID}/resumes/${ID}`, "resumes:read", async (world, _req, [id, resumeId]) => {
  const o = findOpportunity(world, id!)
  const found = (await resumeJson(world, o)).find((r) => r.id === resumeId)
  return found ? { status: 200, json: { data: found } } : notFound("Resume")
})

route("GET", `/opportunities/${ID}/resumes/${ID}/download`, "resumes:read", async (world, _req, [id, resumeId]) => {
  const o = findOpportunity(world, id!)
  if (!o.resume || o.resume.id !== resumeId) return notFound("Resume")
  if (!o.resume.downloadable) {
    return apiError(422, "UnprocessableEntity", "The file could not be processed and cannot be downloaded")
  }
  const bytes = await world.resumeBytes(o)
  return {
    status: 200,
    bytes,
    headers: {
      "content-type": MIME[o.resume.ext] ?? "application/octet-stream",
      "content-disposition": `attachment; filename="${o.resume.fileName.replace(/[^\x20-\x7e]|"/g, "_")}"`
    }
  }
})

route("GET", `/opportunities/${ID}/files`, "files:read", (world, _req, [id]) => {
  const o = findOpportunity(world, id!)
  const data = o.coverLetter
    ? [{
        id: o.coverLetter.id,
        downloadUrl: `https://hire.lever.co/candidates/${o.id}/files/${o.coverLetter.id}/download`,
        ext: "txt",
        name: "cover_letter.txt",
        uploadedAt: o.createdAt,
        status: "processed",
        size: Buffer.byteLength(o.coverLetter.text)
      }]
    : []
  return { status: 200, json: { data } }
})

route("GET", `/opportunities/${ID}/files/${ID}/download`, "files:read", (world, _req, [id, fileId]) => {
  const o = findOpportunity(world, id!)
  if (!o.coverLetter || o.coverLetter.id !== fileId) return notFound("File")
  return {
    status: 200,
    bytes: new Uint8Array(Buffer.from(o.coverLetter.text, "utf8")),
    headers: { "content-type": "text/plain; charset=utf-8", "content-disposition": 'attachment; filename="cover_letter.txt"' }
  }
})

route("GET", "/stages", "stages:read", (world) => ({ status: 200, json: { data: world.stages, hasNext: false } }))

route("GET", "/archive_reasons", "archive_reasons:read", (world, req) => {
  const type = req.query.get("type")
  if (type !== null && type !== "hired" && type !== "non-hired") throw new HttpError(badRequest(`Invalid type: ${type}`))
  const data = world.archiveReasons.filter((r) => type === null || r.type === type)
  return { status: 200, json: { data, hasNext: false } }
})

route("GET", "/users", "users:read", (world, req) => {
  const emails = req.query.getAll("email").map((e) => e.toLowerCase())
  const items = world.users.filter((u) => !emails.length || emails.includes(u.email.toLowerCase()))
  return page("users", req.query, items, (u) => u.id)
})

route("PUT", `/opportunities/${ID}/archived`, "opportunities:write", (world, req, [id]) => {
  const o = findOpportunity(world, id!)
  const body = jsonBody(req.body)
  if (!("reason" in body)) return badRequest("Missing reason (an archive reason id, or null to unarchive)")
  const as = performAs(world, req.query)
  if (body.reason === null) {
    world.archive(o, null, as)
  } else {
    if (typeof body.reason !== "string") return badRequest("reason must be a string or null")
    const reason = world.archiveReasons.find((r) => r.id === body.reason)
    if (!reason) return badRequest(`Invalid archive reason: ${body.reason}`)
    if (reason.status !== "active") return badRequest(`Archive reason ${reason.id} is inactive`)
    if (body.cleanInterviews !== undefined && typeof body.cleanInterviews !== "boolean") return badRequest("cleanInterviews must be a boolean")
    world.archive(o, reason.id, as)
  }
  return { status: 200, json: { data: opportunityJson(world, o) } }
})

route("PUT", `/opportunities/${ID}/stage`, "opportunities:write", (world, req, [id]) => {
  const o = findOpportunity(world, id!)
  const body = jsonBody(req.body)
  if (typeof body.stage !== "string") return badRequest("Missing stage (a stage id)")
  if (!world.stages.some((s) => s.id === body.stage)) return badRequest(`Invalid stage: ${body.stage}`)
  world.setStage(o, body.stage, performAs(world, req.query))
  return { status: 200, json: { data: opportunityJson(world, o) } }
})

function tagsBody(req: ApiRequest): string[] {
  const body = jsonBody(req.body)
  if (!Array.isArray(body.tags) || body.tags.length === 0 || !body.tags.every((t) => typeof t === "string" && t.trim() !== "")) {
    throw new HttpError(badRequest("tags must be a non-empty array of non-empty strings"))
  }
  return body.tags as string[]
}

route("POST", `/opportunities/${ID}/addTags`, "opportunities:write", (world, req, [id]) => {
  const o = findOpportunity(world, id!)
  world.addTags(o, tagsBody(req), performAs(world, req.query))
  return { status: 200, json: { data: opportunityJson(world, o) } }
})

route("POST", `/opportunities/${ID}/removeTags`, "opportunities:write", (world, req, [id]) => {
  const o = findOpportunity(world, id!)
  world.removeTags(o, tagsBody(req), performAs(world, req.query))
  return { status: 200, json: { data: opportunityJson(world, o) } }
})

route("POST", `/opportunities/${ID}/notes`, "notes:write", (world, req, [id]) => {
  const o = findOpportunity(world, id!)
  const body = jsonBody(req.body)
  if (typeof body.value !== "string" || body.value.trim() === "") return badRequest("value must be a non-empty string")
  if (body.secret !== undefined && typeof body.secret !== "boolean") return badRequest("secret must be a boolean")
  const note = world.addNote(o, body.value, body.secret === true, performAs(world, req.query))
  return { status: 201, json: { data: { noteId: note.noteId } } }
})

route("GET", `/opportunities/${ID}/notes`, "opportunities:read", (world, req, [id]) => {
  const o = findOpportunity(world, id!)
  const items = o.notes.map((n) => ({
    id: n.noteId,
    text: n.value,
    fields: [{ type: "note", text: "Note", value: n.value }],
    secret: n.secret,
    user: n.performAs,
    createdAt: n.createdAt,
    completedAt: n.createdAt
  }))
  return page(`notes:${o.id}`, req.query, items, (n) => `${n.createdAt}:${n.id}`)
})

/** Runs one API request. Auth and rate limiting happen before, in the server. */
export async function handleApi(world: World, req: ApiRequest): Promise<ApiResult> {
  let methodMismatch = false
  for (const r of routes) {
    const match = r.pattern.exec(req.path)
    if (!match) continue
    if (r.method !== req.method) {
      methodMismatch = true
      continue
    }
    if (!req.rights.has(r.right)) {
      return apiError(403, "ForbiddenError", `This credential (${req.credentialName}) does not have permission to ${r.right.replace(":", " ")}`)
    }
    let params: string[]
    try {
      params = match.slice(1).map(decodeURIComponent)
    } catch {
      return badRequest("Malformed percent-encoding in the path")
    }
    try {
      return await r.handler(world, req, params)
    } catch (error) {
      if (error instanceof HttpError) return error.result
      throw error
    }
  }
  return methodMismatch ? apiError(405, "MethodNotAllowed", `${req.method} is not allowed on ${req.path}`) : notFound("Resource")
}
