/**
 * When and how long to wait before trying a Lever request again.
 *
 * Retried: 429 (rate limited), 503 and other 5xx, and network failures — with exponential backoff
 * plus jitter, `Retry-After` honoured when present, and a bounded number of attempts.
 * Writes are retried only where repeating them cannot do anything twice:
 * - `idempotent` (GET, PUT archived, PUT stage): every retryable failure is retried;
 * - `once` (POST note, tags): only a 429 is retried, because a 429 means Lever refused the request
 *   before acting on it. After a 5xx or a lost connection the request may have reached Lever, so it is
 *   not repeated (a note is never posted twice).
 */
import type { LeverErrorKind } from "./errors"

export type RetrySafety = "idempotent" | "once"

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 400, maxDelayMs: 30_000 }

export function isRetryableKind(kind: LeverErrorKind, safety: RetrySafety): boolean {
  if (kind === "rate_limited") return true
  if (safety === "once") return false
  return kind === "unavailable" || kind === "network"
}

/**
 * @param attempt 1 for the wait after the first failure
 * @param retryAfterMs the server's `Retry-After`, when it sent one
 * @param random a number in [0, 1): "full jitter" spreads retries of many callers apart
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) {
    // Honour the server, plus a little jitter so parallel callers do not return in lockstep.
    return Math.min(policy.maxDelayMs, retryAfterMs + Math.floor(random() * policy.baseDelayMs * 0.5))
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  // Half fixed, half random: never zero, never above the ceiling.
  return Math.floor(ceiling / 2 + random() * (ceiling / 2))
}

/** Parses `Retry-After` (delta-seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}
