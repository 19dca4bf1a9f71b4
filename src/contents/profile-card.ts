/**
 * Lever candidate profiles (`/candidates/<id>`, full page or flyover with next/previous): the score
 * card with every requirement's verdict and evidence, flags, the dashboard link, Reject and Shortlist.
 */
import type { PlasmoCSConfig } from "plasmo"

import { createProfileCard } from "../content-kit/profile-card"
import { runSurface } from "../content-kit/surface"

// Must equal LEVER_CONTENT_MATCHES in plasmo.config.ts (Plasmo needs the literal; a test checks they agree).
export const config: PlasmoCSConfig = {
  matches: ["https://hire.lever.co/*", "https://hire.eu.lever.co/*", "https://hire.sandbox.lever.co/*"],
  run_at: "document_idle"
}

runSurface("profile", (context) => createProfileCard(context))
