/** Archive reasons and stages from Lever, with the action defaults from settings, for reject/shortlist UIs. */
import type { ScreeningDb } from "../../db/schema"
import { MessageFailure } from "../../messaging/contract"
import type { LeverOptions } from "../../messaging/messages/actions"
import { actionDefaults } from "./context"
import { describeLeverError } from "./errors"
import { collect, type LeverActionsClient } from "./lever-port"

/** Reasons and stages change rarely; a short cache spares Lever a request per opened menu. */
const CACHE_MS = 60_000
let cache: { at: number; client: LeverActionsClient; archiveReasons: LeverOptions["archiveReasons"]; stages: LeverOptions["stages"] } | undefined

export function clearLeverOptionsCache(): void {
  cache = undefined
}

export async function leverOptions(db: ScreeningDb, client: LeverActionsClient, now: () => number = Date.now): Promise<LeverOptions> {
  const defaults = await actionDefaults(db)
  if (cache && cache.client === client && now() - cache.at < CACHE_MS) {
    return { archiveReasons: cache.archiveReasons, stages: cache.stages, defaults }
  }
  let reasons, stages
  try {
    ;[reasons, stages] = await Promise.all([collect(client.archiveReasons()), collect(client.stages())])
  } catch (error) {
    const described = describeLeverError(error, "archive")
    throw new MessageFailure({
      code: described.code,
      message: described.code === "lever_forbidden" ? "This Lever key cannot read archive reasons or stages." : described.message
    })
  }
  const archiveReasons = reasons
    .filter((r) => (r.status ?? "active") === "active" && (r.type ?? "non-hired") === "non-hired")
    .map((r) => ({ id: r.id, text: r.text }))
  const stageList = stages.map((s) => ({ id: s.id, text: s.text }))
  cache = { at: now(), client, archiveReasons, stages: stageList }
  return { archiveReasons, stages: stageList, defaults }
}
