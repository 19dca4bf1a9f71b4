/**
 * Anchor-first row finding (shared/lever/web-app.md, strategy 2): profile links → id from the path →
 * dedupe by id (name and avatar links) → row = closest row element. Rows without a link fall back to a
 * UUID in a row attribute. Links inside the profile flyover are not list rows.
 */
import { CANDIDATE_LINK, FLYOVER, ID_CARRIER, OWN_ATTR, PROFILE_PATH, ROW, UUID_IN_TEXT } from "./lever-selectors"

export interface FoundRow {
  id: string
  row: Element
  /** The profile link the badge sits next to (absent for fallback rows). */
  anchor?: HTMLAnchorElement
}

/** Reads the opportunity id of a profile link, from its resolved path (relative or absolute hrefs). */
export function idFromAnchor(anchor: HTMLAnchorElement): string | undefined {
  const raw = anchor.getAttribute("href")
  if (!raw) return undefined
  let path: string
  if (raw.startsWith("/")) path = raw
  else {
    try {
      const url = new URL(raw, anchor.ownerDocument.location.href)
      path = url.pathname
    } catch {
      return undefined
    }
  }
  const match = PROFILE_PATH.exec(path)
  return match ? match[1].toLowerCase() : undefined
}

function uuidAttribute(element: Element): string | undefined {
  const attributes = element.attributes
  for (let i = 0; i < attributes.length; i++) {
    if (attributes[i].name === OWN_ATTR) continue
    const match = UUID_IN_TEXT.exec(attributes[i].value)
    if (match) return match[0].toLowerCase()
  }
  return undefined
}

/** Fallback for rows without a link: a UUID on the row itself, or on its id-carrying child (checkbox). */
function idFromAttributes(row: Element): string | undefined {
  const own = uuidAttribute(row)
  if (own) return own
  const carrier = row.querySelector(ID_CARRIER)
  return carrier ? uuidAttribute(carrier) : undefined
}

/**
 * Every candidate row in `root`, in document order, one per opportunity id. A row that holds links to
 * several candidates is skipped (it is a container, not a row).
 */
export function findRows(root: ParentNode): FoundRow[] {
  const byId = new Map<string, FoundRow>()
  const rowsSeen = new Map<Element, string>()
  const conflicted = new Set<Element>()
  // Usually none; when the flyover is open, links inside it belong to the profile, not to a row.
  const flyovers = Array.from(root.querySelectorAll(FLYOVER))
  const inFlyover = (element: Element) => flyovers.length > 0 && flyovers.some((flyover) => flyover.contains(element))
  const anchors = root.querySelectorAll<HTMLAnchorElement>(CANDIDATE_LINK)
  for (let i = 0; i < anchors.length; i++) {
    const anchor = anchors[i]
    const id = idFromAnchor(anchor)
    if (!id) continue
    const row = anchor.closest(ROW)
    if (!row || inFlyover(anchor)) continue
    const previous = rowsSeen.get(row)
    if (previous && previous !== id) {
      conflicted.add(row)
      continue
    }
    rowsSeen.set(row, id)
    const existing = byId.get(id)
    if (!existing) byId.set(id, { id, row, anchor })
    // The avatar link usually comes first and is empty: the badge belongs next to the name.
    else if (existing.row === row && existing.anchor && !existing.anchor.textContent?.trim() && anchor.textContent?.trim()) existing.anchor = anchor
  }
  // The fallback only runs on a page whose rows carry no profile links at all: scanning every row
  // element on every pass would double a pass's cost for a case that then never happens.
  const rows = rowsSeen.size ? [] : root.querySelectorAll(ROW)
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]
    if (rowsSeen.has(row) || inFlyover(row)) continue
    const id = idFromAttributes(row)
    if (id && !byId.has(id)) {
      byId.set(id, { id, row })
      rowsSeen.set(row, id)
    }
  }
  const found: FoundRow[] = []
  for (const entry of byId.values()) if (!conflicted.has(entry.row)) found.push(entry)
  return found
}
