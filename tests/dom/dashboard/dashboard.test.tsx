import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { beforeEach, describe, expect, it, vi } from "vitest"

import { MessageFailure } from "../../../src/messaging/contract"
import { getDb } from "../../../src/db/schema"
import { resetDb, seedAnalysis, type SeedCandidate } from "./seed"

// The machine is shared and slow: give live queries time to settle before a query gives up.
configure({ asyncUtilTimeout: 5000 })
vi.setConfig({ testTimeout: 30_000 })

const sendMock = vi.fn()
vi.mock("../../../src/messaging/send", () => ({ send: (...args: unknown[]) => sendMock(...args) }))
// pdf.js cannot draw in jsdom; the report's PDF pane is exercised in the e2e test.
vi.mock("../../../src/dashboard/pdf-pages", () => ({ PdfPages: () => null }))

const { DashboardApp } = await import("../../../src/dashboard/dashboard-app")

const OPTIONS = {
  archiveReasons: [
    { id: "reason-underqualified", text: "Underqualified" },
    { id: "reason-timing", text: "Timing" }
  ],
  stages: [{ id: "stage-phone", text: "Phone screen" }],
  defaults: { defaultArchiveReasonId: "reason-timing", shortlistStageId: "stage-phone", postNotes: false }
}

function respond(handlers: Record<string, (body: any) => unknown>) {
  sendMock.mockImplementation(async (def: { name: string }, body: unknown) => {
    const handler = handlers[def.name]
    if (!handler) throw new Error(`unexpected message ${def.name}`)
    return handler(body)
  })
}

const TRIO: SeedCandidate[] = [
  { name: "Ana Alvarez", score: 82, meets: true, stageText: "New applicant", resumeText: "Ana Alvarez\nBuilt payment services in Go for 6 years.\nPostgreSQL.", evidence: ["Built payment services in Go for 6 years."] },
  { name: "Bo Berg", score: 91, meets: false, hidden: true, stageId: "stage-phone", stageText: "Phone screen" },
  { name: "Cy Chen", score: 40, meets: true },
  { name: "Di Dorn", score: null, meets: false, job: "queued" }
]

function openDashboard(analysisId = "an-1") {
  window.history.replaceState(null, "", `/tabs/dashboard.html?analysis=${analysisId}`)
  return render(<DashboardApp />)
}

function rowNames(): string[] {
  return screen.queryAllByTestId("candidate-row").map((row) => within(row).getByRole("button").textContent ?? "")
}

beforeEach(async () => {
  sendMock.mockReset()
  await resetDb()
})

describe("dashboard: states", () => {
  it("explains when there is no analysis yet", async () => {
    window.history.replaceState(null, "", "/tabs/dashboard.html")
    render(<DashboardApp />)
    expect(await screen.findByText(/No analysis yet/)).toBeInTheDocument()
  })

  it("says so when the analysis in the URL does not exist", async () => {
    await seedAnalysis(TRIO)
    openDashboard("missing")
    expect(await screen.findByRole("alert")).toHaveTextContent(/does not exist/)
  })

  it("explains an analysis with no applicants yet", async () => {
    await seedAnalysis([])
    openDashboard()
    expect(await screen.findByText(/No applicants for this posting yet/)).toBeInTheDocument()
  })
})

