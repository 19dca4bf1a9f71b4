/**
 * Content scripts are disposable (architecture rule 5). A script stops everything — observers, timers,
 * listeners, its injected elements — when the extension context is invalidated (the extension was
 * reloaded or updated) or when a newer instance of the same surface announces itself on the page.
 */
const STARTED_EVENT = "lever-screening:started"

export interface Lifecycle {
  readonly signal: AbortSignal
  readonly alive: boolean
  /** Runs on shutdown (remove injected elements, clear caches). */
  onShutdown(cleanup: () => void): void
  shutdown(reason: string): void
  /** True when the extension's runtime is gone; shuts down as a side effect. */
  checkContext(): boolean
}

function runtimeAlive(): boolean {
  const g = globalThis as { chrome?: { runtime?: { id?: string } }; browser?: { runtime?: { id?: string } } }
  try {
    return !!(g.chrome?.runtime?.id ?? g.browser?.runtime?.id)
  } catch {
    // Accessing runtime on an invalidated context can itself throw.
    return false
  }
}

export function isContextInvalidatedError(error: unknown): boolean {
  const message = String((error as Error)?.message ?? error)
  return /context invalidated|extension was updated or reloaded|receiving end does not exist/i.test(message)
}

export function startLifecycle(surface: string, doc: Document = document, isRuntimeAlive: () => boolean = runtimeAlive): Lifecycle {
  const controller = new AbortController()
  const cleanups: (() => void)[] = []
  const token = `${surface}|${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`
  const lifecycle: Lifecycle = {
    signal: controller.signal,
    get alive() {
      return !controller.signal.aborted
    },
    onShutdown(cleanup) {
      if (controller.signal.aborted) cleanup()
      else cleanups.push(cleanup)
    },
    shutdown(reason) {
      if (controller.signal.aborted) return
      controller.abort(reason)
      for (const cleanup of cleanups.splice(0)) {
        try {
          cleanup()
        } catch {
          // A failing cleanup must not keep the rest alive.
        }
      }
    },
    checkContext() {
      if (controller.signal.aborted) return true
      if (isRuntimeAlive()) return false
      lifecycle.shutdown("Extension context invalidated")
      return true
    }
  }
  // Detail is a string: strings cross the isolated-world boundary in every browser.
  doc.addEventListener(
    STARTED_EVENT,
    (event) => {
      const detail = (event as CustomEvent).detail
      if (typeof detail !== "string" || detail === token) return
      if (detail.split("|")[0] === surface) lifecycle.shutdown("A newer instance of the overlay started")
    },
    { signal: controller.signal }
  )
  doc.dispatchEvent(new CustomEvent(STARTED_EVENT, { detail: token }))
  return lifecycle
}
