/**
 * The browser action's badge: how far the running analyses are ("42%"), "!" when Lever is down or a
 * spending cap stopped one, nothing when idle. Calling an extension API here also tells Chrome the
 * worker is busy, which keeps a long run from being cut at the 30-second idle limit.
 */
import browser from "webextension-polyfill"

import type { ScreeningDb } from "../db/schema"
import { HEALTH_SETTING, type LeverHealth } from "./runner/runner"

export interface BadgeView {
  text: string
  color: string
  title: string
}

/** What the badge should say, from the database alone (pure apart from the reads). */
export async function badgeView(db: ScreeningDb): Promise<BadgeView> {
  const health = (await db.settings.get(HEALTH_SETTING))?.value as LeverHealth | undefined
  const analyses = await db.analyses.toArray()
  const running = analyses.filter((a) => a.status === "running")
  const capped = analyses.filter((a) => a.status === "spending_cap_reached")
  if (running.length && health && health.state !== "ok") {
    return { text: "!", color: "#b45309", title: health.message ?? "Lever is not answering; waiting to retry." }
  }
  if (running.length) {
    let total = 0
    let finished = 0
    for (const analysis of running) {
      const p = analysis.progress
      if (!p) continue
      total += p.total
      finished += p.scored + p.failed
    }
    const percent = total ? Math.floor((finished / total) * 100) : 0
    return { text: `${percent}%`, color: "#2563eb", title: `Scoring applicants: ${finished} of ${total} done` }
  }
  if (capped.length) return { text: "$", color: "#b91c1c", title: "An analysis stopped at its spending cap." }
  return { text: "", color: "#2563eb", title: "Lever Screening" }
}

let last = ""
let pending: Promise<void> | null = null
let again = false

/** Redraws the badge (coalesced: at most one redraw in flight, then one more with the latest state). Never throws. */
export function refreshBadge(db: ScreeningDb): void {
  if (pending) {
    again = true
    return
  }
  pending = (async () => {
    try {
      const view = await badgeView(db)
      const key = `${view.text}|${view.color}|${view.title}`
      const action = (browser as any).action ?? (browser as any).browserAction
      if (!action) return
      if (key !== last) {
        await action.setBadgeText({ text: view.text })
        await action.setBadgeBackgroundColor({ color: view.color })
        await action.setTitle({ title: view.title })
        last = key
      } else {
        // Still an extension API call: keeps the Chrome worker alive while work is going on.
        await action.getBadgeText({})
      }
    } catch {
      // The badge is decoration: a failure here must never touch the run.
    } finally {
      pending = null
      if (again) {
        again = false
        refreshBadge(db)
      }
    }
  })()
}
