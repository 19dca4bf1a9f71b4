/** Lifecycle, passes and diagnostics: the old script stops, our own mutations start no pass, names are redacted. */
import { describe, expect, it, vi } from "vitest"

import { skeleton } from "~/content-kit/diagnostics"
import { isContextInvalidatedError, startLifecycle } from "~/content-kit/lifecycle"
import { createPassScheduler, isOwnMutation, observeDocument, PASS_EVENT } from "~/content-kit/scheduler"
import { id } from "./fake-background"
import { listPage, tableRow } from "./markup"

describe("lifecycle", () => {
  it("shuts the older instance of the same surface down when a newer one starts", () => {
    const old = startLifecycle("list", document, () => true)
    const cleanup = vi.fn()
    old.onShutdown(cleanup)
    const other = startLifecycle("profile", document, () => true)
    expect(old.alive).toBe(true)
    const newer = startLifecycle("list", document, () => true)
    expect(old.alive).toBe(false)
    expect(cleanup).toHaveBeenCalledOnce()
    expect(newer.alive).toBe(true)
    expect(other.alive).toBe(true)
    newer.shutdown("test")
    other.shutdown("test")
  })

  it("shuts down when the extension context is invalidated", () => {
    let alive = true
    const lifecycle = startLifecycle("x", document, () => alive)
    expect(lifecycle.checkContext()).toBe(false)
    alive = false
    expect(lifecycle.checkContext()).toBe(true)
    expect(lifecycle.signal.aborted).toBe(true)
    expect(isContextInvalidatedError(new Error("Extension context invalidated."))).toBe(true)
    expect(isContextInvalidatedError(new Error("The extension was updated or reloaded: reload this page."))).toBe(true)
    expect(isContextInvalidatedError(new Error("Lever is unavailable"))).toBe(false)
  })
})

describe("passes", () => {
  it("throttles requests to one pass per delay, handles a lone change at once, and reports each pass's duration", async () => {
    vi.useFakeTimers()
    const pass = vi.fn(() => ({ rows: 3 }))
    const events: string[] = []
    document.addEventListener(PASS_EVENT, (e) => events.push((e as CustomEvent).detail))
    const controller = new AbortController()
    const scheduler = createPassScheduler("list", pass, controller.signal, 100)
    scheduler.request()
    vi.advanceTimersByTime(1)
    expect(pass).toHaveBeenCalledTimes(1)
    // A burst right after a pass waits for the delay, and becomes a single pass.
    scheduler.request()
    vi.advanceTimersByTime(50)
    scheduler.request()
    expect(pass).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(50)
    expect(pass).toHaveBeenCalledTimes(2)
    expect(JSON.parse(events[0])).toMatchObject({ surface: "list", rows: 3 })
    controller.abort()
    scheduler.request()
    vi.advanceTimersByTime(200)
    expect(pass).toHaveBeenCalledTimes(2)
    vi.useRealTimers()
  })

  it("ignores mutations made only of our own hosts", async () => {
    document.body.innerHTML = listPage(tableRow(1))
    const onChange = vi.fn()
    const controller = new AbortController()
    observeDocument(document, onChange, controller.signal)
    document.querySelector("td")!.appendChild(document.createElement("lever-screening-badge"))
    await new Promise((r) => setTimeout(r, 0))
    expect(onChange).not.toHaveBeenCalled()
    document.querySelector("tbody")!.insertAdjacentHTML("beforeend", tableRow(2))
    await new Promise((r) => setTimeout(r, 0))
    expect(onChange).toHaveBeenCalled()
    controller.abort()
    const record = { type: "childList", target: document.body, addedNodes: [document.createElement("div")] as unknown as NodeList, removedNodes: [] as unknown as NodeList } as unknown as MutationRecord
    expect(isOwnMutation(record)).toBe(false)
  })
})

describe("diagnostics skeleton", () => {
  it("keeps structure and redacts names, e-mails and ids", () => {
    document.body.innerHTML = listPage(tableRow(1, "Grace Hopper"))
    const out = skeleton(document.querySelector("#rows tr")!)
    expect(out).toContain("<tr")
    expect(out).toContain('href="/candidates/<uuid>"')
    expect(out).toMatch(/#text\(\d+\)/)
    expect(out).not.toContain("Grace")
    expect(out).not.toContain("a@example.org")
    expect(out).not.toContain(id(1))
  })
})
