/**
 * Lever actions (reject, shortlist, undo) and the overlay's read-only views (badges, candidate card).
 * Handled in src/background/messages/actions.ts. Every write to Lever is made by the background through
 * the rate-limited client and recorded in the audit log before and after; a human triggers each one.
 */
import { z } from "zod"

import type { ResultFlag, Verdict } from "../../core/scoring/result"
import { defineMessage } from "../contract"

/** Lever ids are UUIDs or built-in slugs (`applicant-new`): short, no spaces, no markup. */
const leverId = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, "not a Lever id")
/** Opportunity ids are always UUIDs. */
const opportunityId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "not a Lever opportunity id")
const clickId = z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/, "not a click id")

export interface IdText {
  id: string
  text: string
}

export interface ActionDefaults {
  shortlistStageId?: string
  shortlistTag?: string
  defaultArchiveReasonId?: string
  postNotes: boolean
}

export interface LeverOptions {
  /** Active, non-hired archive reasons: the only ones a rejection may use. */
  archiveReasons: IdText[]
  stages: IdText[]
  defaults: ActionDefaults
}

export interface CandidateActionResult {
  opportunityId: string
  ok: boolean
  error?: { code: string; message: string }
}

export interface ActionResponse {
  /** Groups the audit rows of this action; pass it to `undo-action`. */
  actionId: string
  results: CandidateActionResult[]
}

export type BadgeStateName = "not_analysed" | "in_progress" | "needs_review" | "scored" | "stale" | "archived" | "failed"

export interface BadgeState {
  state: BadgeStateName
  score?: number
  meetsAllMandatory?: boolean
  /** Untrusted text (requirement wording): render as text only. */
  topVerdicts?: { text: string; verdict: Verdict }[]
  analysisId?: string
}

export interface CandidateCardVerdict {
  requirement: string
  mandatory: boolean
  verdict: Verdict
  /** Verbatim resume passages: untrusted, render as text only. */
  evidence: string[]
  reason: string
}

export interface CandidateCard {
  badge: BadgeState
  /** Untrusted (a candidate's name): render as text only. */
  name?: string
  verdicts: CandidateCardVerdict[]
  flags: ResultFlag[]
  dashboardUrl: string
}

export const leverOptions = defineMessage<LeverOptions>()("lever-options", "any", z.object({}).strict())

export const rejectCandidates = defineMessage<ActionResponse>()(
  "reject-candidates",
  "any",
  z
    .object({
      opportunityIds: z.array(opportunityId).min(1).max(500),
      reasonId: leverId,
      analysisId: z.string().min(1).max(100).optional(),
      clickId
    })
    .strict()
)

export const shortlistCandidates = defineMessage<ActionResponse>()(
  "shortlist-candidates",
  "any",
  z
    .object({
      opportunityIds: z.array(opportunityId).min(1).max(500),
      analysisId: z.string().min(1).max(100).optional(),
      clickId
    })
    .strict()
)

export const undoAction = defineMessage<ActionResponse>()("undo-action", "any", z.object({ actionId: z.string().min(1).max(100) }).strict())

export const scoresForIds = defineMessage<{ items: Record<string, BadgeState> }>()(
  "scores-for-ids",
  "content",
  z.object({ ids: z.array(opportunityId).max(2000) }).strict()
)

export const candidateCard = defineMessage<CandidateCard>()("candidate-card", "content", z.object({ opportunityId }).strict())

/** Whether the diagnostics switch (options page) is on: the overlay then logs redacted skeletons. */
export const overlaySettings = defineMessage<{ diagnostics: boolean }>()("overlay-settings", "content", z.object({}).strict())

/** Opens the dashboard's report (a web page cannot navigate to an extension page itself). */
export const openDashboard = defineMessage<{ opened: true }>()(
  "open-dashboard",
  "content",
  z.object({ analysisId: z.string().min(1).max(100).optional(), opportunityId: opportunityId.optional() }).strict()
)
