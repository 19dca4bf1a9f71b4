import { MessageFailure } from "../../messaging/contract"
import { setActingUser } from "../../messaging/messages/set-acting-user"
import { readConnection, writeConnection } from "../lever-session"
import { handle } from "../router"

handle(setActingUser, async ({ user }) => {
  if (!(await readConnection())) throw new MessageFailure({ code: "not_connected", message: "Connect Lever before choosing who actions are attributed to." })
  await writeConnection((current) => (current ? { ...current, actingAs: user ?? undefined } : current))
  return { actingAs: user }
})
