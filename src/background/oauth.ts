/**
 * "Sign in with Lever": the browser half of the OAuth authorization-code flow. A fresh random `state`
 * goes out with the request and must come back unchanged (else nothing is saved); the code is
 * exchanged for tokens here in the background, with the client secret that never leaves it.
 */
import browser from "webextension-polyfill"

import { buildAuthorizeUrl, exchangeAuthorizationCode, OAuthError, readAuthorizationRedirect, type OAuthEndpoints } from "../core/lever/oauth"
import { MessageFailure } from "../messaging/contract"
import type { LeverOAuthSecret } from "./vault"

function randomState(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, "0")).join("")
}

export function toMessageFailure(error: OAuthError): MessageFailure {
  const code = error.kind === "network" ? "network" : error.kind === "server" ? "lever_unavailable" : "lever_unauthorized"
  return new MessageFailure({ code, message: error.userMessage, details: { oauth: error.kind } })
}

export async function signInWithLever(options: { endpoints: OAuthEndpoints; clientId: string; clientSecret: string }): Promise<LeverOAuthSecret> {
  const { endpoints, clientId, clientSecret } = options
  const redirectUri = browser.identity.getRedirectURL("lever")
  const state = randomState()
  const url = buildAuthorizeUrl({ endpoints, clientId, redirectUri, state })
  let finalUrl: string
  try {
    finalUrl = await browser.identity.launchWebAuthFlow({ url, interactive: true })
  } catch (error) {
    // Closed window, denied consent, or an authorize page that never redirected back.
    const detail = String((error as Error)?.message ?? "").slice(0, 120)
    throw new MessageFailure({ code: "lever_unauthorized", message: `Lever sign-in was not completed${detail ? ` (${detail})` : ""}.`, details: { oauth: "denied" } })
  }
  try {
    const code = readAuthorizationRedirect(finalUrl, state)
    const tokens = await exchangeAuthorizationCode(fetch, { endpoints, clientId, clientSecret, code, redirectUri })
    return { kind: "oauth", clientId, clientSecret, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt }
  } catch (error) {
    if (error instanceof OAuthError) throw toMessageFailure(error)
    throw error
  }
}
