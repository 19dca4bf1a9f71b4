/**
 * The options page with the background mocked at `send` (src/messaging/send.ts): what the user sees,
 * what is sent, that secrets leave the form at once, and that every failure is said plainly.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { beforeEach, describe, expect, it, vi } from "vitest"

// userEvent types character by character: forms with several fields take a few seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

import type { Capability } from "../../../src/core/lever/capabilities"
import { MessageFailure } from "../../../src/messaging/contract"

type Handler = (body: any) => unknown
const background = vi.hoisted(() => ({ handlers: {} as Record<string, Handler>, calls: [] as { name: string; body: any }[] }))
const permission = vi.hoisted(() => ({ grant: true, asked: [] as string[] }))

vi.mock("../../../src/messaging/send", () => ({
  send: vi.fn(async (def: { name: string }, body: unknown) => {
    background.calls.push({ name: def.name, body })
    const handler = background.handlers[def.name]
    if (!handler) throw new MessageFailure({ code: "unknown_message", message: `no mock for ${def.name}` })
    return handler(body)
  })
}))

vi.mock("../../../src/options/permissions", () => ({
  requestHostPermission: vi.fn(async (url: string) => {
    permission.asked.push(url)
    return permission.grant
  }),
  originPattern: (url: string) => `${new URL(url).origin}/*`
}))

import { getDb } from "../../../src/db/schema"
import { OptionsApp } from "../../../src/options/options-app"

const notConnected = { connected: false, llmKeySet: false }
const capabilities = (missing: string[] = []): Capability[] =>
  ["read_postings", "read_applicants", "read_resumes", "read_stages", "read_archive_reasons", "archive", "change_stage", "add_notes"].map((id) => ({
    id: id as Capability["id"],
    label: id.replace(/_/g, " "),
    allowed: !missing.includes(id),
    reason: missing.includes(id) ? "Not granted to this key (needed for Reject)." : "Allowed."
  }))
const connectedStatus = (extra: object = {}) => ({ connected: true, method: "api_key", environment: "production", apiBase: "https://api.lever.co/v1", llmKeySet: false, ...extra })

const usage = { resumeFiles: { count: 3, bytes: 3 * 1024 * 1024 }, resumeTexts: { count: 3 }, applicants: 12, scores: 10, auditEntries: 4, retentionDays: 90 }

function mockBackground(status: object = notConnected) {
  background.calls.length = 0
  background.handlers = {
    "connection-status": () => status,
    "storage-usage": () => usage,
    "lever-options": () => ({
      stages: [{ id: "applicant-new", text: "New applicant" }, { id: "s-hm", text: "HM Review" }],
      archiveReasons: [{ id: "r-under", text: "Under-qualified" }],
      defaults: { postNotes: false }
    })
  }
}

const sent = (name: string) => background.calls.filter((call) => call.name === name)

beforeEach(async () => {
  permission.grant = true
  permission.asked.length = 0
  await getDb().settings.clear()
  mockBackground()
})

describe("connecting with an API key", () => {
  it("sends the key once, clears the field, and shows Connected with the capability list", async () => {
    const user = userEvent.setup()
    background.handlers["connect-api-key"] = () => ({ status: connectedStatus({ capabilitiesCheckedAt: 1 }), capabilities: capabilities(["archive", "change_stage", "add_notes"]) })
    render(<OptionsApp />)
    await screen.findByText("Not connected.")
    const keyField = screen.getByLabelText("Lever API key")
    expect(keyField).toHaveAttribute("type", "password")
    await user.type(keyField, "lever-key-ABCDEFGH12345")
    await user.click(screen.getByRole("button", { name: "Save and verify key" }))

    await screen.findByText(/Connected with an API key to Production/)
    expect(sent("connect-api-key")).toEqual([{ name: "connect-api-key", body: { environment: "production", apiKey: "lever-key-ABCDEFGH12345" } }])
    expect(keyField).toHaveValue("")
    expect(document.body.innerHTML).not.toContain("lever-key-ABCDEFGH12345")
    await screen.findByText(/3 of 8 rights are missing/)

    const list = screen.getByRole("list", { name: "What this connection can do" })
    const items = within(list).getAllByRole("listitem")
    expect(items).toHaveLength(8)
    const archive = items.find((item) => item.getAttribute("data-capability") === "archive")!
    expect(archive).toHaveTextContent("✗")
    expect(archive).toHaveTextContent("not allowed")
    expect(archive).toHaveTextContent("Not granted to this key")
    expect(items[0]).toHaveTextContent("✓")
  })

  it("says plainly when Lever refuses the key, and keeps no trace of it", async () => {
    const user = userEvent.setup()
    background.handlers["connect-api-key"] = () => {
      throw new MessageFailure({ code: "lever_unauthorized", message: "Lever did not accept this API key. Check that it was copied whole." })
    }
    render(<OptionsApp />)
    await user.type(await screen.findByLabelText("Lever API key"), "wrong-key-zzzzzzzz")
    await user.click(screen.getByRole("button", { name: "Save and verify key" }))
    const alert = await screen.findByText(/Lever did not accept this API key/)
    expect(alert).toHaveAttribute("role", "alert")
    expect(screen.getByText("Not connected.")).toBeInTheDocument()
    expect(document.body.innerHTML).not.toContain("wrong-key-zzzzzzzz")
  })

  it("asks for a key before sending anything", async () => {
    const user = userEvent.setup()
    render(<OptionsApp />)
    await user.click(await screen.findByRole("button", { name: "Save and verify key" }))
    expect(await screen.findByText("Paste the Lever API key first.")).toHaveAttribute("role", "alert")
    expect(sent("connect-api-key")).toHaveLength(0)
  })

  it("custom base URL: refuses http://, asks the browser for an https host, and stops if refused", async () => {
    const user = userEvent.setup()
    background.handlers["connect-api-key"] = () => ({ status: connectedStatus({ environment: "custom", apiBase: "https://proxy.example.com/v1" }), capabilities: capabilities() })
    render(<OptionsApp />)
    await user.click(await screen.findByRole("radio", { name: /Custom base URL/ }))
    const base = screen.getByLabelText("Custom API base URL")
    await user.type(base, "http://proxy.example.com/v1")
    await user.type(screen.getByLabelText("Lever API key"), "key-1234567890")
    await user.click(screen.getByRole("button", { name: "Save and verify key" }))
    expect(await screen.findByText(/must start with https:\/\//)).toHaveAttribute("role", "alert")
    expect(permission.asked).toEqual([])
    expect(sent("connect-api-key")).toHaveLength(0)

    permission.grant = false
    await user.clear(base)
    await user.type(base, "https://proxy.example.com/v1")
    await user.type(screen.getByLabelText("Lever API key"), "key-1234567890")
    await user.click(screen.getByRole("button", { name: "Save and verify key" }))
    expect(await screen.findByText(/Access to proxy.example.com was not allowed/)).toBeInTheDocument()
    expect(sent("connect-api-key")).toHaveLength(0)

    permission.grant = true
    await user.type(screen.getByLabelText("Lever API key"), "key-1234567890")
    await user.click(screen.getByRole("button", { name: "Save and verify key" }))
    await screen.findByText(/Connected with an API key to Custom base URL/)
    expect(sent("connect-api-key")[0].body).toEqual({ environment: "custom", customBase: "https://proxy.example.com/v1", apiKey: "key-1234567890" })
  })

  it("shows 'sign in again' when Lever stopped accepting the saved credential", async () => {
    mockBackground(connectedStatus({ method: "oauth", needsSignIn: true, oauthAppSaved: true }))
    render(<OptionsApp />)
    expect(await screen.findByText(/no longer accepts the saved key or sign-in/)).toBeInTheDocument()
    expect(screen.getByRole("button", { name: "Sign in again with Lever" })).toBeInTheDocument()
  })
})

describe("Sign in with Lever (OAuth)", () => {
  it("needs the client id and secret the first time, then sends them once and clears the secret", async () => {
    const user = userEvent.setup()
    background.handlers["connect-oauth"] = () => ({ status: connectedStatus({ method: "oauth", oauthAppSaved: true }), capabilities: capabilities() })
    render(<OptionsApp />)
    await user.click(await screen.findByRole("button", { name: "Sign in with Lever" }))
    expect(await screen.findByText(/client id and client secret first/)).toBeInTheDocument()
    await user.type(screen.getByLabelText("OAuth client id"), "client-123")
    await user.type(screen.getByLabelText("OAuth client secret"), "very-secret-value-xyz")
    await user.click(screen.getByRole("button", { name: "Sign in with Lever" }))
    await screen.findByText(/signed in with Lever \(OAuth\)/)
    expect(sent("connect-oauth")[0].body).toEqual({ environment: "production", clientId: "client-123", clientSecret: "very-secret-value-xyz" })
    expect(screen.getByLabelText("OAuth client secret")).toHaveValue("")
    expect(document.body.innerHTML).not.toContain("very-secret-value-xyz")
  })

  it("reuses a saved OAuth app without asking again", async () => {
    const user = userEvent.setup()
    mockBackground({ ...notConnected, oauthAppSaved: true })
    background.handlers["connect-oauth"] = () => ({ status: connectedStatus({ method: "oauth" }), capabilities: capabilities() })
    render(<OptionsApp />)
    await user.click(await screen.findByRole("button", { name: "Sign in with Lever" }))
    await screen.findByText(/signed in with Lever/)
    expect(sent("connect-oauth")[0].body).toEqual({ environment: "production" })
  })
})

describe("connected: act as, actions, disconnect", () => {
  it("finds a user by e-mail and sets 'act as'", async () => {
    const user = userEvent.setup()
    mockBackground(connectedStatus({ capabilities: capabilities() }))
    background.handlers["find-lever-user"] = () => ({ users: [{ id: "u1", name: "Dana Recruiter", email: "dana@example.com", accessRole: "super admin", deactivated: false }] })
    background.handlers["set-acting-user"] = (body) => ({ actingAs: body.user })
    render(<OptionsApp />)
    await user.type(await screen.findByLabelText("E-mail"), "dana@example.com")
    await user.click(screen.getByRole("button", { name: "Find" }))
    await user.click(await screen.findByRole("button", { name: "Act as Dana Recruiter" }))
    await screen.findByText(/recorded in Lever as Dana Recruiter/)
    expect(sent("set-acting-user")[0].body).toEqual({ user: { id: "u1", name: "Dana Recruiter", email: "dana@example.com" } })
  })

  it("offers Lever's own stages and archive reasons and saves the choice in settings", async () => {
    const user = userEvent.setup()
    mockBackground(connectedStatus())
    render(<OptionsApp />)
    const stage = await screen.findByLabelText("Shortlist moves candidates to stage")
    await waitFor(() => expect(stage).toBeEnabled())
    await user.selectOptions(stage, "s-hm")
    await user.selectOptions(screen.getByLabelText("Default archive reason for Reject"), "r-under")
    await user.type(screen.getByLabelText("Shortlist adds the tag (optional)"), "screened")
    await user.click(screen.getByRole("checkbox", { name: /Post a note/ }))
    await user.click(screen.getByRole("button", { name: "Save action settings" }))
    await screen.findByText("Action settings saved.")
    expect((await getDb().settings.get("actions"))?.value).toEqual({ shortlistStageId: "s-hm", shortlistTag: "screened", defaultArchiveReasonId: "r-under", postNotes: true })
  })

  it("disconnect goes back to 'Not connected'", async () => {
    const user = userEvent.setup()
    mockBackground(connectedStatus({ capabilities: capabilities() }))
    background.handlers.disconnect = () => ({ status: notConnected })
    render(<OptionsApp />)
    await user.click(await screen.findByRole("button", { name: "Disconnect" }))
    await screen.findByText("Not connected.")
    expect(screen.getByText(/Every saved key, token and secret was deleted/)).toHaveAttribute("role", "status")
  })
})

describe("scoring engine", () => {
  it("refuses a non-local http:// base URL, then saves with the key sent once", async () => {
    const user = userEvent.setup()
    background.handlers["save-llm-settings"] = (body) => ({ settings: body, llmKeySet: true })
    render(<OptionsApp />)
    await user.click(await screen.findByRole("radio", { name: /OpenAI-compatible/ }))
    const base = screen.getByLabelText("Base URL")
    await user.clear(base)
    await user.type(base, "http://models.example.com/v1")
    await user.click(screen.getByRole("button", { name: "Save engine settings" }))
    expect(await screen.findByText(/must start with https:\/\//)).toBeInTheDocument()
    expect(sent("save-llm-settings")).toHaveLength(0)

    await user.clear(base)
    await user.type(base, "http://localhost:11434/v1")
    await user.type(screen.getByLabelText("API key"), "sk-local-secret-123456")
    await user.type(screen.getByLabelText("Price per million input tokens (USD)"), "0.15")
    await user.click(screen.getByRole("button", { name: "Save engine settings" }))
    await screen.findByText("Engine settings saved.")
    expect(sent("save-llm-settings")[0].body).toMatchObject({ engine: "llm", baseUrl: "http://localhost:11434/v1", apiKey: "sk-local-secret-123456", priceInPerM: 0.15 })
    expect(screen.getByLabelText("API key")).toHaveValue("")
    expect(screen.getByLabelText("API key")).toHaveAttribute("placeholder", expect.stringMatching(/A key is saved/))
  })

  it("Test reports the model's answer, or its failure", async () => {
    const user = userEvent.setup()
    background.handlers["save-llm-settings"] = (body) => ({ settings: body, llmKeySet: false })
    background.handlers["test-llm"] = () => ({ model: "gpt-4o-mini", latencyMs: 420, inputTokens: 30, outputTokens: 5 })
    render(<OptionsApp />)
    await user.click(await screen.findByRole("radio", { name: /OpenAI-compatible/ }))
    await user.click(screen.getByRole("button", { name: "Test" }))
    expect(await screen.findByText(/The model answered: gpt-4o-mini, 420 ms/)).toBeInTheDocument()
    background.handlers["test-llm"] = () => {
      throw new MessageFailure({ code: "llm_error", message: "The model server did not accept the API key." })
    }
    await user.click(screen.getByRole("button", { name: "Test" }))
    expect(await screen.findByText("The model server did not accept the API key.")).toHaveAttribute("role", "alert")
  })
})

describe("data", () => {
  it("shows storage used and saves the retention period", async () => {
    const user = userEvent.setup()
    background.handlers["set-retention"] = (body) => ({ days: body.days, deletedFiles: 2, deletedTexts: 1 })
    render(<OptionsApp />)
    expect(await screen.findByText("3 (3.0 MB)")).toBeInTheDocument()
    const days = screen.getByLabelText("Delete cached resume files and texts after")
    await user.clear(days)
    await user.type(days, "0")
    // The browser's own validation (min=1) blocks this submit; the page's check backs it up.
    fireEvent.submit(screen.getByRole("form", { name: "Data retention" }))
    expect(await screen.findByText(/from 1 to 3650/)).toBeInTheDocument()
    expect(sent("set-retention")).toHaveLength(0)
    await user.clear(days)
    await user.type(days, "30")
    await user.click(within(screen.getByRole("form", { name: "Data retention" })).getByRole("button", { name: "Save" }))
    expect(await screen.findByText(/kept 30 days. 3 older cached items were deleted now/)).toBeInTheDocument()
    expect(sent("set-retention")[0].body).toEqual({ days: 30 })
  })

  it("delete all data needs DELETE typed, moves focus to the confirmation, then deletes", async () => {
    const user = userEvent.setup()
    background.handlers["delete-all-data"] = () => ({ deleted: true })
    render(<OptionsApp />)
    await user.click(await screen.findByRole("button", { name: "Delete all data…" }))
    const confirm = screen.getByLabelText("Type DELETE to confirm")
    expect(confirm).toHaveFocus()
    const go = screen.getByRole("button", { name: "Delete everything" })
    expect(go).toBeDisabled()
    await user.type(confirm, "delete")
    expect(go).toBeDisabled()
    await user.clear(confirm)
    await user.type(confirm, "DELETE")
    await user.click(go)
    await screen.findByText(/All data was deleted/)
    expect(sent("delete-all-data")[0].body).toEqual({ confirm: "DELETE" })
  })

  it("the diagnostics switch is stored as a setting", async () => {
    const user = userEvent.setup()
    render(<OptionsApp />)
    await user.click(await screen.findByRole("checkbox", { name: /Diagnostics/ }))
    await screen.findByText(/Diagnostics on/)
    expect((await getDb().settings.get("diagnostics"))?.value).toBe(true)
  })
})
