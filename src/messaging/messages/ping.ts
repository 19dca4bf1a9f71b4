import { z } from "zod"

import { defineMessage } from "../contract"

/** Health check: answers with the background's version and who asked (page or content). */
export const ping = defineMessage<{ version: string; audience: "page" | "content" }>()("ping", "any", z.object({}).strict())