describe("dashboard: table", () => {
  it("groups by mandatory requirements, ranks by score and shows progress", async () => {
    await seedAnalysis(TRIO)
    openDashboard()
    await screen.findByText("Ana Alvarez")
    expect(screen.getByText("Meets all mandatory requirements")).toBeInTheDocument()
    expect(screen.getByText("Does not meet all mandatory requirements")).toBeInTheDocument()
    expect(rowNames()).toEqual(["Ana Alvarez", "Cy Chen", "Bo Berg", "Di Dorn"])
    expect(screen.getByText(/3 scored, 0 need review, 0 failed, 1 to go \(of 4\)/)).toBeInTheDocument()
    const bo = screen.getAllByTestId("candidate-row")[2]
    expect(bo).toHaveTextContent("hidden text")
    expect(bo).toHaveTextContent("Phone screen")
  })

  it("updates live as a score arrives", async () => {
    const { ids } = await seedAnalysis(TRIO)
    openDashboard()
    await screen.findByText("Di Dorn")
    const db = getDb()
    await act(async () => {
      await db.scores.put({
        analysisId: "an-1",
        opportunityId: ids[3],
        rubricVersion: 1,
        stale: false,
        scoredAt: Date.now(),
        result: { status: "scored", score: 99, meetsAllMandatory: true, verdicts: [], flags: [], engine: "local" }
      })
      await db.jobs.update(`an-1:${ids[3]}`, { state: "done" })
    })
    await waitFor(() => expect(rowNames()[0]).toBe("Di Dorn"))
  })

  it("sorts by name, searches and filters", async () => {
    await seedAnalysis(TRIO)
    const user = userEvent.setup()
    openDashboard()
    await screen.findByText("Ana Alvarez")
    await user.click(screen.getByRole("button", { name: /Sort by Name/ }))
    expect(rowNames()).toEqual(["Ana Alvarez", "Cy Chen", "Bo Berg", "Di Dorn"])
    await user.click(screen.getByRole("button", { name: /Sort by Name/ }))
    expect(rowNames()).toEqual(["Cy Chen", "Ana Alvarez", "Di Dorn", "Bo Berg"])

    await user.type(screen.getByRole("searchbox", { name: "Search candidates" }), "bo")
    expect(rowNames()).toEqual(["Bo Berg"])
    await user.clear(screen.getByRole("searchbox", { name: "Search candidates" }))

    await user.selectOptions(screen.getByRole("combobox", { name: "Flags" }), "hidden_text")
    expect(rowNames()).toEqual(["Bo Berg"])
    await user.selectOptions(screen.getByRole("combobox", { name: "Flags" }), "any")

    const min = screen.getByRole("spinbutton", { name: "Minimum score" })
    await user.clear(min)
    await user.type(min, "50")
    expect(rowNames().sort()).toEqual(["Ana Alvarez", "Bo Berg"])
    await user.click(screen.getByRole("button", { name: "Clear filters" }))

    await user.selectOptions(screen.getByRole("combobox", { name: "Stage" }), "stage-phone")
    expect(rowNames()).toEqual(["Bo Berg"])
    await user.selectOptions(screen.getByRole("combobox", { name: "Stage" }), "any")
    await user.selectOptions(screen.getByRole("combobox", { name: "Mandatory requirements" }), "fails")
    expect(rowNames()).toEqual(["Bo Berg"])
    await user.type(screen.getByRole("searchbox", { name: "Search candidates" }), "zzz")
    expect(screen.getByText("No candidate matches these filters.")).toBeInTheDocument()
  })

  it("renders only the rows in view with 2,000 applicants, and scrolls to later ones", async () => {
    const many: SeedCandidate[] = Array.from({ length: 2000 }, (_, i) => ({ name: `Person ${String(i).padStart(4, "0")}`, score: i % 101, meets: i % 2 === 0 }))
    await seedAnalysis(many)
    openDashboard()
    await waitFor(() => expect(screen.getAllByTestId("candidate-row").length).toBeGreaterThan(5))
    const rendered = screen.getAllByTestId("candidate-row").length
    expect(rendered).toBeLessThan(80)
    const viewport = screen.getByRole("list", { name: "Candidates" })
    expect(within(viewport).getByText(/Meets all mandatory/)).toBeInTheDocument()
    viewport.scrollTop = 995 * 32
    fireEvent.scroll(viewport)
    await waitFor(() => expect(within(viewport).getByText(/Does not meet all mandatory/)).toBeInTheDocument())
    expect(screen.getAllByTestId("candidate-row").length).toBeLessThan(80)
  })

  it("renders names and resume text as text, never as markup", async () => {
    await seedAnalysis([{ name: '<img src=x onerror="alert(1)">', score: 50, meets: true, resumeText: "<script>alert(2)</script> Go" }])
    const user = userEvent.setup()
    const { container } = openDashboard()
    await user.click(await screen.findByRole("button", { name: '<img src=x onerror="alert(1)">' }))
    await screen.findByLabelText("Resume text")
    expect(container.querySelector("img")).toBeNull()
    expect(container.querySelector("script")).toBeNull()
    expect(screen.getByLabelText("Resume text")).toHaveTextContent("<script>alert(2)</script> Go")
  })
})

