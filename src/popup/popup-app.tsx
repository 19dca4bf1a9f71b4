/** The popup: connection check, then posting → requirements → confirm. Sized for ~400×600, keyboard-usable. */
import { useEffect, useState } from "react"
import browser from "webextension-polyfill"

import type { AnalysisRow, PostingRow } from "../db/schema"
import { getConnectionStatus, type ConnectionStatus } from "../messaging/messages/connection-status"
import { send } from "../messaging/send"
import { describeFailure } from "../ui/errors"
import { LeverHealthBanner } from "../ui/lever-health"
import { AnalysisSetup } from "./analysis-setup"
import { PostingPicker } from "./posting-picker"

export function openDashboard(analysisId: string): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL("tabs/dashboard.html")}?analysis=${encodeURIComponent(analysisId)}` })
}

export function PopupApp() {
  const [status, setStatus] = useState<{ state: "loading" } | { state: "ready"; connection: ConnectionStatus } | { state: "error"; message: string }>({ state: "loading" })
  const [picked, setPicked] = useState<{ posting: PostingRow; analysis?: AnalysisRow } | null>(null)

  const check = () => {
    setStatus({ state: "loading" })
    send(getConnectionStatus, {})
      .then((connection) => setStatus({ state: "ready", connection }))
      .catch((error) => setStatus({ state: "error", message: describeFailure(error) }))
  }
  useEffect(check, [])

  return (
    <main className="popup">
      <h1>Lever Screening</h1>
      {status.state === "loading" && <p className="muted" role="status">Checking the Lever connection…</p>}
      {status.state === "error" && (
        <div role="alert" className="error">
          <p>{status.message}</p>
          <button type="button" onClick={check}>Try again</button>
        </div>
      )}
      {status.state === "ready" && !status.connection.connected && (
        <div className="empty stack">
          <p>Not connected to Lever yet.</p>
          <p>Connect a Lever API key or sign in on the options page, then come back here to set up an analysis.</p>
          <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>Open options to connect</button>
        </div>
      )}
      {status.state === "ready" && status.connection.connected && <LeverHealthBanner />}
      {status.state === "ready" && status.connection.connected && !picked && (
        <PostingPicker onPick={(posting, analysis) => setPicked({ posting, analysis })} onOpenDashboard={openDashboard} />
      )}
      {status.state === "ready" && status.connection.connected && picked && (
        <AnalysisSetup posting={picked.posting} analysis={picked.analysis} onBack={() => setPicked(null)} onOpenDashboard={openDashboard} />
      )}
    </main>
  )
}
