/** One button's work: busy flag, a status line on success, a plain error on failure. */
import { useCallback, useState } from "react"

import { MessageFailure } from "../messaging/contract"

export interface Task {
  busy: boolean
  status: string
  error: string
  run: (work: () => Promise<string | void>) => Promise<boolean>
  setStatus: (text: string) => void
  setError: (text: string) => void
}

/** The background's messages are written for people and scrubbed of secrets: show them as they are. */
export function describeError(error: unknown): string {
  if (error instanceof MessageFailure) return error.message
  const message = (error as { message?: unknown })?.message
  return typeof message === "string" && message ? message : "Something went wrong. Try again."
}

export function useTask(): Task {
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState("")
  const [error, setError] = useState("")
  const run = useCallback(async (work: () => Promise<string | void>) => {
    setBusy(true)
    setError("")
    setStatus("")
    try {
      const done = await work()
      if (done) setStatus(done)
      return true
    } catch (failure) {
      setError(describeError(failure))
      return false
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, status, error, run, setStatus, setError }
}

/** The live region under a section: success politely, errors assertively. */
export function TaskStatus({ task, id }: { task: Pick<Task, "status" | "error" | "busy">; id?: string }) {
  return (
    <div className="task-status" id={id}>
      <p role="status" aria-live="polite" className="ok">
        {task.busy ? "Working…" : task.status}
      </p>
      <p role="alert" className="error">
        {task.error}
      </p>
    </div>
  )
}
