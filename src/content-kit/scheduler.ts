/**
 * Passes: the overlay's whole work (find rows, reconcile, render) runs in one synchronous pass, at most
 * every ~100 ms, started by DOM mutations (ours excluded), route changes and a slow safety interval.
 * The limit is a throttle, not a trailing debounce: a page that mutates non-stop still gets a pass every
 * 100 ms, and a lone change is handled at once — a new row's badge never waits for the app to go quiet. Every pass reports its duration as a
 * `lever-screening:pass` event (JSON string detail) so tests and the benchmark can time it from the page.
 */
import { OWN_ATTR, OWN_CARD_TAG, OWN_HOST_TAG } from "./lever-selectors"

export const PASS_EVENT = "lever-screening:pass"
export const PASS_DELAY_MS = 100

export interface PassStats {
  surface: string
  ms: number
  rows?: number
}

export interface PassScheduler {
  request(): void
  /** Runs a pass now (start-up, tests). */
  flush(): void
}

export function createPassScheduler(surface: string, pass: () => Omit<PassStats, "surface" | "ms"> | void, signal: AbortSignal, delay = PASS_DELAY_MS): PassScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastRun = -Infinity
  const run = () => {
    timer = undefined
    if (signal.aborted) return
    const started = performance.now()
    lastRun = started
    const extra = pass() ?? {}
    const ms = performance.now() - started
    const stats: PassStats = { surface, ms, ...extra }
    document.dispatchEvent(new CustomEvent(PASS_EVENT, { detail: JSON.stringify(stats) }))
  }
  signal.addEventListener("abort", () => timer !== undefined && clearTimeout(timer), { once: true })
  return {
    request() {
      if (signal.aborted || timer !== undefined) return
      // Throttle, leading edge: a change after a quiet spell is handled as soon as the app's task is
      // over; during a burst, passes run at most every `delay` ms.
      const wait = Math.max(0, lastRun + delay - performance.now())
      timer = setTimeout(run, wait)
    },
    flush() {
      if (timer !== undefined) clearTimeout(timer)
      run()
    }
  }
}

function isOwn(node: Node): boolean {
  if (node.nodeType !== 1) return false
  const element = node as Element
  const tag = element.localName
  return tag === OWN_HOST_TAG || tag === OWN_CARD_TAG || element.hasAttribute(OWN_ATTR)
}

/** True when a mutation record is only about our own injected elements (no pass needed). */
export function isOwnMutation(record: MutationRecord): boolean {
  if (record.type === "attributes") return isOwn(record.target)
  if (isOwn(record.target)) return true
  for (let i = 0; i < record.addedNodes.length; i++) if (!isOwn(record.addedNodes[i])) return false
  for (let i = 0; i < record.removedNodes.length; i++) if (!isOwn(record.removedNodes[i])) return false
  return true
}

/** Watches the document for the app's changes; our own insertions do not start passes. */
export function observeDocument(doc: Document, onChange: () => void, signal: AbortSignal): void {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (!isOwnMutation(record)) {
        onChange()
        return
      }
    }
  })
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["href", "data-id", "data-opportunity-id", "data-candidate-id"] })
  signal.addEventListener("abort", () => observer.disconnect(), { once: true })
}
