/**
 * Lever pipeline lists (`/candidates?…`, also under an open flyover): a score badge on every candidate
 * row, with Reject and Shortlist in its menu. Plain DOM code (no React) to keep the bundle small.
 */
import type { PlasmoCSConfig } from "plasmo"

import { createListOverlay } from "../content-kit/list-overlay"
import { runSurface } from "../content-kit/surface"

// Must equal LEVER_CONTENT_MATCHES in plasmo.config.ts (Plasmo needs the literal; a test checks they agree).
export const config: PlasmoCSConfig = {
  matches: ["https://hire.lever.co/*", "https://hire.eu.lever.co/*", "https://hire.sandbox.lever.co/*"],
  run_at: "document_idle"
}

runSurface("list", (context) => createListOverlay(context))
