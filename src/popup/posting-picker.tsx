/**
 * Pick a posting: the organisation's published and internal postings (synced on open), searchable,
 * with team, location and applicant count; postings that already have an analysis show its status.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useCallback, useEffect, useMemo, useState } from "react"

import { getDb, type AnalysisRow, type PostingRow } from "../db/schema"
import { syncPostings } from "../messaging/messages/analysis"
import { send } from "../messaging/send"
import { describeFailure } from "../ui/errors"

export interface PostingPickerProps {
  onPick: (posting: PostingRow, analysis?: AnalysisRow) => void
  onOpenDashboard: (analysisId: string) => void
}

const STATUS_LABELS: Record<AnalysisRow["status"], string> = {
  running: "Running",
  paused: "Paused",
  completed: "Completed",
  cancelled: "Cancelled",
  spending_cap_reached: "Stopped: spending cap reached"
}

export function analysisProgressText(analysis: AnalysisRow): string {
  const p = analysis.progress
  if (!p) return STATUS_LABELS[analysis.status]
  return `${STATUS_LABELS[analysis.status]} · ${p.scored} of ${p.total} scored${p.failed ? `, ${p.failed} failed` : ""}`
}

export function PostingPicker({ onPick, onOpenDashboard }: PostingPickerProps) {
  const db = getDb()
  const postings = useLiveQuery(() => db.postings.toArray(), [])
  const analyses = useLiveQuery(() => db.analyses.toArray(), [])
  const [sync, setSync] = useState<{ state: "syncing" | "done" | "error"; error?: string }>({ state: "syncing" })
  const [query, setQuery] = useState("")

  const runSync = useCallback(() => {
    setSync({ state: "syncing" })
    send(syncPostings, {})
      .then(() => setSync({ state: "done" }))
      .catch((error) => setSync({ state: "error", error: describeFailure(error) }))
  }, [])
  useEffect(runSync, [runSync])

  const latestAnalysis = useMemo(() => {
    const map = new Map<string, AnalysisRow>()
    for (const a of analyses ?? []) {
      const current = map.get(a.postingId)
      if (!current || a.createdAt > current.createdAt) map.set(a.postingId, a)
    }
    return map
  }, [analyses])

  const visible = useMemo(() => {
    const q = query.trim().toLowerCase()
    return (postings ?? [])
      .filter((p) => !q || [p.title, p.team, p.location, p.department].some((field) => field?.toLowerCase().includes(q)))
      .sort((a, b) => a.title.localeCompare(b.title))
  }, [postings, query])

  return (
    <section className="stack" aria-label="Postings">
      <div className="row">
        <h2 style={{ margin: 0 }}>Choose a posting</h2>
        <span className="spacer" />
        <button type="button" onClick={runSync} disabled={sync.state === "syncing"} aria-label="Refresh postings from Lever">
          {sync.state === "syncing" ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      {sync.state === "error" && (
        <div role="alert" className="error">
          <strong>Lever unavailable.</strong> {sync.error} {postings?.length ? "Showing the postings saved earlier." : ""}
          <button type="button" onClick={runSync}>Try again</button>
        </div>
      )}
      <input type="search" aria-label="Search postings" placeholder="Search title, team or location" value={query} onChange={(e) => setQuery(e.target.value)} />
      {(postings === undefined || (sync.state === "syncing" && postings.length === 0)) && (
        <p className="muted" role="status">Loading postings from Lever…</p>
      )}
      {postings && postings.length === 0 && sync.state === "done" && (
        <p className="empty">No published or internal postings in Lever yet.</p>
      )}
      {postings && postings.length > 0 && visible.length === 0 && <p className="empty">No posting matches “{query}”.</p>}
      <ul className="list-plain posting-list">
        {visible.map((posting) => {
          const analysis = latestAnalysis.get(posting.id)
          const meta = [posting.team, posting.location, posting.state === "internal" ? "internal" : null].filter(Boolean).join(" · ")
          return (
            <li key={posting.id}>
              <div className="row">
                <button type="button" className="link" style={{ textAlign: "left", flex: 1 }} onClick={() => onPick(posting, analysis)}>
                  {posting.title}
                </button>
                {posting.applicantCount !== undefined && (
                  <span className="muted" aria-label={`${posting.applicantCount} applicants`}>{posting.applicantCount} applicants</span>
                )}
              </div>
              {meta && <div className="muted">{meta}</div>}
              {analysis && (
                <div className="row">
                  <span className="badge">{analysisProgressText(analysis)}</span>
                  <button type="button" className="link" onClick={() => onOpenDashboard(analysis.id)} aria-label={`Open dashboard for ${posting.title}`}>
                    Open dashboard
                  </button>
                </div>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
