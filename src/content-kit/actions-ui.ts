/**
 * Reject and Shortlist controls, used by the list badge's menu and by the profile card. A person's click
 * is the only trigger; each click carries its own id so a double-delivered message never archives twice.
 * Results and failures are shown in place, with Undo after a success.
 */
import type { ActionResponse, LeverOptions } from "../messaging/messages/actions"
import type { Background } from "./background"
import { clear, h, newClickId } from "./dom"

let optionsPromise: Promise<LeverOptions> | undefined

/** Archive reasons and stages change rarely: one request per page load, retried after a failure. */
export function loadLeverOptions(background: Background): Promise<LeverOptions> {
  optionsPromise ??= background.options().catch((error) => {
    optionsPromise = undefined
    throw error
  })
  return optionsPromise
}

export function resetLeverOptionsCache(): void {
  optionsPromise = undefined
}

export interface ActionPanelOptions {
  doc: Document
  background: Background
  opportunityId: string
  analysisId?: string
  /** Called after Lever changed (so badges and the card refresh their state). */
  onChanged: (opportunityId: string) => void
  /** Candidate already archived: Reject still allowed (changes the reason), but said so. */
  archived?: boolean
}

function errorText(error: unknown): string {
  const message = (error as { message?: unknown })?.message
  return typeof message === "string" && message ? message : "The extension's background did not answer."
}

export function actionPanel(options: ActionPanelOptions): HTMLElement {
  const { doc, background, opportunityId } = options
  const result = h(doc, "div", { class: "result", attrs: { role: "status", "aria-live": "polite" } })
  const reasonSelect = h(doc, "select", { attrs: { "aria-label": "Archive reason", "data-action": "reason" } }, h(doc, "option", { attrs: { value: "" } }, "Loading reasons…"))
  reasonSelect.disabled = true
  const rejectButton = h(doc, "button", { attrs: { type: "button", "data-action": "reject" } }, options.archived ? "Change archive reason" : "Reject")
  rejectButton.disabled = true
  const shortlistButton = h(doc, "button", { attrs: { type: "button", "data-action": "shortlist" } }, "Shortlist")
  const panel = h(
    doc,
    "div",
    { class: "action-panel", attrs: { "data-opportunity": opportunityId } },
    h(doc, "div", { class: "row" }, reasonSelect, rejectButton),
    h(doc, "div", { class: "row" }, shortlistButton),
    result
  )

  const show = (kind: "ok" | "error" | "busy", text: string, undo?: string) => {
    result.className = `result ${kind}`
    clear(result)
    result.appendChild(doc.createTextNode(text))
    if (undo) {
      const undoButton = h(doc, "button", { attrs: { type: "button", "data-action": "undo" } }, "Undo")
      undoButton.addEventListener("click", (event) => {
        event.stopPropagation()
        void runUndo(undo, undoButton)
      })
      result.append(" ", undoButton)
    }
  }

  let shortlistBlocked = false
  const setBusy = (busy: boolean) => {
    rejectButton.disabled = busy || !reasonSelect.value
    shortlistButton.disabled = busy || shortlistBlocked
    reasonSelect.disabled = busy || reasonSelect.options.length <= 1
  }

  const outcome = (response: ActionResponse, success: string) => {
    const mine = response.results.find((r) => r.opportunityId === opportunityId) ?? response.results[0]
    if (mine?.ok) show("ok", success, response.actionId)
    else show("error", mine?.error?.message ?? "Lever did not accept the change.")
    options.onChanged(opportunityId)
  }

  const runUndo = async (actionId: string, button: HTMLButtonElement) => {
    button.disabled = true
    try {
      const response = await background.undo(actionId)
      const mine = response.results.find((r) => r.opportunityId === opportunityId)
      if (mine && !mine.ok) show("error", `Undo failed: ${mine.error?.message ?? "Lever refused."}`)
      else show("ok", "Undone in Lever.")
      options.onChanged(opportunityId)
    } catch (error) {
      show("error", `Undo failed: ${errorText(error)}`)
      button.disabled = false
    }
  }

  let reasons: LeverOptions["archiveReasons"] = []
  loadLeverOptions(background).then(
    (leverOptions) => {
      reasons = leverOptions.archiveReasons
      clear(reasonSelect)
      reasonSelect.appendChild(h(doc, "option", { attrs: { value: "" } }, reasons.length ? "Choose an archive reason…" : "No archive reasons in Lever"))
      for (const reason of reasons) {
        const option = h(doc, "option", { attrs: { value: reason.id } }, reason.text)
        reasonSelect.appendChild(option)
      }
      const preferred = leverOptions.defaults.defaultArchiveReasonId
      if (preferred && reasons.some((r) => r.id === preferred)) reasonSelect.value = preferred
      if (!leverOptions.defaults.shortlistStageId && !leverOptions.defaults.shortlistTag) {
        shortlistBlocked = true
        shortlistButton.title = "Choose a shortlist stage or tag in the extension's options first."
      }
      setBusy(false)
    },
    (error) => {
      clear(reasonSelect)
      reasonSelect.appendChild(h(doc, "option", { attrs: { value: "" } }, "Archive reasons unavailable"))
      show("error", errorText(error))
    }
  )

  reasonSelect.addEventListener("change", () => {
    rejectButton.disabled = !reasonSelect.value
  })
  // Clicks inside the overlay must not reach Lever's row handlers (which open the profile).
  panel.addEventListener("click", (event) => event.stopPropagation())

  rejectButton.addEventListener("click", async () => {
    const reasonId = reasonSelect.value
    if (!reasonId) return
    const reasonText = reasons.find((r) => r.id === reasonId)?.text ?? "the chosen reason"
    setBusy(true)
    show("busy", "Archiving in Lever…")
    try {
      const response = await background.reject({ opportunityIds: [opportunityId], reasonId, analysisId: options.analysisId, clickId: newClickId() })
      outcome(response, `Archived in Lever: ${reasonText}.`)
    } catch (error) {
      show("error", errorText(error))
    } finally {
      setBusy(false)
    }
  })

  shortlistButton.addEventListener("click", async () => {
    setBusy(true)
    show("busy", "Shortlisting in Lever…")
    try {
      const response = await background.shortlist({ opportunityIds: [opportunityId], analysisId: options.analysisId, clickId: newClickId() })
      const stageId = (await loadLeverOptions(background).catch(() => undefined))?.defaults.shortlistStageId
      const stage = stageId ? (await loadLeverOptions(background)).stages.find((s) => s.id === stageId)?.text : undefined
      outcome(response, stage ? `Shortlisted: moved to ${stage}.` : "Shortlisted.")
    } catch (error) {
      show("error", errorText(error))
    } finally {
      setBusy(false)
    }
  })

  return panel
}
