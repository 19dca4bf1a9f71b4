/**
 * The background's one way to talk to Lever: `getLeverClient()` reads the credential from the vault
 * and the connection settings from the database, and returns a LeverClient that shares one rate
 * limiter per credential. OAuth access tokens are refreshed shortly before they expire (and once after
 * a 401); the rotated refresh token is stored. A revoked or expired grant (or a revoked API key) marks
 * the connection "sign in again" so that every later call fails fast instead of looping on 401s.
 */
import { LEVER_ENVIRONMENTS, type LeverEnvironmentId } from "../../plasmo.config"
import type { Capability } from "../core/lever/capabilities"
import { LeverClient } from "../core/lever/client"
import { OAuthError, needsRefresh, refreshAccessToken, type OAuthEndpoints } from "../core/lever/oauth"
import { getLimiter } from "../core/lever/rate-limiter"
import { getDb } from "../db/schema"
import { MessageFailure } from "../messaging/contract"
import type { ConnectionStatus } from "../messaging/messages/connection-status"
import { readVault, writeVault, type LeverApiKeySecret, type LeverOAuthSecret } from "./vault"

export type EnvironmentChoice = LeverEnvironmentId | "custom"

/** db `settings` row `connection`. Never holds a secret. */
export interface ConnectionSettings {
  environment: EnvironmentChoice
  apiBase: string
  actingAs?: { id: string; name?: string; email?: string }
  /** OAuth endpoints in force (custom environments carry their own). */
  oauth?: OAuthEndpoints
  /** Set when Lever rejected the credential (revoked key, expired grant): the user must reconnect. */
  needsSignIn?: boolean
  connectedAt?: number
  /** What the credential may do, as last probed. */
  capabilities?: Capability[]
  capabilitiesCheckedAt?: number
}

export const CONNECTION_KEY = "connection"

export async function readConnection(): Promise<ConnectionSettings | undefined> {
  const row = await getDb().settings.get(CONNECTION_KEY)
  return row?.value as ConnectionSettings | undefined
}

export async function writeConnection(update: (current: ConnectionSettings | undefined) => ConnectionSettings | undefined): Promise<void> {
  const db = getDb()
  await db.transaction("rw", db.settings, async () => {
    const next = update((await db.settings.get(CONNECTION_KEY))?.value as ConnectionSettings | undefined)
    if (next) await db.settings.put({ key: CONNECTION_KEY, value: next })
    else await db.settings.delete(CONNECTION_KEY)
  })
}

/**
 * The OAuth endpoints of an environment. A custom base URL is a proxy (or simulator) in front of
 * Lever's production API, so it signs in with Lever's production authorization server.
 */
export function oauthEndpointsFor(environment: EnvironmentChoice): OAuthEndpoints {
  const env = LEVER_ENVIRONMENTS[environment === "custom" ? "production" : environment]
  return { authorizeUrl: env.authorizeUrl, tokenUrl: env.tokenUrl, audience: env.audience }
}

export function apiBaseFor(environment: EnvironmentChoice, customBase?: string): string {
  if (environment === "custom") {
    if (!customBase) throw new MessageFailure({ code: "bad_request", message: "Enter the custom Lever API address." })
    return normaliseCustomBase(customBase)
  }
  return LEVER_ENVIRONMENTS[environment].apiBase
}

