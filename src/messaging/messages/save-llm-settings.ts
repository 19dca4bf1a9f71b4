import { z } from "zod"

import { defineMessage } from "../contract"

/** db `settings` row `llm`. The key itself is in the vault, never here. */
export interface LlmSettings {
  engine: "local" | "llm"
  baseUrl?: string
  model?: string
  priceInPerM?: number
  priceOutPerM?: number
  blindMode: boolean
}

const price = z.number().min(0).max(10_000).optional()

/**
 * Saves the engine settings. `apiKey` is write-only: a non-empty value replaces the stored key,
 * `clearApiKey` removes it, absence keeps it.
 */
export const saveLlmSettings = defineMessage<{ settings: LlmSettings; llmKeySet: boolean }>()(
  "save-llm-settings",
  "page",
  z
    .object({
      engine: z.enum(["local", "llm"]),
      baseUrl: z
        .string()
        .trim()
        .max(500)
        .refine((value) => /^https?:\/\//i.test(value), "must start with https:// (or http:// for a server on this computer)")
        .optional(),
      model: z.string().trim().min(1).max(200).optional(),
      priceInPerM: price,
      priceOutPerM: price,
      blindMode: z.boolean(),
      apiKey: z.string().trim().min(1).max(500).optional(),
      clearApiKey: z.boolean().optional()
    })
    .strict()
)
