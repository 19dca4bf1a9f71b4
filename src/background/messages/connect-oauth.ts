import { MessageFailure } from "../../messaging/contract"
import { connectOAuth } from "../../messaging/messages/connect-oauth"
import { apiBaseFor, oauthEndpointsFor } from "../lever-session"
import { signInWithLever } from "../oauth"
import { handle } from "../router"
import { readVault, writeVault } from "../vault"
import { requireHostPermission, verifyAndSave } from "./connect-api-key"

handle(connectOAuth, async ({ environment, customBase, clientId, clientSecret }) => {
  const apiBase = apiBaseFor(environment, customBase)
  if (environment === "custom") await requireHostPermission(apiBase)
  if ((clientId && !clientSecret) || (!clientId && clientSecret)) {
    throw new MessageFailure({ code: "bad_request", message: "Enter both the OAuth client id and the client secret." })
  }
  const app = clientId && clientSecret ? { clientId, clientSecret } : (await readVault()).oauthApp
  if (!app) throw new MessageFailure({ code: "bad_request", message: "Enter your Lever OAuth app's client id and secret first." })
  // The app's credentials are kept (vault) so a later "Sign in again" needs no re-entry.
  await writeVault((vault) => ({ ...vault, oauthApp: app }))
  const secret = await signInWithLever({ endpoints: oauthEndpointsFor(environment), ...app })
  return verifyAndSave(environment, apiBase, secret)
})
