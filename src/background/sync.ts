/**
 * Applicant and posting sync: Lever → db. Used by the runner (first full load, polling) and by the
 * `sync-postings` message. Every write is an upsert keyed by Lever's id, so repeating a sync is harmless.
 */
import type { ApplicantRow, PostingRow, ScreeningDb } from "../db/schema"
import type { LeverOpportunityLike, LeverQuery, RunnerLever } from "./runner/types"

export function toApplicantRow(opportunity: LeverOpportunityLike, postingId: string, now: number): ApplicantRow {
  const stage = opportunity.stage
  const stageId = typeof stage === "string" ? stage : (stage?.id ?? undefined)
  const stageText = typeof stage === "object" && stage ? (stage.text ?? undefined) : undefined
  const archived = opportunity.archived
    ? { reason: opportunity.archived.reason ?? null, archivedAt: opportunity.archived.archivedAt ?? null }
    : null
  return {
    id: opportunity.id,
    postingId,
    name: (opportunity.name ?? "").trim() || "(no name)",
    headline: opportunity.headline ?? undefined,
    emails: opportunity.emails ?? undefined,
    stageId,
    stageText,
    archived,
    tags: opportunity.tags ?? [],
    createdAt: opportunity.createdAt ?? null,
    updatedAt: opportunity.updatedAt ?? null,
    profileUrl: opportunity.urls?.show ?? undefined,
    syncedAt: now
  }
}

export interface ListWindow {
  /** Only opportunities created at or after this time (Lever `created_at_start`). */
  createdSince?: number
  /** Only opportunities updated at or after this time (Lever `updated_at_start`). */
  updatedSince?: number
}

/**
 * Every applicant of a posting: active ones through `posting_id`, archived ones (applications to
 * this posting that were archived) through `archived_posting_id`. Pages of 100, stage expanded.
 * Yields each opportunity with the list it came from, so a caller knows which were archived.
 */
export async function* listPostingApplicants(
  lever: RunnerLever,
  postingId: string,
  options: { includeArchived: boolean; window?: ListWindow }
): AsyncGenerator<{ opportunity: LeverOpportunityLike; fromArchivedList: boolean }> {
  const windowQuery: LeverQuery = {}
  if (options.window?.createdSince !== undefined) windowQuery.created_at_start = Math.max(0, Math.floor(options.window.createdSince))
  if (options.window?.updatedSince !== undefined) windowQuery.updated_at_start = Math.max(0, Math.floor(options.window.updatedSince))
  for await (const opportunity of lever.opportunities({ posting_id: postingId, expand: ["stage"], limit: 100, ...windowQuery })) {
    yield { opportunity, fromArchivedList: false }
  }
  if (options.includeArchived) {
    for await (const opportunity of lever.opportunities({ archived_posting_id: postingId, expand: ["stage"], limit: 100, ...windowQuery })) {
      yield { opportunity, fromArchivedList: true }
    }
  }
}

/** Upserts applicant rows, keeping nothing stale: Lever's answer wins field by field. */
export async function upsertApplicants(db: ScreeningDb, rows: ApplicantRow[]): Promise<void> {
  if (rows.length) await db.applicants.bulkPut(rows)
}

interface PostingLike {
  id: string
  text?: string | null
  state?: string | null
  categories?: { team?: string | null; location?: string | null; department?: string | null; commitment?: string | null } | null
}

/** The posting-listing part of the shared client (published + internal postings). */
export interface PostingLister {
  postings(query: LeverQuery): AsyncIterable<PostingLike>
}

export function toPostingRow(posting: PostingLike, now: number, applicantCount?: number): PostingRow {
  return {
    id: posting.id,
    title: (posting.text ?? "").trim() || "(untitled posting)",
    state: posting.state ?? "published",
    team: posting.categories?.team ?? undefined,
    location: posting.categories?.location ?? undefined,
    department: posting.categories?.department ?? undefined,
    commitment: posting.categories?.commitment ?? undefined,
    raw: posting as unknown as Record<string, unknown>,
    applicantCount,
    syncedAt: now
  }
}

/**
 * Fetches the organisation's published postings on both distribution channels (public and internal:
 * a plain `state=published` returns only public ones) into db `postings`. Applicant counts are kept
 * from earlier syncs (counting would cost a full listing per posting) and set by the runner when it
 * lists a posting.
 */
export async function syncPostings(lever: PostingLister, db: ScreeningDb, now: number): Promise<number> {
  const seen: PostingRow[] = []
  for await (const posting of lever.postings({ state: "published", distributionChannel: ["public", "internal"], limit: 100 })) {
    const previous = await db.postings.get(posting.id)
    seen.push(toPostingRow(posting, now, previous?.applicantCount))
  }
  await db.postings.bulkPut(seen)
  return seen.length
}
