import { z } from "zod"

import type { Capability } from "../../core/lever/capabilities"
import { defineMessage } from "../contract"
import type { ConnectionStatus } from "./connection-status"

export const environmentSchema = z.enum(["production", "eu", "sandbox", "custom"])

/** A custom base URL must be HTTPS; the background checks it again and normalises it. */
export const customBaseSchema = z
  .string()
  .trim()
  .max(500)
  .refine((value) => /^https:\/\//i.test(value), "must start with https://")

export interface ConnectResult {
  status: ConnectionStatus
  capabilities: Capability[]
}

/**
 * Verifies a Lever API key (it is saved only when Lever accepts it) and reports what it may do.
 * The key travels from the options page to the background once and is never sent back.
 */
export const connectApiKey = defineMessage<ConnectResult>()(
  "connect-api-key",
  "page",
  z
    .object({
      environment: environmentSchema,
      customBase: customBaseSchema.optional(),
      apiKey: z.string().trim().min(8, "the key looks too short").max(500)
    })
    .strict()
)
