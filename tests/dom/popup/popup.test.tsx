import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { beforeEach, describe, expect, it, vi } from "vitest"

import { MessageFailure } from "../../../src/messaging/contract"
import { getDb, type PostingRow } from "../../../src/db/schema"

// The machine is shared and slow: give live queries time to settle before a query gives up.
configure({ asyncUtilTimeout: 5000 })
vi.setConfig({ testTimeout: 30_000 })

const sendMock = vi.fn()
vi.mock("../../../src/messaging/send", () => ({ send: (...args: unknown[]) => sendMock(...args) }))
const browserMock = {
  runtime: { openOptionsPage: vi.fn(async () => undefined), getURL: (path: string) => `chrome-extension://abc/${path}` },
  tabs: { create: vi.fn(async () => ({})) }
}
vi.mock("webextension-polyfill", () => ({ default: browserMock }))

const { PopupApp } = await import("../../../src/popup/popup-app")

const RAW = {
  text: "Backend Engineer",
  descriptionPlain: "We build payments.",
  lists: [
    { text: "What you'll do", content: "<li>Design APIs for merchants</li><li>Own on-call for payment services</li>" },
    { text: "Requirements", content: "<li>5+ years of experience with Go</li><li>Experience with PostgreSQL</li><li>Digital native who grew up online</li>" },
    { text: "Nice to have", content: "<li>Kubernetes</li>" }
  ]
}

function posting(id: string, title: string, extra: Partial<PostingRow> = {}): PostingRow {
  return { id, title, state: "published", team: "Engineering", location: "Berlin", raw: RAW, applicantCount: 12, syncedAt: Date.now(), ...extra }
}

type Handlers = Record<string, (body: any) => unknown>
function respond(handlers: Handlers) {
  sendMock.mockImplementation(async (def: { name: string }, body: unknown) => {
    const handler = handlers[def.name]
    if (!handler) throw new Error(`unexpected message ${def.name}`)
    return handler(body)
  })
}
const connected = { "connection-status": () => ({ connected: true, llmKeySet: false }), "sync-postings": () => ({ count: 2 }) }

beforeEach(async () => {
  sendMock.mockReset()
  browserMock.runtime.openOptionsPage.mockClear()
  browserMock.tabs.create.mockClear()
  const db = getDb()
  await Promise.all(db.tables.map((t) => t.clear()))
})

describe("popup: connection and postings", () => {
  it("shows a clear empty state with a button to the options page when not connected", async () => {
    respond({ "connection-status": () => ({ connected: false, llmKeySet: false }) })
    const user = userEvent.setup()
    render(<PopupApp />)
    await user.click(await screen.findByRole("button", { name: "Open options to connect" }))
    expect(browserMock.runtime.openOptionsPage).toHaveBeenCalled()
    expect(sendMock).not.toHaveBeenCalledWith(expect.objectContaining({ name: "sync-postings" }), expect.anything())
  })

  it("explains when the background does not answer and lets the user retry", async () => {
    let calls = 0
    respond({
      "connection-status": () => {
        calls++
        if (calls === 1) throw new MessageFailure({ code: "internal", message: "The extension's background did not answer." })
        return { connected: false, llmKeySet: false }
      }
    })
    const user = userEvent.setup()
    render(<PopupApp />)
    expect(await screen.findByRole("alert")).toHaveTextContent("did not answer")
    await user.click(screen.getByRole("button", { name: "Try again" }))
    expect(await screen.findByText("Not connected to Lever yet.")).toBeInTheDocument()
  })

  it("says Lever is unavailable but keeps the saved postings, and says when there are none", async () => {
    await getDb().postings.put(posting("p1", "Backend Engineer"))
    respond({ ...connected, "sync-postings": () => { throw new MessageFailure({ code: "lever_unavailable", message: "503" }) } })
    render(<PopupApp />)
    const alert = await screen.findByRole("alert")
    expect(alert).toHaveTextContent("Lever unavailable")
    await waitFor(() => expect(alert).toHaveTextContent("Showing the postings saved earlier"))
    expect(screen.getByRole("button", { name: "Backend Engineer" })).toBeInTheDocument()
  })

  it("shows the empty state when Lever has no posting", async () => {
    respond(connected)
    render(<PopupApp />)
    expect(await screen.findByText(/No published or internal postings/)).toBeInTheDocument()
  })

  it("lists postings with team, location and applicants, searches, and shows an existing analysis with a dashboard link", async () => {
    const db = getDb()
    await db.postings.bulkPut([posting("p1", "Backend Engineer"), posting("p2", "Staff Nurse", { team: "Care", location: "Leeds", applicantCount: 40 })])
    await db.analyses.put({
      id: "an-7", postingId: "p2", postingTitle: "Staff Nurse", status: "running", rubricVersion: 2, engine: "local", includeArchived: false,
      pollIntervalMinutes: 2, totals: { inputTokens: 0, outputTokens: 0, costUsd: 0 }, createdAt: 1, updatedAt: 1,
      progress: { total: 40, scored: 12, needsReview: 1, failed: 0, queued: 28, running: 0, etaMs: null, updatedAt: 1 }
    })
    respond(connected)
    const user = userEvent.setup()
    render(<PopupApp />)
    expect(await screen.findByRole("button", { name: "Backend Engineer" })).toBeInTheDocument()
    expect(screen.getByText("Care · Leeds")).toBeInTheDocument()
    expect(screen.getByLabelText("40 applicants")).toBeInTheDocument()
    expect(screen.getByText("Running · 12 of 40 scored")).toBeInTheDocument()
    await user.type(screen.getByRole("searchbox", { name: "Search postings" }), "leeds")
    expect(screen.queryByRole("button", { name: "Backend Engineer" })).toBeNull()
    await user.click(screen.getByRole("button", { name: "Open dashboard for Staff Nurse" }))
    expect(browserMock.tabs.create).toHaveBeenCalledWith({ url: "chrome-extension://abc/tabs/dashboard.html?analysis=an-7" })
    await user.clear(screen.getByRole("searchbox", { name: "Search postings" }))
    await user.type(screen.getByRole("searchbox", { name: "Search postings" }), "zzz")
    expect(screen.getByText(/No posting matches/)).toBeInTheDocument()
  })
})

