import { disconnect } from "../../messaging/messages/disconnect"
import { currentConnectionStatus, forgetSession, writeConnection } from "../lever-session"
import { handle } from "../router"
import { wipeVault } from "../vault"

handle(disconnect, async () => {
  // The vault (and its encryption key) goes in one step: Lever key or tokens, OAuth app, LLM key.
  await wipeVault()
  forgetSession()
  await writeConnection(() => undefined)
  return { status: await currentConnectionStatus() }
})
