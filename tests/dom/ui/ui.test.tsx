import { fireEvent, render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { useState } from "react"
import { describe, expect, it, vi } from "vitest"

import { MessageFailure } from "../../../src/messaging/contract"
import { Dialog } from "../../../src/ui/dialog"
import { describeFailure } from "../../../src/ui/errors"
import { VirtualList, visibleRange } from "../../../src/ui/virtual-list"

function DialogHarness({ onClose }: { onClose: () => void }) {
  const [open, setOpen] = useState(false)
  return (
    <div>
      <button onClick={() => setOpen(true)}>Open</button>
      {open && (
        <Dialog title="Confirm" onClose={() => { onClose(); setOpen(false) }}>
          <button>First</button>
          <button>Last</button>
        </Dialog>
      )}
    </div>
  )
}

describe("Dialog", () => {
  it("focuses inside, traps Tab both ways, closes on Escape and gives focus back", async () => {
    const onClose = vi.fn()
    const user = userEvent.setup()
    render(<DialogHarness onClose={onClose} />)
    const opener = screen.getByRole("button", { name: "Open" })
    await user.click(opener)
    expect(screen.getByRole("dialog", { name: "Confirm" })).toHaveAttribute("aria-modal", "true")
    expect(screen.getByRole("button", { name: "First" })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole("button", { name: "Last" })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole("button", { name: "First" })).toHaveFocus()
    await user.tab({ shift: true })
    expect(screen.getByRole("button", { name: "Last" })).toHaveFocus()
    await user.keyboard("{Escape}")
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole("dialog")).toBeNull()
    expect(opener).toHaveFocus()
  })
})

describe("VirtualList", () => {
  it("computes the window with overscan and clamps at the ends", () => {
    expect(visibleRange(0, 100, 10, 1000, 2)).toEqual({ first: 0, last: 12 })
    expect(visibleRange(500, 100, 10, 1000, 2)).toEqual({ first: 48, last: 62 })
    expect(visibleRange(9950, 100, 10, 1000, 2)).toEqual({ first: 993, last: 1000 })
  })

  it("renders only visible rows and follows scrolling", () => {
    const items = Array.from({ length: 5000 }, (_, i) => `Item ${i}`)
    render(<VirtualList items={items} rowHeight={20} height={200} overscan={3} label="Things" getKey={(x) => x} renderRow={(x) => <span>{x}</span>} />)
    expect(screen.getAllByRole("listitem")).toHaveLength(13)
    const viewport = screen.getByRole("list", { name: "Things" })
    viewport.scrollTop = 20 * 4000
    fireEvent.scroll(viewport)
    expect(screen.getByText("Item 4005")).toBeInTheDocument()
    expect(screen.queryByText("Item 0")).toBeNull()
  })
})

describe("plain errors", () => {
  it("turns codes into words, with action-specific wording", () => {
    expect(describeFailure(new MessageFailure({ code: "lever_forbidden", message: "403" }), "reject")).toMatch(/cannot archive candidates/)
    expect(describeFailure(new MessageFailure({ code: "lever_unavailable", message: "503" }))).toMatch(/unavailable/)
    expect(describeFailure(new MessageFailure({ code: "bad_request", message: "Field x is invalid" }))).toBe("Field x is invalid")
  })
})
