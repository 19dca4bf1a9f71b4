/** Shortlist stage, default archive reason and an optional tag, from the organisation's own Lever lists. */
import { useEffect, useId, useState, type FormEvent } from "react"

import { send } from "../messaging/send"
import { leverOptions, type ActionDefaults, type IdText } from "../messaging/messages/actions"
import { ACTIONS_KEY, readActions, writeSetting } from "./settings-store"
import { TaskStatus, describeError, useTask } from "./use-task"

export function ActionsSection({ connected }: { connected: boolean }) {
  const ids = { heading: useId(), stage: useId(), reason: useId(), tag: useId(), notes: useId() }
  const [lists, setLists] = useState<{ stages: IdText[]; archiveReasons: IdText[] } | null>(null)
  const [listError, setListError] = useState("")
  const [form, setForm] = useState<ActionDefaults>({ postNotes: false })
  const task = useTask()

  useEffect(() => {
    let live = true
    void readActions().then((saved) => live && setForm(saved))
    if (connected) {
      send(leverOptions, {})
        .then((options) => live && setLists({ stages: options.stages, archiveReasons: options.archiveReasons }))
        .catch((error) => live && setListError(describeError(error)))
    }
    return () => {
      live = false
    }
  }, [connected])

  const onSave = (event: FormEvent) => {
    event.preventDefault()
    void task.run(async () => {
      const tag = form.shortlistTag?.trim()
      const value: ActionDefaults = {
        shortlistStageId: form.shortlistStageId || undefined,
        shortlistTag: tag || undefined,
        defaultArchiveReasonId: form.defaultArchiveReasonId || undefined,
        postNotes: form.postNotes
      }
      if (tag && tag.length > 100) throw new Error("The tag is too long (at most 100 characters).")
      await writeSetting(ACTIONS_KEY, value)
      return "Action settings saved."
    })
  }

  return (
    <section aria-labelledby={ids.heading} className="panel">
      <h2 id={ids.heading}>Reject and shortlist</h2>
      {!connected ? <p className="muted">Connect Lever to choose from your organisation's stages and archive reasons.</p> : null}
      {listError ? (
        <p role="alert" className="error">
          Could not load Lever's stages and archive reasons: {listError}
        </p>
      ) : null}
      <form onSubmit={onSave} className="stack" aria-label="Reject and shortlist settings">
        <div className="field">
          <label htmlFor={ids.stage}>Shortlist moves candidates to stage</label>
          <select id={ids.stage} value={form.shortlistStageId ?? ""} onChange={(event) => setForm({ ...form, shortlistStageId: event.target.value || undefined })} disabled={!lists}>
            <option value="">(do not change the stage)</option>
            {lists?.stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.text}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.tag}>Shortlist adds the tag (optional)</label>
          <input id={ids.tag} type="text" maxLength={100} value={form.shortlistTag ?? ""} onChange={(event) => setForm({ ...form, shortlistTag: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.reason}>Default archive reason for Reject</label>
          <select id={ids.reason} value={form.defaultArchiveReasonId ?? ""} onChange={(event) => setForm({ ...form, defaultArchiveReasonId: event.target.value || undefined })} disabled={!lists}>
            <option value="">(ask every time)</option>
            {lists?.archiveReasons.map((reason) => (
              <option key={reason.id} value={reason.id}>
                {reason.text}
              </option>
            ))}
          </select>
        </div>
        <label className="choice">
          <input id={ids.notes} type="checkbox" checked={form.postNotes} onChange={(event) => setForm({ ...form, postNotes: event.target.checked })} /> Post a note in Lever explaining each action
        </label>
        <div>
          <button type="submit" className="primary" disabled={task.busy}>
            Save action settings
          </button>
        </div>
      </form>
      <TaskStatus task={task} />
    </section>
  )
}
