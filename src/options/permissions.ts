/**
 * Run-time host permissions: a custom Lever base URL (or an LLM endpoint) is reachable only after the
 * user grants its origin. Must be called from a click handler (a user gesture).
 */
import browser from "webextension-polyfill"

/** The match pattern for a URL's origin, e.g. "https://proxy.example.com/*". */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`
}

export async function requestHostPermission(url: string): Promise<boolean> {
  const origins = [originPattern(url)]
  if (await browser.permissions.contains({ origins }).catch(() => false)) return true
  return browser.permissions.request({ origins })
}
