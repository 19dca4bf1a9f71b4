/**
 * The dashboard tab: pick an analysis, watch its progress, review the ranked candidates, read a report
 * beside the resume, and act (reject with a reason, shortlist, undo) — every action confirmed by a person
 * and carried out by the background in Lever.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useCallback, useEffect, useMemo, useRef, useState } from "react"

import { loadCandidateRows, loadProgress, loadRubric, type CandidateRow } from "../db/repositories/candidates"
import { getDb, type AnalysisRow } from "../db/schema"
import { rejectCandidates, shortlistCandidates, undoAction, type ActionResponse, type CandidateActionResult } from "../messaging/messages/actions"
import { controlAnalysis, retryApplicant } from "../messaging/messages/analysis"
import { send } from "../messaging/send"
import { describeFailure } from "../ui/errors"
import { LeverHealthBanner } from "../ui/lever-health"
import type { VirtualListHandle } from "../ui/virtual-list"
import { RejectDialog, ResultsDialog, Toast, type ActionKind, type ActionOutcome } from "./action-dialogs"
import { AuditLog } from "./audit-log"
import { CandidateReport } from "./candidate-report"
import { CandidateTable } from "./candidate-table"
import { ScoreHistogram } from "./histogram"
import { DEFAULT_FILTERS, DEFAULT_SORT, flattenGroups, groupRows, type FlagFilter, type SortKey, type SortState, type TableFilters } from "./table-model"

/** The background accepts at most this many ids per message. */
const CHUNK = 500

function newClickId(): string {
  return crypto.randomUUID()
}

function paramFromUrl(name: "analysis" | "candidate"): string | null {
  try {
    return new URLSearchParams(window.location.search).get(name)
  } catch {
    return null
  }
}

type ControlAction = "pause" | "resume" | "cancel" | "rescore"
const CONTROL_LABELS: Record<ControlAction, string> = { pause: "Pause", resume: "Resume", cancel: "Cancel analysis", rescore: "Re-score all" }

function controlsFor(status: string): ControlAction[] {
  switch (status) {
    case "running":
      return ["pause", "cancel"]
    case "paused":
    case "spending_cap_reached":
      return ["resume", "cancel"]
    default:
      return ["rescore"]
  }
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit"].includes(target.type)
  return false
}

function useViewportHeight(offset: number): number {
  const [height, setHeight] = useState(() => Math.max(240, (typeof window === "undefined" ? 800 : window.innerHeight) - offset))
  useEffect(() => {
    const onResize = () => setHeight(Math.max(240, window.innerHeight - offset))
    window.addEventListener("resize", onResize)
    return () => window.removeEventListener("resize", onResize)
  }, [offset])
  return height
}

async function runInChunks(
  ids: string[],
  clickId: string,
  call: (chunk: string[], clickId: string) => Promise<ActionResponse>
): Promise<{ actionIds: string[]; results: CandidateActionResult[] }> {
  const actionIds: string[] = []
  const results: CandidateActionResult[] = []
  for (let start = 0; start < ids.length; start += CHUNK) {
    // Each chunk has its own stable id derived from the click, so a retry of the same click is recognised.
    const chunkClickId = start === 0 ? clickId : `${clickId}-${start / CHUNK}`
    const response = await call(ids.slice(start, start + CHUNK), chunkClickId)
    actionIds.push(response.actionId)
    results.push(...response.results)
  }
  return { actionIds, results }
}

