/**
 * Runs one overlay surface in a content script: lifecycle (shut down on an invalidated context or a
 * newer instance), passes debounced to ~100 ms from DOM mutations, route changes and a slow interval,
 * periodic refresh of what is shown, and the diagnostics switch.
 */
import { background as defaultBackground, type Background } from "./background"
import { logProfileSkeleton, logRowsSkeleton } from "./diagnostics"
import { isContextInvalidatedError, startLifecycle, type Lifecycle } from "./lifecycle"
import { parseRoute, watchRoute } from "./route"
import { createPassScheduler, observeDocument, type PassScheduler } from "./scheduler"

export interface SurfaceOverlay {
  pass(): { rows: number }
  dispose(): void
  /** Forget cached data so the next pass asks the background again. */
  invalidate?(): void
}

export interface SurfaceContext {
  doc: Document
  background: Background
  signal: AbortSignal
  requestPass: () => void
  onError: (error: unknown) => void
  diagnostics: { enabled: boolean }
}

/** A quiet page still gets a pass this often, so old states are re-asked. */
const REFRESH_MS = 15_000

export function runSurface(
  surface: "list" | "profile",
  create: (context: SurfaceContext) => SurfaceOverlay,
  options: { doc?: Document; background?: Background } = {}
): { lifecycle: Lifecycle; scheduler: PassScheduler } {
  const doc = options.doc ?? document
  const background = options.background ?? defaultBackground
  const lifecycle = startLifecycle(surface, doc)
  const diagnostics = { enabled: false, loggedRows: false, loggedProfile: "" }

  const onError = (error: unknown) => {
    if (isContextInvalidatedError(error) || lifecycle.checkContext()) lifecycle.shutdown("Extension context invalidated")
  }
  // The overlay is created before the scheduler that runs its passes; requests wait for it.
  const holder: { scheduler?: PassScheduler } = {}
  const requestPass = () => holder.scheduler?.request()
  const overlay = create({ doc, background, signal: lifecycle.signal, requestPass, onError, diagnostics })
  lifecycle.onShutdown(() => overlay.dispose())

  const scheduler = createPassScheduler(
    surface,
    () => {
      if (lifecycle.checkContext()) return { rows: 0 }
      const route = parseRoute(doc.location.href)
      const result = overlay.pass()
      if (diagnostics.enabled) logDiagnostics(surface, doc, route.kind === "profile" ? route.opportunityId : "", diagnostics)
      return result
    },
    lifecycle.signal
  )
  holder.scheduler = scheduler
  const { signal } = lifecycle
  const route = watchRoute(doc.defaultView ?? window, requestPass, signal)
  // The app re-renders on pushState navigations: comparing the href on mutations notices them.
  observeDocument(
    doc,
    () => {
      route.check()
      requestPass()
    },
    signal
  )
  // Each overlay decides per item whether its data is old enough to ask again.
  const refresh = setInterval(requestPass, REFRESH_MS)
  signal.addEventListener("abort", () => clearInterval(refresh), { once: true })

  background.settings().then(
    (settings) => {
      diagnostics.enabled = settings.diagnostics
      if (settings.diagnostics) requestPass()
    },
    onError
  )
  scheduler.flush()
  return { lifecycle, scheduler }
}

function logDiagnostics(surface: "list" | "profile", doc: Document, profileId: string, state: { loggedRows: boolean; loggedProfile: string }): void {
  if (surface === "list" && !state.loggedRows) {
    const rows = Array.from(doc.querySelectorAll("lever-screening-badge"), (badge) => badge.closest('tr, [role="row"], li')).filter((row): row is Element => !!row)
    if (!rows.length) return
    state.loggedRows = true
    logRowsSkeleton(rows)
  }
  if (surface === "profile" && profileId && state.loggedProfile !== profileId) {
    state.loggedProfile = profileId
    logProfileSkeleton(doc)
  }
}
