import { getConnectionStatus } from "../../messaging/messages/connection-status"
import { getDb } from "../../db/schema"
import { handle } from "../router"
import { readVault } from "../vault"

handle(getConnectionStatus, async () => {
  const vault = await readVault()
  const connection = (await getDb().settings.get("connection"))?.value as
    | { environment: string; apiBase: string; actingAs?: { id: string; name?: string; email?: string } }
    | undefined
  return {
    connected: !!vault.lever,
    method: vault.lever?.kind,
    environment: vault.lever ? connection?.environment : undefined,
    apiBase: vault.lever ? connection?.apiBase : undefined,
    actingAs: connection?.actingAs,
    llmKeySet: !!vault.llmApiKey
  }
})
