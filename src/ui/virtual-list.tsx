/**
 * A small windowing list: only the rows in view (plus a few either side) are in the DOM, so a table
 * of 2,000 applicants scrolls smoothly. Rows have one fixed height, which keeps the arithmetic exact.
 */
import { forwardRef, useImperativeHandle, useRef, useState, type ReactNode } from "react"

export interface VirtualListHandle {
  /** Scrolls the least distance needed to bring row `index` fully into view. */
  scrollToIndex(index: number): void
}

export interface VirtualListProps<T> {
  items: readonly T[]
  rowHeight: number
  /** Height of the scrolling viewport in pixels (measured by the caller, or fixed). */
  height: number
  /** Rows rendered beyond the viewport on each side. */
  overscan?: number
  renderRow: (item: T, index: number) => ReactNode
  getKey: (item: T, index: number) => string
  label: string
  role?: string
}

export function visibleRange(scrollTop: number, height: number, rowHeight: number, count: number, overscan: number) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan)
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan)
  return { first, last }
}

function VirtualListInner<T>(props: VirtualListProps<T>, ref: React.Ref<VirtualListHandle>) {
  const { items, rowHeight, height, overscan = 6, renderRow, getKey, label, role = "list" } = props
  const viewport = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)

  useImperativeHandle(ref, () => ({
    scrollToIndex(index: number) {
      const element = viewport.current
      if (!element) return
      const top = index * rowHeight
      const bottom = top + rowHeight
      let next = element.scrollTop
      if (top < next) next = top
      else if (bottom > next + height) next = bottom - height
      if (next !== element.scrollTop) {
        element.scrollTop = next
        setScrollTop(next)
      }
    }
  }), [rowHeight, height])

  const { first, last } = visibleRange(scrollTop, height, rowHeight, items.length, overscan)
  const rows: ReactNode[] = []
  for (let index = first; index < last; index++) {
    rows.push(
      <div key={getKey(items[index], index)} role={role === "list" ? "listitem" : undefined} style={{ position: "absolute", top: index * rowHeight, left: 0, right: 0, height: rowHeight }}>
        {renderRow(items[index], index)}
      </div>
    )
  }
  return (
    <div
      ref={viewport}
      className="vlist"
      role={role}
      aria-label={label}
      aria-rowcount={role === "grid" || role === "table" ? items.length : undefined}
      style={{ height }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <div style={{ height: items.length * rowHeight, position: "relative" }}>{rows}</div>
    </div>
  )
}

export const VirtualList = forwardRef(VirtualListInner) as <T>(
  props: VirtualListProps<T> & { ref?: React.Ref<VirtualListHandle> }
) => ReturnType<typeof VirtualListInner>
