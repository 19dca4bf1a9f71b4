/**
 * Lever's OAuth 2.0 (Auth0) as api.md describes it: GET /authorize shows a consent page whose "Allow"
 * redirects to redirect_uri with `code` and `state`; POST /oauth/token (form-encoded) exchanges a code
 * (client secret required, no PKCE) or a refresh token. Refresh tokens rotate: each use returns a new
 * one and invalidates the old. Access tokens last one hour by default.
 */
import { randomBytes } from "node:crypto"

import { ALL_RIGHTS, rightsFromScopes, type Right } from "./api"

export interface OAuthApp {
  clientId: string
  clientSecret: string
}

export interface AccessToken {
  token: string
  clientId: string
  scopes: string[]
  rights: Set<Right>
  expiresAt: number
}

interface PendingCode {
  clientId: string
  redirectUri: string
  scopes: string[]
  expiresAt: number
}

interface RefreshGrant {
  clientId: string
  scopes: string[]
}

export interface OAuthResponse {
  status: number
  headers: Record<string, string>
  body: string
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")

const json = (status: number, body: unknown): OAuthResponse => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  body: JSON.stringify(body)
})
const oauthError = (status: number, error: string, description: string): OAuthResponse =>
  json(status, { error, error_description: description })

export const DEFAULT_SCOPES = [
  "offline_access",
  ...ALL_RIGHTS.map((r) => `${r}:admin`),
  "confidential:access:admin"
]

export class OAuthServer {
  private codes = new Map<string, PendingCode>()
  private refreshTokens = new Map<string, RefreshGrant>()
  private accessTokens = new Map<string, AccessToken>()
  /** Every access token ever issued, even expired, so tests can see rotation happened. */
  issued = 0

  constructor(
    readonly app: OAuthApp,
    private readonly accessTokenTtlMs: number,
    private readonly now: () => number = Date.now
  ) {}

  reset(): void {
    this.codes.clear()
    this.refreshTokens.clear()
    this.accessTokens.clear()
  }

  /** The access token, or why it is refused. */
  lookup(token: string): AccessToken | "expired" | "unknown" {
    const found = this.accessTokens.get(token)
    if (!found) return "unknown"
    if (found.expiresAt <= this.now()) return "expired"
    return found
  }

