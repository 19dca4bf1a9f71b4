import { z } from "zod"

import { defineMessage } from "../contract"

export interface ActingUser {
  id: string
  name?: string
  email?: string
}

/** Sets (or clears with null) the Lever user that archive, stage, tag and note actions are attributed to. */
export const setActingUser = defineMessage<{ actingAs: ActingUser | null }>()(
  "set-acting-user",
  "page",
  z
    .object({
      user: z
        .object({
          id: z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, "not a Lever user id"),
          name: z.string().max(200).optional(),
          email: z.string().max(320).optional()
        })
        .strict()
        .nullable()
    })
    .strict()
)
