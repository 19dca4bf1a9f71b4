/**
 * A token bucket shared by every caller of one Lever credential. Lever allows 10 requests/s steady
 * with bursts to 20 per key. We refill at 9/s (within 10% of Lever's throughput) but allow a burst of
 * only 10: Lever's bucket is measured when requests *arrive*, and requests that leave evenly spaced can
 * arrive bunched (TLS handshakes, a busy machine, a slow network). The unused half of Lever's burst,
 * growing by 1 token/s from the refill gap, absorbs about a second of such bunching without a 429.
 */
import { LEVER_RATE_LIMIT } from "../../../plasmo.config"

export interface RateLimiterOptions {
  /** Tokens added per second. */
  perSecond?: number
  /** Bucket size (the largest burst). */
  burst?: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export class RateLimiter {
  readonly perSecond: number
  readonly burst: number
  private tokens: number
  private updatedAt: number
  private pausedUntil = 0
  /** Callers are served strictly in arrival order: each waits for the one before it. */
  private tail: Promise<void> = Promise.resolve()
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>

  constructor(options: RateLimiterOptions = {}) {
    this.perSecond = options.perSecond ?? LEVER_RATE_LIMIT.perSecond * 0.9
    this.burst = options.burst ?? Math.floor(LEVER_RATE_LIMIT.burst / 2)
    if (!(this.perSecond > 0) || !(this.burst >= 1)) throw new Error("RateLimiter needs perSecond > 0 and burst >= 1")
    this.now = options.now ?? (() => Date.now())
    this.sleep = options.sleep ?? defaultSleep
    this.tokens = this.burst
    this.updatedAt = this.now()
  }

  /** Resolves when the caller may send one request. */
  acquire(): Promise<void> {
    const turn = this.tail.then(() => this.take())
    this.tail = turn.catch(() => undefined)
    return turn
  }

  /**
   * After a 429 every caller of the credential backs off, not only the one that was refused:
   * the bucket is emptied and nobody is served before `ms` have passed.
   */
  penalize(ms: number): void {
    this.refill()
    this.tokens = 0
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + Math.max(0, ms))
  }

  private refill(): void {
    const now = this.now()
    const elapsed = Math.max(0, now - this.updatedAt) / 1000
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perSecond)
    this.updatedAt = now
  }

  private async take(): Promise<void> {
    for (;;) {
      const pause = this.pausedUntil - this.now()
      if (pause > 0) {
        await this.sleep(pause)
        continue
      }
      this.refill()
      if (this.tokens >= 1) {
        this.tokens -= 1
        return
      }
      await this.sleep(Math.max(1, Math.ceil(((1 - this.tokens) / this.perSecond) * 1000)))
    }
  }
}

const registry = new Map<string, RateLimiter>()

/**
 * One limiter per credential, shared by the runner, the actions and the options page's probes.
 * `credentialKey` should be a digest or label of the credential, never the secret itself.
 */
export function getLimiter(credentialKey: string, options?: RateLimiterOptions): RateLimiter {
  let limiter = registry.get(credentialKey)
  if (!limiter) {
    limiter = new RateLimiter(options)
    registry.set(credentialKey, limiter)
  }
  return limiter
}

/** Forgets a credential's limiter (on disconnect). */
export function dropLimiter(credentialKey: string): void {
  registry.delete(credentialKey)
}
