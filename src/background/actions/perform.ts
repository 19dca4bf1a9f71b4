/**
 * Reject (archive with a reason), shortlist (stage and/or tag) and undo, for one human click each.
 *
 * Every write to Lever is recorded in the audit log before ("requested") and after ("succeeded" or
 * "failed", with Lever's answer), with the actor and the score basis at the time. The audit log is also
 * what makes a click idempotent: the action id is derived from the click id, and a candidate whose write
 * already succeeded under that action id is never written again — even after the worker restarted.
 * Nothing here runs without a message from a person's click.
 */
import type { AuditRow, ScreeningDb } from "../../db/schema"
import { MessageFailure } from "../../messaging/contract"
import type { ActionResponse, CandidateActionResult } from "../../messaging/messages/actions"
import { actionDefaults, applicant, currentActor, decisionContext, scoreFor, type DecisionContext } from "./context"
import { describeLeverError, type ActionError, type ActionKind } from "./errors"
import { asOpportunity, collect, type LeverActionsClient, type LeverOpportunityLike } from "./lever-port"
import { buildDecisionNote } from "./note"

export interface ActionDeps {
  db: ScreeningDb
  /** Resolves the connected client; throws a typed error (`not_connected`) when there is none. */
  client: () => Promise<LeverActionsClient>
  now?: () => number
}

/** Parallel writes per click: the client rate-limits anyway; a little concurrency hides latency. */
const CONCURRENCY = 3

/** Concurrent identical requests (a double click, a retried message) share one run. */
const inFlight = new Map<string, Promise<ActionResponse>>()

function once(actionId: string, run: () => Promise<ActionResponse>): Promise<ActionResponse> {
  const running = inFlight.get(actionId)
  if (running) return running
  const promise = run().finally(() => inFlight.delete(actionId))
  inFlight.set(actionId, promise)
  return promise
}

async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index])
    }
  })
  await Promise.all(lanes)
  return results
}

function unique(ids: string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))]
}

/** Audit rows of one action, indexed by opportunity and write kind, for idempotency and undo. */
async function priorRows(db: ScreeningDb, actionId: string): Promise<AuditRow[]> {
  return db.audit.where("actionId").equals(actionId).toArray()
}

function succeeded(rows: AuditRow[], opportunityId: string, action: AuditRow["action"]): AuditRow | undefined {
  return rows.find((row) => row.opportunityId === opportunityId && row.action === action && row.phase === "succeeded")
}

interface WriteSpec {
  actionId: string
  opportunityId: string
  analysisId?: string
  action: ActionKind
  actor: string
  details: Record<string, unknown>
  write: () => Promise<unknown>
}

/**
 * One audited write: "requested" row, the call, then "succeeded" with Lever's answer or "failed" with
 * the error. Returns the answer or the described error; never throws for a Lever failure.
 */
async function auditedWrite(deps: ActionDeps, spec: WriteSpec): Promise<{ ok: true; answer: LeverOpportunityLike | undefined } | { ok: false; error: ActionError }> {
  const now = deps.now ?? Date.now
  const base = { actor: spec.actor, action: spec.action, actionId: spec.actionId, opportunityId: spec.opportunityId, analysisId: spec.analysisId }
  await deps.db.audit.add({ ...base, at: now(), phase: "requested", details: spec.details })
  try {
    const answer = asOpportunity(await spec.write())
    await deps.db.audit.add({
      ...base,
      at: now(),
      phase: "succeeded",
      details: { ...spec.details, lever: summariseAnswer(answer) }
    })
    return { ok: true, answer }
  } catch (error) {
    const described = describeLeverError(error, spec.action)
    await deps.db.audit.add({
      ...base,
      at: now(),
      phase: "failed",
      details: { ...spec.details, error: { code: described.code, message: described.message }, lever: described.lever }
    })
    return { ok: false, error: described }
  }
}

/** Lever answers with the whole opportunity: keep only what a compliance review needs. */
function summariseAnswer(answer: LeverOpportunityLike | undefined): Record<string, unknown> | undefined {
  if (!answer) return undefined
  const stage = answer.stage
  return {
    ok: true,
    archived: answer.archived ?? null,
    stage: typeof stage === "string" ? stage : (stage?.id ?? null),
    tags: Array.isArray(answer.tags) ? answer.tags.slice(0, 50) : undefined
  }
}

function stageIdOf(answer: LeverOpportunityLike | undefined): string | undefined {
  const stage = answer?.stage
  if (!stage) return undefined
  return typeof stage === "string" ? stage : stage.id
}

