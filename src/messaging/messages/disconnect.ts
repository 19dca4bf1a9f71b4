import { z } from "zod"

import { defineMessage } from "../contract"
import type { ConnectionStatus } from "./connection-status"

/** Forgets every secret at once (Lever key or tokens, OAuth app, LLM key). Stored records stay. */
export const disconnect = defineMessage<{ status: ConnectionStatus }>()("disconnect", "page", z.object({}).strict())
