import { z } from "zod"

import { defineMessage } from "../contract"

export interface LeverUserSummary {
  id: string
  name: string
  email: string | null
  accessRole: string | null
  deactivated: boolean
}

/** Finds Lever users by e-mail for "Act as". */
export const findLeverUser = defineMessage<{ users: LeverUserSummary[] }>()(
  "find-lever-user",
  "page",
  z.object({ email: z.string().trim().email("not an e-mail address").max(320) }).strict()
)
