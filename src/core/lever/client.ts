/**
 * A typed client for the Lever Data API endpoints this product uses (../shared/lever/api.md).
 * It takes `fetch` and the Authorization header as parameters, so the same code runs in the service
 * worker, extension pages, Node tests and the CLI. Every request goes through the credential's shared
 * rate limiter and the retry policy in ./retry.ts; every failure is a typed LeverError.
 */
import { LeverError, errorKindForStatus, type LeverErrorKind } from "./errors"
import { RateLimiter } from "./rate-limiter"
import { DEFAULT_RETRY_POLICY, backoffDelay, isRetryableKind, parseRetryAfter, type RetryPolicy, type RetrySafety } from "./retry"
import {
  LeverShapeError,
  parseArchiveReason,
  parseFile,
  parseListPage,
  parseOpportunity,
  parsePosting,
  parseResume,
  parseStage,
  parseUser,
  unwrapData,
  type ArchiveReason,
  type DownloadedFile,
  type LeverFile,
  type Opportunity,
  type Posting,
  type Resume,
  type Stage,
  type User
} from "./types"

export type QueryValue = string | number | boolean | readonly string[] | undefined | null
export type Query = Record<string, QueryValue>

export interface PostingsQuery extends Query {
  state?: "published" | "internal" | "closed" | "draft" | "pending" | "rejected"
  /** Repeated: `distributionChannel=public&distributionChannel=internal`. */
  distributionChannel?: readonly ("public" | "internal")[]
  team?: string
  department?: string
  location?: string
  commitment?: string
  tag?: string
}

/** Published postings on both the public and the internal job site (a plain state=published is public only). */
export const PUBLISHED_POSTINGS_QUERY: PostingsQuery = { state: "published", distributionChannel: ["public", "internal"] }

/** Lever's own parameter names, so a query reads exactly like the documentation. */
export interface OpportunitiesQuery extends Query {
  posting_id?: string
  archived_posting_id?: string
  expand?: readonly ("applications" | "stage" | "owner" | "followers" | "sourcedBy" | "contact")[]
  archived?: boolean
  stage_id?: string
  archive_reason_id?: string
  created_at_start?: number
  created_at_end?: number
  updated_at_start?: number
  updated_at_end?: number
  tag?: string
  email?: string
  confidentiality?: "confidential" | "non-confidential" | "all"
}

export interface UsersQuery extends Query {
  email?: string
  includeDeactivated?: boolean
}

export interface LeverClientOptions {
  /** e.g. "https://api.lever.co/v1" (no trailing slash needed). */
  apiBase: string
  fetch: typeof fetch
  /** The Authorization header value, e.g. "Basic …" or "Bearer …"; asked for on every attempt. */
  auth: () => Promise<string>
  /** Shared per credential (see getLimiter); a private one is made when absent. */
  limiter?: RateLimiter
  /** Lever user id that writes are attributed to (`perform_as`). */
  performAs?: string
  /** Called once on a 401, e.g. to refresh an OAuth token; return true to retry the request once. */
  onUnauthorized?: () => Promise<boolean>
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  retry?: Partial<RetryPolicy>
  /** Per attempt; an attempt that takes longer counts as a network failure. */
  timeoutMs?: number
  /** Pages are requested with this limit (Lever's maximum is 100). */
  pageSize?: number
}

interface RequestSpec {
  method: "GET" | "PUT" | "POST"
  path: string
  query?: Query
  body?: unknown
  /** Words finishing "This key cannot …", used in errors. */
  action: string
  safety: RetrySafety
  /** Adds `perform_as` when configured. */
  attributable?: boolean
  timeoutMs?: number
}

/** Thrown inside the pager only: Lever's answer to an offset token it no longer accepts. */
class InvalidOffsetToken extends Error {}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const MAX_LISTING_RESTARTS = 3

function encodeSegment(value: string): string {
  if (!value) throw new LeverError({ kind: "bad_request", action: "find the record (an empty id was given)" })
  return encodeURIComponent(value)
}

