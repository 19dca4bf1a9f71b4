/**
 * A tiny element builder for the overlay. Text goes in through `textContent` only: candidate names,
 * requirement wording and resume passages are untrusted and never reach innerHTML.
 */
export type Child = Node | string | null | undefined | false

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { class?: string; title?: string; attrs?: Record<string, string>; on?: Record<string, (event: Event) => void> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag)
  if (props.class) element.className = props.class
  if (props.title) element.title = props.title
  if (props.attrs) for (const [name, value] of Object.entries(props.attrs)) element.setAttribute(name, value)
  if (props.on) for (const [type, listener] of Object.entries(props.on)) element.addEventListener(type, listener)
  append(element, ...children)
  return element
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === "string" ? parent.ownerDocument!.createTextNode(child) : child)
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild)
}

/** Parsed once per document and shared by every shadow root that uses the same CSS. */
const sharedSheets = new WeakMap<Document, Map<string, CSSStyleSheet | null>>()

function sharedSheet(doc: Document, css: string): CSSStyleSheet | null {
  let sheets = sharedSheets.get(doc)
  if (!sheets) sharedSheets.set(doc, (sheets = new Map()))
  if (!sheets.has(css)) {
    let sheet: CSSStyleSheet | null = null
    try {
      const view = doc.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null
      sheet = view && "replaceSync" in view.CSSStyleSheet.prototype ? new view.CSSStyleSheet() : null
      sheet?.replaceSync(css)
    } catch {
      sheet = null
    }
    sheets.set(css, sheet)
  }
  return sheets.get(css) ?? null
}

/**
 * A shadow root with its own styles: nothing of Lever's CSS gets in, nothing of ours gets out. One
 * constructed stylesheet is shared by all hosts (500 badges parse the CSS once); where adopting it is
 * not allowed (Firefox content scripts), each root gets a <style> element instead.
 */
export function shadowWithStyles(host: HTMLElement, css: string): ShadowRoot {
  const shadow = host.attachShadow({ mode: "open" })
  const sheet = sharedSheet(host.ownerDocument, css)
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet]
      return shadow
    } catch {
      // Fall through to a <style> element.
    }
  }
  const style = host.ownerDocument.createElement("style")
  style.textContent = css
  shadow.appendChild(style)
  return shadow
}

/** Removes everything but the styles from a shadow root built by `shadowWithStyles`. */
export function clearShadow(shadow: ShadowRoot): void {
  for (const child of Array.from(shadow.childNodes)) if ((child as Element).localName !== "style") shadow.removeChild(child)
}

export function newClickId(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}
