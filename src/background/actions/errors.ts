/**
 * Turns what the Lever client throws into a per-candidate error a recruiter can act on. The client's
 * `LeverError` carries a `kind` (and usually an HTTP `status`); both are read structurally so this
 * module does not break if the client adds kinds.
 */
import { scrubSecrets } from "../errors"
import type { ErrorCode } from "../../messaging/contract"

export type ActionKind = "archive" | "unarchive" | "stage" | "tag" | "note"

export interface ActionError {
  code: ErrorCode
  message: string
  /** Lever's own answer, kept for the audit log (never a credential). */
  lever?: { status?: number; kind?: string; code?: string; message?: string }
}

const FORBIDDEN_MESSAGES: Record<ActionKind, string> = {
  archive: "This Lever key cannot archive candidates",
  unarchive: "This Lever key cannot archive candidates",
  stage: "This Lever key cannot change a candidate's stage",
  tag: "This Lever key cannot add tags to candidates",
  note: "This Lever key cannot post notes"
}

const KIND_TO_CODE: Record<string, ErrorCode> = {
  unauthorized: "lever_unauthorized",
  forbidden: "lever_forbidden",
  not_found: "lever_not_found",
  notfound: "lever_not_found",
  unprocessable: "lever_unprocessable",
  rate_limited: "lever_rate_limited",
  ratelimited: "lever_rate_limited",
  unavailable: "lever_unavailable",
  server: "lever_unavailable",
  network: "network",
  not_connected: "not_connected",
  bad_request: "bad_request"
}

function statusToCode(status: number | undefined): ErrorCode | undefined {
  if (status === undefined) return undefined
  if (status === 401) return "lever_unauthorized"
  if (status === 403) return "lever_forbidden"
  if (status === 404) return "lever_not_found"
  if (status === 422) return "lever_unprocessable"
  if (status === 429) return "lever_rate_limited"
  if (status >= 500) return "lever_unavailable"
  if (status === 400) return "bad_request"
  return undefined
}

export function describeLeverError(error: unknown, action: ActionKind): ActionError {
  const e = (error ?? {}) as { kind?: unknown; status?: unknown; code?: unknown; message?: unknown; leverCode?: unknown; leverMessage?: unknown }
  const kind = typeof e.kind === "string" ? e.kind : undefined
  const status = typeof e.status === "number" ? e.status : undefined
  const rawMessage = scrubSecrets(typeof e.message === "string" ? e.message : String(error))
  const code: ErrorCode =
    statusToCode(status) ??
    (kind ? KIND_TO_CODE[kind.toLowerCase().replace(/[^a-z_]/g, "")] : undefined) ??
    (typeof e.code === "string" && e.code.startsWith("lever_") ? (e.code as ErrorCode) : undefined) ??
    (typeof e.code === "string" && ["not_connected", "network"].includes(e.code) ? (e.code as ErrorCode) : undefined) ??
    "internal"
  const message =
    code === "lever_forbidden"
      ? FORBIDDEN_MESSAGES[action]
      : code === "lever_unauthorized"
        ? "Lever refused the credentials: reconnect in the extension's options."
        : code === "lever_not_found"
          ? "Lever does not know this candidate (deleted or merged?)."
          : code === "lever_rate_limited"
            ? "Lever is rate-limiting this key: try again in a moment."
            : code === "lever_unavailable"
              ? "Lever is unavailable right now: try again later."
              : code === "network"
                ? "Could not reach Lever (offline?)."
                : code === "not_connected"
                  ? "Connect Lever in the extension's options first."
                  : rawMessage || "Lever did not accept the change."
  const leverCode = typeof e.leverCode === "string" ? e.leverCode : undefined
  const leverMessage = typeof e.leverMessage === "string" ? scrubSecrets(e.leverMessage).slice(0, 300) : undefined
  return { code, message, lever: { status, kind, code: leverCode, message: leverMessage ?? rawMessage.slice(0, 300) } }
}
