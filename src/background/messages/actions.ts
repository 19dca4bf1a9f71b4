/**
 * Handlers for Lever actions and the overlay's views. The logic lives in src/background/actions; this
 * file wires it to the database, the connected Lever client and the extension's URLs.
 */
import browser from "webextension-polyfill"

import { getDb } from "../../db/schema"
import {
  candidateCard,
  leverOptions,
  openDashboard,
  overlaySettings,
  rejectCandidates,
  scoresForIds,
  shortlistCandidates,
  undoAction
} from "../../messaging/messages/actions"
import { candidateCard as buildCard, scoresForIds as badgeStates } from "../actions/badges"
import type { LeverActionsClient } from "../actions/lever-port"
import { leverOptions as readLeverOptions } from "../actions/options"
import { rejectCandidates as reject, shortlistCandidates as shortlist, undoAction as undo, type ActionDeps } from "../actions/perform"
import { getLeverClient } from "../lever-session"
import { handle } from "../router"

const client = async (): Promise<LeverActionsClient> => (await getLeverClient()) as unknown as LeverActionsClient
const deps = (): ActionDeps => ({ db: getDb(), client })

export function dashboardUrl(analysisId?: string, candidateId?: string): string {
  const params = new URLSearchParams()
  if (analysisId) params.set("analysis", analysisId)
  if (candidateId) params.set("candidate", candidateId)
  const query = params.toString()
  return browser.runtime.getURL(`tabs/dashboard.html${query ? `?${query}` : ""}`)
}

handle(leverOptions, async () => readLeverOptions(getDb(), await client()))
handle(rejectCandidates, (body) => reject(deps(), body))
handle(shortlistCandidates, (body) => shortlist(deps(), body))
handle(undoAction, (body) => undo(deps(), body))
handle(scoresForIds, async (body) => ({ items: await badgeStates(getDb(), body.ids) }))
handle(candidateCard, (body) => buildCard(getDb(), body.opportunityId, dashboardUrl))
handle(overlaySettings, async () => ({ diagnostics: (await getDb().settings.get("diagnostics"))?.value === true }))
handle(openDashboard, async (body) => {
  await browser.tabs.create({ url: dashboardUrl(body.analysisId, body.opportunityId) })
  return { opened: true as const }
})
