/**
 * Connect Lever: environment, a write-only API key (verified by the background before it is saved),
 * "Sign in with Lever" (OAuth) for organisations with their own Lever app, the capability list, and
 * Disconnect. Secrets leave this page once, to the background, and are cleared from the form at once.
 */
import { useId, useState, type FormEvent } from "react"

import { LEVER_ENVIRONMENTS } from "../../plasmo.config"
import { send } from "../messaging/send"
import { checkCapabilities } from "../messaging/messages/check-capabilities"
import { connectApiKey, type ConnectResult } from "../messaging/messages/connect-api-key"
import { connectOAuth } from "../messaging/messages/connect-oauth"
import type { ConnectionStatus } from "../messaging/messages/connection-status"
import { disconnect } from "../messaging/messages/disconnect"
import { CapabilityList } from "./capability-list"
import { requestHostPermission } from "./permissions"
import { TaskStatus, useTask } from "./use-task"

type EnvironmentChoice = "production" | "eu" | "sandbox" | "custom"

const ENVIRONMENT_CHOICES: { id: EnvironmentChoice; label: string; hint: string }[] = [
  { id: "production", label: LEVER_ENVIRONMENTS.production.label, hint: LEVER_ENVIRONMENTS.production.apiBase },
  { id: "eu", label: LEVER_ENVIRONMENTS.eu.label, hint: LEVER_ENVIRONMENTS.eu.apiBase },
  { id: "sandbox", label: LEVER_ENVIRONMENTS.sandbox.label, hint: LEVER_ENVIRONMENTS.sandbox.apiBase },
  { id: "custom", label: "Custom base URL", hint: "a proxy or simulator, HTTPS only" }
]

/** Checks a custom address before anything is asked of the browser or the background. */
export function customBaseProblem(value: string): string | null {
  const trimmed = value.trim()
  if (!trimmed) return "Enter the custom Lever API address, e.g. https://lever-proxy.example.com/v1."
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return "The custom address is not a valid URL, e.g. https://lever-proxy.example.com/v1."
  }
  if (url.protocol !== "https:") return "The custom address must start with https:// — Lever credentials are never sent unencrypted."
  return null
}

function describeConnection(status: ConnectionStatus): string {
  if (!status.connected) return "Not connected."
  const how = status.method === "oauth" ? "signed in with Lever (OAuth)" : "with an API key"
  const where = ENVIRONMENT_CHOICES.find((choice) => choice.id === status.environment)?.label ?? status.environment
  return `Connected ${how} to ${where}${status.apiBase ? ` (${status.apiBase})` : ""}.`
}

