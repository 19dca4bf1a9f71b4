import { z } from "zod"

import { defineMessage } from "../contract"

/** Sets how long cached resume files and texts are kept, and applies it at once. */
export const setRetention = defineMessage<{ days: number; deletedFiles: number; deletedTexts: number }>()(
  "set-retention",
  "page",
  z.object({ days: z.number().int().min(1).max(3650) }).strict()
)
