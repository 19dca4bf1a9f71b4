import { z } from "zod"

import type { Requirement } from "../../core/requirements/model"
import { defineMessage } from "../contract"

export interface ExtractRequirementsResponse {
  requirements: Requirement[]
  suggestions: Requirement[]
  notes: string[]
  /** Which extractor produced the list: the LLM, or the local one (chosen, or as a fallback). */
  extractor: "llm" | "local"
  usedFallback: boolean
}

/**
 * Extracts a synced posting's requirements with the LLM extractor when the LLM engine is chosen (the
 * key lives in the background, so the popup asks here); any failure falls back to the local extractor
 * and says so in `notes`.
 */
export const extractRequirementsMessage = defineMessage<ExtractRequirementsResponse>()(
  "extract-requirements",
  "page",
  z.object({ postingId: z.string().min(1).max(200) }).strict()
)
