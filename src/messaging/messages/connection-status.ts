import { z } from "zod"

import { defineMessage } from "../contract"

/** What pages may know about the Lever connection: never a secret, only "connected, as whom, where". */
export interface ConnectionStatus {
  connected: boolean
  method?: "api_key" | "oauth"
  environment?: string
  apiBase?: string
  /** e.g. the Lever user chosen in "Act as", for display. */
  actingAs?: { id: string; name?: string; email?: string }
  llmKeySet: boolean
}

export const getConnectionStatus = defineMessage<ConnectionStatus>()("connection-status", "page", z.object({}).strict())