/** A custom base URL must be a plain HTTPS URL (no credentials, query or fragment). */
export function normaliseCustomBase(input: string): string {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    throw new MessageFailure({ code: "bad_request", message: "The custom address is not a valid URL (e.g. https://lever-proxy.example.com/v1)." })
  }
  if (url.protocol !== "https:") throw new MessageFailure({ code: "bad_request", message: "The custom address must start with https:// — Lever credentials are never sent unencrypted." })
  if (url.username || url.password) throw new MessageFailure({ code: "bad_request", message: "The custom address must not contain a user name or password." })
  if (url.search || url.hash) throw new MessageFailure({ code: "bad_request", message: "The custom address must not contain a query (?…) or fragment (#…)." })
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`
}

export function notConnected(): MessageFailure {
  return new MessageFailure({ code: "not_connected", message: "Lever is not connected yet: open the extension's options and connect." })
}

export function signInAgain(): MessageFailure {
  return new MessageFailure({
    code: "lever_unauthorized",
    message: "Lever no longer accepts the saved sign-in or key (it expired or was revoked). Open the extension's options and connect again.",
    details: { signInAgain: true }
  })
}

async function digest(text: string): Promise<string> {
  const hash = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))
  return Array.from(new Uint8Array(hash).slice(0, 12), (b) => b.toString(16).padStart(2, "0")).join("")
}

/** The limiter registry key: a digest of the credential, never the credential itself. */
export async function credentialKey(secret: LeverApiKeySecret | LeverOAuthSecret, apiBase: string): Promise<string> {
  return `${apiBase}|${secret.kind}|${await digest(secret.kind === "api_key" ? secret.apiKey : secret.clientId)}`
}

export function basicAuth(apiKey: string): string {
  return `Basic ${btoa(`${apiKey}:`)}`
}

async function markNeedsSignIn(): Promise<void> {
  await writeConnection((current) => (current ? { ...current, needsSignIn: true } : current))
}

let refreshing: Promise<string> | null = null

/** Drops in-memory session state (an OAuth refresh in flight) on disconnect. */
export function forgetSession(): void {
  refreshing = null
}

/** A valid OAuth access token, refreshed (single-flight) when near expiry or when `force`d after a 401. */
async function oauthAccessToken(force: boolean): Promise<string> {
  const secret = (await readVault()).lever
  if (!secret || secret.kind !== "oauth") throw notConnected()
  if (!force && !needsRefresh(secret.expiresAt, Date.now())) return secret.accessToken
  refreshing ??= refreshOAuth(secret).finally(() => {
    refreshing = null
  })
  return refreshing
}

async function refreshOAuth(secret: LeverOAuthSecret): Promise<string> {
  const connection = await readConnection()
  if (!connection) throw notConnected()
  if (!secret.refreshToken) {
    await markNeedsSignIn()
    throw signInAgain()
  }
  const endpoints = connection.oauth ?? oauthEndpointsFor(connection.environment)
  try {
    const tokens = await refreshAccessToken(fetch, { endpoints, clientId: secret.clientId, clientSecret: secret.clientSecret, refreshToken: secret.refreshToken })
    await writeVault((vault) =>
      vault.lever?.kind === "oauth"
        ? { ...vault, lever: { ...vault.lever, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? vault.lever.refreshToken, expiresAt: tokens.expiresAt } }
        : vault
    )
    return tokens.accessToken
  } catch (error) {
    if (error instanceof OAuthError && (error.kind === "invalid_grant" || error.kind === "invalid_client")) {
      await markNeedsSignIn()
      throw signInAgain()
    }
    if (error instanceof OAuthError) throw new MessageFailure({ code: error.kind === "network" ? "network" : "lever_unavailable", message: error.userMessage })
    throw error
  }
}

/**
 * A client for a credential that may not be saved yet (the options page verifies a key before
 * storing it). `persistent` clients mark the saved connection "sign in again" on a 401.
 */
export async function buildLeverClient(options: {
  apiBase: string
  secret: LeverApiKeySecret | LeverOAuthSecret
  performAs?: string
  persistent: boolean
}): Promise<LeverClient> {
  const { apiBase, secret, performAs, persistent } = options
  // Verifying a credential the user just entered should answer within seconds, not wait out long backoffs.
  const retry = persistent ? undefined : { maxAttempts: 3, maxDelayMs: 2_000 }
  const limiter = getLimiter(await credentialKey(secret, apiBase))
  if (secret.kind === "api_key") {
    const header = basicAuth(secret.apiKey)
    return new LeverClient({
      apiBase,
      fetch,
      limiter,
      performAs,
      retry,
      // A saved connection re-reads the vault per request, so Disconnect stops work already under way.
      auth: persistent
        ? async () => {
            const saved = (await readVault()).lever
            if (saved?.kind !== "api_key") throw notConnected()
            return basicAuth(saved.apiKey)
          }
        : async () => header,
      onUnauthorized: persistent
        ? async () => {
            await markNeedsSignIn()
            return false
          }
        : undefined
    })
  }
  if (!persistent) {
    return new LeverClient({ apiBase, fetch, limiter, performAs, retry, auth: async () => `Bearer ${secret.accessToken}` })
  }
  return new LeverClient({
    apiBase,
    fetch,
    limiter,
    performAs,
    auth: async () => `Bearer ${await oauthAccessToken(false)}`,
    onUnauthorized: async () => {
      try {
        await oauthAccessToken(true)
        return true
      } catch {
        return false
      }
    }
  })
}

/** For all background code (runner, actions). Throws `not_connected` when there is no connection. */
export async function getLeverClient(): Promise<LeverClient> {
  const [vault, connection] = await Promise.all([readVault(), readConnection()])
  if (!vault.lever || !connection) throw notConnected()
  if (connection.needsSignIn) throw signInAgain()
  return buildLeverClient({ apiBase: connection.apiBase, secret: vault.lever, performAs: connection.actingAs?.id, persistent: true })
}

/** What pages may know about the connection: never a secret. */
export async function currentConnectionStatus(): Promise<ConnectionStatus> {
  const [vault, connection] = await Promise.all([readVault(), readConnection()])
  const connected = !!vault.lever && !!connection
  return {
    connected,
    method: connected ? vault.lever?.kind : undefined,
    environment: connected ? connection?.environment : undefined,
    apiBase: connected ? connection?.apiBase : undefined,
    actingAs: connection?.actingAs,
    llmKeySet: !!vault.llmApiKey,
    needsSignIn: connected ? connection?.needsSignIn === true : undefined,
    capabilities: connected ? connection?.capabilities : undefined,
    capabilitiesCheckedAt: connected ? connection?.capabilitiesCheckedAt : undefined,
    oauthAppSaved: !!vault.oauthApp
  }
}