export function buildUrl(apiBase: string, path: string, query: Query = {}): string {
  const url = new URL(apiBase.replace(/\/+$/, "") + path)
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item))
    else url.searchParams.append(key, String(value))
  }
  return url.toString()
}

function fileNameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)?''([^;]+)/.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""))
    } catch {
      /* fall through to the plain form */
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header)
  return plain ? (plain[2] ?? plain[1]).trim() : undefined
}

export class LeverClient {
  readonly apiBase: string
  readonly performAs?: string
  private readonly fetchImpl: typeof fetch
  private readonly auth: () => Promise<string>
  private readonly limiter: RateLimiter
  private readonly onUnauthorized?: () => Promise<boolean>
  private readonly sleep: (ms: number) => Promise<void>
  private readonly random: () => number
  private readonly policy: RetryPolicy
  private readonly timeoutMs: number
  private readonly pageSize: number

  constructor(options: LeverClientOptions) {
    let base: URL
    try {
      base = new URL(options.apiBase)
    } catch {
      throw new LeverError({ kind: "bad_request", action: "connect (the Lever address is not a valid URL)" })
    }
    if (base.protocol !== "https:") throw new LeverError({ kind: "bad_request", action: "connect (Lever must be reached over HTTPS)" })
    this.apiBase = options.apiBase.replace(/\/+$/, "")
    this.performAs = options.performAs
    // Bound to globalThis: a detached `fetch` throws "Illegal invocation" in browsers.
    this.fetchImpl = (input, init) => options.fetch.call(globalThis, input, init)
    this.auth = options.auth
    this.limiter = options.limiter ?? new RateLimiter()
    this.onUnauthorized = options.onUnauthorized
    this.sleep = options.sleep ?? defaultSleep
    this.random = options.random ?? Math.random
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry }
    this.timeoutMs = options.timeoutMs ?? 30_000
    this.pageSize = Math.min(100, Math.max(1, options.pageSize ?? 100))
  }

  // ------------------------------------------------------------ listings

  /** All postings matching `query`, every page. */
  postings(query: PostingsQuery = {}): AsyncIterable<Posting> {
    return this.list("/postings", query, parsePosting, "read postings")
  }

  /** All opportunities matching `query`, every page. */
  opportunities(query: OpportunitiesQuery = {}): AsyncIterable<Opportunity> {
    return this.list("/opportunities", query, parseOpportunity, "read applicants")
  }

  users(query: UsersQuery = {}): AsyncIterable<User> {
    return this.list("/users", query, parseUser, "read users")
  }

  async resumes(opportunityId: string): Promise<Resume[]> {
    return this.collect(this.list(`/opportunities/${encodeSegment(opportunityId)}/resumes`, {}, parseResume, "read resumes"))
  }

  async files(opportunityId: string): Promise<LeverFile[]> {
    return this.collect(this.list(`/opportunities/${encodeSegment(opportunityId)}/files`, {}, parseFile, "read files"))
  }

  async stages(): Promise<Stage[]> {
    return this.collect(this.list("/stages", {}, parseStage, "read stages"))
  }

  /** Every archive reason (filter `status === "active"` and `type === "non-hired"` for rejecting). */
  async archiveReasons(query: { type?: "hired" | "non-hired" } = {}): Promise<ArchiveReason[]> {
    return this.collect(this.list("/archive_reasons", query, parseArchiveReason, "read archive reasons"))
  }

  // ------------------------------------------------------------ single objects

  async getPosting(postingId: string): Promise<Posting> {
    return this.one({ method: "GET", path: `/postings/${encodeSegment(postingId)}`, action: "read postings", safety: "idempotent" }, parsePosting)
  }

  async getOpportunity(opportunityId: string, expand: OpportunitiesQuery["expand"] = []): Promise<Opportunity> {
    return this.one(
      { method: "GET", path: `/opportunities/${encodeSegment(opportunityId)}`, query: { expand }, action: "read applicants", safety: "idempotent" },
      parseOpportunity
    )
  }

  async downloadResume(opportunityId: string, resumeId: string): Promise<DownloadedFile> {
    return this.download(`/opportunities/${encodeSegment(opportunityId)}/resumes/${encodeSegment(resumeId)}/download`, "download resumes")
  }

  async downloadFile(opportunityId: string, fileId: string): Promise<DownloadedFile> {
    return this.download(`/opportunities/${encodeSegment(opportunityId)}/files/${encodeSegment(fileId)}/download`, "download files")
  }

  // ------------------------------------------------------------ writes

  /** Archives with `reasonId`, or unarchives with null. Idempotent: safe to retry. */
  async archive(opportunityId: string, reasonId: string | null): Promise<Opportunity> {
    return this.one(
      {
        method: "PUT",
        path: `/opportunities/${encodeSegment(opportunityId)}/archived`,
        body: { reason: reasonId, cleanInterviews: false },
        action: reasonId === null ? "unarchive candidates" : "archive candidates",
        safety: "idempotent",
        attributable: true
      },
      parseOpportunity
    )
  }

  /** Moves to a pipeline stage. Idempotent: safe to retry. */
  async setStage(opportunityId: string, stageId: string): Promise<Opportunity> {
    return this.one(
      {
        method: "PUT",
        path: `/opportunities/${encodeSegment(opportunityId)}/stage`,
        body: { stage: stageId },
        action: "change candidates' stage",
        safety: "idempotent",
        attributable: true
      },
      parseOpportunity
    )
  }

  async addTags(opportunityId: string, tags: string[]): Promise<Opportunity> {
    return this.one(
      { method: "POST", path: `/opportunities/${encodeSegment(opportunityId)}/addTags`, body: { tags }, action: "add tags", safety: "once", attributable: true },
      parseOpportunity
    )
  }

  async removeTags(opportunityId: string, tags: string[]): Promise<Opportunity> {
    return this.one(
      { method: "POST", path: `/opportunities/${encodeSegment(opportunityId)}/removeTags`, body: { tags }, action: "remove tags", safety: "once", attributable: true },
      parseOpportunity
    )
  }

  /** Posts a note. Never repeated once it may have reached Lever, so a note is never posted twice. */
  async addNote(opportunityId: string, text: string): Promise<{ noteId: string | null }> {
    const body = await this.json({
      method: "POST",
      path: `/opportunities/${encodeSegment(opportunityId)}/notes`,
      body: { value: text, secret: false },
      action: "add notes",
      safety: "once",
      attributable: true
    })
    const data = unwrapData(body) as { noteId?: unknown } | null
    return { noteId: typeof data?.noteId === "string" ? data.noteId : null }
  }

  // ------------------------------------------------------------ machinery

  private async collect<T>(items: AsyncIterable<T>): Promise<T[]> {
    const all: T[] = []
    for await (const item of items) all.push(item)
    return all
  }

  /**
   * Pages through a listing. The query is sent identically on every page (Lever ties offset tokens to
   * it); when Lever rejects a token the listing restarts from the first page, skipping what was
   * already yielded.
   */
  private list<T extends { id: string }>(path: string, query: Query, parse: (item: unknown) => T, action: string): AsyncIterable<T> {
    return { [Symbol.asyncIterator]: () => this.pages(path, query, parse, action) }
  }

  private async *pages<T extends { id: string }>(path: string, query: Query, parse: (item: unknown) => T, action: string): AsyncGenerator<T> {
    const yielded = new Set<string>()
    let restarts = 0
    let offset: string | undefined
    for (;;) {
      let page
      try {
        const body = await this.json({ method: "GET", path, query: { ...query, limit: this.pageSize, offset }, action, safety: "idempotent" })
        page = this.parse(() => parseListPage(body, parse), action)
      } catch (error) {
        if (error instanceof InvalidOffsetToken && restarts < MAX_LISTING_RESTARTS) {
          restarts += 1
          offset = undefined
          continue
        }
        if (error instanceof InvalidOffsetToken) throw new LeverError({ kind: "bad_request", action, leverMessage: "Invalid offset token (repeatedly)" })
        throw error
      }
      for (const item of page.data) {
        if (yielded.has(item.id)) continue
        yielded.add(item.id)
        yield item
      }
      if (!page.hasNext || !page.next || page.next === offset) return
      offset = page.next
    }
  }

  private parse<T>(run: () => T, action: string): T {
    try {
      return run()
    } catch (error) {
      if (error instanceof LeverShapeError) throw new LeverError({ kind: "invalid_response", action, leverMessage: error.message, cause: error })
      throw error
    }
  }

  private async one<T>(spec: RequestSpec, parse: (item: unknown) => T): Promise<T> {
    const body = await this.json(spec)
    return this.parse(() => parse(unwrapData(body)), spec.action)
  }

  private async json(spec: RequestSpec): Promise<unknown> {
    const response = await this.send(spec)
    const text = await response.text()
    if (!text) return {}
    try {
      return JSON.parse(text)
    } catch (error) {
      throw new LeverError({ kind: "invalid_response", action: spec.action, status: response.status, cause: error })
    }
  }

  private async download(path: string, action: string): Promise<DownloadedFile> {
    const response = await this.send({ method: "GET", path, action, safety: "idempotent", timeoutMs: Math.max(this.timeoutMs, 60_000) })
    const bytes = new Uint8Array(await response.arrayBuffer())
    return {
      bytes,
      contentType: response.headers.get("content-type")?.split(";")[0].trim() || undefined,
      fileName: fileNameFromDisposition(response.headers.get("content-disposition"))
    }
  }

  /** One request with rate limiting, retries, a single 401 refresh, and typed errors. */
  private async send(spec: RequestSpec): Promise<Response> {
    const query = spec.attributable && this.performAs ? { ...spec.query, perform_as: this.performAs } : spec.query
    const url = buildUrl(this.apiBase, spec.path, query)
    let refreshedAfter401 = false
    for (let attempt = 1; ; attempt++) {
      await this.limiter.acquire()
      const headers: Record<string, string> = { Authorization: await this.auth(), Accept: "application/json" }
      if (spec.body !== undefined) headers["Content-Type"] = "application/json"
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), spec.timeoutMs ?? this.timeoutMs)
      let response: Response
      try {
        response = await this.fetchImpl(url, {
          method: spec.method,
          headers,
          body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
          signal: controller.signal,
          credentials: "omit",
          cache: "no-store"
        })
      } catch (cause) {
        clearTimeout(timer)
        if (attempt < this.policy.maxAttempts && isRetryableKind("network", spec.safety)) {
          await this.sleep(backoffDelay(attempt, this.policy, this.random))
          continue
        }
        throw new LeverError({ kind: "network", action: spec.action, cause: cause instanceof Error ? new Error(cause.name) : undefined })
      }
      clearTimeout(timer)
      if (response.ok) return response

      const problem = await readProblem(response)
      const kind: LeverErrorKind = errorKindForStatus(response.status)
      if (response.status === 400 && /invalid offset/i.test(`${problem.code ?? ""} ${problem.message ?? ""}`)) throw new InvalidOffsetToken()
      // A 401 means Lever refused before acting, so even a note may be sent again after a refresh.
      if (kind === "unauthorized" && this.onUnauthorized && !refreshedAfter401) {
        refreshedAfter401 = true
        if (await this.onUnauthorized()) {
          attempt -= 1
          continue
        }
      }
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"))
      if (attempt < this.policy.maxAttempts && isRetryableKind(kind, spec.safety)) {
        const delay = backoffDelay(attempt, this.policy, this.random, retryAfterMs)
        if (kind === "rate_limited") this.limiter.penalize(delay)
        await this.sleep(delay)
        continue
      }
      throw new LeverError({ kind, action: spec.action, status: response.status, leverCode: problem.code, leverMessage: problem.message, retryAfterMs })
    }
  }
}

async function readProblem(response: Response): Promise<{ code?: string; message?: string }> {
  try {
    const text = await response.text()
    const body = JSON.parse(text) as { code?: unknown; message?: unknown; error?: unknown }
    return {
      code: typeof body.code === "string" ? body.code : typeof body.error === "string" ? body.error : undefined,
      message: typeof body.message === "string" ? body.message.slice(0, 300) : undefined
    }
  } catch {
    return {}
  }
}
