/**
 * Lever OAuth 2.0 (authorization-code flow), the pure part: URLs, the code exchange, refresh and the
 * redirect check. The browser part (identity.launchWebAuthFlow, the vault) is src/background/oauth.ts.
 * Lever documents no PKCE, so the exchange needs the client secret; refresh tokens rotate on every use.
 */

export interface OAuthEndpoints {
  authorizeUrl: string
  tokenUrl: string
  /** The API audience, e.g. "https://api.lever.co/v1/". */
  audience: string
}

/** What the extension needs: read everything it scores, write archive/stage/tags/notes, find users. */
export const LEVER_OAUTH_SCOPES = [
  "offline_access",
  "postings:read:admin",
  "opportunities:read:admin",
  "opportunities:write:admin",
  "resumes:read:admin",
  "files:read:admin",
  "stages:read:admin",
  "archive_reasons:read:admin",
  "notes:write:admin",
  "tags:read:admin",
  "users:read:admin"
] as const

export interface OAuthTokens {
  accessToken: string
  /** Rotated on every refresh: always store the newest. */
  refreshToken?: string
  /** ms since epoch */
  expiresAt: number
  scope?: string
}

export type OAuthErrorKind = "state_mismatch" | "denied" | "invalid_grant" | "invalid_client" | "network" | "server" | "invalid_response"

export class OAuthError extends Error {
  readonly kind: OAuthErrorKind
  readonly userMessage: string
  constructor(kind: OAuthErrorKind, detail?: string) {
    const userMessage = describeOAuthError(kind, detail)
    super(userMessage)
    this.name = "OAuthError"
    this.kind = kind
    this.userMessage = userMessage
  }
}

function describeOAuthError(kind: OAuthErrorKind, detail?: string): string {
  switch (kind) {
    case "state_mismatch":
      return "The Lever sign-in answer did not match the request we sent (possible tampering). Nothing was saved; try again."
    case "denied":
      return `Lever sign-in was not completed${detail ? ` (${detail})` : ""}.`
    case "invalid_grant":
      return "The Lever sign-in has expired or was revoked. Sign in with Lever again."
    case "invalid_client":
      return "Lever did not accept the OAuth client id or secret. Check them in Lever's developer settings."
    case "network":
      return "Could not reach Lever's sign-in server. Check the internet connection."
    case "server":
      return "Lever's sign-in server had a problem. Try again later."
    case "invalid_response":
      return "Lever's sign-in server answered with something unexpected."
  }
}

export function buildAuthorizeUrl(options: { endpoints: OAuthEndpoints; clientId: string; redirectUri: string; state: string; scopes?: readonly string[] }): string {
  const url = new URL(options.endpoints.authorizeUrl)
  url.searchParams.set("client_id", options.clientId)
  url.searchParams.set("redirect_uri", options.redirectUri)
  url.searchParams.set("response_type", "code")
  url.searchParams.set("state", options.state)
  url.searchParams.set("audience", options.endpoints.audience)
  url.searchParams.set("scope", (options.scopes ?? LEVER_OAUTH_SCOPES).join(" "))
  url.searchParams.set("prompt", "consent")
  return url.toString()
}

/** Checks `state` and extracts the code from the URL the flow ended on. */
export function readAuthorizationRedirect(redirectUrl: string, expectedState: string): string {
  let url: URL
  try {
    url = new URL(redirectUrl)
  } catch {
    throw new OAuthError("invalid_response")
  }
  // Some servers answer in the fragment; read both.
  const params = new URLSearchParams(url.search)
  if (url.hash.length > 1) for (const [key, value] of new URLSearchParams(url.hash.slice(1))) if (!params.has(key)) params.set(key, value)
  if (params.get("state") !== expectedState) throw new OAuthError("state_mismatch")
  const error = params.get("error")
  if (error) throw new OAuthError("denied", (params.get("error_description") ?? error).slice(0, 120))
  const code = params.get("code")
  if (!code) throw new OAuthError("invalid_response")
  return code
}

async function tokenRequest(fetchImpl: typeof fetch, tokenUrl: string, form: Record<string, string>, now: () => number): Promise<OAuthTokens> {
  let response: Response
  try {
    response = await fetchImpl.call(globalThis, tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams(form).toString(),
      credentials: "omit",
      cache: "no-store"
    })
  } catch {
    throw new OAuthError("network")
  }
  let body: Record<string, unknown> = {}
  try {
    body = (await response.json()) as Record<string, unknown>
  } catch {
    if (response.ok) throw new OAuthError("invalid_response")
  }
  if (!response.ok) {
    const code = typeof body.error === "string" ? body.error : ""
    if (code === "invalid_grant" || code === "unauthorized_client" || (response.status === 403 && !code)) throw new OAuthError("invalid_grant")
    if (code === "invalid_client" || response.status === 401) throw new OAuthError("invalid_client")
    if (response.status >= 500) throw new OAuthError("server")
    throw new OAuthError("invalid_grant")
  }
  const accessToken = body.access_token
  if (typeof accessToken !== "string" || !accessToken) throw new OAuthError("invalid_response")
  const expiresIn = typeof body.expires_in === "number" ? body.expires_in : Number(body.expires_in) || 3600
  return {
    accessToken,
    refreshToken: typeof body.refresh_token === "string" && body.refresh_token ? body.refresh_token : undefined,
    expiresAt: now() + expiresIn * 1000,
    scope: typeof body.scope === "string" ? body.scope : undefined
  }
}

export function exchangeAuthorizationCode(
  fetchImpl: typeof fetch,
  options: { endpoints: OAuthEndpoints; clientId: string; clientSecret: string; code: string; redirectUri: string },
  now: () => number = Date.now
): Promise<OAuthTokens> {
  return tokenRequest(
    fetchImpl,
    options.endpoints.tokenUrl,
    { grant_type: "authorization_code", client_id: options.clientId, client_secret: options.clientSecret, code: options.code, redirect_uri: options.redirectUri },
    now
  )
}

export function refreshAccessToken(
  fetchImpl: typeof fetch,
  options: { endpoints: OAuthEndpoints; clientId: string; clientSecret: string; refreshToken: string },
  now: () => number = Date.now
): Promise<OAuthTokens> {
  return tokenRequest(
    fetchImpl,
    options.endpoints.tokenUrl,
    { grant_type: "refresh_token", client_id: options.clientId, client_secret: options.clientSecret, refresh_token: options.refreshToken },
    now
  )
}

/** Refresh this long before expiry, so a request never leaves with a token about to die. */
export const REFRESH_MARGIN_MS = 5 * 60_000

export function needsRefresh(expiresAt: number, now: number): boolean {
  return expiresAt - now <= REFRESH_MARGIN_MS
}
