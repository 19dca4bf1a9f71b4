/**
 * Sender guards: the first thing every handler does (architecture rule 3).
 * `sender.url` of a content script proves nothing about who runs it, so content-only messages are
 * accepted only from a tab on a Lever web-app host, and page-only messages never from a web page tab.
 */
import { LEVER_CONTENT_MATCHES } from "../../plasmo.config"
import type { Audience } from "./contract"

export interface SenderLike {
  id?: string
  url?: string
  origin?: string
  tab?: { id?: number; url?: string }
  frameId?: number
}

const leverHosts = new Set(LEVER_CONTENT_MATCHES.map((pattern) => new URL(pattern.replace("/*", "/")).host))

export function isLeverWebUrl(url: string | undefined): boolean {
  if (!url) return false
  try {
    const parsed = new URL(url)
    return parsed.protocol === "https:" && leverHosts.has(parsed.host)
  } catch {
    return false
  }
}

function isExtensionUrl(url: string | undefined, ownOrigin: string): boolean {
  return !!url && url.startsWith(ownOrigin)
}

/**
 * @param ownId the extension's runtime id
 * @param ownOrigin e.g. "chrome-extension://<id>/" or "moz-extension://<uuid>/"
 * @returns null when allowed, else a reason for the `forbidden_sender` error
 */
export function checkSender(sender: SenderLike, audience: Audience, ownId: string, ownOrigin: string): string | null {
  if (sender.id !== ownId) return "Message from another extension or a web page."
  const fromTabOnLever = !!sender.tab && isLeverWebUrl(sender.tab.url ?? sender.url)
  const fromExtensionPage = isExtensionUrl(sender.url, ownOrigin) && (!sender.tab || isExtensionUrl(sender.tab.url, ownOrigin))
  switch (audience) {
    case "page":
      return fromExtensionPage ? null : "This request is only accepted from the extension's own pages."
    case "content":
      return fromTabOnLever ? null : "This request is only accepted from the overlay on a Lever page."
    case "any":
      return fromExtensionPage || fromTabOnLever ? null : "Sender is neither an extension page nor the Lever overlay."
  }
}
