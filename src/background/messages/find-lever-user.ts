import { findLeverUser } from "../../messaging/messages/find-lever-user"
import { getLeverClient } from "../lever-session"
import { handle } from "../router"

handle(findLeverUser, async ({ email }) => {
  const client = await getLeverClient()
  const users = []
  for await (const user of client.users({ email })) {
    users.push({ id: user.id, name: user.name, email: user.email, accessRole: user.accessRole, deactivated: user.deactivatedAt !== null })
    if (users.length >= 20) break
  }
  return { users }
})
