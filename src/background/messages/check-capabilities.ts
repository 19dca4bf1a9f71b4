import { probeCapabilities } from "../../core/lever/capabilities"
import { checkCapabilities } from "../../messaging/messages/check-capabilities"
import { getLeverClient, writeConnection } from "../lever-session"
import { handle } from "../router"

handle(checkCapabilities, async () => {
  const capabilities = await probeCapabilities(await getLeverClient())
  const checkedAt = Date.now()
  await writeConnection((current) => (current ? { ...current, capabilities, capabilitiesCheckedAt: checkedAt } : current))
  return { capabilities, checkedAt }
})
