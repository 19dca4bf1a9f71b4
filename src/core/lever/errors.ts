/**
 * Typed Lever failures that the UI can explain in plain words. `userMessage` is written for a
 * recruiter and never contains a credential, a URL with a token, or raw response text.
 */
import type { ErrorCode } from "../../messaging/contract"

export type LeverErrorKind =
  | "unauthorized" // 401: wrong, revoked or expired credentials
  | "forbidden" // 403: the credential lacks this endpoint
  | "not_found" // 404
  | "unprocessable" // 422: Lever could not process the file
  | "bad_request" // 400 (other than an invalid offset token, which the client handles itself)
  | "rate_limited" // 429 after every retry
  | "unavailable" // 5xx / maintenance after every retry
  | "network" // offline, DNS, TLS, timeout
  | "invalid_response" // Lever answered with something that is not the documented shape

export interface LeverErrorInit {
  kind: LeverErrorKind
  /** What we tried to do, in words that finish "This key cannot …", e.g. "archive candidates". */
  action?: string
  status?: number
  /** Lever's own error code, e.g. "ResourceNotFound". */
  leverCode?: string
  /** Lever's own message (already free of secrets: Lever never echoes the key). Kept for diagnostics. */
  leverMessage?: string
  retryAfterMs?: number
  cause?: unknown
}

export class LeverError extends Error {
  readonly kind: LeverErrorKind
  readonly action?: string
  readonly status?: number
  readonly leverCode?: string
  readonly leverMessage?: string
  readonly retryAfterMs?: number
  /** Plain words for the person using the extension. */
  readonly userMessage: string
  /** The messaging error code this maps to, so the router passes it through unchanged. */
  readonly code: ErrorCode

  constructor(init: LeverErrorInit) {
    const userMessage = describeLeverError(init.kind, init.action)
    super(userMessage)
    this.name = "LeverError"
    this.kind = init.kind
    this.action = init.action
    this.status = init.status
    this.leverCode = init.leverCode
    this.leverMessage = init.leverMessage
    this.retryAfterMs = init.retryAfterMs
    this.userMessage = userMessage
    this.code = leverErrorCode(init.kind)
    if (init.cause !== undefined) (this as { cause?: unknown }).cause = init.cause
  }
}

export function describeLeverError(kind: LeverErrorKind, action?: string): string {
  switch (kind) {
    case "unauthorized":
      return "Lever did not accept the credentials (the key is wrong, or it or the sign-in was revoked or expired). Connect again in the extension's options."
    case "forbidden":
      return action
        ? `This key cannot ${action}. A Lever Super Admin can grant it under Settings → Integrations and API → API Credentials.`
        : "This key is not permitted to do that. A Lever Super Admin can grant more rights under Settings → Integrations and API."
    case "not_found":
      return action ? `Lever could not find what was needed to ${action} (it may have been deleted or merged).` : "Lever could not find that record (it may have been deleted or merged)."
    case "unprocessable":
      return "Lever could not process this file (it may be corrupt or in an unsupported format)."
    case "bad_request":
      return action ? `Lever rejected the request to ${action} as invalid.` : "Lever rejected the request as invalid."
    case "rate_limited":
      return "Lever is limiting how fast we may call it. The extension slowed down and gave up for now; try again in a minute."
    case "unavailable":
      return "Lever is unavailable right now (maintenance or a server error). Try again later."
    case "network":
      return "Could not reach Lever. Check the internet connection (and, for a custom address, that it is right and reachable)."
    case "invalid_response":
      return "Lever answered with something unexpected. Try again; if it keeps happening, turn on diagnostics and report it."
  }
}

/** Maps a Lever failure to the message contract's error code. */
export function leverErrorCode(kind: LeverErrorKind): ErrorCode {
  switch (kind) {
    case "unauthorized":
      return "lever_unauthorized"
    case "forbidden":
      return "lever_forbidden"
    case "not_found":
      return "lever_not_found"
    case "unprocessable":
      return "lever_unprocessable"
    case "rate_limited":
      return "lever_rate_limited"
    case "unavailable":
      return "lever_unavailable"
    case "network":
      return "network"
    case "bad_request":
      return "bad_request"
    case "invalid_response":
      return "lever_unavailable"
  }
}

export function errorKindForStatus(status: number): LeverErrorKind {
  if (status === 401) return "unauthorized"
  if (status === 403) return "forbidden"
  if (status === 404) return "not_found"
  if (status === 422) return "unprocessable"
  if (status === 429) return "rate_limited"
  if (status >= 500) return "unavailable"
  return "bad_request"
}

export function isLeverError(error: unknown): error is LeverError {
  return error instanceof LeverError
}
