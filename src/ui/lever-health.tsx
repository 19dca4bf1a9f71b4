/**
 * A banner for Lever's health as the background's runner last saw it (db `settings` row "lever-health"):
 * an outage or a revoked key is said once, in words, on every page, instead of as a pile of failed rows.
 */
import { useLiveQuery } from "dexie-react-hooks"

import { getDb } from "../db/schema"

interface LeverHealthValue {
  state?: "ok" | "unavailable" | "unauthorized" | "not_connected"
  message?: string
  retryAt?: number
}

const DEFAULT_MESSAGES: Record<string, string> = {
  unavailable: "Lever is unavailable right now. Scoring waits and resumes by itself.",
  unauthorized: "Lever refused the key. Reconnect on the options page; scoring is paused until then.",
  not_connected: "The extension is not connected to Lever."
}

export function LeverHealthBanner() {
  const row = useLiveQuery(() => getDb().settings.get("lever-health"), [])
  const health = row?.value as LeverHealthValue | undefined
  if (!health?.state || health.state === "ok") return null
  const retry = health.retryAt && health.retryAt > Date.now() ? ` Next try at ${new Date(health.retryAt).toLocaleTimeString()}.` : ""
  return (
    <p role="status" className="panel warn" data-testid="lever-health">
      {health.message || DEFAULT_MESSAGES[health.state] || "Lever is not answering normally."}
      {retry}
    </p>
  )
}
