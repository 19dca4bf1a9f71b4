/**
 * The options page in real Chromium against the Lever simulator (api.lever.co and auth.lever.co are
 * mapped to it): connect with the full key and see every right, see the read-only key's missing
 * rights, reject a wrong key and a non-HTTPS custom URL with clear errors, sign in with Lever (OAuth)
 * through the consent page, and disconnect — with no secret ever on the page or in its console.
 */
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { startExtensionEnv, type ExtensionEnv } from "./harness"

let env: ExtensionEnv
let page: Page
const secretsSeen: string[] = []

beforeAll(async () => {
  env = await startExtensionEnv()
  page = await env.openPage("options.html")
  await page.getByText("Not connected.").waitFor({ timeout: 20_000 })
}, 180_000)

afterAll(async () => {
  await env?.close()
})

async function capabilityStates(): Promise<Record<string, string>> {
  const items = page.locator("[data-capability]")
  await items.first().waitFor()
  const entries = await items.evaluateAll((nodes) => nodes.map((node) => [node.getAttribute("data-capability"), node.getAttribute("data-allowed")]))
  return Object.fromEntries(entries)
}

async function connectWithKey(key: string): Promise<void> {
  secretsSeen.push(key)
  await page.getByLabel("Lever API key").fill(key)
  await page.getByRole("button", { name: "Save and verify key" }).click()
}

/** Nothing secret in the page's DOM, its input values, or any console message. */
async function expectNoSecretsOnPage(): Promise<void> {
  const html = await page.content()
  const values = await page.locator("input").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value).join("\n"))
  for (const secret of secretsSeen) {
    expect(html).not.toContain(secret)
    expect(values).not.toContain(secret)
    expect(env.consoleErrors.join("\n")).not.toContain(secret)
  }
}

describe("options page: connect Lever", () => {
  it("connects with the full key and lists every right as ✓", async () => {
    await connectWithKey(env.sim.keys.full)
    await expect.poll(() => page.getByTestId("connection-state").innerText(), { timeout: 30_000 }).toMatch(/Connected with an API key to Production/)
    await page.getByText("The key can do everything the extension needs.").waitFor()
    const states = await capabilityStates()
    expect(states).toEqual({
      read_postings: "true", read_applicants: "true", read_resumes: "true", read_stages: "true",
      read_archive_reasons: "true", archive: "true", change_stage: "true", add_notes: "true"
    })
    // The probes changed nothing in Lever.
    const sim = env.sim.state()
    expect(Object.values(sim.opportunities).some((o) => o.notes.length > 0 || o.actions.length > 0)).toBe(false)
    await expectNoSecretsOnPage()
  })

  it("shows what the read-only key cannot do", async () => {
    await connectWithKey(env.sim.keys.readOnly)
    await page.getByText(/3 of 8 rights are missing/).waitFor({ timeout: 30_000 })
    const states = await capabilityStates()
    expect(states.read_postings).toBe("true")
    expect(states.read_resumes).toBe("true")
    expect(states.archive).toBe("false")
    expect(states.change_stage).toBe("false")
    expect(states.add_notes).toBe("false")
    await expect.poll(() => page.locator('[data-capability="archive"]').innerText()).toMatch(/Not granted to this key/)
    await expectNoSecretsOnPage()
  })

  it("says plainly when the key is wrong, and keeps the previous connection", async () => {
    await connectWithKey("this-is-not-a-lever-key-000")
    await expect.poll(() => page.getByRole("alert").filter({ hasText: /./ }).first().innerText(), { timeout: 30_000 }).toMatch(/Lever did not accept this API key/)
    await expect.poll(() => page.getByTestId("connection-state").innerText()).toMatch(/Connected with an API key/)
  })

  it("refuses a custom base URL that is not HTTPS before sending anything", async () => {
    await page.getByRole("radio", { name: /Custom base URL/ }).check()
    await page.getByLabel("Custom API base URL").fill("http://lever-proxy.example.com/v1")
    await connectWithKey("any-key-at-all-1234")
    await expect.poll(() => page.getByRole("alert").filter({ hasText: /./ }).first().innerText()).toMatch(/must start with https:\/\//)
    await page.getByRole("radio", { name: /Production/ }).check()
  })

  it("signs in with Lever (OAuth) through the consent page", async () => {
    secretsSeen.push(env.sim.oauthApp.clientSecret)
    await page.getByLabel("OAuth client id").fill(env.sim.oauthApp.clientId)
    await page.getByLabel("OAuth client secret").fill(env.sim.oauthApp.clientSecret)
    await page.getByRole("button", { name: /Sign in with Lever/ }).click()
    // identity.launchWebAuthFlow opens Lever's consent page in its own window.
    let consentPage: Page | undefined
    await expect
      .poll(() => (consentPage = env.context.pages().find((p) => p.url().startsWith("https://auth.lever.co/authorize"))), { timeout: 30_000 })
      .toBeTruthy()
    const authorizeUrl = new URL(consentPage!.url())
    expect(authorizeUrl.searchParams.get("state")).toMatch(/^[0-9a-f]{48}$/)
    expect(authorizeUrl.searchParams.get("redirect_uri")).toBe(`https://${env.extensionId}.chromiumapp.org/lever`)
    expect(authorizeUrl.searchParams.get("scope")).toContain("offline_access")
    expect(consentPage!.url()).not.toContain(env.sim.oauthApp.clientSecret)
    await consentPage!.locator("#allow").click()
    await expect.poll(() => page.getByTestId("connection-state").innerText(), { timeout: 30_000 }).toMatch(/signed in with Lever \(OAuth\)/)
    const states = await capabilityStates()
    expect(Object.values(states).every((allowed) => allowed === "true")).toBe(true)
    await expectNoSecretsOnPage()
  })

  it("disconnects and forgets every secret", async () => {
    await page.getByRole("button", { name: "Disconnect" }).click()
    await expect.poll(() => page.getByTestId("connection-state").innerText(), { timeout: 15_000 }).toBe("Not connected.")
    const status = await page.evaluate(() => chrome.runtime.sendMessage({ type: "connection-status", body: {} }))
    expect(status.ok).toBe(true)
    expect(status.data).toMatchObject({ connected: false, llmKeySet: false, oauthAppSaved: false })
    // The vault database holds nothing but (at most) an empty store once disconnected.
    const vaultRows = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open("lever-screening-vault")
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            if (!db.objectStoreNames.contains("items")) return resolve(0)
            const count = db.transaction("items").objectStore("items").count()
            count.onsuccess = () => resolve(count.result)
          }
        })
    )
    expect(vaultRows).toBe(0)
    await expectNoSecretsOnPage()
  })
})
