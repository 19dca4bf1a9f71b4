/**
 * Route detection for Lever's single-page app. The URL is the truth: it is parsed on every pass, and
 * changes are noticed through the Navigation API (where present), popstate, a href comparison on DOM
 * mutations (the caller's observer calls `check()`), and a slow interval as a safety net. History is
 * never patched: that would need the page's main world.
 */
import { PROFILE_PATH } from "./lever-selectors"

export type Route = { kind: "profile"; opportunityId: string } | { kind: "list" } | { kind: "other" }

export function parseRoute(href: string): Route {
  let path: string
  try {
    path = new URL(href).pathname
  } catch {
    return { kind: "other" }
  }
  const profile = PROFILE_PATH.exec(path)
  if (profile) return { kind: "profile", opportunityId: profile[1].toLowerCase() }
  if (/^\/candidates\/?$/.test(path)) return { kind: "list" }
  return { kind: "other" }
}

export function sameRoute(a: Route, b: Route): boolean {
  if (a.kind !== b.kind) return false
  return a.kind !== "profile" || a.opportunityId === (b as typeof a).opportunityId
}

export interface RouteWatcher {
  /** Compares `location.href` with the last seen one and notifies on a change. Cheap: call it often. */
  check(): void
  readonly href: string
}

const SAFETY_INTERVAL_MS = 1000

export function watchRoute(win: Window, onChange: (href: string) => void, signal: AbortSignal): RouteWatcher {
  let last = win.location.href
  const check = () => {
    if (signal.aborted) return
    const now = win.location.href
    if (now !== last) {
      last = now
      onChange(now)
    }
  }
  // The Navigation API fires before the URL commits; check after the current task.
  const later = () => setTimeout(check, 0)
  const navigation = (win as Window & { navigation?: EventTarget }).navigation
  navigation?.addEventListener("navigatesuccess", check, { signal })
  navigation?.addEventListener("currententrychange", later, { signal })
  win.addEventListener("popstate", later, { signal })
  win.addEventListener("hashchange", later, { signal })
  const timer = setInterval(check, SAFETY_INTERVAL_MS)
  signal.addEventListener("abort", () => clearInterval(timer), { once: true })
  return {
    check,
    get href() {
      return last
    }
  }
}
