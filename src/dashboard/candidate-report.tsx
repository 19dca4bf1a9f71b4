/**
 * The candidate report beside the resume: each requirement's verdict, evidence and reason on one side,
 * the resume (PDF pages and its visible text with the evidence highlighted) on the other.
 * Everything from the resume or Lever is untrusted and rendered as plain text nodes.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react"

import type { Rubric } from "../core/requirements/model"
import { CATEGORY_LABELS } from "../core/requirements/model"
import type { Verdict } from "../core/scoring/result"
import type { CandidateRow } from "../db/repositories/candidates"
import { getDb } from "../db/schema"
import { locatePassages, segmentText } from "./highlight"

// pdf.js is most of the dashboard's weight: load it only when a PDF resume is opened.
const PdfPages = lazy(() => import("./pdf-pages").then((module) => ({ default: module.PdfPages })))

export const VERDICT_LABELS: Record<Verdict, string> = { met: "Met", partial: "Partly met", not_met: "Not met", unclear: "Unclear" }

const HIDDEN_REASONS: Record<string, string> = {
  white_text: "white or background-coloured text",
  tiny_text: "text too small to read",
  off_page: "text placed outside the page",
  invisible_render_mode: "text drawn invisibly"
}

export interface CandidateReportProps {
  row: CandidateRow
  rubric: Rubric | undefined
  position: { index: number; total: number }
  onPrevious: () => void
  onNext: () => void
  onClose: () => void
  /** Queues this candidate again (failed or needs review). */
  onRetry?: () => void
}

function useResume(opportunityId: string) {
  return useLiveQuery(async () => {
    const db = getDb()
    const files = await db.resumeFiles.where("opportunityId").equals(opportunityId).toArray()
    const file = files.sort((a, b) => b.fetchedAt - a.fetchedAt)[0]
    const text = file ? await db.resumeTexts.get(file.contentHash) : undefined
    return { file, document: text?.document }
  }, [opportunityId])
}

