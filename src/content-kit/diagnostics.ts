/**
 * Diagnostics (options page switch, off by default): logs the skeleton of the first list rows and of the
 * profile header so the selectors can be confirmed on a live tenant. Names, e-mails and every other
 * text are redacted: text nodes show only their length, attribute values only where they are structural.
 */
import { PROFILE_HEADER, UUID_SOURCE } from "./lever-selectors"

const KEEP_VALUES = new Set(["class", "role", "data-qa", "type", "aria-label-kind", "scope", "colspan"])
const UUIDS = new RegExp(UUID_SOURCE, "gi")
const EMAIL = /[^\s@]+@[^\s@]+/g

function redactValue(name: string, value: string): string {
  if (name === "href" || name === "src") return value.replace(UUIDS, "<uuid>").replace(EMAIL, "<email>").replace(/\?.*$/, "?…")
  if (KEEP_VALUES.has(name) || name.startsWith("data-qa")) return value.replace(UUIDS, "<uuid>").replace(EMAIL, "<email>").slice(0, 80)
  if (UUIDS.test(value)) {
    UUIDS.lastIndex = 0
    return "<uuid>"
  }
  return "…"
}

/** An indented outline of `element`: tags and structural attributes, text replaced by its length. */
export function skeleton(element: Element, maxDepth = 6, maxChildren = 12): string {
  const lines: string[] = []
  const walk = (node: Node, depth: number) => {
    const pad = "  ".repeat(depth)
    if (node.nodeType === 3) {
      const length = (node.textContent ?? "").trim().length
      if (length) lines.push(`${pad}#text(${length})`)
      return
    }
    if (node.nodeType !== 1) return
    const el = node as Element
    const attrs = Array.from(el.attributes)
      .map((a) => `${a.name}="${redactValue(a.name, a.value)}"`)
      .join(" ")
    lines.push(`${pad}<${el.localName}${attrs ? ` ${attrs}` : ""}>`)
    if (depth >= maxDepth) {
      if (el.childNodes.length) lines.push(`${pad}  …`)
      return
    }
    const children = Array.from(el.childNodes)
    children.slice(0, maxChildren).forEach((child) => walk(child, depth + 1))
    if (children.length > maxChildren) lines.push(`${pad}  … ${children.length - maxChildren} more`)
  }
  walk(element, 0)
  return lines.join("\n")
}

export function logRowsSkeleton(rows: Element[], log: (...args: unknown[]) => void = console.info): void {
  if (!rows.length) {
    log("[lever-screening diagnostics] no candidate rows found on", location.pathname.replace(UUIDS, "<uuid>"))
    return
  }
  log(`[lever-screening diagnostics] ${rows.length} row(s); first rows (names and e-mails redacted):\n` + rows.slice(0, 3).map((row) => skeleton(row)).join("\n---\n"))
}

export function logProfileSkeleton(doc: Document, log: (...args: unknown[]) => void = console.info): void {
  const header = doc.querySelector(PROFILE_HEADER)
  log(
    header
      ? `[lever-screening diagnostics] profile header (redacted):\n${skeleton(header)}`
      : `[lever-screening diagnostics] no profile header matched (${PROFILE_HEADER}); the card uses a fixed panel. Top of body (redacted):\n${doc.body ? skeleton(doc.body, 3, 8) : "(no body)"}`
  )
}
