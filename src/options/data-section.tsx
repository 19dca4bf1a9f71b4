/** Retention, storage used, diagnostics, and "Delete all data" (with a typed confirmation). */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react"

import { send } from "../messaging/send"
import { deleteAllData } from "../messaging/messages/delete-all-data"
import { setRetention } from "../messaging/messages/set-retention"
import { storageUsage, type StorageUsage } from "../messaging/messages/storage-usage"
import { DIAGNOSTICS_KEY, readDiagnostics, writeSetting } from "./settings-store"
import { TaskStatus, describeError, useTask } from "./use-task"

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ["KB", "MB", "GB", "TB"]
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

export function DataSection({ onDeleted }: { onDeleted: () => void }) {
  const ids = { heading: useId(), days: useId(), confirm: useId(), confirmHint: useId() }
  const [usage, setUsage] = useState<StorageUsage | null>(null)
  const [usageError, setUsageError] = useState("")
  const [days, setDays] = useState("90")
  const [diagnostics, setDiagnostics] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [confirmText, setConfirmText] = useState("")
  const confirmInput = useRef<HTMLInputElement>(null)
  const task = useTask()

  const refresh = useCallback(async () => {
    try {
      const result = await send(storageUsage, {})
      setUsage(result)
      setDays(String(result.retentionDays))
      setUsageError("")
    } catch (error) {
      setUsageError(describeError(error))
    }
  }, [])

  useEffect(() => {
    void refresh()
    void readDiagnostics().then(setDiagnostics)
  }, [refresh])

  useEffect(() => {
    if (confirming) confirmInput.current?.focus()
  }, [confirming])

  const onRetention = (event: FormEvent) => {
    event.preventDefault()
    void task.run(async () => {
      const value = Number(days)
      if (!Number.isInteger(value) || value < 1 || value > 3650) throw new Error("Keep cached resumes for a whole number of days, from 1 to 3650.")
      const result = await send(setRetention, { days: value })
      await refresh()
      const removed = result.deletedFiles + result.deletedTexts
      return `Cached resumes are kept ${result.days} days.${removed ? ` ${removed} older cached item${removed > 1 ? "s were" : " was"} deleted now.` : ""}`
    })
  }

  const onDiagnostics = (checked: boolean) => {
    void task.run(async () => {
      await writeSetting(DIAGNOSTICS_KEY, checked)
      setDiagnostics(checked)
      return checked ? "Diagnostics on: the overlay shows what it found on each Lever page." : "Diagnostics off."
    })
  }

  const onDelete = (event: FormEvent) => {
    event.preventDefault()
    void task.run(async () => {
      if (confirmText.trim() !== "DELETE") throw new Error("Type DELETE (in capital letters) to confirm.")
      await send(deleteAllData, { confirm: "DELETE" })
      setConfirming(false)
      setConfirmText("")
      setDiagnostics(false)
      await refresh()
      onDeleted()
      return "All data was deleted: every secret, analysis, score, cached resume and the audit log."
    })
  }

  return (
    <section aria-labelledby={ids.heading} className="panel">
      <h2 id={ids.heading}>Data</h2>
      {usage ? (
        <dl className="usage" aria-label="Storage used">
          <dt>Cached resume files</dt>
          <dd>
            {usage.resumeFiles.count} ({formatBytes(usage.resumeFiles.bytes)})
          </dd>
          <dt>Parsed resume texts</dt>
          <dd>{usage.resumeTexts.count}</dd>
          <dt>Applicants</dt>
          <dd>{usage.applicants}</dd>
          <dt>Scores</dt>
          <dd>{usage.scores}</dd>
          <dt>Audit log entries</dt>
          <dd>{usage.auditEntries}</dd>
          {usage.estimate ? (
            <>
              <dt>Total stored by the extension</dt>
              <dd>{formatBytes(usage.estimate.usage)}</dd>
            </>
          ) : null}
        </dl>
      ) : usageError ? (
        <p className="error">Could not measure storage: {usageError}</p>
      ) : (
        <p className="muted">Measuring storage…</p>
      )}

      <form onSubmit={onRetention} className="row" aria-label="Data retention">
        <label htmlFor={ids.days}>Delete cached resume files and texts after</label>
        <input id={ids.days} type="number" min={1} max={3650} step={1} value={days} onChange={(event) => setDays(event.target.value)} className="narrow" />
        <span>days</span>
        <button type="submit" disabled={task.busy}>
          Save
        </button>
      </form>
      <p className="muted">Scores and the audit log are kept until you delete them.</p>

      <label className="choice">
        <input type="checkbox" checked={diagnostics} onChange={(event) => onDiagnostics(event.target.checked)} /> Diagnostics: show the overlay's findings on Lever pages
      </label>

      <div className="danger-zone">
        {!confirming ? (
          <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={task.busy}>
            Delete all data…
          </button>
        ) : (
          <form onSubmit={onDelete} className="stack" aria-label="Confirm deleting all data">
            <p id={ids.confirmHint}>
              This disconnects Lever, forgets every key and secret, and deletes every analysis, score, cached resume and the audit log from this browser. Nothing in Lever itself is changed. It cannot be
              undone.
            </p>
            <label htmlFor={ids.confirm}>Type DELETE to confirm</label>
            <input id={ids.confirm} ref={confirmInput} type="text" autoComplete="off" value={confirmText} onChange={(event) => setConfirmText(event.target.value)} aria-describedby={ids.confirmHint} className="narrow" />
            <div className="row">
              <button type="submit" className="danger" disabled={task.busy || confirmText.trim() !== "DELETE"}>
                Delete everything
              </button>
              <button type="button" onClick={() => (setConfirming(false), setConfirmText(""))}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </div>
      <TaskStatus task={task} />
    </section>
  )
}
