/**
 * From a posting to a confirmed, versioned rubric: extract (or load the current rubric when editing),
 * edit, optionally start from another analysis's rubric, then create the analysis or save a new version.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { useEffect, useState } from "react"

import { extractRequirements, type LeverPostingLike } from "../core/requirements/extract"
import { DEFAULT_WEIGHTS, type Requirement, type Rubric } from "../core/requirements/model"
import { extractRequirementsMessage } from "../messaging/messages/extract-requirements"
import { loadRubric } from "../db/repositories/candidates"
import { getDb, type AnalysisRow, type PostingRow } from "../db/schema"
import { createAnalysis, updateRubric } from "../messaging/messages/analysis"
import type { RequestOf } from "../messaging/contract"
import { send } from "../messaging/send"
import { describeFailure } from "../ui/errors"
import { confirmProblems, copyRubric, normalisedRubric } from "./rubric-edit"
import { RubricEditor } from "./rubric-editor"

export interface AnalysisSetupProps {
  posting: PostingRow
  /** The posting's existing analysis: confirming then saves a new rubric version instead of a new analysis. */
  analysis?: AnalysisRow
  onBack: () => void
  onOpenDashboard: (analysisId: string) => void
}

type Phase =
  | { step: "loading"; message: string }
  | { step: "editing" }
  | { step: "saving" }
  | { step: "done"; analysisId: string; version: number }
  | { step: "error"; message: string }

