/**
 * The list surface: a badge next to every candidate row, reconciled idempotently on every pass.
 *
 * One shadow-DOM host per row, keyed by opportunity id: a pass re-inserts hosts the app removed, re-keys
 * a row the app recycled for another candidate, and renders only when a badge's state changed. Scores
 * come from the background in ONE `scores-for-ids` message per pass for every visible id it does not
 * know yet (or knows only from too long ago); hosts never cause passes (see scheduler.isOwnMutation).
 */
import type { BadgeState } from "../messaging/messages/actions"
import { actionPanel } from "./actions-ui"
import type { Background } from "./background"
import { clearShadow, h, shadowWithStyles } from "./dom"
import { OWN_ATTR, OWN_HOST_TAG } from "./lever-selectors"
import { STATE_LABEL, VERDICT_LABEL, VERDICT_MARK, badgeText, band, mandatoryLabel, mandatoryMark } from "./presentation"
import { findRows, type FoundRow } from "./rows"
import { BADGE_CSS } from "./styles"

/** After this long a known state is asked for again (the runner keeps scoring in the background). */
export const STATE_TTL_MS = 15_000
/** Settled states (scored, archived, needs review) change only on a person's action: ask less often. */
export const SETTLED_TTL_MS = 60_000

function ttlFor(state: BadgeState): number {
  return state.state === "scored" || state.state === "archived" || state.state === "needs_review" ? SETTLED_TTL_MS : STATE_TTL_MS
}

interface CachedState {
  state: BadgeState
  at: number
}

export class BadgeView {
  readonly element: HTMLElement
  private readonly shadow: ShadowRoot
  private renderedKey = ""
  private menu: HTMLElement | undefined
  private state: BadgeState | undefined

  constructor(
    private readonly doc: Document,
    public id: string,
    private readonly hooks: { background: Background; onChanged: (id: string) => void; signal: AbortSignal }
  ) {
    this.element = doc.createElement(OWN_HOST_TAG)
    this.element.setAttribute(OWN_ATTR, id)
    this.shadow = shadowWithStyles(this.element, BADGE_CSS)
    // Lever's rows open the profile on click: keep our clicks to ourselves.
    for (const type of ["click", "mousedown", "mouseup", "pointerdown", "keydown"]) {
      this.element.addEventListener(type, (event) => event.stopPropagation())
    }
    this.render(undefined)
  }

  /** The row now shows another candidate: drop everything shown for the previous one. */
  rekey(id: string): void {
    this.id = id
    this.element.setAttribute(OWN_ATTR, id)
    this.closeMenu()
    this.renderedKey = ""
    this.render(undefined)
  }

  render(state: BadgeState | undefined): void {
    // Fast path for passes: the same cached object means nothing changed.
    if (state !== undefined && state === this.state && this.renderedKey) return
    const key = state ? JSON.stringify(state) : "loading"
    this.state = state
    if (key === this.renderedKey) return
    this.renderedKey = key
    this.element.setAttribute("data-state", state?.state ?? "loading")
    const menuOpen = !!this.menu
    clearShadow(this.shadow)
    const mark = mandatoryMark(state)
    const label = state ? [STATE_LABEL[state.state], state.score !== undefined ? `score ${Math.round(state.score)}` : "", mandatoryLabel(state)].filter(Boolean).join(", ") : "Loading screening score"
    const button = h(
      this.doc,
      "button",
      {
        class: `badge state-${state?.state ?? "loading"} ${band(state?.state === "scored" || state?.state === "stale" || state?.state === "archived" ? state.score : undefined)}`,
        attrs: { type: "button", "aria-label": `Screening: ${label}. Open actions.`, "aria-haspopup": "true", "aria-expanded": String(menuOpen) }
      },
      h(this.doc, "span", { class: "score" }, badgeText(state)),
      mark ? h(this.doc, "span", { class: "mandatory", attrs: { "aria-hidden": "true" } }, mark) : null
    )
    button.addEventListener("click", () => (this.menu ? this.closeMenu() : this.openMenu()))
    this.shadow.appendChild(button)
    this.shadow.appendChild(this.tooltip(state, menuOpen))
    if (menuOpen) {
      this.menu = undefined
      this.openMenu()
    }
  }

  private tooltip(state: BadgeState | undefined, hidden: boolean): HTMLElement {
    const tip = h(this.doc, "div", { class: `tip${hidden ? " hidden" : ""}`, attrs: { role: "tooltip" } })
    if (!state) {
      tip.append("Loading the screening score…")
      return tip
    }
    tip.appendChild(h(this.doc, "div", { class: "title" }, STATE_LABEL[state.state], state.score !== undefined ? ` · ${Math.round(state.score)}/100` : ""))
    const mandatory = mandatoryLabel(state)
    if (mandatory) tip.appendChild(h(this.doc, "div", {}, mandatory))
    if (state.topVerdicts?.length) {
      const list = h(this.doc, "ul")
      for (const verdict of state.topVerdicts) {
        list.appendChild(h(this.doc, "li", {}, h(this.doc, "span", { class: `verdict-${verdict.verdict}` }, `${VERDICT_MARK[verdict.verdict]} ${VERDICT_LABEL[verdict.verdict]}`), ": ", verdict.text))
      }
      tip.appendChild(list)
    }
    return tip
  }