export function ConnectionSection({ status, onStatus }: { status: ConnectionStatus; onStatus: (status: ConnectionStatus) => void }) {
  const ids = { heading: useId(), key: useId(), keyHint: useId(), custom: useId(), customHint: useId(), clientId: useId(), secret: useId() }
  const [environment, setEnvironment] = useState<EnvironmentChoice>((status.environment as EnvironmentChoice) ?? "production")
  const [customBase, setCustomBase] = useState(status.environment === "custom" ? (status.apiBase ?? "") : "")
  const [apiKey, setApiKey] = useState("")
  const [clientId, setClientId] = useState("")
  const [clientSecret, setClientSecret] = useState("")
  const [capabilityCheck, setCapabilityCheck] = useState<{ capabilities: ConnectResult["capabilities"]; checkedAt?: number } | null>(null)
  const task = useTask()

  const capabilities = capabilityCheck?.capabilities ?? status.capabilities
  const checkedAt = capabilityCheck?.checkedAt ?? status.capabilitiesCheckedAt

  /** Custom hosts need the browser's permission first; asked from this click (a user gesture). */
  async function prepareEnvironment(): Promise<{ environment: EnvironmentChoice; customBase?: string }> {
    if (environment !== "custom") return { environment }
    const problem = customBaseProblem(customBase)
    if (problem) throw new Error(problem)
    const granted = await requestHostPermission(customBase.trim())
    if (!granted) throw new Error(`Access to ${new URL(customBase.trim()).host} was not allowed, so the extension cannot reach it.`)
    return { environment, customBase: customBase.trim() }
  }

  function connected(result: ConnectResult): string {
    onStatus(result.status)
    setCapabilityCheck({ capabilities: result.capabilities, checkedAt: result.status.capabilitiesCheckedAt })
    const missing = result.capabilities.filter((c) => c.allowed === false).length
    return missing ? `Connected. ${missing} of ${result.capabilities.length} rights are missing: see the list below.` : "Connected. The key can do everything the extension needs."
  }

  const onConnectKey = (event: FormEvent) => {
    event.preventDefault()
    // The key leaves the form at once, whatever happens next: it is never kept in the page.
    const key = apiKey.trim()
    setApiKey("")
    void task.run(async () => {
      if (!key) throw new Error("Paste the Lever API key first.")
      const target = await prepareEnvironment()
      return connected(await send(connectApiKey, { ...target, apiKey: key }))
    })
  }

  const onSignIn = () => {
    const id = clientId.trim()
    const secret = clientSecret.trim()
    setClientSecret("")
    void task.run(async () => {
      if (!status.oauthAppSaved && (!id || !secret)) throw new Error("Enter your Lever OAuth app's client id and client secret first.")
      if ((id && !secret) || (!id && secret)) throw new Error("Enter both the OAuth client id and the client secret.")
      const target = await prepareEnvironment()
      const result = await send(connectOAuth, { ...target, ...(id && secret ? { clientId: id, clientSecret: secret } : {}) })
      setClientId("")
      return connected(result)
    })
  }

  const onRecheck = () => {
    void task.run(async () => {
      const result = await send(checkCapabilities, {})
      setCapabilityCheck(result)
      return "Checked again."
    })
  }

  const onDisconnect = () => {
    void task.run(async () => {
      const result = await send(disconnect, {})
      setCapabilityCheck(null)
      onStatus(result.status)
      return "Disconnected. Every saved key, token and secret was deleted."
    })
  }

  return (
    <section aria-labelledby={ids.heading} className="panel">
      <h2 id={ids.heading}>Lever connection</h2>
      <p className={status.needsSignIn ? "error" : status.connected ? "ok" : "muted"} data-testid="connection-state">
        {status.needsSignIn ? "Lever no longer accepts the saved key or sign-in (revoked or expired). Sign in again or enter a new key." : describeConnection(status)}
      </p>
      {status.actingAs ? <p className="muted">Actions are attributed to {status.actingAs.name || status.actingAs.email || status.actingAs.id}.</p> : null}

      <fieldset>
        <legend>Environment</legend>
        {ENVIRONMENT_CHOICES.map((choice) => (
          <label key={choice.id} className="choice">
            <input type="radio" name="environment" value={choice.id} checked={environment === choice.id} onChange={() => setEnvironment(choice.id)} />{" "}
            {choice.label} <span className="muted">— {choice.hint}</span>
          </label>
        ))}
        {environment === "custom" ? (
          <div className="field">
            <label htmlFor={ids.custom}>Custom API base URL</label>
            <input
              id={ids.custom}
              type="url"
              inputMode="url"
              placeholder="https://lever-proxy.example.com/v1"
              value={customBase}
              onChange={(event) => setCustomBase(event.target.value)}
              aria-describedby={ids.customHint}
              spellCheck={false}
            />
            <p id={ids.customHint} className="muted">
              HTTPS only. The browser will ask you to allow the extension to reach this host.
            </p>
          </div>
        ) : null}
      </fieldset>

      <form onSubmit={onConnectKey} className="stack" aria-label="Connect with an API key">
        <h3>API key</h3>
        <div className="field">
          <label htmlFor={ids.key}>Lever API key</label>
          <input
            id={ids.key}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={apiKey}
            onChange={(event) => setApiKey(event.target.value)}
            aria-describedby={ids.keyHint}
            placeholder={status.connected && status.method === "api_key" ? "A key is saved — paste a new one to replace it" : ""}
          />
          <p id={ids.keyHint} className="muted">
            Made by a Lever Super Admin under Settings → Integrations and API → API Credentials. Write-only: it is stored encrypted in this browser and never shown again.
          </p>
        </div>
        <div>
          <button type="submit" className="primary" disabled={task.busy}>
            Save and verify key
          </button>
        </div>
      </form>

      <div className="stack oauth">
        <h3>Sign in with Lever (OAuth)</h3>
        <p className="muted">For organisations with their own Lever OAuth app. Enter its client id and secret once; they are kept encrypted for later sign-ins.</p>
        <div className="field">
          <label htmlFor={ids.clientId}>OAuth client id</label>
          <input id={ids.clientId} type="text" autoComplete="off" spellCheck={false} value={clientId} onChange={(event) => setClientId(event.target.value)} placeholder={status.oauthAppSaved ? "Saved — leave empty to reuse" : ""} />
        </div>
        <div className="field">
          <label htmlFor={ids.secret}>OAuth client secret</label>
          <input id={ids.secret} type="password" autoComplete="off" spellCheck={false} value={clientSecret} onChange={(event) => setClientSecret(event.target.value)} placeholder={status.oauthAppSaved ? "Saved — leave empty to reuse" : ""} />
        </div>
        <div>
          <button type="button" onClick={onSignIn} disabled={task.busy}>
            {status.needsSignIn && status.method === "oauth" ? "Sign in again with Lever" : "Sign in with Lever"}
          </button>
        </div>
      </div>

      <TaskStatus task={task} />

      {status.connected && capabilities?.length ? <CapabilityList capabilities={capabilities} checkedAt={checkedAt} /> : null}

      {status.connected ? (
        <div className="row">
          <button type="button" onClick={onRecheck} disabled={task.busy}>
            Check again
          </button>
          <button type="button" className="danger" onClick={onDisconnect} disabled={task.busy}>
            Disconnect
          </button>
          <span className="muted">Disconnect forgets every key, token and secret at once.</span>
        </div>
      ) : null}
    </section>
  )
}
