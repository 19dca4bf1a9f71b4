/** "Act as": attribute archive, stage, tag and note actions to a Lever user found by e-mail (perform_as). */
import { useId, useState, type FormEvent } from "react"

import { send } from "../messaging/send"
import type { ConnectionStatus } from "../messaging/messages/connection-status"
import { findLeverUser, type LeverUserSummary } from "../messaging/messages/find-lever-user"
import { setActingUser } from "../messaging/messages/set-acting-user"
import { TaskStatus, useTask } from "./use-task"

export function ActingAsSection({ status, onStatus }: { status: ConnectionStatus; onStatus: (status: ConnectionStatus) => void }) {
  const ids = { heading: useId(), email: useId() }
  const [email, setEmail] = useState("")
  const [found, setFound] = useState<LeverUserSummary[] | null>(null)
  const task = useTask()

  const onFind = (event: FormEvent) => {
    event.preventDefault()
    void task.run(async () => {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) throw new Error("Enter the recruiter's e-mail address as it is in Lever.")
      const { users } = await send(findLeverUser, { email: email.trim() })
      setFound(users)
      return users.length ? `${users.length} Lever user${users.length > 1 ? "s" : ""} found.` : "No Lever user has this e-mail address."
    })
  }

  const choose = (user: LeverUserSummary | null) => {
    void task.run(async () => {
      const { actingAs } = await send(setActingUser, { user: user ? { id: user.id, name: user.name || undefined, email: user.email ?? undefined } : null })
      onStatus({ ...status, actingAs: actingAs ?? undefined })
      setFound(null)
      return actingAs ? `Actions will be recorded in Lever as ${actingAs.name || actingAs.email || actingAs.id}.` : "Actions are recorded as the key's owner."
    })
  }

  return (
    <section aria-labelledby={ids.heading} className="panel">
      <h2 id={ids.heading}>Act as a Lever user</h2>
      <p className="muted">Optional. Archive, stage, tag and note actions are then shown in Lever as done by this user.</p>
      <p>
        Currently: <strong>{status.actingAs ? status.actingAs.name || status.actingAs.email || status.actingAs.id : "the key's owner (no user chosen)"}</strong>
        {status.actingAs ? (
          <>
            {" "}
            <button type="button" className="link" onClick={() => choose(null)} disabled={task.busy}>
              Stop acting as this user
            </button>
          </>
        ) : null}
      </p>
      <form onSubmit={onFind} className="row" aria-label="Find a Lever user">
        <label htmlFor={ids.email}>E-mail</label>
        <input id={ids.email} type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
        <button type="submit" disabled={task.busy}>
          Find
        </button>
      </form>
      {found?.length ? (
        <ul className="list-plain" aria-label="Lever users found">
          {found.map((user) => (
            <li key={user.id} className="row">
              <span>
                {user.name || "(no name)"} <span className="muted">{user.email} · {user.accessRole ?? "unknown role"}</span>
                {user.deactivated ? <span className="error"> · deactivated</span> : null}
              </span>
              <button type="button" onClick={() => choose(user)} disabled={task.busy || user.deactivated}>
                Act as {user.name || user.email}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <TaskStatus task={task} />
    </section>
  )
}
