/**
 * Run-time host permissions: a custom Lever base URL (or an LLM endpoint) is reachable only after the
 * user grants its origin. Must be called from a click handler (a user gesture), with no `await` before
 * it: Firefox refuses `permissions.request` once the handler has yielded. Chrome answers true at once,
 * without a prompt, for an origin that is already granted.
 */
import browser from "webextension-polyfill"

/** The match pattern for a URL's origin, e.g. "https://proxy.example.com/*". */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`
}

export function requestHostPermission(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] })
}