  private openMenu(): void {
    const menu = h(this.doc, "div", { class: "menu", attrs: { role: "dialog", "aria-label": "Screening actions" } })
    menu.appendChild(
      actionPanel({
        doc: this.doc,
        background: this.hooks.background,
        opportunityId: this.id,
        analysisId: this.state?.analysisId,
        archived: this.state?.state === "archived",
        onChanged: this.hooks.onChanged
      })
    )
    const close = h(this.doc, "button", { attrs: { type: "button", "data-action": "close" } }, "Close")
    close.addEventListener("click", () => this.closeMenu())
    menu.appendChild(close)
    menu.addEventListener("keydown", (event) => {
      if ((event as KeyboardEvent).key === "Escape") this.closeMenu()
    })
    this.menu = menu
    this.shadow.appendChild(menu)
    this.shadow.querySelector(".tip")?.classList.add("hidden")
    this.shadow.querySelector(".badge")?.setAttribute("aria-expanded", "true")
  }

  closeMenu(): void {
    if (!this.menu) return
    this.menu.remove()
    this.menu = undefined
    this.shadow.querySelector(".tip")?.classList.remove("hidden")
    this.shadow.querySelector(".badge")?.setAttribute("aria-expanded", "false")
  }
}

export interface ListOverlay {
  /** One synchronous pass: find rows, reconcile hosts, render known states, ask for unknown ones. */
  pass(): { rows: number }
  /** Marks cached states (all, or some ids) old so the next pass asks again; badges keep showing them meanwhile. */
  invalidate(ids?: string[]): void
  /** Removes every host (shutdown). */
  dispose(): void
  readonly views: ReadonlyMap<string, BadgeView>
}

export function createListOverlay(options: {
  doc: Document
  background: Background
  signal: AbortSignal
  /** Asks for a pass soon (after a state arrives for a row that had none, etc.). */
  requestPass: () => void
  now?: () => number
  onError?: (error: unknown) => void
  onRows?: (rows: FoundRow[]) => void
}): ListOverlay {
  const { doc, background, signal } = options
  const now = options.now ?? Date.now
  const cache = new Map<string, CachedState>()
  const inFlight = new Set<string>()
  const viewsByRow = new WeakMap<Element, BadgeView>()
  let visible = new Map<string, BadgeView>()

  // Marking a state old (rather than forgetting it) keeps the badge showing it until the answer comes.
  const expire = (id: string) => {
    const cached = cache.get(id)
    if (cached) cached.at = -Infinity
  }
  const onChanged = (id: string) => {
    expire(id)
    options.requestPass()
  }
  /** After a failed request the ids are asked again soon, not only at the next refresh. */
  const RETRY_MS = 2000
  const hooks = { background, onChanged, signal }

  const fetchStates = (ids: string[]) => {
    for (const id of ids) inFlight.add(id)
    background.scores(ids).then(
      ({ items }) => {
        if (signal.aborted) return
        const at = now()
        for (const id of ids) {
          inFlight.delete(id)
          const state = items[id]
          if (state) cache.set(id, { state, at })
          visible.get(id)?.render(state)
        }
      },
      (error) => {
        for (const id of ids) inFlight.delete(id)
        options.onError?.(error)
        if (!signal.aborted) setTimeout(options.requestPass, RETRY_MS)
      }
    )
  }

  const place = (view: BadgeView, found: FoundRow) => {
    const element = view.element
    if (element.isConnected && found.row.contains(element)) return
    const anchor = found.anchor
    if (anchor && found.row.contains(anchor)) anchor.after(element)
    else (found.row.querySelector('td, [role="cell"], [role="gridcell"]') ?? found.row).appendChild(element)
  }

  return {
    get views() {
      return visible
    },
    pass() {
      const found = findRows(doc)
      const next = new Map<string, BadgeView>()
      const wanted: string[] = []
      const at = now()
      for (const entry of found) {
        let view = viewsByRow.get(entry.row)
        if (view && view.id !== entry.id) view.rekey(entry.id)
        if (!view) {
          view = new BadgeView(doc, entry.id, hooks)
          viewsByRow.set(entry.row, view)
        }
        place(view, entry)
        next.set(entry.id, view)
        const cached = cache.get(entry.id)
        view.render(cached?.state)
        if ((!cached || at - cached.at > ttlFor(cached.state)) && !inFlight.has(entry.id)) wanted.push(entry.id)
      }
      // Hosts of rows that left the list go with their rows; drop any host whose row is no longer a candidate row.
      const kept = new Set(next.values())
      for (const view of visible.values()) if (!kept.has(view) && view.element.isConnected) view.element.remove()
      visible = next
      if (wanted.length) fetchStates(wanted)
      options.onRows?.(found)
      return { rows: found.length }
    },
    invalidate(ids) {
      for (const id of ids ?? [...cache.keys()]) expire(id)
    },
    dispose() {
      for (const view of visible.values()) view.element.remove()
      visible.clear()
      doc.querySelectorAll(OWN_HOST_TAG).forEach((element) => element.remove())
    }
  }
}