function decisionDetails(context: DecisionContext): Record<string, unknown> {
  return {
    rubricVersion: context.rubricVersion ?? null,
    engine: context.engine ?? null,
    score: context.score ?? null,
    meetsAllMandatory: context.meetsAllMandatory ?? null,
    scoreStale: context.scoreStale ?? null
  }
}

async function postNoteIfEnabled(
  deps: ActionDeps,
  client: LeverActionsClient,
  input: { actionId: string; opportunityId: string; analysisId?: string; actor: string; decision: string }
): Promise<void> {
  const defaults = await actionDefaults(deps.db)
  if (!defaults.postNotes) return
  const priorNote = succeeded(await priorRows(deps.db, input.actionId), input.opportunityId, "note")
  if (priorNote) return
  const score = await scoreFor(deps.db, input.opportunityId, input.analysisId)
  const rubric = score ? (await deps.db.rubrics.get([score.analysisId, score.rubricVersion]))?.rubric : undefined
  const text = buildDecisionNote({ decision: input.decision, actor: input.actor, result: score?.result, rubric, rubricVersion: score?.rubricVersion })
  // A failed note never undoes the decision: it is audited on its own and the action stays ok.
  await auditedWrite(deps, {
    actionId: input.actionId,
    opportunityId: input.opportunityId,
    analysisId: score?.analysisId ?? input.analysisId,
    action: "note",
    actor: input.actor,
    details: { length: text.length },
    write: () => client.addNote(input.opportunityId, text)
  })
}

async function updateApplicant(deps: ActionDeps, opportunityId: string, change: (row: NonNullable<Awaited<ReturnType<typeof applicant>>>) => void): Promise<void> {
  await deps.db.transaction("rw", deps.db.applicants, async () => {
    const row = await deps.db.applicants.get(opportunityId)
    if (!row) return
    change(row)
    row.syncedAt = (deps.now ?? Date.now)()
    await deps.db.applicants.put(row)
  })
}

export function rejectActionId(clickId: string): string {
  return `reject:${clickId}`
}

export function shortlistActionId(clickId: string): string {
  return `shortlist:${clickId}`
}

/** Archive each candidate with the chosen reason. The reason must be an active non-hired one. */
export function rejectCandidates(
  deps: ActionDeps,
  request: { opportunityIds: string[]; reasonId: string; analysisId?: string; clickId: string }
): Promise<ActionResponse> {
  const actionId = rejectActionId(request.clickId)
  return once(actionId, async () => {
    const client = await deps.client()
    const reasonText = await checkArchiveReason(client, request.reasonId)
    const actor = await currentActor(deps.db)
    const prior = await priorRows(deps.db, actionId)
    const results = await pool(unique(request.opportunityIds), CONCURRENCY, async (opportunityId): Promise<CandidateActionResult> => {
      if (succeeded(prior, opportunityId, "archive")) return { opportunityId, ok: true }
      const before = await applicant(deps.db, opportunityId)
      const context = await decisionContext(deps.db, opportunityId, request.analysisId)
      const outcome = await auditedWrite(deps, {
        actionId,
        opportunityId,
        analysisId: context.analysisId,
        action: "archive",
        actor: actor.label,
        details: {
          clickId: request.clickId,
          reasonId: request.reasonId,
          reasonText,
          previous: { archived: before?.archived ?? null, stageId: before?.stageId ?? null },
          ...decisionDetails(context)
        },
        write: () => client.archive(opportunityId, request.reasonId)
      })
      if (!outcome.ok) return { opportunityId, ok: false, error: { code: outcome.error.code, message: outcome.error.message } }
      const archivedAt = outcome.answer?.archived?.archivedAt ?? (deps.now ?? Date.now)()
      await updateApplicant(deps, opportunityId, (row) => {
        row.archived = { reason: request.reasonId, archivedAt }
      })
      await postNoteIfEnabled(deps, client, {
        actionId,
        opportunityId,
        analysisId: context.analysisId,
        actor: actor.label,
        decision: `rejected (archived: ${reasonText ?? request.reasonId})`
      })
      return { opportunityId, ok: true }
    })
    return { actionId, results }
  })
}

/**
 * Refuses the hired reason, inactive reasons and unknown ids before anything is written. When the key
 * cannot read archive reasons, the archive call itself is the judge (Lever rejects an unknown reason).
 */
