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
  /** Lever rejected the saved key or sign-in (revoked/expired): the user must connect again. */
  needsSignIn?: boolean
  /** What the credential may do, as last checked (read-only probes). */
  capabilities?: import("../../core/lever/capabilities").Capability[]
  capabilitiesCheckedAt?: number
  /** An OAuth app's client id and secret are saved (so "Sign in with Lever" needs no re-entry). */
  oauthAppSaved?: boolean
}

export const getConnectionStatus = defineMessage<ConnectionStatus>()("connection-status", "page", z.object({}).strict())

