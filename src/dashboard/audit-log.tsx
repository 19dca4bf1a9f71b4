/** The audit log of an analysis: every action, its Lever answer, an Undo per action, and the export. */
import { useLiveQuery } from "dexie-react-hooks"

import type { AuditRow } from "../db/schema"
import { getDb } from "../db/schema"
import { auditCsv, buildExport, downloadText, scoresCsv } from "./audit-export"

const ACTION_LABELS: Record<AuditRow["action"], string> = {
  archive: "Reject (archive)",
  unarchive: "Undo reject (unarchive)",
  stage: "Stage change",
  tag: "Tag",
  note: "Note",
  analysis_created: "Analysis created",
  rubric_changed: "Rubric changed",
  analysis_deleted: "Analysis deleted",
  data_deleted: "Data deleted"
}

const UNDOABLE = new Set<AuditRow["action"]>(["archive", "stage", "tag"])

function summariseDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, value]) => value !== undefined && value !== null && value !== "")
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join("; ")
}

export function AuditLog({ analysisId, nameOf, onUndo }: { analysisId: string; nameOf: (id: string) => string; onUndo: (actionId: string) => void }) {
  const rows = useLiveQuery(() => getDb().audit.where("analysisId").equals(analysisId).toArray(), [analysisId])

  const exportAll = async (format: "json" | "csv") => {
    const db = getDb()
    const analysis = (await db.analyses.get(analysisId)) ?? null
    const [rubrics, audit, scores] = await Promise.all([
      db.rubrics.where("analysisId").equals(analysisId).toArray(),
      db.audit.where("analysisId").equals(analysisId).toArray(),
      db.scores.where("analysisId").equals(analysisId).toArray()
    ])
    const applicants = analysis ? await db.applicants.where("postingId").equals(analysis.postingId).toArray() : []
    const bundle = buildExport(analysis, rubrics, audit, scores, applicants)
    const stamp = bundle.exportedAt.slice(0, 19).replace(/[:T]/g, "-")
    if (format === "json") {
      downloadText(`screening-${analysisId}-${stamp}.json`, JSON.stringify(bundle, null, 2), "application/json")
    } else {
      downloadText(`screening-actions-${analysisId}-${stamp}.csv`, auditCsv(bundle), "text/csv")
      downloadText(`screening-scores-${analysisId}-${stamp}.csv`, scoresCsv(bundle), "text/csv")
    }
  }

  const sorted = [...(rows ?? [])].sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0))
  const undone = new Set(sorted.filter((r) => r.details.undoOf).map((r) => String(r.details.undoOf)))
  // Undo works on a whole action (one click), so the button appears once per action, on its newest success.
  const succeededPerAction = new Map<string, number>()
  for (const r of sorted) if (r.phase === "succeeded" && UNDOABLE.has(r.action) && !r.details.undoOf) succeededPerAction.set(r.actionId, (succeededPerAction.get(r.actionId) ?? 0) + 1)
  const undoShownFor = new Set<string>()
  const showUndo = (row: AuditRow): boolean => {
    if (row.phase !== "succeeded" || !UNDOABLE.has(row.action) || row.details.undoOf || undone.has(row.actionId) || undoShownFor.has(row.actionId)) return false
    undoShownFor.add(row.actionId)
    return true
  }
  return (
    <section aria-label="Audit log">
      <div className="row">
        <h2>Audit log</h2>
        <span className="spacer" />
        <button type="button" onClick={() => void exportAll("csv")}>Export CSV</button>
        <button type="button" onClick={() => void exportAll("json")}>Export JSON</button>
      </div>
      {rows === undefined && <p className="muted">Loading…</p>}
      {rows && rows.length === 0 && <p className="empty">No actions yet for this analysis.</p>}
      {sorted.length > 0 && (
        <table className="plain">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Candidate</th>
              <th scope="col">Result</th>
              <th scope="col">Details</th>
              <th scope="col"><span className="visually-hidden">Undo</span></th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.id ?? `${row.actionId}-${row.opportunityId}-${row.phase}`}>
                <td>{new Date(row.at).toLocaleString()}</td>
                <td>{row.actor}</td>
                <td>{ACTION_LABELS[row.action] ?? row.action}</td>
                <td>{row.opportunityId ? nameOf(row.opportunityId) : "—"}</td>
                <td className={row.phase === "failed" ? "error" : row.phase === "succeeded" ? "ok" : "muted"}>{row.phase}</td>
                <td style={{ maxWidth: 360, overflowWrap: "anywhere" }}>{summariseDetails(row.details)}</td>
                <td>
                  {showUndo(row) && (
                    <button
                      type="button"
                      onClick={() => onUndo(row.actionId)}
                      aria-label={`Undo ${ACTION_LABELS[row.action]} (${succeededPerAction.get(row.actionId)} candidate${succeededPerAction.get(row.actionId) === 1 ? "" : "s"})`}>
                      Undo
                    </button>
                  )}
                  {row.phase === "succeeded" && undone.has(row.actionId) && !row.details.undoOf && <span className="muted">undone</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