async function checkArchiveReason(client: LeverActionsClient, reasonId: string): Promise<string | undefined> {
  let reasons
  try {
    reasons = await collect(client.archiveReasons())
  } catch {
    return undefined
  }
  const reason = reasons.find((r) => r.id === reasonId)
  if (!reason) throw new MessageFailure({ code: "bad_request", message: "This archive reason does not exist in Lever (any more): choose another." })
  if ((reason.type && reason.type !== "non-hired") || (reason.status && reason.status !== "active")) {
    throw new MessageFailure({ code: "bad_request", message: `"${reason.text}" is not an active rejection reason: choose another.` })
  }
  return reason.text
}

/** Move to the shortlist stage and/or add the shortlist tag from settings `actions`. */
export function shortlistCandidates(
  deps: ActionDeps,
  request: { opportunityIds: string[]; analysisId?: string; clickId: string }
): Promise<ActionResponse> {
  const actionId = shortlistActionId(request.clickId)
  return once(actionId, async () => {
    const defaults = await actionDefaults(deps.db)
    if (!defaults.shortlistStageId && !defaults.shortlistTag) {
      throw new MessageFailure({ code: "bad_request", message: "Choose a shortlist stage or tag in the extension's options first." })
    }
    const client = await deps.client()
    const stageText = defaults.shortlistStageId ? await stageName(client, defaults.shortlistStageId) : undefined
    const actor = await currentActor(deps.db)
    const prior = await priorRows(deps.db, actionId)
    const results = await pool(unique(request.opportunityIds), CONCURRENCY, async (opportunityId): Promise<CandidateActionResult> => {
      const before = await applicant(deps.db, opportunityId)
      const context = await decisionContext(deps.db, opportunityId, request.analysisId)
      const common = { clickId: request.clickId, ...decisionDetails(context) }
      const errors: ActionError[] = []
      if (defaults.shortlistStageId && !succeeded(prior, opportunityId, "stage")) {
        const stageId = defaults.shortlistStageId
        const outcome = await auditedWrite(deps, {
          actionId,
          opportunityId,
          analysisId: context.analysisId,
          action: "stage",
          actor: actor.label,
          details: { ...common, stageId, stageText: stageText ?? null, previous: { stageId: before?.stageId ?? null, stageText: before?.stageText ?? null } },
          write: () => client.setStage(opportunityId, stageId)
        })
        if (outcome.ok) {
          await updateApplicant(deps, opportunityId, (row) => {
            row.stageId = stageIdOf(outcome.answer) ?? stageId
            row.stageText = stageText ?? row.stageText
          })
        } else errors.push(outcome.error)
      }
      if (defaults.shortlistTag && !succeeded(prior, opportunityId, "tag")) {
        const tag = defaults.shortlistTag
        const hadTag = before?.tags.includes(tag) ?? false
        const outcome = await auditedWrite(deps, {
          actionId,
          opportunityId,
          analysisId: context.analysisId,
          action: "tag",
          actor: actor.label,
          details: { ...common, tag, previous: { hadTag } },
          write: () => client.addTags(opportunityId, [tag])
        })
        if (outcome.ok) {
          await updateApplicant(deps, opportunityId, (row) => {
            const tags = outcome.answer?.tags
            row.tags = Array.isArray(tags) ? tags : row.tags.includes(tag) ? row.tags : [...row.tags, tag]
          })
        } else errors.push(outcome.error)
      }
      if (errors.length) return { opportunityId, ok: false, error: { code: errors[0].code, message: errors.map((e) => e.message).join("; ") } }
      await postNoteIfEnabled(deps, client, {
        actionId,
        opportunityId,
        analysisId: context.analysisId,
        actor: actor.label,
        decision: `shortlisted${stageText ? ` (moved to ${stageText})` : ""}`
      })
      return { opportunityId, ok: true }
    })
    return { actionId, results }
  })
}

async function stageName(client: LeverActionsClient, stageId: string): Promise<string | undefined> {
  try {
    return (await collect(client.stages())).find((stage) => stage.id === stageId)?.text
  } catch {
    return undefined
  }
}

export function undoActionId(actionId: string): string {
  return `undo:${actionId}`
}

/**
 * Reverses the succeeded writes of one action: an archive is replaced by the candidate's archive state
 * before it (normally `reason: null`, i.e. unarchived), a stage move goes back to the previous stage,
 * an added tag is removed when the candidate did not have it before. Idempotent like every action.
 */
