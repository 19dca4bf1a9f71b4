/**
 * The overlay's only line to the extension: small typed messages to the background. The message
 * definitions are imported as types only, so the content script bundles no schemas (no zod).
 */
import type {
  candidateCard,
  leverOptions,
  openDashboard,
  overlaySettings,
  rejectCandidates,
  scoresForIds,
  shortlistCandidates,
  undoAction
} from "../messaging/messages/actions"
import { send } from "../messaging/send"

/** A name-only stand-in for a definition: `send` needs the name; the types come from the real one. */
function ref<D>(name: string): D {
  return { name } as D
}

const defs = {
  scores: ref<typeof scoresForIds>("scores-for-ids"),
  card: ref<typeof candidateCard>("candidate-card"),
  options: ref<typeof leverOptions>("lever-options"),
  reject: ref<typeof rejectCandidates>("reject-candidates"),
  shortlist: ref<typeof shortlistCandidates>("shortlist-candidates"),
  undo: ref<typeof undoAction>("undo-action"),
  settings: ref<typeof overlaySettings>("overlay-settings"),
  dashboard: ref<typeof openDashboard>("open-dashboard")
}

export const background = {
  scores: (ids: string[]) => send(defs.scores, { ids }),
  card: (opportunityId: string) => send(defs.card, { opportunityId }),
  options: () => send(defs.options, {}),
  reject: (body: { opportunityIds: string[]; reasonId: string; analysisId?: string; clickId: string }) => send(defs.reject, body),
  shortlist: (body: { opportunityIds: string[]; analysisId?: string; clickId: string }) => send(defs.shortlist, body),
  undo: (actionId: string) => send(defs.undo, { actionId }),
  settings: () => send(defs.settings, {}),
  openDashboard: (body: { analysisId?: string; opportunityId?: string }) => send(defs.dashboard, body)
}

export type Background = typeof background
