/** Idempotent badge injection: re-insertion, recycled rows, one message per pass, hostile text. */
import { beforeEach, describe, expect, it, vi } from "vitest"

import { createListOverlay } from "~/content-kit/list-overlay"
import type { BadgeState } from "~/messaging/messages/actions"
import { fakeBackground, flush, id } from "./fake-background"
import { flyover, listPage, tableRow } from "./markup"

const scored = (score: number, extra: Partial<BadgeState> = {}): BadgeState => ({
  state: "scored",
  score,
  meetsAllMandatory: score >= 50,
  analysisId: "an-1",
  topVerdicts: [{ text: "5+ years of TypeScript", verdict: "met" }],
  ...extra
})

function setup(states: Record<string, BadgeState>) {
  const fake = fakeBackground(states)
  let now = 1000
  const passes: number[] = []
  const overlay = createListOverlay({
    doc: document,
    background: fake.background,
    signal: new AbortController().signal,
    requestPass: () => passes.push(now),
    now: () => now
  })
  return { ...fake, overlay, advance: (ms: number) => (now += ms), passes }
}

const hosts = () => Array.from(document.querySelectorAll("lever-screening-badge")) as HTMLElement[]
const shadowText = (host: Element) => host.shadowRoot!.textContent ?? ""

beforeEach(() => {
  document.body.innerHTML = ""
})