export function DashboardApp() {
  const db = getDb()
  const [analysisId, setAnalysisId] = useState<string | null>(() => paramFromUrl("analysis"))
  const analyses = useLiveQuery(() => db.analyses.toArray(), [])
  const analysis = useLiveQuery(() => (analysisId ? db.analyses.get(analysisId) : undefined), [analysisId])
  const progress = useLiveQuery(() => (analysisId ? loadProgress(db, analysisId) : undefined), [analysisId])
  // Depend on the fields the join needs, not the row: the runner rewrites the analysis row (progress) after
  // every job, and re-reading 2,000 applicants for that would be wasted work. Dexie re-runs the query
  // whenever the tables it read change anyway.
  const rowsKey = analysis ? { id: analysis.id, postingId: analysis.postingId, includeArchived: analysis.includeArchived } : undefined
  const rows = useLiveQuery(() => (rowsKey ? loadCandidateRows(db, rowsKey) : undefined), [rowsKey?.id, rowsKey?.postingId, rowsKey?.includeArchived])
  const rubric = useLiveQuery(() => (analysis ? loadRubric(db, analysis.id, analysis.rubricVersion) : undefined), [analysis?.id, analysis?.rubricVersion])

  const [filters, setFilters] = useState<TableFilters>(DEFAULT_FILTERS)
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  // The overlay's "Open in dashboard" link names a candidate: open their report straight away.
  const [activeId, setActiveId] = useState<string | null>(() => paramFromUrl("candidate"))
  const [reportOpen, setReportOpen] = useState(() => !!paramFromUrl("candidate"))
  const [controlError, setControlError] = useState<string | null>(null)
  const [view, setView] = useState<"candidates" | "audit">("candidates")
  const [rejecting, setRejecting] = useState<string[] | null>(null)
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null)
  const [toast, setToast] = useState<{ message: string; undoIds?: string[] } | null>(null)
  const [busy, setBusy] = useState(false)
  const lastToggled = useRef<string | null>(null)
  const list = useRef<VirtualListHandle>(null)
  const tableHeight = useViewportHeight(330)

  useEffect(() => {
    if (!analysisId) return
    const url = new URL(window.location.href)
    url.searchParams.set("analysis", analysisId)
    window.history.replaceState(null, "", url.toString())
  }, [analysisId])

  const groups = useMemo(() => groupRows(rows ?? [], filters, sort), [rows, filters, sort])
  const items = useMemo(() => flattenGroups(groups), [groups])
  const ordered = useMemo(() => [...groups.meets, ...groups.fails], [groups])
  const byId = useMemo(() => new Map((rows ?? []).map((row) => [row.opportunityId, row])), [rows])
  const nameOf = useCallback((id: string) => byId.get(id)?.name ?? id, [byId])
  const stages = useMemo(() => {
    const seen = new Map<string, string>()
    for (const row of rows ?? []) if (row.stageId) seen.set(row.stageId, row.stageText ?? row.stageId)
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]))
  }, [rows])

  const activeIndex = activeId ? ordered.findIndex((row) => row.opportunityId === activeId) : -1
  const activeRow: CandidateRow | undefined = activeIndex >= 0 ? ordered[activeIndex] : undefined

  const moveTo = useCallback(
    (index: number) => {
      const row = ordered[Math.max(0, Math.min(ordered.length - 1, index))]
      if (!row) return
      setActiveId(row.opportunityId)
      const itemIndex = items.findIndex((item) => item.kind === "row" && item.row.opportunityId === row.opportunityId)
      if (itemIndex >= 0) list.current?.scrollToIndex(itemIndex)
    },
    [ordered, items]
  )

  const toggle = useCallback(
    (id: string, shiftKey: boolean) => {
      // Read the anchor now: React may run the updater below after lastToggled has moved on.
      const anchor = lastToggled.current
      setSelected((current) => {
        const next = new Set(current)
        if (shiftKey && anchor && anchor !== id) {
          const from = ordered.findIndex((r) => r.opportunityId === anchor)
          const to = ordered.findIndex((r) => r.opportunityId === id)
          if (from >= 0 && to >= 0) {
            const select = !current.has(id)
            for (const row of ordered.slice(Math.min(from, to), Math.max(from, to) + 1)) {
              if (select) next.add(row.opportunityId)
              else next.delete(row.opportunityId)
            }
            return next
          }
        }
        if (next.has(id)) next.delete(id)
        else next.add(id)
        return next
      })
      lastToggled.current = id
      setActiveId(id)
    },
    [ordered]
  )

  const toggleGroup = useCallback((ids: string[], select: boolean) => {
    setSelected((current) => {
      const next = new Set(current)
      for (const id of ids) {
        if (select) next.add(id)
        else next.delete(id)
      }
      return next
    })
  }, [])

  /** The candidates an action applies to: the selection, or the active row when nothing is selected. */
  const targets = useCallback((): string[] => {
    const visibleSelection = ordered.filter((r) => selected.has(r.opportunityId)).map((r) => r.opportunityId)
    if (visibleSelection.length) return visibleSelection
    return activeRow ? [activeRow.opportunityId] : []
  }, [ordered, selected, activeRow])

  const perform = useCallback(
    async (kind: ActionKind, label: string, ids: string[], call: (chunk: string[], clickId: string) => Promise<ActionResponse>, clickId = newClickId()) => {
      setBusy(true)
      try {
        const { actionIds, results } = await runInChunks(ids, clickId, call)
        const failed = results.filter((r) => !r.ok)
        const succeeded = results.length - failed.length
        if (failed.length) {
          setOutcome({ kind, label, response: { actionId: actionIds[0] ?? "", results } })
        } else {
          setOutcome(null)
        }
        if (kind !== "undo" && succeeded > 0) {
          setToast({ message: `${label}: ${succeeded} candidate${succeeded === 1 ? "" : "s"}.`, undoIds: actionIds })
          setSelected(new Set())
        } else if (kind === "undo" && succeeded > 0) {
          setToast({ message: `Undone for ${succeeded} candidate${succeeded === 1 ? "" : "s"}.` })
        }
      } catch (error) {
        setOutcome({
          kind,
          label,
          error: describeFailure(error, kind),
          // Same click id: if the first attempt did reach Lever, the background will not act twice.
          retryWhole: () => void perform(kind, label, ids, call, clickId)
        })
      } finally {
        setBusy(false)
      }
    },
    []
  )

  const undo = useCallback(
    (actionIds: string[]) => {
      setToast(null)
      void perform("undo", "Undo", actionIds, async (chunk) => {
        const results: CandidateActionResult[] = []
        let actionId = ""
        for (const id of chunk) {
          const response = await send(undoAction, { actionId: id })
          actionId = response.actionId
          results.push(...response.results)
        }
        return { actionId, results }
      })
    },
    [perform]
  )

  const confirmReject = useCallback(
    (reasonId: string, reasonText: string) => {
      const ids = rejecting ?? []
      setRejecting(null)
      void perform("reject", `Rejected (${reasonText})`, ids, (chunk, clickId) =>
        send(rejectCandidates, { opportunityIds: chunk, reasonId, analysisId: analysisId ?? undefined, clickId })
      )
    },
    [rejecting, perform, analysisId]
  )

  const startReject = useCallback(() => {
    const ids = targets()
    if (ids.length) setRejecting(ids)
  }, [targets])

  const shortlist = useCallback(() => {
    const ids = targets()
    if (!ids.length) return
    void perform("shortlist", "Shortlisted", ids, (chunk, clickId) =>
      send(shortlistCandidates, { opportunityIds: chunk, analysisId: analysisId ?? undefined, clickId })
    )
  }, [targets, perform, analysisId])

  const retryFailed = useCallback(
    (failed: CandidateActionResult[]) => {
      if (!outcome) return
      const ids = failed.map((f) => f.opportunityId)
      if (outcome.kind === "reject") {
        setOutcome(null)
        setRejecting(ids)
      } else if (outcome.kind === "shortlist") {
        void perform("shortlist", "Shortlisted", ids, (chunk, clickId) =>
          send(shortlistCandidates, { opportunityIds: chunk, analysisId: analysisId ?? undefined, clickId })
        )
      }
    },
    [outcome, perform, analysisId]
  )

  const control = useCallback(
    async (action: ControlAction) => {
      if (!analysisId) return
      if (action === "cancel" && !window.confirm("Cancel this analysis? Scores so far are kept; no more candidates are scored.")) return
      setControlError(null)
      try {
        await send(controlAnalysis, { analysisId, action })
      } catch (error) {
        setControlError(describeFailure(error))
      }
    },
    [analysisId]
  )

  const retryOne = useCallback(
    async (opportunityId: string) => {
      if (!analysisId) return
      setControlError(null)
      try {
        await send(retryApplicant, { analysisId, opportunityId })
      } catch (error) {
        setControlError(describeFailure(error))
      }
    },
    [analysisId]
  )

  const dialogOpen = rejecting !== null || outcome !== null

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (dialogOpen || view !== "candidates" || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTypingTarget(event.target)) return
      const target = event.target as HTMLElement | null
      const onControl = !!target && (target.tagName === "BUTTON" || target.tagName === "A" || (target instanceof HTMLInputElement))
      switch (event.key) {
        case "j":
        case "ArrowDown":
          event.preventDefault()
          moveTo(activeIndex + 1)
          break
        case "k":
        case "ArrowUp":
          event.preventDefault()
          moveTo(activeIndex < 0 ? 0 : activeIndex - 1)
          break
        case "x":
        case " ":
          if (event.key === " " && onControl) return
          event.preventDefault()
          if (activeRow) toggle(activeRow.opportunityId, event.shiftKey)
          break
        case "r":
          event.preventDefault()
          startReject()
          break
        case "s":
          event.preventDefault()
          shortlist()
          break
        case "Enter":
        case "o":
          if (event.key === "Enter" && onControl) return
          if (activeRow) {
            event.preventDefault()
            setReportOpen(true)
          }
          break
        case "Escape":
          if (reportOpen) {
            event.preventDefault()
            setReportOpen(false)
          }
          break
      }
    }
    document.addEventListener("keydown", onKeyDown)
    return () => document.removeEventListener("keydown", onKeyDown)
  }, [dialogOpen, view, moveTo, activeIndex, activeRow, toggle, startReject, shortlist, reportOpen])

  const setFilter = <K extends keyof TableFilters>(key: K, value: TableFilters[K]) => setFilters((current) => ({ ...current, [key]: value }))
  const onSort = (key: SortKey) =>
    setSort((current) => (current.key === key ? { key, direction: current.direction === "desc" ? "asc" : "desc" } : { key, direction: key === "score" ? "desc" : "asc" }))

  const selectedCount = ordered.filter((r) => selected.has(r.opportunityId)).length
  const targetCount = selectedCount || (activeRow ? 1 : 0)

  return (
    <main className="dashboard">
      <div className="row">
        <h1>Screening dashboard</h1>
        <span className="spacer" />
        <label>
          Analysis{" "}
          <select aria-label="Analysis" value={analysisId ?? ""} onChange={(e) => { setAnalysisId(e.target.value || null); setSelected(new Set()); setActiveId(null); setReportOpen(false) }}>
            <option value="">Choose an analysis…</option>
            {(analyses ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.postingTitle} — {a.status} (v{a.rubricVersion}, {a.engine})
              </option>
            ))}
          </select>
        </label>
      </div>

      <LeverHealthBanner />
      {analyses && analyses.length === 0 && (
        <p className="empty">No analysis yet. Open the extension's popup on a posting and confirm its requirements to start one.</p>
      )}
      {analysisId && analysis === undefined && analyses && (
        <p className="error" role="alert">This analysis does not exist (it may have been deleted). Choose another one.</p>
      )}
      {!analysisId && analyses && analyses.length > 0 && <p className="empty">Choose an analysis to review its candidates.</p>}

      {analysis && (
        <>
          <section aria-label="Progress" className="row panel" style={{ marginBottom: 8 }}>
            <div className="stack" style={{ minWidth: 260 }}>
              <strong>{analysis.postingTitle}</strong>
              <span>
                Status: {analysis.status.replace(/_/g, " ")} · rubric v{analysis.rubricVersion} · {analysis.engine === "llm" ? "language model" : "local engine"}
              </span>
              {progress && (
                <>
                  <div className="progress" role="progressbar" aria-label="Scoring progress" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done + progress.needsReview + progress.failed}>
                    <span style={{ width: `${progress.total ? ((progress.done + progress.needsReview + progress.failed) / progress.total) * 100 : 0}%` }} />
                  </div>
                  <span className="muted">
                    {progress.done} scored, {progress.needsReview} need review, {progress.failed} failed, {progress.queued + progress.running} to go (of {progress.total})
                    {timeLeft(analysis, progress.queued + progress.running)}
                  </span>
                </>
              )}
              {analysis.notice && <span className="warn" role="status">{analysis.notice}</span>}
              <div className="row">
                {controlsFor(analysis.status).map((action) => (
                  <button key={action} type="button" onClick={() => void control(action)}>{CONTROL_LABELS[action]}</button>
                ))}
              </div>
              {controlError && <span className="error" role="alert">{controlError}</span>}
              {analysis.engine === "llm" && analysis.totals.costUsd > 0 && <span className="muted">Spent so far: ${analysis.totals.costUsd.toFixed(2)}</span>}
            </div>
            <span className="spacer" />
            <ScoreHistogram rows={rows ?? []} />
          </section>

          <div className="row" role="tablist" aria-label="View">
            <button type="button" role="tab" aria-selected={view === "candidates"} onClick={() => setView("candidates")}>Candidates</button>
            <button type="button" role="tab" aria-selected={view === "audit"} onClick={() => setView("audit")}>Audit log</button>
          </div>

          {view === "audit" && <AuditLog analysisId={analysis.id} nameOf={nameOf} onUndo={(id) => undo([id])} />}

          {view === "candidates" && (
            <>
              <section aria-label="Filters" className="row" style={{ margin: "8px 0" }}>
                <input type="search" aria-label="Search candidates" placeholder="Search name or headline" value={filters.search} onChange={(e) => setFilter("search", e.target.value)} />
                <label>
                  Score from <input type="number" min={0} max={100} style={{ width: 56 }} aria-label="Minimum score" value={filters.minScore} onChange={(e) => setFilter("minScore", Number(e.target.value) || 0)} />
                </label>
                <label>
                  to <input type="number" min={0} max={100} style={{ width: 56 }} aria-label="Maximum score" value={filters.maxScore} onChange={(e) => setFilter("maxScore", e.target.value === "" ? 100 : Number(e.target.value))} />
                </label>
                <select aria-label="Mandatory requirements" value={filters.mandatory} onChange={(e) => setFilter("mandatory", e.target.value as TableFilters["mandatory"])}>
                  <option value="any">Mandatory: any</option>
                  <option value="meets">Meets all mandatory</option>
                  <option value="fails">Misses a mandatory</option>
                </select>
                <select aria-label="Stage" value={filters.stage} onChange={(e) => setFilter("stage", e.target.value)}>
                  <option value="any">Any stage</option>
                  {stages.map(([id, text]) => (
                    <option key={id} value={id}>{text}</option>
                  ))}
                  <option value="archived">Archived</option>
                </select>
                <select aria-label="Flags" value={filters.flag} onChange={(e) => setFilter("flag", e.target.value as FlagFilter)}>
                  <option value="any">Any flags</option>
                  <option value="hidden_text">Hidden text</option>
                  <option value="needs_review">Needs review</option>
                  <option value="stale">Stale</option>
                  <option value="failed">Failed</option>
                </select>
                <label>
                  <input type="checkbox" checked={filters.notActedOnly} onChange={(e) => setFilter("notActedOnly", e.target.checked)} /> Not yet acted on
                </label>
                <button type="button" onClick={() => setFilters(DEFAULT_FILTERS)}>Clear filters</button>
              </section>

              <section aria-label="Actions" className="row" style={{ marginBottom: 8 }}>
                <span>{selectedCount} selected</span>
                <button type="button" className="danger" disabled={busy || targetCount === 0} onClick={startReject} title="Reject (r)">
                  Reject…
                </button>
                <button type="button" disabled={busy || targetCount === 0} onClick={shortlist} title="Shortlist (s)">
                  Shortlist
                </button>
                {selectedCount > 0 && <button type="button" onClick={() => setSelected(new Set())}>Clear selection</button>}
                {busy && <span role="status" className="muted">Working with Lever…</span>}
                <span className="spacer" />
                <span className="muted">Keys: j/k move · x select · r reject · s shortlist · o open · Esc close</span>
              </section>

              {rows === undefined && <p className="muted" role="status">Loading candidates…</p>}
              {rows && rows.length === 0 && <p className="empty">No applicants for this posting yet. They appear here as the analysis fetches them.</p>}
              {rows && rows.length > 0 && ordered.length === 0 && <p className="empty">No candidate matches these filters.</p>}
              {rows && rows.length > 0 && (
                <div className={`dash-layout${reportOpen && activeRow ? " with-report" : ""}`}>
                  <CandidateTable
                    ref={list}
                    items={items}
                    height={tableHeight}
                    selected={selected}
                    activeId={activeId}
                    sort={sort}
                    onSort={onSort}
                    onToggle={toggle}
                    onToggleGroup={toggleGroup}
                    onActivate={setActiveId}
                    onOpen={(id) => {
                      setActiveId(id)
                      setReportOpen(true)
                    }}
                  />
                  {reportOpen && activeRow && (
                    <CandidateReport
                      row={activeRow}
                      rubric={rubric?.rubric}
                      position={{ index: activeIndex, total: ordered.length }}
                      onPrevious={() => moveTo(activeIndex - 1)}
                      onNext={() => moveTo(activeIndex + 1)}
                      onClose={() => setReportOpen(false)}
                      onRetry={activeRow.failed || activeRow.needsReview ? () => void retryOne(activeRow.opportunityId) : undefined}
                    />
                  )}
                </div>
              )}
            </>
          )}
        </>
      )}

      {rejecting && <RejectDialog names={rejecting.map(nameOf)} onCancel={() => setRejecting(null)} onConfirm={confirmReject} />}
      {outcome && <ResultsDialog outcome={outcome} nameOf={nameOf} onRetryFailed={retryFailed} onClose={() => setOutcome(null)} />}
      {toast && (
        <Toast
          message={toast.message}
          onUndo={toast.undoIds?.length ? () => undo(toast.undoIds!) : undefined}
          onDismiss={() => setToast(null)}
        />
      )}
    </main>
  )
}

/** "· about 3 min left", from the runner's recent pace (analyses.progress.etaMs); nothing when unknown. */
function timeLeft(analysis: AnalysisRow, toGo: number): string {
  const eta = analysis.progress?.etaMs
  if (toGo === 0 || eta === null || eta === undefined || analysis.status !== "running") return ""
  if (eta < 60_000) return " · less than a minute left"
  return ` · about ${Math.round(eta / 60_000)} min left`
}
