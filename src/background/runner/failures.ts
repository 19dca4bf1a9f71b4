/**
 * Sorting what went wrong into "this applicant's problem" (retry a few times, then tell the recruiter
 * why) and "Lever's or the connection's problem" (wait it out for everyone, never burn the applicant's
 * attempts). Works on the shared LeverError (`kind`), on plain `status` codes, and on LlmError.
 */
export type FailureClass =
  /** Lever or the network is unhealthy (5xx, maintenance, connection dropped, 429 that escaped the client). */
  | "outage"
  /** The key is wrong or revoked: nothing can proceed until someone reconnects. */
  | "auth"
  /** The key may not read this (403): retrying will not help. */
  | "forbidden"
  /** The opportunity or resume is gone (404): retrying will not help. */
  | "gone"
  /** Lever could not process the file (422): use Lever's parsed data instead. */
  | "unprocessable"
  /** The LLM endpoint said slow down. */
  | "llm_rate_limited"
  /** Anything else about this one applicant (a corrupt file, an LLM answer that failed validation). */
  | "applicant"

export interface Failure {
  kind: FailureClass
  /** A sentence a recruiter understands. Never contains a secret or raw response body. */
  reason: string
  retryAfterMs?: number
}

const KIND_MAP: Record<string, FailureClass> = {
  unavailable: "outage",
  server: "outage",
  server_error: "outage",
  maintenance: "outage",
  network: "outage",
  timeout: "outage",
  rate_limited: "outage",
  unauthorized: "auth",
  auth: "auth",
  not_connected: "auth",
  forbidden: "forbidden",
  not_found: "gone",
  unprocessable: "unprocessable"
}

function statusOf(error: any): number | undefined {
  const status = error?.status ?? error?.statusCode ?? error?.response?.status
  return typeof status === "number" ? status : undefined
}

export function classifyFailure(error: unknown, during: "list" | "resumes" | "download" | "ingest" | "score"): Failure {
  const e = error as any
  const name = typeof e?.name === "string" ? e.name : ""
  const kind = typeof e?.kind === "string" ? e.kind : ""
  const code = typeof e?.code === "string" ? e.code : ""
  const retryAfterMs = typeof e?.retryAfterMs === "number" ? e.retryAfterMs : undefined

  if (name === "LlmError" || during === "score") {
    if (kind === "rate_limited") return { kind: "llm_rate_limited", reason: "The AI service asked us to slow down; retrying shortly.", retryAfterMs }
    if (kind === "auth") return { kind: "auth", reason: "The AI service refused the API key. Check it in Settings." }
    if (kind === "server" || kind === "network" || kind === "timeout")
      return { kind: "applicant", reason: "The AI service did not answer in time; this applicant will be retried." }
    if (kind === "refused") return { kind: "applicant", reason: "The AI model refused to assess this resume." }
    if (kind === "invalid_output") return { kind: "applicant", reason: "The AI model's answer was not usable for this resume." }
    return { kind: "applicant", reason: `Scoring failed for this resume: ${shortMessage(e)}` }
  }

  const status = statusOf(e)
  let cls: FailureClass | undefined = KIND_MAP[kind] ?? KIND_MAP[code.replace(/^lever_/, "")]
  if (!cls && status !== undefined) {
    if (status === 401) cls = "auth"
    else if (status === 403) cls = "forbidden"
    else if (status === 404) cls = "gone"
    else if (status === 422) cls = "unprocessable"
    else if (status === 429 || status >= 500) cls = "outage"
  }
  if (!cls && (name === "TypeError" || /fetch failed|network|ECONNRESET|socket|terminated|ETIMEDOUT|ECONNREFUSED/i.test(String(e?.message ?? ""))))
    cls = "outage"

  if (code === "not_connected") return { kind: "auth", reason: "Lever is not connected: connect it in the extension's options to continue." }
  switch (cls) {
    case "outage":
      return { kind: "outage", reason: "Lever is not answering right now (server error or connection dropped). Waiting and retrying.", retryAfterMs }
    case "auth":
      return { kind: "auth", reason: "Lever refused the API key (it may have been revoked). Reconnect in Settings." }
    case "forbidden":
      return {
        kind: "forbidden",
        reason:
          during === "download"
            ? "This Lever API key is not allowed to download resume files."
            : during === "resumes"
              ? "This Lever API key is not allowed to read resumes."
              : "This Lever API key is not allowed to list applicants."
      }
    case "gone":
      return { kind: "gone", reason: during === "download" ? "The resume file no longer exists in Lever." : "This candidate no longer exists in Lever." }
    case "unprocessable":
      return { kind: "unprocessable", reason: "Lever could not process this resume file." }
    default:
      if (during === "ingest") return { kind: "applicant", reason: `The resume file could not be read: ${shortMessage(e)}` }
      return { kind: "applicant", reason: `Something went wrong with this applicant: ${shortMessage(e)}` }
  }
}

function shortMessage(e: any): string {
  const text = String(e?.message ?? e ?? "unknown error").replace(/\s+/g, " ").trim()
  return text.length > 160 ? `${text.slice(0, 157)}…` : text
}
