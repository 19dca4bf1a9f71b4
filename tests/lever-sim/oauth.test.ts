/** OAuth flows of the simulator: consent page → code → tokens, refresh rotation, expiry. */
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { simRequest } from "./http-client"
import { startSimulator, type Simulator } from "./server"

let sim: Simulator
const REDIRECT = "https://abcdefghijklmnop.chromiumapp.org/lever"

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 5, applicantsPerPosting: 3, accessTokenTtlMs: 400, rate: 1000, burst: 1000 })
})
afterAll(async () => {
  await sim.close()
})

const tokenRequest = (host: string, form: Record<string, string>) =>
  simRequest(sim, {
    method: "POST",
    path: "/oauth/token",
    host,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString()
  })

async function authorize(host: string, scope: string, state: string): Promise<string> {
  const query = new URLSearchParams({
    client_id: sim.oauthApp.clientId,
    redirect_uri: REDIRECT,
    response_type: "code",
    state,
    audience: host === "auth.lever.co" ? "https://api.lever.co/v1/" : "https://api.sandbox.lever.co/v1/",
    scope
  })
  const consent = await simRequest(sim, { path: `/authorize?${query}`, host })
  expect(consent.status).toBe(200)
  expect(consent.headers["content-type"]).toContain("text/html")
  const href = /<a id="allow"[^>]*href="([^"]+)"/.exec(consent.text())?.[1]
  expect(href).toBeTruthy()
  const allowed = await simRequest(sim, { path: href!.replace(/&amp;/g, "&"), host })
  expect(allowed.status).toBe(302)
  const location = new URL(String(allowed.headers.location))
  expect(location.origin + location.pathname).toBe(REDIRECT)
  expect(location.searchParams.get("state")).toBe(state)
  return location.searchParams.get("code")!
}

describe("OAuth", () => {
  it("exchanges a code (client secret required, single use) for tokens that work on the API", async () => {
    const code = await authorize("auth.lever.co", "offline_access postings:read:admin opportunities:read:admin", "xyz-1")
    const noSecret = await tokenRequest("auth.lever.co", { grant_type: "authorization_code", client_id: sim.oauthApp.clientId, code, redirect_uri: REDIRECT })
    expect(noSecret.status).toBe(401)
    const code2 = await authorize("auth.lever.co", "offline_access postings:read:admin opportunities:read:admin", "xyz-2")
    const exchange = await tokenRequest("auth.lever.co", {
      grant_type: "authorization_code", client_id: sim.oauthApp.clientId, client_secret: sim.oauthApp.clientSecret, code: code2, redirect_uri: REDIRECT
    })
    expect(exchange.status).toBe(200)
    const tokens = exchange.json()
    expect(tokens).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), token_type: "Bearer", expires_in: 0 })
    const reuse = await tokenRequest("auth.lever.co", {
      grant_type: "authorization_code", client_id: sim.oauthApp.clientId, client_secret: sim.oauthApp.clientSecret, code: code2, redirect_uri: REDIRECT
    })
    expect(reuse.status).toBe(403)
    expect(reuse.json().error).toBe("invalid_grant")

    const postings = await simRequest(sim, { path: "/v1/postings", host: "api.lever.co", bearer: tokens.access_token })
    expect(postings.status).toBe(200)
    // Scopes limit rights: no resumes:read scope was granted.
    const resumes = await simRequest(sim, { path: `/v1/opportunities/${sim.edgeCases.longPdf}/resumes`, bearer: tokens.access_token })
    expect(resumes.status).toBe(403)
    expect(sim.state().requests.byCredential[`oauth:${sim.oauthApp.clientId}`]).toBe(2)
  })

  it("rotates refresh tokens: the old one stops working; access tokens expire", async () => {
    const code = await authorize("sandbox-lever.auth0.com", "offline_access opportunities:read:admin", "s")
    const first = (await tokenRequest("sandbox-lever.auth0.com", {
      grant_type: "authorization_code", client_id: sim.oauthApp.clientId, client_secret: sim.oauthApp.clientSecret, code, redirect_uri: REDIRECT
    })).json()
    const refreshed = await tokenRequest("sandbox-lever.auth0.com", {
      grant_type: "refresh_token", client_id: sim.oauthApp.clientId, client_secret: sim.oauthApp.clientSecret, refresh_token: first.refresh_token
    })
    expect(refreshed.status).toBe(200)
    const second = refreshed.json()
    expect(second.refresh_token).not.toBe(first.refresh_token)
    expect(second.access_token).not.toBe(first.access_token)
    const replay = await tokenRequest("sandbox-lever.auth0.com", {
      grant_type: "refresh_token", client_id: sim.oauthApp.clientId, client_secret: sim.oauthApp.clientSecret, refresh_token: first.refresh_token
    })
    expect(replay.status).toBe(403)
    expect(replay.json().error).toBe("invalid_grant")

    expect((await simRequest(sim, { path: "/v1/opportunities?limit=1", bearer: second.access_token })).status).toBe(200)
    await new Promise((r) => setTimeout(r, 450))
    const expired = await simRequest(sim, { path: "/v1/opportunities?limit=1", bearer: second.access_token })
    expect(expired.status).toBe(401)
    expect(expired.json()).toEqual({ code: "UnauthorizedError", message: "Access token expired" })
  })

  it("refuses unknown clients, bad redirect URIs, denial and unsupported grants", async () => {
    const bad = await simRequest(sim, { path: `/authorize?client_id=nope&redirect_uri=${encodeURIComponent(REDIRECT)}&response_type=code`, host: "auth.lever.co" })
    expect(bad.status).toBe(400)
    const insecure = await simRequest(sim, { path: `/authorize?client_id=${sim.oauthApp.clientId}&redirect_uri=http%3A%2F%2Fevil.example&response_type=code`, host: "auth.lever.co" })
    expect(insecure.status).toBe(400)
    const denied = await simRequest(sim, { path: `/authorize?client_id=${sim.oauthApp.clientId}&redirect_uri=${encodeURIComponent(REDIRECT)}&response_type=code&state=q&decision=deny`, host: "auth.lever.co" })
    expect(new URL(String(denied.headers.location)).searchParams.get("error")).toBe("access_denied")
    const grant = await tokenRequest("auth.lever.co", { grant_type: "password", client_id: sim.oauthApp.clientId })
    expect(grant.json().error).toBe("unsupported_grant_type")
  })

  it("escapes what it echoes on the consent page", async () => {
    const query = new URLSearchParams({ client_id: sim.oauthApp.clientId, redirect_uri: REDIRECT, response_type: "code", state: "s", scope: "<img src=x onerror=alert(1)>" })
    const page = await simRequest(sim, { path: `/authorize?${query}`, host: "auth.lever.co" })
    expect(page.text()).not.toContain("<img src=x")
    expect(page.text()).toContain("<li>&lt;img</li>")
  })
})
