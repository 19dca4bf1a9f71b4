/**
 * The ranked table's view logic, kept pure so it is tested without a browser:
 * filter → sort → split into the two groups (meets all mandatory / does not).
 */
import type { CandidateRow } from "../db/repositories/candidates"

export type SortKey = "score" | "name" | "stage"
export type FlagFilter = "any" | "hidden_text" | "needs_review" | "stale" | "failed"

export interface TableFilters {
  search: string
  minScore: number
  maxScore: number
  mandatory: "any" | "meets" | "fails"
  /** A stage id, "any", or "archived". */
  stage: string
  flag: FlagFilter
  notActedOnly: boolean
}

export const DEFAULT_FILTERS: TableFilters = {
  search: "",
  minScore: 0,
  maxScore: 100,
  mandatory: "any",
  stage: "any",
  flag: "any",
  notActedOnly: false
}

export interface SortState {
  key: SortKey
  direction: "asc" | "desc"
}

export const DEFAULT_SORT: SortState = { key: "score", direction: "desc" }

export function matchesFilters(row: CandidateRow, filters: TableFilters): boolean {
  const search = filters.search.trim().toLowerCase()
  if (search && !`${row.name} ${row.headline ?? ""}`.toLowerCase().includes(search)) return false
  const scoreRangeActive = filters.minScore > 0 || filters.maxScore < 100
  if (scoreRangeActive) {
    // Unscored candidates have no place on a score range, so a narrowed range leaves them out.
    if (row.score === null) return false
    if (row.score < filters.minScore || row.score > filters.maxScore) return false
  }
  if (filters.mandatory === "meets" && row.meetsAllMandatory !== true) return false
  if (filters.mandatory === "fails" && row.meetsAllMandatory !== false) return false
  if (filters.stage === "archived" && !row.archived) return false
  if (filters.stage !== "any" && filters.stage !== "archived" && (row.stageId !== filters.stage || row.archived)) return false
  switch (filters.flag) {
    case "hidden_text":
      if (!row.hiddenText) return false
      break
    case "needs_review":
      if (!row.needsReview) return false
      break
    case "stale":
      if (!row.stale) return false
      break
    case "failed":
      if (!row.failed) return false
      break
  }
  if (filters.notActedOnly && (row.actedOn || row.archived)) return false
  return true
}

export function compareRows(a: CandidateRow, b: CandidateRow, sort: SortState): number {
  const sign = sort.direction === "asc" ? 1 : -1
  let primary = 0
  switch (sort.key) {
    case "score": {
      // Unscored rows always sink to the bottom, whichever the direction.
      if (a.score === null && b.score === null) primary = 0
      else if (a.score === null) return 1
      else if (b.score === null) return -1
      else primary = (a.score - b.score) * sign
      break
    }
    case "name":
      primary = a.name.localeCompare(b.name) * sign
      break
    case "stage":
      primary = (a.stageText ?? "").localeCompare(b.stageText ?? "") * sign
      break
  }
  return primary || a.name.localeCompare(b.name) || a.opportunityId.localeCompare(b.opportunityId)
}

export interface Groups {
  meets: CandidateRow[]
  fails: CandidateRow[]
}

/** "Does not" holds everyone not known to meet all mandatory requirements, unscored included. */
export function groupRows(rows: CandidateRow[], filters: TableFilters, sort: SortState): Groups {
  const visible = rows.filter((row) => matchesFilters(row, filters)).sort((a, b) => compareRows(a, b, sort))
  return {
    meets: visible.filter((row) => row.meetsAllMandatory === true),
    fails: visible.filter((row) => row.meetsAllMandatory !== true)
  }
}

export type TableItem =
  | { kind: "group"; group: keyof Groups; label: string; count: number; ids: string[] }
  | { kind: "row"; row: CandidateRow; group: keyof Groups }

export const GROUP_LABELS: Record<keyof Groups, string> = {
  meets: "Meets all mandatory requirements",
  fails: "Does not meet all mandatory requirements"
}

/** Flattens the groups into one list (headers + rows) for the windowed table. */
export function flattenGroups(groups: Groups): TableItem[] {
  const items: TableItem[] = []
  for (const group of ["meets", "fails"] as const) {
    const rows = groups[group]
    items.push({ kind: "group", group, label: GROUP_LABELS[group], count: rows.length, ids: rows.map((row) => row.opportunityId) })
    for (const row of rows) items.push({ kind: "row", row, group })
  }
  return items
}

/** Score histogram in bins of `width` points (0–9, 10–19, … 90–100). */
export function scoreHistogram(rows: CandidateRow[], width = 10): number[] {
  const bins = new Array(Math.ceil(100 / width)).fill(0) as number[]
  for (const row of rows) {
    if (row.score === null) continue
    const index = Math.min(bins.length - 1, Math.max(0, Math.floor(row.score / width)))
    bins[index] += 1
  }
  return bins
}
