import browser from "webextension-polyfill"

import { probeCapabilities } from "../../core/lever/capabilities"
import { LeverError } from "../../core/lever/errors"
import { MessageFailure } from "../../messaging/contract"
import { connectApiKey } from "../../messaging/messages/connect-api-key"
import { apiBaseFor, buildLeverClient, currentConnectionStatus, oauthEndpointsFor, writeConnection, type EnvironmentChoice } from "../lever-session"
import { handle } from "../router"
import { writeVault, type LeverApiKeySecret, type LeverOAuthSecret } from "../vault"

/** A custom host is reachable only after the user granted it on the options page (optional permission). */
export async function requireHostPermission(apiBase: string): Promise<void> {
  const origin = `${new URL(apiBase).origin}/*`
  const granted = await browser.permissions.contains({ origins: [origin] }).catch(() => false)
  if (!granted) {
    throw new MessageFailure({ code: "bad_request", message: `The extension may not reach ${new URL(apiBase).host} yet: allow it when the browser asks, then connect again.` })
  }
}

/**
 * Probes the credential with calls that change nothing; saves it only when Lever accepted it.
 * Shared by the API-key and OAuth handlers.
 */
export async function verifyAndSave(environment: EnvironmentChoice, apiBase: string, secret: LeverApiKeySecret | LeverOAuthSecret) {
  const client = await buildLeverClient({ apiBase, secret, persistent: false })
  let capabilities
  try {
    capabilities = await probeCapabilities(client)
  } catch (error) {
    if (error instanceof LeverError && error.kind === "unauthorized") {
      throw new MessageFailure({
        code: "lever_unauthorized",
        message:
          secret.kind === "api_key"
            ? "Lever did not accept this API key. Check that it was copied whole, that it belongs to this environment, and that it has not been revoked."
            : "Lever did not accept the sign-in. Try signing in again."
      })
    }
    throw error
  }
  const now = Date.now()
  await writeVault((vault) => ({ ...vault, lever: secret }))
  await writeConnection((current) => ({
    environment,
    apiBase,
    // Lever user ids belong to one account: keep "Act as" only when the account's address is unchanged.
    actingAs: current?.apiBase === apiBase ? current.actingAs : undefined,
    oauth: environment === "custom" ? oauthEndpointsFor(environment) : undefined,
    connectedAt: now,
    needsSignIn: false,
    capabilities,
    capabilitiesCheckedAt: now
  }))
  return { status: await currentConnectionStatus(), capabilities }
}

handle(connectApiKey, async ({ environment, customBase, apiKey }) => {
  const apiBase = apiBaseFor(environment, customBase)
  if (environment === "custom") await requireHostPermission(apiBase)
  return verifyAndSave(environment, apiBase, { kind: "api_key", apiKey })
})
