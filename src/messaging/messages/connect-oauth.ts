import { z } from "zod"

import { defineMessage } from "../contract"
import { customBaseSchema, environmentSchema, type ConnectResult } from "./connect-api-key"

/**
 * "Sign in with Lever": the organisation's OAuth app credentials (entered once, kept in the vault; omit
 * them to reuse the saved ones), then the authorization-code flow in a browser window.
 */
export const connectOAuth = defineMessage<ConnectResult>()(
  "connect-oauth",
  "page",
  z
    .object({
      environment: environmentSchema,
      customBase: customBaseSchema.optional(),
      clientId: z.string().trim().min(1).max(300).optional(),
      clientSecret: z.string().trim().min(1).max(500).optional()
    })
    .strict()
)