describe("dashboard: report", () => {
  it("shows verdicts beside the resume, highlights evidence on click, explains hidden text, and steps through candidates", async () => {
    const { ids } = await seedAnalysis(TRIO)
    const user = userEvent.setup()
    openDashboard()
    await user.click(await screen.findByRole("button", { name: "Ana Alvarez" }))
    const report = await screen.findByRole("region", { name: "Report for Ana Alvarez" })
    expect(within(report).getByText("5+ years of Go")).toBeInTheDocument()
    expect(within(report).getByText("Mandatory")).toBeInTheDocument()
    expect(within(report).getByRole("link", { name: "Open in Lever" })).toHaveAttribute("href", `https://hire.lever.co/candidates/${ids[0]}`)
    const evidence = within(report).getByRole("button", { name: /Show evidence in resume/ })
    const resumeText = await within(report).findByLabelText("Resume text")
    expect(resumeText.querySelector("mark.current")).toBeNull()
    await user.click(evidence)
    expect(evidence).toHaveAttribute("aria-pressed", "true")
    expect(resumeText.querySelector("mark.current")).toHaveTextContent("Built payment services in Go for 6 years.")

    await user.click(within(report).getByRole("button", { name: "Next candidate" }))
    expect(await screen.findByRole("region", { name: "Report for Cy Chen" })).toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Next candidate" }))
    const bo = await screen.findByRole("region", { name: "Report for Bo Berg" })
    expect(within(bo).getByRole("note", { name: "Hidden text" })).toHaveTextContent(/did not count/)
    expect(within(bo).getByRole("note", { name: "Hidden text" })).toHaveTextContent("kubernetes kubernetes")
    await user.click(within(bo).getByRole("button", { name: "Close report" }))
    expect(screen.queryByRole("region", { name: /Report for/ })).toBeNull()
  })
})