export function undoAction(deps: ActionDeps, request: { actionId: string }): Promise<ActionResponse> {
  const undoId = undoActionId(request.actionId)
  return once(undoId, async () => {
    if (request.actionId.startsWith("undo:")) {
      throw new MessageFailure({ code: "bad_request", message: "An undo cannot itself be undone: act on the candidates again instead." })
    }
    const original = (await priorRows(deps.db, request.actionId)).filter((row) => row.phase === "succeeded" && row.opportunityId)
    const reversible = original.filter((row) => row.action === "archive" || row.action === "stage" || row.action === "tag")
    if (!reversible.length) {
      throw new MessageFailure({ code: "conflict", message: "Nothing to undo: this action changed nothing in Lever." })
    }
    const client = await deps.client()
    const actor = await currentActor(deps.db)
    const prior = await priorRows(deps.db, undoId)
    const byCandidate = new Map<string, AuditRow[]>()
    for (const row of reversible) byCandidate.set(row.opportunityId!, [...(byCandidate.get(row.opportunityId!) ?? []), row])

    const results = await pool([...byCandidate.entries()], CONCURRENCY, async ([opportunityId, rows]): Promise<CandidateActionResult> => {
      const errors: ActionError[] = []
      for (const row of rows) {
        const previous = (row.details.previous ?? {}) as { archived?: { reason: string | null } | null; stageId?: string | null; stageText?: string | null; hadTag?: boolean }
        const common = { undoOf: request.actionId, rubricVersion: row.details.rubricVersion ?? null, engine: row.details.engine ?? null, score: row.details.score ?? null }
        if (row.action === "archive") {
          const restoreReason = previous.archived?.reason ?? null
          const kind: ActionKind = restoreReason ? "archive" : "unarchive"
          if (succeeded(prior, opportunityId, kind)) continue
          const outcome = await auditedWrite(deps, {
            actionId: undoId,
            opportunityId,
            analysisId: row.analysisId,
            action: kind,
            actor: actor.label,
            details: { ...common, reasonId: restoreReason },
            write: () => client.archive(opportunityId, restoreReason)
          })
          if (outcome.ok) {
            await updateApplicant(deps, opportunityId, (applicantRow) => {
              applicantRow.archived = restoreReason ? { reason: restoreReason, archivedAt: previous.archived ? (applicantRow.archived?.archivedAt ?? null) : null } : null
            })
          } else errors.push(outcome.error)
        } else if (row.action === "stage") {
          if (succeeded(prior, opportunityId, "stage")) continue
          const previousStage = previous.stageId
          if (!previousStage) {
            errors.push({ code: "conflict", message: "The stage before the shortlist is unknown: move the candidate back in Lever." })
            continue
          }
          const outcome = await auditedWrite(deps, {
            actionId: undoId,
            opportunityId,
            analysisId: row.analysisId,
            action: "stage",
            actor: actor.label,
            details: { ...common, stageId: previousStage, previous: { stageId: row.details.stageId ?? null } },
            write: () => client.setStage(opportunityId, previousStage)
          })
          if (outcome.ok) {
            await updateApplicant(deps, opportunityId, (applicantRow) => {
              applicantRow.stageId = previousStage
              applicantRow.stageText = previous.stageText ?? undefined
            })
          } else errors.push(outcome.error)
        } else if (row.action === "tag") {
          const tag = String(row.details.tag ?? "")
          // A tag the candidate already had is left alone; so is one the client cannot remove.
          if (!tag || previous.hadTag || succeeded(prior, opportunityId, "tag")) continue
          if (!client.removeTags) {
            errors.push({ code: "internal", message: `Remove the tag "${tag}" in Lever: this version cannot remove tags.` })
            continue
          }
          const removeTags = client.removeTags.bind(client)
          const outcome = await auditedWrite(deps, {
            actionId: undoId,
            opportunityId,
            analysisId: row.analysisId,
            action: "tag",
            actor: actor.label,
            details: { ...common, removedTag: tag },
            write: () => removeTags(opportunityId, [tag])
          })
          if (outcome.ok) {
            await updateApplicant(deps, opportunityId, (applicantRow) => {
              applicantRow.tags = applicantRow.tags.filter((t) => t !== tag)
            })
          } else errors.push(outcome.error)
        }
      }
      if (errors.length) return { opportunityId, ok: false, error: { code: errors[0].code, message: errors.map((e) => e.message).join("; ") } }
      return { opportunityId, ok: true }
    })
    return { actionId: undoId, results }
  })
}
