/** The ranked, grouped, windowed candidate table. Names and headlines are untrusted: text only. */
import { forwardRef } from "react"

import type { CandidateRow } from "../db/repositories/candidates"
import { VirtualList, type VirtualListHandle } from "../ui/virtual-list"
import type { SortKey, SortState, TableItem } from "./table-model"

export const ROW_HEIGHT = 32

export interface CandidateTableProps {
  items: TableItem[]
  height: number
  selected: ReadonlySet<string>
  activeId: string | null
  sort: SortState
  onSort: (key: SortKey) => void
  onToggle: (id: string, shiftKey: boolean) => void
  onToggleGroup: (ids: string[], select: boolean) => void
  onOpen: (id: string) => void
  onActivate: (id: string) => void
}

function mandatoryText(row: CandidateRow): string {
  if (row.meetsAllMandatory === null) return "—"
  return row.meetsAllMandatory ? "Meets" : "Misses"
}

function statusText(row: CandidateRow): string {
  if (row.score !== null) return String(row.score)
  if (row.needsReview) return "review"
  if (row.failed) return "failed"
  if (row.jobState === "running") return "scoring…"
  if (row.jobState === "queued") return "queued"
  return "—"
}

function flagsOf(row: CandidateRow): string[] {
  const flags: string[] = []
  if (row.hiddenText) flags.push("hidden text")
  if (row.needsReview) flags.push("needs review")
  if (row.stale) flags.push("stale")
  if (row.failed) flags.push("failed")
  return flags
}

function SortButton({ label, keyName, sort, onSort }: { label: string; keyName: SortKey; sort: SortState; onSort: (key: SortKey) => void }) {
  const active = sort.key === keyName
  return (
    <button type="button" className="link" onClick={() => onSort(keyName)} aria-label={`Sort by ${label}${active ? (sort.direction === "desc" ? ", descending" : ", ascending") : ""}`}>
      {label}
      {active ? (sort.direction === "desc" ? " ▼" : " ▲") : ""}
    </button>
  )
}

export const CandidateTable = forwardRef<VirtualListHandle, CandidateTableProps>(function CandidateTable(props, ref) {
  const { items, height, selected, activeId, sort, onSort, onToggle, onToggleGroup, onOpen, onActivate } = props
  return (
    <div>
      <div className="cand-row header" style={{ height: ROW_HEIGHT }}>
        <span />
        <SortButton label="Name" keyName="name" sort={sort} onSort={onSort} />
        <SortButton label="Score" keyName="score" sort={sort} onSort={onSort} />
        <span>Mandatory</span>
        <span>Verdicts</span>
        <span>Flags</span>
        <SortButton label="Stage" keyName="stage" sort={sort} onSort={onSort} />
      </div>
      <VirtualList
        ref={ref}
        items={items}
        rowHeight={ROW_HEIGHT}
        height={height}
        label="Candidates"
        getKey={(item) => (item.kind === "group" ? `group-${item.group}` : item.row.opportunityId)}
        renderRow={(item) => {
          if (item.kind === "group") {
            const allSelected = item.ids.length > 0 && item.ids.every((id) => selected.has(id))
            return (
              <div className="group-row" style={{ height: ROW_HEIGHT }}>
                <input
                  type="checkbox"
                  aria-label={`Select all ${item.count} in “${item.label}”`}
                  checked={allSelected}
                  disabled={item.count === 0}
                  onChange={() => onToggleGroup(item.ids, !allSelected)}
                />
                <span role="heading" aria-level={3}>{item.label}</span>
                <span className="muted">({item.count})</span>
              </div>
            )
          }
          const row = item.row
          const flags = flagsOf(row)
          const v = row.verdicts
          return (
            <div
              className={`cand-row${row.opportunityId === activeId ? " active" : ""}`}
              style={{ height: ROW_HEIGHT }}
              data-testid="candidate-row"
              data-id={row.opportunityId}
              aria-current={row.opportunityId === activeId ? "true" : undefined}
              onClick={() => onActivate(row.opportunityId)}>
              <input
                type="checkbox"
                aria-label={`Select ${row.name}`}
                checked={selected.has(row.opportunityId)}
                onClick={(event) => {
                  event.stopPropagation()
                  onToggle(row.opportunityId, event.shiftKey)
                }}
                onChange={() => undefined}
              />
              <button type="button" className="link" style={{ textAlign: "left" }} onClick={() => onOpen(row.opportunityId)} title={row.headline}>
                {row.name}
              </button>
              <span data-testid="score">{statusText(row)}</span>
              <span className={row.meetsAllMandatory ? "ok" : row.meetsAllMandatory === false ? "error" : "muted"}>{mandatoryText(row)}</span>
              <span aria-label={`${v.met} met, ${v.partial} partly met, ${v.not_met} not met, ${v.unclear} unclear`}>
                <span className="verdict-met">{v.met}✓</span> <span className="verdict-partial">{v.partial}½</span>{" "}
                <span className="verdict-not_met">{v.not_met}✗</span> <span className="verdict-unclear">{v.unclear}?</span>
              </span>
              <span className="warn">{flags.join(", ")}</span>
              <span>{row.archived ? "Archived" : row.stageText ?? "—"}</span>
            </div>
          )
        }}
      />
    </div>
  )
})