describe("dashboard: keyboard and actions", () => {
  it("moves with j/k, selects with x, opens with o, closes with Escape, and rejects with r after confirmation", async () => {
    const { ids } = await seedAnalysis(TRIO)
    const rejected: any[] = []
    respond({
      "lever-options": () => OPTIONS,
      "reject-candidates": (body) => {
        rejected.push(body)
        return { actionId: "act-1", results: body.opportunityIds.map((id: string) => ({ opportunityId: id, ok: true })) }
      },
      "undo-action": (body) => ({ actionId: "undo-1", results: [{ opportunityId: ids[0], ok: true, undoOf: body.actionId }] })
    })
    const user = userEvent.setup()
    openDashboard()
    await screen.findByText("Ana Alvarez")
    await user.keyboard("j")
    expect(screen.getAllByTestId("candidate-row")[0]).toHaveAttribute("aria-current", "true")
    await user.keyboard("x")
    await user.keyboard("j")
    await user.keyboard("x")
    await user.keyboard("k")
    expect(screen.getAllByTestId("candidate-row")[0]).toHaveAttribute("aria-current", "true")
    expect(screen.getByText("2 selected")).toBeInTheDocument()

    await user.keyboard("o")
    expect(await screen.findByRole("region", { name: "Report for Ana Alvarez" })).toBeInTheDocument()
    await user.keyboard("{Escape}")
    expect(screen.queryByRole("region", { name: /Report for/ })).toBeNull()

    const rejectButton = screen.getByRole("button", { name: "Reject…" })
    rejectButton.focus()
    await user.keyboard("r")
    const dialog = await screen.findByRole("dialog", { name: "Reject 2 candidates" })
    // The default reason from settings is preselected once Lever's reasons arrive.
    await waitFor(() => expect(within(dialog).getByRole("radio", { name: "Timing" })).toBeChecked())
    expect(within(dialog).getByText("Ana Alvarez")).toBeInTheDocument()
    expect(within(dialog).getByText("Cy Chen")).toBeInTheDocument()
    expect(rejected).toHaveLength(0) // nothing happens without the human's confirmation
    await user.keyboard("{Escape}")
    expect(screen.queryByRole("dialog")).toBeNull()
    expect(rejectButton).toHaveFocus() // focus restored after the dialog

    await user.keyboard("r")
    const again = await screen.findByRole("dialog", { name: "Reject 2 candidates" })
    await user.click(await within(again).findByRole("radio", { name: "Underqualified" }))
    await user.click(within(again).getByRole("button", { name: "Archive 2 in Lever" }))
    await waitFor(() => expect(rejected).toHaveLength(1))
    expect(rejected[0]).toMatchObject({ opportunityIds: [ids[0], ids[2]], reasonId: "reason-underqualified", analysisId: "an-1" })
    expect(rejected[0].clickId).toMatch(/^[0-9a-f-]{36}$/)
    const toast = await screen.findByText(/Rejected \(Underqualified\): 2 candidates/)
    expect(screen.getByText("0 selected")).toBeInTheDocument()
    await user.click(within(toast.parentElement!).getByRole("button", { name: "Undo" }))
    await waitFor(() => expect(sendMock).toHaveBeenCalledWith(expect.objectContaining({ name: "undo-action" }), { actionId: "act-1" }))
    expect(await screen.findByText(/Undone for 1 candidate/)).toBeInTheDocument()
  })

  it("traps focus inside the reject dialog", async () => {
    await seedAnalysis(TRIO)
    respond({ "lever-options": () => OPTIONS })
    const user = userEvent.setup()
    openDashboard()
    await user.click(await screen.findByRole("checkbox", { name: "Select Ana Alvarez" }))
    await user.click(screen.getByRole("button", { name: "Reject…" }))
    const dialog = await screen.findByRole("dialog")
    await within(dialog).findByRole("radio", { name: "Timing" })
    for (let i = 0; i < 6; i++) {
      await user.tab()
      expect(dialog.contains(document.activeElement)).toBe(true)
    }
    await user.tab({ shift: true })
    expect(dialog.contains(document.activeElement)).toBe(true)
  })

  it("shows per-candidate failures in plain words and retries only the failed ones", async () => {
    const { ids } = await seedAnalysis(TRIO)
    const calls: any[] = []
    respond({
      "lever-options": () => OPTIONS,
      "reject-candidates": (body) => {
        calls.push(body)
        return {
          actionId: `act-${calls.length}`,
          results: body.opportunityIds.map((id: string) =>
            id === ids[2] && calls.length === 1 ? { opportunityId: id, ok: false, error: { code: "lever_rate_limited", message: "429" } } : { opportunityId: id, ok: true }
          )
        }
      }
    })
    const user = userEvent.setup()
    openDashboard()
    await user.click(await screen.findByRole("checkbox", { name: /Select all 2 in “Meets/ }))
    await user.click(screen.getByRole("button", { name: "Reject…" }))
    await user.click(await screen.findByRole("button", { name: "Archive 2 in Lever" }))
    const results = await screen.findByRole("dialog", { name: /Rejected/ })
    expect(within(results).getByText("1 succeeded, 1 failed.")).toBeInTheDocument()
    expect(within(results).getByText(/Lever is limiting requests/)).toBeInTheDocument()
    await user.click(within(results).getByRole("button", { name: "Retry 1 failed" }))
    const retryDialog = await screen.findByRole("dialog", { name: "Reject 1 candidate" })
    await user.click(within(retryDialog).getByRole("button", { name: "Archive 1 in Lever" }))
    await waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[1].opportunityIds).toEqual([ids[2]])
    expect(calls[1].clickId).not.toBe(calls[0].clickId)
  })

  it("explains a read-only key in plain words and retries the same click id", async () => {
    await seedAnalysis(TRIO)
    const calls: any[] = []
    respond({
      "lever-options": () => OPTIONS,
      "reject-candidates": (body) => {
        calls.push(body)
        throw new MessageFailure({ code: "lever_forbidden", message: "403 Forbidden" })
      }
    })
    const user = userEvent.setup()
    openDashboard()
    await user.click(await screen.findByRole("checkbox", { name: "Select Cy Chen" }))
    await user.click(screen.getByRole("button", { name: "Reject…" }))
    await user.click(await screen.findByRole("button", { name: "Archive 1 in Lever" }))
    expect(await screen.findByRole("alert")).toHaveTextContent("This Lever key cannot archive candidates")
    await user.click(screen.getByRole("button", { name: "Try again" }))
    await waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[1].clickId).toBe(calls[0].clickId)
  })

  it("selects a range with shift-click and shortlists it", async () => {
    const { ids } = await seedAnalysis(TRIO)
    const calls: any[] = []
    respond({
      "shortlist-candidates": (body) => {
        calls.push(body)
        return { actionId: "sl-1", results: body.opportunityIds.map((id: string) => ({ opportunityId: id, ok: true })) }
      }
    })
    const user = userEvent.setup()
    openDashboard()
    await user.click(await screen.findByRole("checkbox", { name: "Select Ana Alvarez" }))
    await user.keyboard("{Shift>}")
    await user.click(screen.getByRole("checkbox", { name: "Select Bo Berg" }))
    await user.keyboard("{/Shift}")
    expect(screen.getByText("3 selected")).toBeInTheDocument()
    await user.click(screen.getByRole("button", { name: "Shortlist" }))
    await waitFor(() => expect(calls).toHaveLength(1))
    expect(calls[0].opportunityIds).toEqual([ids[0], ids[2], ids[1]])
    expect(await screen.findByText(/Shortlisted: 3 candidates/)).toBeInTheDocument()
  })
})

