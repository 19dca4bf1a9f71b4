import { z } from "zod"

import type { Capability } from "../../core/lever/capabilities"
import { defineMessage } from "../contract"

/** Re-checks what the saved credential may do (calls that change nothing). */
export const checkCapabilities = defineMessage<{ capabilities: Capability[]; checkedAt: number }>()("check-capabilities", "page", z.object({}).strict())