export function CandidateReport({ row, rubric, position, onPrevious, onNext, onClose, onRetry }: CandidateReportProps) {
  const resume = useResume(row.opportunityId)
  const [currentEvidence, setCurrentEvidence] = useState<string | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    setCurrentEvidence(null)
    headingRef.current?.focus()
  }, [row.opportunityId])

  const requirementById = useMemo(() => new Map((rubric?.requirements ?? []).map((r) => [r.id, r])), [rubric])
  const verdicts = row.result?.verdicts ?? []
  const allEvidence = useMemo(() => verdicts.flatMap((v) => v.evidence), [verdicts])
  const text = resume?.document?.text ?? ""
  const ranges = useMemo(() => locatePassages(text, allEvidence), [text, allEvidence])
  const segments = useMemo(() => segmentText(text, ranges), [text, ranges])
  const currentIndex = currentEvidence === null ? -1 : allEvidence.indexOf(currentEvidence)
  const textView = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (currentIndex < 0) return
    const mark = textView.current?.querySelector<HTMLElement>(`mark[data-evidence="${currentIndex}"]`)
    mark?.scrollIntoView?.({ block: "center", behavior: "smooth" })
  }, [currentIndex])

  const hiddenFlags = row.result?.flags.filter((flag) => flag.kind === "hidden_text") ?? []
  const otherFlags = row.result?.flags.filter((flag) => flag.kind !== "hidden_text") ?? []
  const hiddenFindings = resume?.document?.hidden ?? []
  const isPdf = resume?.file && (resume.file.ext?.toLowerCase() === "pdf" || resume.file.fileName?.toLowerCase().endsWith(".pdf"))

  return (
    <section className="report" aria-label={`Report for ${row.name}`}>
      <div>
        <div className="row">
          <h2 ref={headingRef} tabIndex={-1} style={{ margin: 0 }}>{row.name}</h2>
          <span className="spacer" />
          <button type="button" onClick={onPrevious} disabled={position.index <= 0} aria-label="Previous candidate">◀ Previous</button>
          <span className="muted">{position.index + 1} / {position.total}</span>
          <button type="button" onClick={onNext} disabled={position.index >= position.total - 1} aria-label="Next candidate">Next ▶</button>
          <button type="button" onClick={onClose} aria-label="Close report">Close</button>
        </div>
        {row.headline && <p className="muted">{row.headline}</p>}
        <p>
          Score: <strong>{row.score ?? "—"}</strong>
          {" · "}
          {row.meetsAllMandatory === null ? "not scored yet" : row.meetsAllMandatory ? "meets all mandatory requirements" : "does not meet all mandatory requirements"}
          {row.stale && <span className="badge warn"> stale: scored under an older rubric</span>}
        </p>
        <p>
          {row.profileUrl ? (
            <a href={row.profileUrl} target="_blank" rel="noopener noreferrer">Open in Lever</a>
          ) : (
            <span className="muted">No Lever link for this candidate.</span>
          )}
          {" · "}Stage: {row.archived ? "Archived" : row.stageText ?? "—"}
        </p>
        {row.jobError && <p className="error">Last error: {row.jobError}</p>}
        {onRetry && (
          <button type="button" onClick={onRetry}>Score this candidate again</button>
        )}
        {otherFlags.length > 0 && (
          <ul aria-label="Flags">
            {otherFlags.map((flag, index) => (
              <li key={index} className="warn">{flag.message}{flag.detail ? `: ${flag.detail}` : ""}</li>
            ))}
          </ul>
        )}
        <h3>Requirements</h3>
        {verdicts.length === 0 && <p className="muted">No verdicts yet for this candidate.</p>}
        <ol className="list-plain">
          {verdicts.map((verdict) => {
            const requirement = requirementById.get(verdict.requirementId)
            return (
              <li key={verdict.requirementId} className="panel" style={{ marginBottom: 6 }}>
                <div className="row">
                  <strong className={`verdict-${verdict.verdict}`}>{VERDICT_LABELS[verdict.verdict]}</strong>
                  <span>{requirement?.text ?? "(requirement removed from the rubric)"}</span>
                  {requirement?.mandatory && <span className="badge">Mandatory</span>}
                  {requirement && <span className="muted">{CATEGORY_LABELS[requirement.category]}</span>}
                </div>
                {verdict.reason && <p className="muted">{verdict.reason}</p>}
                {verdict.evidence.map((passage, index) => (
                  <button
                    type="button"
                    key={index}
                    className="evidence"
                    aria-pressed={currentEvidence === passage}
                    aria-label={`Show evidence in resume: ${passage}`}
                    onClick={() => setCurrentEvidence(passage)}>
                    “{passage}”
                  </button>
                ))}
              </li>
            )
          })}
        </ol>
        {(hiddenFlags.length > 0 || hiddenFindings.length > 0) && (
          <div className="panel" role="note" aria-label="Hidden text">
            <h3>Hidden text (did not count)</h3>
            <p>
              This resume contains text a reader cannot see. It was left out of scoring: only visible text counts, so
              invisible keywords cannot raise a score.
            </p>
            <ul>
              {hiddenFindings.map((finding, index) => (
                <li key={`f${index}`}>
                  <span className="muted">{HIDDEN_REASONS[finding.reason] ?? finding.reason}: </span>
                  <q>{finding.excerpt}</q>
                </li>
              ))}
              {hiddenFindings.length === 0 && hiddenFlags.map((flag, index) => (
                <li key={`h${index}`}>{flag.message}{flag.detail ? <>: <q>{flag.detail}</q></> : null}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div>
        <h3>Resume</h3>
        {resume === undefined && <p className="muted">Loading the resume…</p>}
        {resume && !resume.file && !resume.document && <p className="muted">No resume file has been downloaded for this candidate.</p>}
        {resume?.document && resume.document.status !== "ok" && (
          <p className="warn">{resume.document.statusMessage ?? `The resume could not be read (${resume.document.status}).`}</p>
        )}
        {resume?.document && (
          <>
            <p className="muted">
              Visible text{ranges.length ? `, ${ranges.length} evidence passage${ranges.length === 1 ? "" : "s"} highlighted` : ""}:
            </p>
            <div ref={textView} className="resume-text" aria-label="Resume text" tabIndex={0}>
              {segments.map((segment, index) =>
                segment.evidence === undefined ? (
                  <span key={index}>{segment.text}</span>
                ) : (
                  <mark key={index} data-evidence={segment.evidence} className={segment.evidence === currentIndex ? "current" : undefined}>
                    {segment.text}
                  </mark>
                )
              )}
            </div>
          </>
        )}
        {isPdf && resume?.file && (
          <details open>
            <summary>PDF pages</summary>
            <Suspense fallback={<p className="muted">Loading the PDF viewer…</p>}>
              <PdfPages bytes={resume.file.bytes} label={`Resume of ${row.name}`} />
            </Suspense>
          </details>
        )}
      </div>
    </section>
  )
}