  authorize(url: URL): OAuthResponse {
    const q = url.searchParams
    const clientId = q.get("client_id")
    const redirectUri = q.get("redirect_uri")
    const state = q.get("state")
    if (clientId !== this.app.clientId) return htmlPage(400, "Unknown client", "<p>The client_id is not a registered application.</p>")
    if (!redirectUri || !/^https:\/\//.test(redirectUri)) return htmlPage(400, "Invalid redirect_uri", "<p>redirect_uri must be an https URL.</p>")
    if (q.get("response_type") !== "code") return redirect(redirectUri, { error: "unsupported_response_type", state })
    const audience = q.get("audience")
    if (audience !== null && !/^https:\/\/api\.(sandbox\.|eu\.)?lever\.co\/v1\/?$/.test(audience)) {
      return redirect(redirectUri, { error: "invalid_request", error_description: "Unknown audience", state })
    }
    const scopes = (q.get("scope") ?? "").split(/\s+/).filter(Boolean)
    if (q.get("decision") === "allow" || q.get("decision") === "deny") {
      if (q.get("decision") === "deny") return redirect(redirectUri, { error: "access_denied", state })
      const code = randomBytes(18).toString("base64url")
      this.codes.set(code, { clientId, redirectUri, scopes, expiresAt: this.now() + 10 * 60_000 })
      return redirect(redirectUri, { code, state })
    }
    const allow = new URL(url.toString())
    allow.searchParams.set("decision", "allow")
    const deny = new URL(url.toString())
    deny.searchParams.set("decision", "deny")
    const scopeList = scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join("")
    return htmlPage(
      200,
      "Authorize Lever Screening",
      `<h1>Lever Screening wants to access your Lever account</h1>
<p>Signed in as <strong>demoeng@some-company.com</strong>. The application asks for:</p>
<ul>${scopeList || "<li>(no scopes)</li>"}</ul>
<p><a id="allow" class="button" data-qa="allow" href="${escapeHtml(allow.pathname + allow.search)}">Allow</a>
 <a id="deny" href="${escapeHtml(deny.pathname + deny.search)}">Deny</a></p>`
    )
  }

  token(contentType: string, body: string): OAuthResponse {
    if (!contentType.includes("application/x-www-form-urlencoded") && !contentType.includes("application/json")) {
      return oauthError(400, "invalid_request", "Send the token request form-encoded")
    }
    const form = contentType.includes("application/json")
      ? new URLSearchParams(Object.entries(safeJson(body)).map(([k, v]) => [k, String(v)]))
      : new URLSearchParams(body)
    if (form.get("client_id") !== this.app.clientId) return oauthError(401, "invalid_client", "Unknown client")
    const grant = form.get("grant_type")
    if (grant === "authorization_code") {
      if (form.get("client_secret") !== this.app.clientSecret) return oauthError(401, "invalid_client", "Client authentication failed")
      const code = form.get("code") ?? ""
      const pending = this.codes.get(code)
      this.codes.delete(code) // codes are single use, even when the exchange fails
      if (!pending || pending.expiresAt <= this.now()) return oauthError(403, "invalid_grant", "Invalid authorization code")
      if (form.get("redirect_uri") !== pending.redirectUri) return oauthError(403, "invalid_grant", "redirect_uri does not match")
      return json(200, this.issue(pending.clientId, pending.scopes))
    }
    if (grant === "refresh_token") {
      // Auth0 accepts a refresh without the secret only for public clients; Lever apps are confidential.
      if (form.get("client_secret") !== this.app.clientSecret) return oauthError(401, "invalid_client", "Client authentication failed")
      const refresh = form.get("refresh_token") ?? ""
      const grantInfo = this.refreshTokens.get(refresh)
      if (!grantInfo) return oauthError(403, "invalid_grant", "Unknown or invalid refresh token")
      this.refreshTokens.delete(refresh) // rotation: the old refresh token is now invalid
      return json(200, this.issue(grantInfo.clientId, grantInfo.scopes, true))
    }
    return oauthError(400, "unsupported_grant_type", `Unsupported grant_type: ${grant ?? "(missing)"}`)
  }

  private issue(clientId: string, scopes: string[], forceRefresh = false): Record<string, unknown> {
    const token = randomBytes(24).toString("base64url")
    this.issued++
    this.accessTokens.set(token, {
      token,
      clientId,
      scopes,
      rights: new Set(rightsFromScopes(scopes)),
      expiresAt: this.now() + this.accessTokenTtlMs
    })
    const result: Record<string, unknown> = {
      access_token: token,
      token_type: "Bearer",
      expires_in: Math.round(this.accessTokenTtlMs / 1000),
      scope: scopes.join(" ")
    }
    if (scopes.includes("offline_access") || forceRefresh) {
      const refresh = randomBytes(30).toString("base64url")
      this.refreshTokens.set(refresh, { clientId, scopes })
      result.refresh_token = refresh
    }
    return result
  }
}

function safeJson(body: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(body) as unknown
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function redirect(redirectUri: string, params: Record<string, string | null>): OAuthResponse {
  const target = new URL(redirectUri)
  for (const [k, v] of Object.entries(params)) if (v !== null) target.searchParams.set(k, v)
  return { status: 302, headers: { location: target.toString(), "cache-control": "no-store" }, body: "" }
}

function htmlPage(status: number, title: string, body: string): OAuthResponse {
  return {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      "cache-control": "no-store"
    },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px system-ui;margin:3em auto;max-width:36em}.button{background:#3c6df0;color:#fff;padding:.5em 1.4em;border-radius:4px;text-decoration:none}</style>
</head><body>${body}</body></html>`
  }
}
