/** Turns any thrown value into a MessageError a person can read, with secrets scrubbed. */
import type { ErrorCode, MessageError } from "../messaging/contract"

/** Anything that looks like a credential is replaced before an error leaves the background. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/(authorization|bearer|basic)\s*[:=]?\s*[A-Za-z0-9+/=._-]{8,}/gi, "$1 [redacted]")
    .replace(/\b(sk|key|token|secret)[-_]?[A-Za-z0-9]{12,}\b/gi, "[redacted]")
    .replace(/([?&](api_key|key|token|access_token|refresh_token|client_secret)=)[^&\s]+/gi, "$1[redacted]")
}

export function toMessageError(error: unknown): MessageError {
  const candidate = error as { code?: unknown; message?: unknown; userMessage?: unknown }
  const code = typeof candidate?.code === "string" ? (candidate.code as ErrorCode) : "internal"
  const raw = typeof candidate?.userMessage === "string" ? candidate.userMessage : typeof candidate?.message === "string" ? candidate.message : String(error)
  return { code, message: scrubSecrets(raw || "Something went wrong in the extension's background.") }
}
