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

/** A shadow root with its own styles: nothing of Lever's CSS gets in, nothing of ours gets out. */
export function shadowWithStyles(host: HTMLElement, css: string): ShadowRoot {
  const shadow = host.attachShadow({ mode: "open" })
  const style = host.ownerDocument.createElement("style")
  style.textContent = css
  shadow.appendChild(style)
  return shadow
}

export function newClickId(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}
