/** The options page: connect Lever, act as, actions, scoring engine, data. */
import { useCallback, useEffect, useState } from "react"

import { send } from "../messaging/send"
import { getConnectionStatus, type ConnectionStatus } from "../messaging/messages/connection-status"
import { ActingAsSection } from "./acting-as-section"
import { ActionsSection } from "./actions-section"
import { ConnectionSection } from "./connection-section"
import { DataSection } from "./data-section"
import { LlmSection } from "./llm-section"
import { describeError } from "./use-task"

export function OptionsApp() {
  const [status, setStatus] = useState<ConnectionStatus | null>(null)
  const [loadError, setLoadError] = useState("")

  const load = useCallback(async () => {
    try {
      setStatus(await send(getConnectionStatus, {}))
      setLoadError("")
    } catch (error) {
      setLoadError(describeError(error))
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  return (
    <main className="options">
      <h1>Lever Screening settings</h1>
      {loadError ? (
        <p role="alert" className="error">
          {loadError}{" "}
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </p>
      ) : null}
      {status ? (
        <>
          <ConnectionSection status={status} onStatus={setStatus} />
          {status.connected ? <ActingAsSection status={status} onStatus={setStatus} /> : null}
          <ActionsSection connected={status.connected && !status.needsSignIn} />
          <LlmSection llmKeySet={status.llmKeySet} onKeySet={(llmKeySet) => setStatus({ ...status, llmKeySet })} />
          <DataSection onDeleted={() => void load()} />
        </>
      ) : !loadError ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : null}
    </main>
  )
}
