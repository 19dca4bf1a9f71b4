/** The profile card: id from the URL only, follows next/previous, mounts by the header or floats. */
import { afterEach, beforeEach, describe, expect, it } from "vitest"

import { createProfileCard } from "~/content-kit/profile-card"
import type { CandidateCard } from "~/messaging/messages/actions"
import { fakeBackground, flush, id } from "./fake-background"
import { flyover, listPage, tableRow } from "./markup"

function card(name: string, score: number, extra: Partial<CandidateCard> = {}): CandidateCard {
  return {
    badge: { state: "scored", score, meetsAllMandatory: false, analysisId: "an-1" },
    name,
    verdicts: [
      { requirement: "5+ years of TypeScript", mandatory: true, verdict: "met", evidence: ["Six years of TypeScript at Acme"], reason: "6 years" },
      { requirement: "BSc Computer Science", mandatory: true, verdict: "not_met", evidence: [], reason: "No degree found" }
    ],
    flags: [{ kind: "hidden_text", message: "The resume contains hidden text", detail: "kubernetes kubernetes" }],
    dashboardUrl: "chrome-extension://abc/tabs/dashboard.html?analysis=an-1",
    ...extra
  }
}

const cardHost = () => document.querySelector("lever-screening-card") as HTMLElement | null
const text = () => cardHost()?.shadowRoot?.textContent ?? ""

beforeEach(() => {
  document.body.innerHTML = ""
  history.replaceState({}, "", "/candidates?posting=p1")
})
afterEach(() => {
  document.querySelectorAll("lever-screening-card").forEach((e) => e.remove())
})

function setup(cards: Record<string, CandidateCard>) {
  const fake = fakeBackground({}, cards)
  const overlay = createProfileCard({ doc: document, background: fake.background, signal: new AbortController().signal })
  return { ...fake, overlay }
}

describe("profile card", () => {
  it("shows nothing on the list, and the card of the id in the URL on a profile (fixed panel without a header)", async () => {
    document.body.innerHTML = listPage(tableRow(1))
    const { overlay } = setup({ [id(1)]: card("Ada Lovelace", 64) })
    overlay.pass()
    expect(cardHost()).toBeNull()
    history.pushState({}, "", `/candidates/${id(1)}`)
    overlay.pass()
    await flush()
    expect(cardHost()?.parentNode).toBe(document.documentElement)
    expect(cardHost()?.classList.contains("floating")).toBe(true)
    expect(text()).toContain("Ada Lovelace")
    expect(text()).toContain("64")
    expect(text()).toContain("Does not meet all mandatory requirements")
    expect(text()).toContain("Six years of TypeScript at Acme")
    expect(text()).toContain("Not met")
    expect(text()).toContain("The resume contains hidden text")
  })

  it("mounts after the profile header in the flyover and follows next/previous", async () => {
    document.body.innerHTML = listPage(tableRow(1) + tableRow(2), flyover(1))
    const { overlay, calls } = setup({ [id(1)]: card("First", 80), [id(2)]: card("Second", 20) })
    history.pushState({}, "", `/candidates/${id(1)}`)
    overlay.pass()
    await flush()
    expect(cardHost()?.previousElementSibling?.getAttribute("data-qa")).toBe("profile-header")
    expect(text()).toContain("First")
    history.pushState({}, "", `/candidates/${id(2)}`)
    overlay.pass()
    await flush()
    expect(text()).toContain("Second")
    expect(text()).not.toContain("First")
    expect(calls.filter((c) => c.type === "card").map((c) => c.body)).toEqual([id(1), id(2)])
    history.pushState({}, "", "/candidates?posting=p1")
    overlay.pass()
    expect(cardHost()).toBeNull()
  })

  it("shows only the latest candidate when answers arrive out of order", async () => {
    const { overlay, background } = setup({})
    const resolvers: Record<string, (c: CandidateCard) => void> = {}
    background.card = (opportunityId) => new Promise((resolve) => (resolvers[opportunityId] = resolve))
    history.pushState({}, "", `/candidates/${id(1)}`)
    overlay.pass()
    history.pushState({}, "", `/candidates/${id(2)}`)
    overlay.pass()
    resolvers[id(2)](card("Latest", 50))
    await flush()
    resolvers[id(1)](card("Old", 10))
    await flush()
    expect(text()).toContain("Latest")
    expect(text()).not.toContain("Old")
  })

  it("re-mounts when the app removes it, and renders a hostile name as text", async () => {
    const { overlay } = setup({ [id(1)]: card('<img src=x onerror="window.pwned=1">', 70) })
    history.pushState({}, "", `/candidates/${id(1)}`)
    overlay.pass()
    await flush()
    expect(cardHost()!.shadowRoot!.querySelector("img, script")).toBeNull()
    expect(text()).toContain('<img src=x onerror="window.pwned=1">')
    cardHost()!.remove()
    overlay.pass()
    expect(cardHost()).not.toBeNull()
  })

  it("rejects from the card with the chosen reason and keeps the result after the refresh", async () => {
    const cards = { [id(1)]: card("Ada", 30) }
    const { overlay, calls } = setup(cards)
    history.pushState({}, "", `/candidates/${id(1)}`)
    overlay.pass()
    await flush()
    await flush()
    const shadow = cardHost()!.shadowRoot!
    const select = shadow.querySelector("select") as HTMLSelectElement
    select.value = "reason-a"
    select.dispatchEvent(new Event("change"))
    cards[id(1)] = card("Ada", 30, { badge: { state: "archived", score: 30, analysisId: "an-1" } })
    ;(shadow.querySelector('button[data-action="reject"]') as HTMLButtonElement).click()
    for (let i = 0; i < 4; i++) await flush()
    expect(calls.find((c) => c.type === "reject")?.body).toMatchObject({ opportunityIds: [id(1)], reasonId: "reason-a", analysisId: "an-1" })
    expect(text()).toContain("Archived in Lever")
    expect(text()).toContain("Archived in Lever: Underqualified.")
    ;(shadow.querySelector('button[data-action="undo"]') as HTMLButtonElement).click()
    await flush()
    expect(calls.find((c) => c.type === "undo")?.body).toMatch(/^reject:/)
  })

  it("opens the full report through the background", async () => {
    const { overlay, background } = setup({ [id(1)]: card("Ada", 30) })
    history.pushState({}, "", `/candidates/${id(1)}`)
    overlay.pass()
    await flush()
    ;(cardHost()!.shadowRoot!.querySelector('a[data-action="report"]') as HTMLAnchorElement).click()
    expect(background.openDashboard).toHaveBeenCalledWith({ analysisId: "an-1", opportunityId: id(1) })
  })

  it("explains a failure to load", async () => {
    const { overlay } = setup({})
    history.pushState({}, "", `/candidates/${id(3)}`)
    overlay.pass()
    await flush()
    expect(text()).toContain("Could not load the screening result: no card")
  })
})