describe("dashboard: audit log", () => {
  it("lists actions, undoes from the log and exports every action with the scores", async () => {
    const { ids } = await seedAnalysis(TRIO)
    const db = getDb()
    await db.audit.bulkAdd([
      { at: 1000, actor: "Rita Recruiter", action: "archive", phase: "requested", actionId: "act-9", opportunityId: ids[2], analysisId: "an-1", details: { reasonText: "Timing", score: 40, rubricVersion: 1, engine: "local" } },
      { at: 2000, actor: "Rita Recruiter", action: "archive", phase: "succeeded", actionId: "act-9", opportunityId: ids[2], analysisId: "an-1", details: { reasonText: "Timing", status: 200 } },
      { at: 3000, actor: "Rita Recruiter", action: "stage", phase: "failed", actionId: "act-10", opportunityId: ids[0], analysisId: "an-1", details: { stageText: "Phone screen", error: "lever_forbidden" } }
    ])
    respond({ "undo-action": () => ({ actionId: "u1", results: [{ opportunityId: ids[2], ok: true }] }) })
    const blobs: Blob[] = []
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob)
      return `blob:${blobs.length}`
    }) as any
    URL.revokeObjectURL = vi.fn()
    const user = userEvent.setup()
    openDashboard()
    await user.click(await screen.findByRole("tab", { name: "Audit log" }))
    const log = await screen.findByRole("region", { name: "Audit log" })
    await within(log).findAllByText("Rita Recruiter")
    expect(within(log).getAllByRole("row")).toHaveLength(4)
    await user.click(within(log).getByRole("button", { name: "Undo Reject (archive) (1 candidate)" }))
    await waitFor(() => expect(sendMock).toHaveBeenCalledWith(expect.objectContaining({ name: "undo-action" }), { actionId: "act-9" }))

    await user.click(within(log).getByRole("button", { name: "Export JSON" }))
    await waitFor(() => expect(blobs).toHaveLength(1))
    const json = JSON.parse(await blobs[0].text())
    expect(json.actions).toHaveLength(3)
    expect(json.scores).toHaveLength(3)
    expect(json.scores.find((s: any) => s.name === "Ana Alvarez").verdicts[0]).toMatchObject({ requirement: "5+ years of Go", evidence: ["Built payment services in Go for 6 years."] })
    await user.click(within(log).getByRole("button", { name: "Export CSV" }))
    await waitFor(() => expect(blobs).toHaveLength(3))
    const csv = await blobs[1].text()
    expect(csv.trim().split("\r\n")).toHaveLength(4)
    expect(csv).toContain("Cy Chen")
    expect(csv).toContain("lever_forbidden")
  })
})

describe("dashboard: analysis controls", () => {
  it("pauses a running analysis, shows the runner's notice, opens the candidate named in the URL and retries a failed one", async () => {
    const { ids } = await seedAnalysis([...TRIO, { name: "Ed Eng", score: null, meets: false, job: "failed" }], { notice: "Lever is unavailable; retrying in 2 minutes." })
    const calls: any[] = []
    respond({
      "control-analysis": (body) => { calls.push(["control", body]); return { status: "paused" } },
      "retry-applicant": (body) => { calls.push(["retry", body]); return { queued: true } }
    })
    window.history.replaceState(null, "", `/tabs/dashboard.html?analysis=an-1&candidate=${ids[4]}`)
    const user = userEvent.setup()
    render(<DashboardApp />)
    expect(await screen.findByText("Lever is unavailable; retrying in 2 minutes.")).toBeInTheDocument()
    const report = await screen.findByRole("region", { name: "Report for Ed Eng" })
    await user.click(within(report).getByRole("button", { name: "Score this candidate again" }))
    await user.click(screen.getByRole("button", { name: "Pause" }))
    await waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[0]).toEqual(["retry", { analysisId: "an-1", opportunityId: ids[4] }])
    expect(calls[1]).toEqual(["control", { analysisId: "an-1", action: "pause" }])
  })
})

describe("dashboard: time left", () => {
  it("shows the runner's estimate while an analysis runs", async () => {
    await seedAnalysis([...TRIO, { name: "Queued Quinn", score: null, meets: false, job: "queued" }], {
      status: "running",
      progress: { total: 4, scored: 3, needsReview: 0, failed: 0, queued: 1, running: 0, etaMs: 180_000, updatedAt: Date.now() }
    })
    openDashboard()
    expect(await screen.findByText(/about 3 min left/)).toBeInTheDocument()
  })
})

describe("dashboard: Lever health", () => {
  it("says once, in words, that Lever is unavailable", async () => {
    await seedAnalysis(TRIO)
    await getDb().settings.put({ key: "lever-health", value: { state: "unavailable", message: "Lever is down for maintenance.", since: Date.now() } })
    openDashboard()
    expect(await screen.findByTestId("lever-health")).toHaveTextContent("Lever is down for maintenance.")
    await act(async () => {
      await getDb().settings.put({ key: "lever-health", value: { state: "ok" } })
    })
    await waitFor(() => expect(screen.queryByTestId("lever-health")).toBeNull())
  })
})
