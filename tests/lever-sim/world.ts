/**
 * The simulator's mutable world: postings, opportunities, notes, and the lazily generated resume
 * bytes. Built deterministically from the seed; every write bumps `updatedAt`.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"

import { EDGE_CASES, generateApplicant, type EdgeCase, type SeedApplicant } from "./applicants"
import { buildPostings, RECORDED_DIR, type SeedPosting } from "./postings"
import { renderCorruptPdf, renderDocx, renderEncryptedPdf, renderPdf, renderScannedPdf, renderText, documentLines } from "./resume-files"
import { Rng } from "./rng"

/** A key that sorts newest first, then by id (createdAt is at most 15 digits of milliseconds). */
export function listingKey(createdAt: number, id: string): string {
  return `${String(9e15 - createdAt).padStart(16, "0")}:${id}`
}

/** The recorded super admin who "created" the simulator's API keys. */
export const API_KEY_OWNER = "32bc4d3b-1aa6-4e2b-92d0-2e575047001e"

/** The fixed "now" of every seed world (2026-01-15), so data does not depend on the day it is made. */
export const SEED_EPOCH = Date.UTC(2026, 0, 15, 12, 0, 0)

export interface Note {
  noteId: string
  value: string
  secret: boolean
  performAs: string | null
  createdAt: number
}

export interface Opportunity extends SeedApplicant {
  stageChanges: { toStageId: string; toStageIndex: number; updatedAt: number; userId: string }[]
  notes: Note[]
  lastAdvancedAt: number
  lastInteractionAt: number
  /** Which user a write was performed as, most recent last (perform_as). */
  actions: { kind: string; performAs: string | null; at: number }[]
}

export interface Stage {
  id: string
  text: string
}
export interface ArchiveReason {
  id: string
  text: string
  status: "active" | "inactive"
  type: "hired" | "non-hired"
}
export interface User {
  id: string
  name: string
  username: string
  email: string
  accessRole: string
  photo: null
  createdAt: number
  deactivatedAt: number | null
  externalDirectoryId: string | null
  linkedContactIds: string[] | null
  jobTitle: string | null
  managerId: string | null
}

export interface WorldOptions {
  seed: number
  applicantsPerPosting: number
}

function recorded<T>(file: string): T {
  return (JSON.parse(readFileSync(join(RECORDED_DIR, file), "utf8")) as { data: T }).data
}

export class World {
  readonly seed: number
  readonly applicantsPerPosting: number
  postings: SeedPosting[] = []
  /** Insertion order = creation order within a posting; the API sorts as it needs. */
  opportunities = new Map<string, Opportunity>()
  edgeCases: Record<EdgeCase, string> = {} as Record<EdgeCase, string>
  readonly stages: Stage[] = recorded<Stage[]>("GET__stages__get-stages.json")
  readonly archiveReasons: ArchiveReason[] = recorded<ArchiveReason[]>("GET__archive_reasons__get-archive-reasons.json")
  readonly users: User[] = recorded<User[]>("GET__users__users.json")
  private liveCounter = new Map<string, number>()
  /** Opportunities newest first, with their paging keys; rebuilt only when applicants are added. */
  private sorted: { key: string; opportunity: Opportunity }[] | null = null
  private bytes = new Map<string, Promise<Uint8Array>>()
  private lastWrite = 0

  constructor(options: WorldOptions) {
    this.seed = options.seed
    this.applicantsPerPosting = options.applicantsPerPosting
    this.build()
  }

