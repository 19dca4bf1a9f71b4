/** Turns the background's typed errors into plain words a recruiter can act on. */
import { MessageFailure, type ErrorCode } from "../messaging/contract"

const PLAIN: Partial<Record<ErrorCode, string>> = {
  not_connected: "The extension is not connected to Lever yet. Connect it on the options page.",
  lever_unauthorized: "Lever refused the key: it may have been revoked. Reconnect on the options page.",
  lever_forbidden: "This Lever key cannot do this (it may be read-only).",
  lever_not_found: "Lever no longer has this record (it may have been deleted or merged).",
  lever_unprocessable: "Lever rejected the change as invalid.",
  lever_rate_limited: "Lever is limiting requests right now. Try again in a minute.",
  lever_unavailable: "Lever is unavailable right now. Try again later.",
  network: "No connection to Lever (offline or blocked network).",
  llm_error: "The language model failed to answer.",
  conflict: "Someone changed this at the same time. Reload and try again."
}

/** Action-specific wording, e.g. archiving with a read-only key. */
const PLAIN_FOR_ACTION: Record<string, Partial<Record<string, string>>> = {
  reject: { lever_forbidden: "This Lever key cannot archive candidates (it may be read-only). Nothing was changed." },
  shortlist: { lever_forbidden: "This Lever key cannot change stages or tags (it may be read-only). Nothing was changed." },
  undo: { lever_forbidden: "This Lever key cannot undo the change (it may be read-only)." }
}

export function plainError(code: string | undefined, fallback: string, action?: "reject" | "shortlist" | "undo"): string {
  if (!code) return fallback
  return PLAIN_FOR_ACTION[action ?? ""]?.[code] ?? PLAIN[code as ErrorCode] ?? fallback
}

export function describeFailure(error: unknown, action?: "reject" | "shortlist" | "undo"): string {
  if (error instanceof MessageFailure) return plainError(error.code, error.message, action)
  const code = (error as { code?: string })?.code
  const message = (error as { message?: string })?.message
  return plainError(code, message || "Something went wrong.", action)
}
