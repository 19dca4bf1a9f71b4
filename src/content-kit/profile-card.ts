/**
 * The profile surface: a score card for the candidate whose id is in the URL (full page and flyover,
 * so next/previous in the flyover simply change the id). Mounted next to the profile header when one
 * is found, else as a fixed panel attached to <html>, which the app does not re-render.
 */
import type { CandidateCard } from "../messaging/messages/actions"
import { actionPanel } from "./actions-ui"
import type { Background } from "./background"
import { clear, h, shadowWithStyles } from "./dom"
import { OWN_ATTR, OWN_CARD_TAG, PROFILE_HEADER } from "./lever-selectors"
import { STATE_LABEL, VERDICT_LABEL, VERDICT_MARK, band, mandatoryLabel } from "./presentation"
import { parseRoute } from "./route"
import { CARD_CSS } from "./styles"

/** While a card is shown, its data is refreshed this often (scores arrive as the runner works). */
export const CARD_REFRESH_MS = 15_000

export interface ProfileCardOverlay {
  pass(): { rows: number }
  refresh(): void
  dispose(): void
  readonly element: HTMLElement
  readonly opportunityId: string | undefined
}

export function createProfileCard(options: { doc: Document; background: Background; signal: AbortSignal; now?: () => number; onError?: (error: unknown) => void }): ProfileCardOverlay {
  const { doc, background, signal } = options
  const now = options.now ?? Date.now
  const host = doc.createElement(OWN_CARD_TAG)
  host.setAttribute(OWN_ATTR, "card")
  const shadow = shadowWithStyles(host, CARD_CSS)
  const body = h(doc, "div", { class: "card", attrs: { role: "region", "aria-label": "Screening score" } })
  shadow.appendChild(body)
  for (const type of ["click", "mousedown", "keydown"]) host.addEventListener(type, (event) => event.stopPropagation())

  let currentId: string | undefined
  /** The action controls of the shown candidate survive re-renders, so a result stays visible in place. */
  let actionsFor: { id: string; element: HTMLElement } | undefined
  let dismissedId: string | undefined
  let fetchedAt = 0
  let request = 0

  const renderLoading = (id: string) => {
    clear(body)
    body.appendChild(head(undefined))
    body.appendChild(h(doc, "div", { class: "sub", attrs: { "data-opportunity": id } }, "Loading the screening result…"))
  }

  const head = (card: CandidateCard | undefined) => {
    const state = card?.badge
    const scored = state?.score !== undefined
    const close = h(doc, "button", { class: "close", attrs: { type: "button", "aria-label": "Hide the screening card" } }, "×")
    close.addEventListener("click", () => {
      dismissedId = currentId
      host.remove()
    })
    return h(
      doc,
      "div",
      { class: `head ${band(scored ? state!.score : undefined)}` },
      h(doc, "div", { class: "score", attrs: { "data-field": "score" } }, scored ? String(Math.round(state!.score!)) : "–"),
      h(
        doc,
        "div",
        {},
        h(doc, "div", { class: "title", attrs: { "data-field": "name" } }, card?.name ?? "Screening"),
        h(doc, "div", { class: "sub", attrs: { "data-field": "state" } }, state ? STATE_LABEL[state.state] : "Loading…"),
        state && mandatoryLabel(state) ? h(doc, "div", { class: "sub", attrs: { "data-field": "mandatory" } }, mandatoryLabel(state)) : null
      ),
      close
    )
  }

  const renderCard = (id: string, card: CandidateCard) => {
    clear(body)
    body.setAttribute("data-opportunity", id)
    body.appendChild(head(card))
    if (card.flags.length) {
      const flags = h(doc, "div", { class: "flags", attrs: { "data-field": "flags" } })
      for (const flag of card.flags) flags.appendChild(h(doc, "div", {}, "⚠ ", flag.message, flag.detail ? h(doc, "blockquote", {}, flag.detail) : null))
      body.appendChild(flags)
    }
    if (card.verdicts.length) {
      const list = h(doc, "ol", { attrs: { "data-field": "verdicts" } })
      for (const verdict of card.verdicts) {
        list.appendChild(
          h(
            doc,
            "li",
            {},
            h(doc, "span", { class: "req" }, verdict.requirement),
            verdict.mandatory ? h(doc, "span", { class: "mandatory" }, "mandatory") : null,
            h(doc, "span", { class: `verdict verdict-${verdict.verdict}` }, `${VERDICT_MARK[verdict.verdict]} ${VERDICT_LABEL[verdict.verdict]}`),
            verdict.reason ? h(doc, "div", { class: "sub" }, verdict.reason) : null,
            ...verdict.evidence.map((passage) => h(doc, "blockquote", {}, passage))
          )
        )
      }
      body.appendChild(list)
    } else if (card.badge.state === "not_analysed") {
      body.appendChild(h(doc, "div", { class: "sub" }, "This candidate is not in any analysis yet. Start one from the extension's popup."))
    }
    const report = h(doc, "a", { attrs: { href: card.dashboardUrl, target: "_blank", rel: "noopener noreferrer", "data-action": "report" } }, "Full report in the dashboard")
    report.addEventListener("click", (event) => {
      // A web page cannot open extension pages itself: the background opens the tab.
      event.preventDefault()
      background.openDashboard({ analysisId: card.badge.analysisId, opportunityId: id }).catch((error) => options.onError?.(error))
    })
    const actions = h(doc, "div", { class: "actions" })
    if (actionsFor?.id !== id) {
      actionsFor = {
        id,
        element: actionPanel({
          doc,
          background,
          opportunityId: id,
          analysisId: card.badge.analysisId,
          archived: card.badge.state === "archived",
          onChanged: () => load(id, false)
        })
      }
    }
    actions.appendChild(actionsFor.element)
    actions.appendChild(report)
    body.appendChild(actions)
  }

  const renderError = (id: string, error: unknown) => {
    clear(body)
    body.appendChild(head(undefined))
    const message = (error as { message?: string })?.message || "The extension's background did not answer."
    body.appendChild(h(doc, "div", { class: "result error", attrs: { "data-opportunity": id } }, `Could not load the screening result: ${message}`))
  }

  const load = (id: string, showLoading: boolean) => {
    const mine = ++request
    fetchedAt = now()
    if (showLoading) renderLoading(id)
    background.card(id).then(
      (card) => {
        // Next/previous may have moved on while we waited: only the latest answer renders.
        if (signal.aborted || mine !== request || id !== currentId) return
        // Keep an open action result visible: refreshes that change nothing do not re-render.
        const key = JSON.stringify(card)
        if (body.getAttribute("data-key") === key) return
        body.setAttribute("data-key", key)
        renderCard(id, card)
      },
      (error) => {
        if (signal.aborted || mine !== request || id !== currentId) return
        body.removeAttribute("data-key")
        renderError(id, error)
        options.onError?.(error)
      }
    )
  }

  const mount = () => {
    const header = doc.querySelector(PROFILE_HEADER)
    if (header) {
      host.classList.remove("floating")
      if (header.nextElementSibling !== host) header.after(host)
    } else {
      host.classList.add("floating")
      if (host.parentNode !== doc.documentElement) doc.documentElement.appendChild(host)
    }
  }

  return {
    element: host,
    get opportunityId() {
      return currentId
    },
    pass() {
      const route = parseRoute(doc.location.href)
      if (route.kind !== "profile") {
        currentId = undefined
        host.remove()
        return { rows: 0 }
      }
      if (route.opportunityId !== currentId) {
        currentId = route.opportunityId
        body.removeAttribute("data-key")
        load(currentId, true)
      } else if (now() - fetchedAt > CARD_REFRESH_MS) load(currentId, false)
      if (dismissedId === currentId) return { rows: 1 }
      mount()
      return { rows: 1 }
    },
    refresh() {
      if (currentId) load(currentId, false)
    },
    dispose() {
      host.remove()
    }
  }
}
