/** A scripted stand-in for the background, recording every message the overlay sends. */
import { vi } from "vitest"

import type { Background } from "~/content-kit/background"
import { MessageFailure } from "~/messaging/contract"
import type { BadgeState, CandidateCard, LeverOptions } from "~/messaging/messages/actions"

export function fakeBackground(states: Record<string, BadgeState> = {}, cards: Record<string, CandidateCard> = {}) {
  const calls: { type: string; body: unknown }[] = []
  const options: LeverOptions = {
    archiveReasons: [
      { id: "reason-a", text: "Underqualified" },
      { id: "reason-b", text: "Withdrew" }
    ],
    stages: [
      { id: "applicant-new", text: "New applicant" },
      { id: "phone", text: "Phone screen" }
    ],
    defaults: { shortlistStageId: "phone", postNotes: false }
  }
  const background: Background = {
    scores: vi.fn(async (ids: string[]) => {
      calls.push({ type: "scores", body: ids })
      return { items: Object.fromEntries(ids.map((id) => [id, states[id] ?? { state: "not_analysed" as const }])) }
    }),
    card: vi.fn(async (opportunityId: string) => {
      calls.push({ type: "card", body: opportunityId })
      const card = cards[opportunityId]
      if (!card) throw new MessageFailure({ code: "internal", message: "no card" })
      return card
    }),
    options: vi.fn(async () => options),
    reject: vi.fn(async (body) => {
      calls.push({ type: "reject", body })
      return { actionId: `reject:${body.clickId}`, results: body.opportunityIds.map((id: string) => ({ opportunityId: id, ok: true })) }
    }),
    shortlist: vi.fn(async (body) => {
      calls.push({ type: "shortlist", body })
      return { actionId: `shortlist:${body.clickId}`, results: body.opportunityIds.map((id: string) => ({ opportunityId: id, ok: true })) }
    }),
    undo: vi.fn(async (actionId: string) => {
      calls.push({ type: "undo", body: actionId })
      return { actionId: `undo:${actionId}`, results: [] }
    }),
    settings: vi.fn(async () => ({ diagnostics: false })),
    openDashboard: vi.fn(async () => ({ opened: true as const }))
  }
  return { background, calls, options }
}

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

export function id(n: number): string {
  return `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, "0")}`
}