describe("popup: extraction, editing and confirm", () => {
  it("asks the background's LLM extractor when the LLM engine is chosen, and shows its notes", async () => {
    await getDb().postings.put(posting("p1", "Backend Engineer"))
    await getDb().settings.put({ key: "llm", value: { engine: "llm", blindMode: true } })
    const asked: any[] = []
    const requirement = { id: "r1", text: "Production experience with Go", category: "skills", mandatory: true, facets: {} }
    respond({
      ...connected,
      "extract-requirements": (body) => {
        asked.push(body)
        return { requirements: [requirement], suggestions: [], notes: ["The AI model's answer was used."], extractor: "llm", usedFallback: false }
      }
    })
    const user = userEvent.setup()
    render(<PopupApp />)
    await user.click(await screen.findByRole("button", { name: "Backend Engineer" }))
    expect(((await screen.findByRole("textbox", { name: "Requirement 1 text" })) as HTMLTextAreaElement).value).toBe("Production experience with Go")
    expect(asked).toEqual([{ postingId: "p1" }])
    expect(screen.getByText("The AI model's answer was used.")).toBeInTheDocument()
  })

  it("extracts, edits, gates on fairness, weighs, and creates the analysis with the edited rubric", async () => {
    await getDb().postings.put(posting("p1", "Backend Engineer"))
    const created: any[] = []
    respond({ ...connected, "create-analysis": (body) => { created.push(body); return { analysisId: "an-new" } } })
    const user = userEvent.setup()
    render(<PopupApp />)
    await user.click(await screen.findByRole("button", { name: "Backend Engineer" }))
    const list = await screen.findByRole("list", { name: "Requirements" })
    const texts = () => within(list).getAllByRole("textbox").map((t) => (t as HTMLTextAreaElement).value)
    expect(texts()).toEqual(["5+ years of experience with Go", "Experience with PostgreSQL", "Digital native who grew up online", "Kubernetes"])

    // Fairness: confirm is blocked until the flagged requirement is edited or acknowledged.
    const confirm = screen.getByRole("button", { name: "Confirm and start" })
    expect(confirm).toBeDisabled()
    expect(screen.getByText(/Requirement 3 mentions “Digital native”/)).toBeInTheDocument()
    expect(within(list).getByRole("alert")).toHaveTextContent("Digital native")
    const flagged = screen.getByRole("textbox", { name: "Requirement 3 text" })
    await user.clear(flagged)
    await user.type(flagged, "Comfortable with online collaboration tools")
    expect(within(list).queryByRole("alert")).toBeNull()

    // Edit text, mandatory, category, reorder, delete, add, suggestion.
    const first = screen.getByRole("textbox", { name: "Requirement 1 text" })
    await user.clear(first)
    await user.type(first, "4+ years of Go in production")
    await user.click(screen.getByRole("checkbox", { name: "Requirement 4 mandatory" }))
    await user.selectOptions(screen.getByRole("combobox", { name: "Requirement 2 category" }), "qualifications")
    screen.getByRole("button", { name: "Move requirement 4 up" }).focus()
    await user.keyboard("{Enter}")
    expect(texts()[2]).toBe("Kubernetes")
    await user.click(screen.getByRole("button", { name: "Delete requirement 4" }))
    expect(texts()).toEqual(["4+ years of Go in production", "Experience with PostgreSQL", "Kubernetes"])
    await user.type(screen.getByRole("textbox", { name: "New requirement text" }), "Fluent English{Enter}")
    expect(texts()[3]).toBe("Fluent English")
    await user.click(screen.getByText(/Suggestions from the job's responsibilities/))
    await user.click(screen.getByRole("button", { name: "Add suggestion: Design APIs for merchants" }))
    expect(texts()[4]).toBe("Design APIs for merchants")

    // Weights: "other" has weight 0 → does not count; move it and see it count.
    expect(screen.getByTestId("share-other")).toHaveTextContent("does not count")
    fireEvent.change(screen.getByRole("slider", { name: "Other" }), { target: { value: "0" } })
    fireEvent.change(screen.getByRole("slider", { name: "Skills" }), { target: { value: "60" } })
    expect(screen.getByRole("slider", { name: "Skills" })).toHaveValue("60")
    expect(screen.getByRole("note", { name: "How the score is formed" })).toHaveTextContent(/weighted average of the category scores: Skills \d+% .*Experience \d+% .*Qualifications \d+%/)
    expect(screen.getByRole("note", { name: "How the score is formed" })).toHaveTextContent(/mandatory/)

    expect(confirm).toBeEnabled()
    await user.click(confirm)
    expect(await screen.findByText("Analysis started.")).toBeInTheDocument()
    expect(created).toHaveLength(1)
    const body = created[0]
    expect(body).toMatchObject({ postingId: "p1", engine: "local", includeArchived: false })
    expect(body.spendingCapUsd).toBeUndefined()
    expect(body.rubric.weights).toEqual({ skills: 60, experience: 35, qualifications: 25, other: 0 })
    const byText = Object.fromEntries(body.rubric.requirements.map((r: any) => [r.text, r]))
    expect(byText["4+ years of Go in production"].facets).toBeDefined()
    expect(byText["Experience with PostgreSQL"].category).toBe("qualifications")
    expect(byText["Kubernetes"].mandatory).toBe(true)
    expect(body.rubric.requirements.map((r: any) => r.text)).toEqual(["4+ years of Go in production", "Experience with PostgreSQL", "Kubernetes", "Fluent English", "Design APIs for merchants"])
    expect(body.rubric.requirements.every((r: any) => !r.fairnessFlags?.length)).toBe(true)
    await user.click(screen.getByRole("button", { name: "Open dashboard" }))
    expect(browserMock.tabs.create).toHaveBeenCalledWith({ url: "chrome-extension://abc/tabs/dashboard.html?analysis=an-new" })
  }, 30_000)

  it("accepts an acknowledged fairness warning, and asks again when the wording changes", async () => {
    await getDb().postings.put(posting("p1", "Backend Engineer"))
    respond(connected)
    const user = userEvent.setup()
    render(<PopupApp />)
    await user.click(await screen.findByRole("button", { name: "Backend Engineer" }))
    await user.click(await screen.findByRole("button", { name: /Keep requirement 3 as written/ }))
    expect(screen.getByRole("button", { name: "Confirm and start" })).toBeEnabled()
    expect(screen.getByText("Acknowledged: kept as written.")).toBeInTheDocument()
    // The confirmation is stored in the rubric and holds for that term; a new protected term asks again.
    await user.type(screen.getByRole("textbox", { name: "Requirement 3 text" }), ", native speaker")
    expect(screen.getByRole("button", { name: "Confirm and start" })).toBeDisabled()
    expect(screen.getByText(/native speaker/, { selector: "strong" })).toBeInTheDocument()
  })

  it("says which categories do not count and blocks confirm when none does", async () => {
    await getDb().postings.put(posting("p1", "Backend Engineer", { raw: { text: "Empty", descriptionPlain: "Join our team." } }))
    respond(connected)
    const user = userEvent.setup()
    render(<PopupApp />)
    await user.click(await screen.findByRole("button", { name: "Backend Engineer" }))
    await screen.findByText(/No requirement yet/)
    expect(screen.getByRole("button", { name: "Confirm and start" })).toBeDisabled()
    expect(screen.getByText("Add at least one requirement.")).toBeInTheDocument()
    await user.type(screen.getByRole("textbox", { name: "New requirement text" }), "Registered nurse licence")
    await user.selectOptions(screen.getByRole("combobox", { name: "New requirement category" }), "qualifications")
    await user.click(screen.getByRole("button", { name: "Add requirement" }))
    expect(screen.getByTestId("share-skills")).toHaveTextContent("Skills holds no requirement, so it does not count.")
    expect(screen.getByTestId("share-qualifications")).toHaveTextContent("100% of the score")
    fireEvent.change(screen.getByRole("slider", { name: "Qualifications" }), { target: { value: "0" } })
    expect(screen.getByTestId("share-qualifications")).toHaveTextContent("weight 0")
    expect(screen.getByText(/No category counts towards the score/)).toBeInTheDocument()
    expect(screen.getByRole("button", { name: "Confirm and start" })).toBeDisabled()
  })

  it("edits a confirmed analysis as a new rubric version, and can start from another posting's rubric", async () => {
    const db = getDb()
    await db.postings.bulkPut([posting("p1", "Backend Engineer"), posting("p2", "Data Engineer")])
    const base = { status: "running" as const, engine: "local" as const, includeArchived: false, pollIntervalMinutes: 2, totals: { inputTokens: 0, outputTokens: 0, costUsd: 0 }, createdAt: 1, updatedAt: 1 }
    await db.analyses.bulkPut([
      { ...base, id: "an-1", postingId: "p1", postingTitle: "Backend Engineer", rubricVersion: 1 },
      { ...base, id: "an-2", postingId: "p2", postingTitle: "Data Engineer", rubricVersion: 3 }
    ])
    await db.rubrics.bulkPut([
      { analysisId: "an-1", version: 1, createdAt: 1, rubric: { weights: { skills: 50, experience: 50, qualifications: 0, other: 0 }, requirements: [{ id: "a", text: "Go", category: "skills", mandatory: true, facets: {} }] } },
      { analysisId: "an-2", version: 3, createdAt: 1, rubric: { weights: { skills: 10, experience: 90, qualifications: 0, other: 0 }, requirements: [{ id: "b", text: "Spark", category: "skills", mandatory: false, facets: {} }, { id: "c", text: "3+ years of data pipelines", category: "experience", mandatory: true, facets: {} }] } }
    ])
    const updates: any[] = []
    respond({ ...connected, "update-rubric": (body) => { updates.push(body); return { version: 2 } } })
    const user = userEvent.setup()
    render(<PopupApp />)
    await user.click(await screen.findByRole("button", { name: "Backend Engineer" }))
    expect(await screen.findByText(/Saving creates version 2/)).toBeInTheDocument()
    expect(((await screen.findByRole("textbox", { name: "Requirement 1 text" })) as HTMLTextAreaElement).value).toBe("Go")
    await user.selectOptions(await screen.findByRole("combobox", { name: /Start from another analysis/ }), "an-2")
    await waitFor(() => expect((screen.getByRole("textbox", { name: "Requirement 1 text" }) as HTMLTextAreaElement).value).toBe("Spark"))
    expect(screen.getByText(/Started from the rubric of “Data Engineer” \(version 3\)/)).toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Save new version" }))
    expect(await screen.findByText(/Rubric version 2 saved/)).toBeInTheDocument()
    expect(updates).toHaveLength(1)
    expect(updates[0].analysisId).toBe("an-1")
    expect(updates[0].rubric.requirements.map((r: any) => r.text)).toEqual(["Spark", "3+ years of data pipelines"])
    expect(updates[0].rubric.requirements.map((r: any) => r.id)).toEqual(["r1", "r2"]) // fresh ids, not shared with an-2
    expect(updates[0].rubric.weights.experience).toBe(90)
  })

  it("keeps the edits and explains when saving fails", async () => {
    await getDb().postings.put(posting("p1", "Backend Engineer"))
    respond({ ...connected, "create-analysis": () => { throw new MessageFailure({ code: "not_connected", message: "no" }) } })
    const user = userEvent.setup()
    render(<PopupApp />)
    await user.click(await screen.findByRole("button", { name: "Backend Engineer" }))
    await user.click(await screen.findByRole("button", { name: /Keep requirement 3 as written/ }))
    await user.click(screen.getByRole("button", { name: "Confirm and start" }))
    expect(await screen.findByText(/Could not save: The extension is not connected to Lever yet/)).toBeInTheDocument()
    expect(screen.getAllByRole("textbox", { name: /Requirement \d text/ })).toHaveLength(4)
  })
})