export function AnalysisSetup({ posting, analysis, onBack, onOpenDashboard }: AnalysisSetupProps) {
  const db = getDb()
  const [phase, setPhase] = useState<Phase>({ step: "loading", message: analysis ? "Loading the current rubric…" : "Reading the posting’s requirements…" })
  const [rubric, setRubric] = useState<Rubric>({ requirements: [], weights: { ...DEFAULT_WEIGHTS } })
  const [suggestions, setSuggestions] = useState<Requirement[]>([])
  const [notes, setNotes] = useState<string[]>([])
  const [saveError, setSaveError] = useState<string | null>(null)
  const [editingExisting, setEditingExisting] = useState(!!analysis)
  const [includeArchived, setIncludeArchived] = useState(false)
  const [spendingCap, setSpendingCap] = useState("")
  // null once read and absent; undefined while still loading (extraction waits for it to pick the extractor).
  const llmSetting = useLiveQuery(async () => (await db.settings.get("llm")) ?? null, [])
  const engineKnown = llmSetting !== undefined
  const engine: "local" | "llm" = (llmSetting?.value as { engine?: string } | undefined)?.engine === "llm" ? "llm" : "local"
  const otherAnalyses = useLiveQuery(() => db.analyses.filter((a) => a.id !== analysis?.id).toArray(), [analysis?.id])

  const extract = () => {
    const useLlm = engine === "llm"
    setPhase({ step: "loading", message: useLlm ? "Asking the AI model for the posting’s requirements…" : "Reading the posting’s requirements…" })
    const apply = (result: { requirements: Requirement[]; suggestions: Requirement[]; notes: string[] }) => {
      setRubric({ requirements: result.requirements, weights: { ...DEFAULT_WEIGHTS } })
      setSuggestions(result.suggestions)
      setNotes(result.notes)
      setPhase({ step: "editing" })
    }
    const failed = (error: unknown) =>
      setPhase({ step: "error", message: `The posting could not be read: ${(error as Error)?.message ?? error}. Add the requirements by hand.` })
    // The LLM extractor runs in the background (which holds the key) and falls back to the local one there.
    if (useLlm) {
      send(extractRequirementsMessage, { postingId: posting.id }).then(apply, failed)
      return
    }
    // Yield once so the progress message paints before the (fast, synchronous) extractor runs.
    setTimeout(() => {
      try {
        apply(extractRequirements(posting.raw as LeverPostingLike))
      } catch (error) {
        failed(error)
      }
    }, 0)
  }

  useEffect(() => {
    if (!engineKnown) return
    let live = true
    if (analysis) {
      loadRubric(db, analysis.id, analysis.rubricVersion)
        .then((current) => {
          if (!live) return
          if (current) {
            setRubric(current.rubric)
            setPhase({ step: "editing" })
          } else {
            setEditingExisting(false)
            extract()
          }
        })
        .catch((error) => live && setPhase({ step: "error", message: describeFailure(error) }))
    } else {
      extract()
    }
    return () => {
      live = false
    }
  }, [posting.id, analysis?.id, engineKnown])

  const reuse = async (analysisId: string) => {
    if (!analysisId) return
    const source = await loadRubric(db, analysisId)
    const from = otherAnalyses?.find((a) => a.id === analysisId)
    if (!source) {
      setNotes((n) => [...n, "That analysis has no saved rubric."])
      return
    }
    setRubric(copyRubric(source.rubric))
    setNotes([`Started from the rubric of “${from?.postingTitle ?? analysisId}” (version ${source.version}). Check it fits this posting.`])
  }

  const problems = confirmProblems(rubric)
  const blocker = problems[0] ?? null

  const confirm = async () => {
    if (blocker) return
    setSaveError(null)
    setPhase({ step: "saving" })
    // The wire schema lets unknown facet fields through (index signature) where the TS interface has none.
    const clean = normalisedRubric(rubric) as RequestOf<typeof createAnalysis>["rubric"]
    try {
      if (editingExisting && analysis) {
        const { version } = await send(updateRubric, { analysisId: analysis.id, rubric: clean })
        setPhase({ step: "done", analysisId: analysis.id, version })
      } else {
        const cap = Number(spendingCap)
        const { analysisId } = await send(createAnalysis, {
          postingId: posting.id,
          rubric: clean,
          engine,
          includeArchived,
          ...(engine === "llm" && spendingCap.trim() && Number.isFinite(cap) && cap >= 0 ? { spendingCapUsd: cap } : {})
        })
        setPhase({ step: "done", analysisId, version: 1 })
      }
    } catch (error) {
      setSaveError(describeFailure(error))
      setPhase({ step: "editing" })
    }
  }

  return (
    <section className="stack" aria-label="Analysis setup">
      <div className="row">
        <button type="button" onClick={onBack} aria-label="Back to postings">← Postings</button>
        <h2 style={{ margin: 0, flex: 1 }}>{posting.title}</h2>
      </div>
      {analysis && editingExisting && (
        <p className="muted">
          Editing the rubric of the running analysis (version {analysis.rubricVersion}). Saving creates version {analysis.rubricVersion + 1}; earlier scores are marked stale and re-scored.
        </p>
      )}
      {phase.step === "loading" && (
        <div role="status">
          <p>{phase.message}</p>
          <div className="progress"><span style={{ width: "60%" }} /></div>
        </div>
      )}
      {phase.step === "error" && (
        <div role="alert" className="error">
          <p>{phase.message}</p>
          <button type="button" onClick={() => setPhase({ step: "editing" })}>Write requirements by hand</button>
        </div>
      )}
      {phase.step === "done" && (
        <div role="status" className="panel stack">
          <strong className="ok">{phase.version === 1 ? "Analysis started." : `Rubric version ${phase.version} saved; earlier scores will be re-scored.`}</strong>
          <p>Scores appear in the dashboard and on Lever as they arrive.</p>
          <div className="row">
            <button type="button" className="primary" onClick={() => onOpenDashboard(phase.analysisId)}>Open dashboard</button>
            <button type="button" onClick={onBack}>Back to postings</button>
          </div>
        </div>
      )}
      {(phase.step === "editing" || phase.step === "saving") && (
        <>
          {notes.length > 0 && (
            <ul className="muted" aria-label="Notes">
              {notes.map((note, i) => <li key={i}>{note}</li>)}
            </ul>
          )}
          {(otherAnalyses?.length ?? 0) > 0 && (
            <label className="row">
              Start from
              <select aria-label="Start from another analysis’s rubric" value="" onChange={(e) => void reuse(e.target.value)}>
                <option value="">another posting’s rubric…</option>
                {otherAnalyses!.map((a) => (
                  <option key={a.id} value={a.id}>{a.postingTitle} (v{a.rubricVersion})</option>
                ))}
              </select>
            </label>
          )}
          {!analysis || !editingExisting ? null : (
            <button type="button" className="link" onClick={() => { setEditingExisting(true); extract() }}>
              Re-read the posting instead
            </button>
          )}
          <RubricEditor rubric={rubric} onChange={setRubric} suggestions={suggestions} />
          {!(editingExisting && analysis) && (
            <fieldset className="stack">
              <legend>Run</legend>
              <label>
                <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} /> Also score candidates already archived
              </label>
              {engine === "llm" && (
                <label>
                  Stop after spending (USD, optional){" "}
                  <input type="number" min={0} step="0.5" style={{ width: 80 }} value={spendingCap} onChange={(e) => setSpendingCap(e.target.value)} aria-label="Spending cap in US dollars" />
                </label>
              )}
            </fieldset>
          )}
          {saveError && <p role="alert" className="error">Could not save: {saveError}</p>}
          <div className="row" style={{ position: "sticky", bottom: 0, background: "#fff", padding: "6px 0" }}>
            <span className="muted" style={{ flex: 1 }}>
              {blocker ? (
                <span className="warn">
                  {blocker}
                  {problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}
                </span>
              ) : (
                `Engine: ${engine === "llm" ? "language model" : "local (no data leaves the browser)"}.`
              )}
            </span>
            <button type="button" className="primary" disabled={!!blocker || phase.step === "saving"} onClick={() => void confirm()}>
              {phase.step === "saving" ? "Saving…" : editingExisting && analysis ? "Save new version" : "Confirm and start"}
            </button>
          </div>
        </>
      )}
    </section>
  )
}