  private build(): void {
    this.postings = buildPostings(this.seed, SEED_EPOCH)
    this.opportunities.clear()
    this.sorted = null
    this.bytes.clear()
    this.liveCounter.clear()
    const withApplicants = this.postings.filter((p) => p.hasApplicants && p.fit)
    const edgeKeys = Object.keys(EDGE_CASES) as EdgeCase[]
    // Edge cases go round-robin over the postings, at spread-out slots inside the normal count (extra
    // applicants only when a posting has fewer applicants than edge-case slots).
    const edgeAt = new Map<string, EdgeCase>()
    const extra = new Map<string, number>()
    edgeKeys.forEach((key, k) => {
      const posting = withApplicants[k % withApplicants.length]!.posting.id
      let slot = 2 + 7 * Math.floor(k / withApplicants.length)
      if (slot >= this.applicantsPerPosting) {
        slot = this.applicantsPerPosting + (extra.get(posting) ?? 0)
        extra.set(posting, (extra.get(posting) ?? 0) + 1)
      }
      edgeAt.set(`${posting}:${slot}`, key)
    })
    for (const { posting, fit } of withApplicants) {
      const total = this.applicantsPerPosting + (extra.get(posting.id) ?? 0)
      for (let index = 0; index < total; index++) {
        const edgeCase = edgeAt.get(`${posting.id}:${index}`) ?? null
        const applicant = generateApplicant({
          seed: this.seed,
          postingId: posting.id,
          postingCreatedAt: posting.createdAt,
          epoch: SEED_EPOCH,
          profile: fit!,
          index,
          edgeCase
        })
        this.opportunities.set(applicant.id, this.toOpportunity(applicant))
        if (edgeCase) this.edgeCases[edgeCase] = applicant.id
      }
    }
  }

  private toOpportunity(applicant: SeedApplicant): Opportunity {
    const index = this.stages.findIndex((s) => s.id === applicant.stage)
    const movedAt = applicant.createdAt + (applicant.stage === "applicant-new" ? 0 : 86_400_000)
    const stageChanges: Opportunity["stageChanges"] = [
      // Lever records a user on every stage change; for a new application it is the posting's owner.
      { toStageId: "applicant-new", toStageIndex: 3, updatedAt: applicant.createdAt, userId: this.posting(applicant.postingId)?.posting.owner ?? "b59ae96c-c132-4a91-9c5c-dccd88fc2794" }
    ]
    if (applicant.stage !== "applicant-new") {
      stageChanges.push({ toStageId: applicant.stage, toStageIndex: index, updatedAt: movedAt, userId: "b59ae96c-c132-4a91-9c5c-dccd88fc2794" })
    }
    return {
      ...applicant,
      stageChanges,
      notes: [],
      lastAdvancedAt: movedAt,
      lastInteractionAt: applicant.archived?.archivedAt ?? movedAt,
      actions: []
    }
  }

  reset(): void {
    this.lastWrite = 0
    this.build()
  }

