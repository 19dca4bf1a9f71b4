/**
 * Reject (with an archive reason), per-candidate results with retry, and the undo toast.
 * A human confirms every rejection here; nothing is archived without this dialog.
 */
import { useEffect, useState } from "react"

import type { ActionResponse, CandidateActionResult, LeverOptions } from "../messaging/messages/actions"
import { leverOptions } from "../messaging/messages/actions"
import { send } from "../messaging/send"
import { Dialog } from "../ui/dialog"
import { describeFailure, plainError } from "../ui/errors"

export type ActionKind = "reject" | "shortlist" | "undo"

export function useLeverOptions(enabled: boolean) {
  const [state, setState] = useState<{ options?: LeverOptions; error?: string; loading: boolean }>({ loading: enabled })
  useEffect(() => {
    if (!enabled) return
    let live = true
    setState({ loading: true })
    send(leverOptions, {})
      .then((options) => live && setState({ options, loading: false }))
      .catch((error) => live && setState({ error: describeFailure(error), loading: false }))
    return () => {
      live = false
    }
  }, [enabled])
  return state
}

export interface RejectDialogProps {
  names: string[]
  onCancel: () => void
  onConfirm: (reasonId: string, reasonText: string) => void
}

export function RejectDialog({ names, onCancel, onConfirm }: RejectDialogProps) {
  const { options, error, loading } = useLeverOptions(true)
  const [reasonId, setReasonId] = useState<string>("")
  const reasons = options?.archiveReasons ?? []

  useEffect(() => {
    if (!options) return
    const preferred = options.defaults.defaultArchiveReasonId
    setReasonId(reasons.some((r) => r.id === preferred) ? preferred! : reasons[0]?.id ?? "")
  }, [options])

  const shown = names.slice(0, 8)
  return (
    <Dialog title={`Reject ${names.length} candidate${names.length === 1 ? "" : "s"}`} onClose={onCancel} description="Each candidate is archived in Lever with the reason you choose.">
      <ul>
        {shown.map((name, index) => (
          <li key={index}>{name}</li>
        ))}
        {names.length > shown.length && <li className="muted">and {names.length - shown.length} more</li>}
      </ul>
      {loading && <p className="muted" role="status">Loading archive reasons from Lever…</p>}
      {error && <p className="error" role="alert">Could not load archive reasons: {error}</p>}
      {options && reasons.length === 0 && <p className="error" role="alert">Lever has no active archive reason for rejections. Add one in Lever first.</p>}
      {reasons.length > 0 && (
        <fieldset>
          <legend>Archive reason</legend>
          {reasons.map((reason) => (
            <label key={reason.id} className="row">
              <input type="radio" name="archive-reason" value={reason.id} checked={reasonId === reason.id} onChange={() => setReasonId(reason.id)} />
              {reason.text}
            </label>
          ))}
        </fieldset>
      )}
      <div className="row" style={{ marginTop: 10 }}>
        <span className="spacer" />
        <button type="button" onClick={onCancel}>Cancel</button>
        <button
          type="button"
          className="danger"
          disabled={!reasonId}
          onClick={() => onConfirm(reasonId, reasons.find((r) => r.id === reasonId)?.text ?? reasonId)}>
          Archive {names.length} in Lever
        </button>
      </div>
    </Dialog>
  )
}

export interface ActionOutcome {
  kind: ActionKind
  /** What was done, in words ("Rejected: Not a fit"). */
  label: string
  response?: ActionResponse
  /** The whole request failed (the background did not answer, or refused). */
  error?: string
  /** Kept to retry a request that failed as a whole with the same click id (never archives twice). */
  retryWhole?: () => void
}

export function ResultsDialog({
  outcome,
  nameOf,
  onRetryFailed,
  onClose
}: {
  outcome: ActionOutcome
  nameOf: (id: string) => string
  onRetryFailed: (failed: CandidateActionResult[]) => void
  onClose: () => void
}) {
  const results = outcome.response?.results ?? []
  const failed = results.filter((r) => !r.ok)
  const succeeded = results.length - failed.length
  return (
    <Dialog title={outcome.label} onClose={onClose}>
      {outcome.error && (
        <p className="error" role="alert">
          {outcome.error}
        </p>
      )}
      {results.length > 0 && (
        <p role="status">
          {succeeded} succeeded{failed.length ? `, ${failed.length} failed` : ""}.
        </p>
      )}
      {results.length > 0 && (
        <table className="plain">
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={result.opportunityId}>
                <td>{nameOf(result.opportunityId)}</td>
                <td className={result.ok ? "ok" : "error"}>
                  {result.ok ? "Done" : plainError(result.error?.code, result.error?.message ?? "Failed", outcome.kind)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row" style={{ marginTop: 10 }}>
        <span className="spacer" />
        {outcome.retryWhole && <button type="button" onClick={outcome.retryWhole}>Try again</button>}
        {failed.length > 0 && (
          <button type="button" onClick={() => onRetryFailed(failed)}>
            Retry {failed.length} failed
          </button>
        )}
        <button type="button" className="primary" onClick={onClose}>Close</button>
      </div>
    </Dialog>
  )
}

export function Toast({ message, onUndo, onDismiss }: { message: string; onUndo?: () => void; onDismiss: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, 15_000)
    return () => clearTimeout(timer)
  }, [message, onDismiss])
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>{message}</span>
      {onUndo && <button type="button" onClick={onUndo}>Undo</button>}
      <button type="button" aria-label="Dismiss message" onClick={onDismiss}>×</button>
    </div>
  )
}
