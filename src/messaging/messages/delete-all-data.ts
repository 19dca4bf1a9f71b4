import { z } from "zod"

import { defineMessage } from "../contract"

/** Disconnect and wipe the database. The page must send the literal confirmation word. */
export const deleteAllData = defineMessage<{ deleted: true }>()(
  "delete-all-data",
  "page",
  z.object({ confirm: z.literal("DELETE") }).strict()
)