  /**
   * All opportunities in listing order (newest first, then id) with a string key that sorts the same
   * way, so a page can start after a cursor without sorting on every request. createdAt never
   * changes, so only new applicants invalidate this.
   */
  newestFirst(): readonly { key: string; opportunity: Opportunity }[] {
    if (!this.sorted) {
      this.sorted = [...this.opportunities.values()]
        .map((opportunity) => ({ key: listingKey(opportunity.createdAt, opportunity.id), opportunity }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    }
    return this.sorted
  }

  posting(id: string): SeedPosting | undefined {
    return this.postings.find((p) => p.posting.id === id)
  }

  /** A strictly increasing write time: two writes in the same millisecond still differ. */
  private writeTime(): number {
    this.lastWrite = Math.max(Date.now(), this.lastWrite + 1)
    return this.lastWrite
  }

  private touch(opportunity: Opportunity, kind: string, performAs: string | null): number {
    const now = this.writeTime()
    opportunity.updatedAt = now
    opportunity.lastInteractionAt = now
    opportunity.actions.push({ kind, performAs, at: now })
    return now
  }

  archive(opportunity: Opportunity, reason: string | null, performAs: string | null): void {
    const now = this.touch(opportunity, reason === null ? "unarchive" : "archive", performAs)
    opportunity.archived = reason === null ? null : { reason, archivedAt: now }
  }

  setStage(opportunity: Opportunity, stageId: string, performAs: string | null): void {
    const now = this.touch(opportunity, "stage", performAs)
    opportunity.stage = stageId
    opportunity.lastAdvancedAt = now
    opportunity.stageChanges.push({
      toStageId: stageId,
      toStageIndex: this.stages.findIndex((s) => s.id === stageId),
      updatedAt: now,
      // Without perform_as Lever attributes the change to the API credential's owner (a super admin).
      userId: performAs ?? API_KEY_OWNER
    })
  }

  addTags(opportunity: Opportunity, tags: string[], performAs: string | null): void {
    this.touch(opportunity, "addTags", performAs)
    for (const tag of tags) if (!opportunity.tags.includes(tag)) opportunity.tags.push(tag)
  }

  removeTags(opportunity: Opportunity, tags: string[], performAs: string | null): void {
    this.touch(opportunity, "removeTags", performAs)
    opportunity.tags = opportunity.tags.filter((t) => !tags.includes(t))
  }

  addNote(opportunity: Opportunity, value: string, secret: boolean, performAs: string | null): Note {
    const createdAt = this.touch(opportunity, "note", performAs)
    const note: Note = { noteId: Rng.derive(this.seed, `note:${opportunity.id}:${opportunity.notes.length}`).uuid(), value, secret, performAs, createdAt }
    opportunity.notes.push(note)
    return note
  }

  /** Adds `count` new applicants to a posting right now (they show up in created_at/updated_at polls). */
  addApplicants(postingId: string, count: number): string[] {
    const seedPosting = this.posting(postingId)
    if (!seedPosting?.fit) throw new Error(`Posting ${postingId} does not take applicants`)
    const ids: string[] = []
    for (let k = 0; k < count; k++) {
      const index = this.liveCounter.get(postingId) ?? 0
      this.liveCounter.set(postingId, index + 1)
      const applicant = generateApplicant({
        seed: this.seed,
        postingId,
        postingCreatedAt: seedPosting.posting.createdAt,
        epoch: SEED_EPOCH,
        profile: seedPosting.fit,
        index,
        createdAtOverride: this.writeTime()
      })
      this.opportunities.set(applicant.id, this.toOpportunity(applicant))
      this.sorted = null
      ids.push(applicant.id)
    }
    return ids
  }

  /** The resume file's bytes, generated on first request and cached. */
  resumeBytes(opportunity: Opportunity): Promise<Uint8Array> {
    const resume = opportunity.resume
    if (!resume) return Promise.reject(new Error("no resume"))
    let pending = this.bytes.get(resume.id)
    if (!pending) {
      pending = renderResume(resume, this.seed)
      this.bytes.set(resume.id, pending)
      pending.catch(() => this.bytes.delete(resume.id))
    }
    return pending
  }
}

async function renderResume(resume: NonNullable<SeedApplicant["resume"]>, seed: number): Promise<Uint8Array> {
  const rng = Rng.derive(seed, resume.byteSeed)
  switch (resume.kind) {
    case "pdf-single":
      return renderPdf(resume.document, false)
    case "pdf-two-column":
      return renderPdf(resume.document, true)
    case "pdf-long":
      return renderPdf(resume.document, false, { minPages: 42 })
    case "pdf-hidden-text":
      return renderPdf(resume.document, false, { hiddenText: resume.hiddenText })
    case "pdf-scanned":
      return renderScannedPdf(Array.from({ length: 48 }, () => rng.int(120, 490)))
    case "pdf-corrupt":
      return renderCorruptPdf(Array.from({ length: 2048 }, () => rng.int(0, 255)))
    case "pdf-encrypted":
      return renderEncryptedPdf(
        documentLines(resume.document).map((l) => l.text).slice(0, 40),
        ENCRYPTED_PDF_PASSWORD,
        "owner-secret",
        Buffer.from(Array.from({ length: 16 }, () => rng.int(0, 255)))
      )
    case "docx":
      return renderDocx(resume.document)
    case "txt":
      return renderText(resume.document)
  }
}

/** The user password of the password-protected edge-case PDF (tests open it with this). */
export const ENCRYPTED_PDF_PASSWORD = "candidate2026"