describe("list badges", () => {
  it("puts one badge per row next to the name and asks for every visible id in one message", async () => {
    document.body.innerHTML = listPage(tableRow(1) + tableRow(2) + tableRow(3))
    const { overlay, calls } = setup({ [id(1)]: scored(82), [id(2)]: { state: "in_progress" }, [id(3)]: { state: "archived", score: 20 } })
    overlay.pass()
    expect(hosts()).toHaveLength(3)
    expect(hosts()[0].previousElementSibling?.textContent).toBe("Candidate 1")
    expect(calls.filter((c) => c.type === "scores")).toEqual([{ type: "scores", body: [id(1), id(2), id(3)] }])
    await flush()
    expect(hosts().map((h) => h.getAttribute("data-state"))).toEqual(["scored", "in_progress", "archived"])
    expect(shadowText(hosts()[0])).toContain("82")
    expect(shadowText(hosts()[0])).toContain("✓")
    expect(shadowText(hosts()[0])).toContain("5+ years of TypeScript")
    expect(hosts()[0].shadowRoot!.querySelector(".badge")!.className).toContain("band-high")
  })

  it("is idempotent: a second pass adds nothing and sends no message for known ids", async () => {
    document.body.innerHTML = listPage(tableRow(1) + tableRow(2))
    const { overlay, calls } = setup({ [id(1)]: scored(82) })
    overlay.pass()
    await flush()
    const before = hosts()
    overlay.pass()
    overlay.pass()
    expect(hosts()).toEqual(before)
    expect(calls.filter((c) => c.type === "scores")).toHaveLength(1)
  })

  it("re-inserts a badge the app removed, and asks again once the state is old", async () => {
    document.body.innerHTML = listPage(tableRow(1))
    const { overlay, calls, advance } = setup({ [id(1)]: scored(60) })
    overlay.pass()
    await flush()
    hosts()[0].remove()
    overlay.pass()
    expect(hosts()).toHaveLength(1)
    expect(hosts()[0].getAttribute("data-state")).toBe("scored")
    // A settled (scored) state is re-asked after a minute, not at every refresh.
    advance(20_000)
    overlay.pass()
    expect(calls.filter((c) => c.type === "scores")).toHaveLength(1)
    advance(41_000)
    overlay.pass()
    expect(calls.filter((c) => c.type === "scores")).toHaveLength(2)
  })

  it("re-asks states that are still moving (in progress) every 15 seconds", async () => {
    document.body.innerHTML = listPage(tableRow(1))
    const { overlay, calls, advance } = setup({ [id(1)]: { state: "in_progress" } })
    overlay.pass()
    await flush()
    advance(16_000)
    overlay.pass()
    expect(calls.filter((c) => c.type === "scores")).toHaveLength(2)
  })

  it("survives the app re-rendering a row's content, and re-keys a row recycled for another candidate", async () => {
    document.body.innerHTML = listPage(tableRow(1) + tableRow(2))
    const { overlay } = setup({ [id(1)]: scored(90), [id(2)]: scored(30), [id(9)]: scored(55) })
    overlay.pass()
    await flush()
    const rows = document.querySelectorAll("#rows tr")
    // Re-render: same <tr>, fresh content (our badge is gone with it).
    rows[0].innerHTML = tableRow(1).replace(/^<tr[^>]*>|<\/tr>$/g, "")
    // Recycle: the second <tr> now shows candidate 9.
    rows[1].querySelectorAll("a[href*='/candidates/']").forEach((a) => a.setAttribute("href", `/candidates/${id(9)}`))
    overlay.pass()
    await flush()
    const all = hosts()
    expect(all).toHaveLength(2)
    expect(all.map((h) => h.getAttribute("data-lever-screening"))).toEqual([id(1), id(9)])
    expect(shadowText(all[1])).toContain("55")
    expect(shadowText(all[1])).not.toContain("30")
  })

  it("decorates new rows inserted live and removes badges of rows that stopped being candidate rows", async () => {
    document.body.innerHTML = listPage(tableRow(1))
    const { overlay, calls } = setup({ [id(2)]: scored(70) })
    overlay.pass()
    document.getElementById("rows")!.insertAdjacentHTML("beforeend", tableRow(2))
    overlay.pass()
    expect(hosts()).toHaveLength(2)
    expect(calls.filter((c) => c.type === "scores").map((c) => c.body)).toEqual([[id(1)], [id(2)]])
    const firstRow = document.querySelector("#rows tr")!
    firstRow.querySelectorAll("a").forEach((a) => a.removeAttribute("href"))
    overlay.pass()
    expect(hosts()).toHaveLength(1)
  })

  it("does not badge links inside the open flyover", () => {
    document.body.innerHTML = listPage(tableRow(1), flyover(50))
    const { overlay } = setup({})
    overlay.pass()
    expect(hosts()).toHaveLength(1)
    expect(document.querySelector('[role="dialog"] lever-screening-badge')).toBeNull()
  })

  it("renders hostile text as text", async () => {
    document.body.innerHTML = listPage(tableRow(1, "<img src=x onerror=alert(1)>"))
    const { overlay } = setup({ [id(1)]: scored(40, { topVerdicts: [{ text: "<script>window.pwned=1</script>", verdict: "not_met" }] }) })
    overlay.pass()
    await flush()
    const shadow = hosts()[0].shadowRoot!
    expect(shadow.querySelector("script, img")).toBeNull()
    expect(shadow.textContent).toContain("<script>window.pwned=1</script>")
  })

  it("shows distinct states", async () => {
    const states: BadgeState["state"][] = ["not_analysed", "in_progress", "needs_review", "stale", "archived", "failed"]
    document.body.innerHTML = listPage(states.map((_, i) => tableRow(i + 1)).join(""))
    const { overlay } = setup(Object.fromEntries(states.map((state, i) => [id(i + 1), { state, score: state === "stale" ? 44 : undefined }])))
    overlay.pass()
    await flush()
    const labels = hosts().map((h) => h.shadowRoot!.querySelector(".badge")!.getAttribute("aria-label"))
    expect(new Set(labels).size).toBe(states.length)
    expect(labels[3]).toContain("Stale")
    expect(shadowText(hosts()[3])).toContain("44")
  })

  it("opens a menu with Reject (Lever's reasons) and Shortlist; a reject sends the chosen reason with a fresh click id", async () => {
    document.body.innerHTML = listPage(tableRow(1))
    const { overlay, calls } = setup({ [id(1)]: scored(35) })
    overlay.pass()
    await flush()
    const shadow = hosts()[0].shadowRoot!
    ;(shadow.querySelector(".badge") as HTMLButtonElement).click()
    await flush()
    const select = shadow.querySelector('select[data-action="reason"]') as HTMLSelectElement
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(["Choose an archive reason…", "Underqualified", "Withdrew"])
    const reject = shadow.querySelector('button[data-action="reject"]') as HTMLButtonElement
    expect(reject.disabled).toBe(true)
    select.value = "reason-b"
    select.dispatchEvent(new Event("change"))
    reject.click()
    reject.click() // disabled while the first is in flight: one message
    await flush()
    await flush()
    const rejects = calls.filter((c) => c.type === "reject")
    expect(rejects).toHaveLength(1)
    expect(rejects[0].body).toMatchObject({ opportunityIds: [id(1)], reasonId: "reason-b", analysisId: "an-1" })
    expect(shadow.querySelector(".result")!.textContent).toContain("Archived in Lever: Withdrew.")
    ;(shadow.querySelector('button[data-action="shortlist"]') as HTMLButtonElement).click()
    await flush()
    await flush()
    expect(calls.filter((c) => c.type === "shortlist")).toHaveLength(1)
    expect(shadow.querySelector(".result")!.textContent).toContain("moved to Phone screen")
  })

  it("explains a failure in place", async () => {
    document.body.innerHTML = listPage(tableRow(1))
    const { overlay, background } = setup({ [id(1)]: scored(35) })
    background.reject = async (body) => ({ actionId: "x", results: [{ opportunityId: body.opportunityIds[0], ok: false, error: { code: "lever_forbidden", message: "This Lever key cannot archive candidates" } }] })
    overlay.pass()
    await flush()
    const shadow = hosts()[0].shadowRoot!
    ;(shadow.querySelector(".badge") as HTMLButtonElement).click()
    await flush()
    const select = shadow.querySelector("select") as HTMLSelectElement
    select.value = "reason-a"
    select.dispatchEvent(new Event("change"))
    ;(shadow.querySelector('button[data-action="reject"]') as HTMLButtonElement).click()
    await flush()
    await flush()
    const result = shadow.querySelector(".result")!
    expect(result.className).toContain("error")
    expect(result.textContent).toBe("This Lever key cannot archive candidates")
  })

  it("removes every badge on dispose", () => {
    document.body.innerHTML = listPage(tableRow(1) + tableRow(2))
    const { overlay } = setup({})
    overlay.pass()
    overlay.dispose()
    expect(hosts()).toHaveLength(0)
  })
})

describe("list badges when the background is slow or failing", () => {
  it("keeps showing a known state while it is asked again, and retries after a failure", async () => {
    vi.useFakeTimers()
    document.body.innerHTML = listPage(tableRow(1))
    const { overlay, calls, background, passes } = setup({ [id(1)]: scored(77) })
    overlay.pass()
    await vi.advanceTimersByTimeAsync(0)
    overlay.invalidate()
    let fail = true
    const original = background.scores
    background.scores = async (ids) => {
      if (!fail) return original(ids)
      calls.push({ type: "scores", body: ids })
      throw new Error("The extension's background did not answer.")
    }
    overlay.pass()
    // Still the old state, not "loading", while asking again.
    expect(hosts()[0].getAttribute("data-state")).toBe("scored")
    await vi.advanceTimersByTimeAsync(0)
    expect(passes).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(2000)
    expect(passes).toHaveLength(1)
    fail = false
    overlay.pass()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls.filter((c) => c.type === "scores")).toHaveLength(3)
    expect(hosts()[0].getAttribute("data-state")).toBe("scored")
    vi.useRealTimers()
  })
})
