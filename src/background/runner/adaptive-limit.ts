/**
 * A concurrency limit that adapts to an endpoint's 429s (additive increase, multiplicative decrease):
 * each 429 halves the limit and holds new starts back for a moment; every `growAfter` successes in a
 * row raise it by one, up to `max`. Used for LLM scoring, whose rate limits are unknown in advance.
 */
export class AdaptiveLimit {
  private active = 0
  private waiters: (() => void)[] = []
  private streak = 0
  private holdUntil = 0
  limit: number

  constructor(
    initial: number,
    readonly max: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    private readonly growAfter = 5
  ) {
    this.limit = Math.max(1, Math.min(initial, max))
  }

  get inFlight(): number {
    return this.active
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire()
    try {
      return await task()
    } finally {
      this.release()
    }
  }

  /** The endpoint said 429: halve the limit and hold starts back (for its Retry-After when given). */
  rateLimited(retryAfterMs = 2_000): void {
    this.limit = Math.max(1, Math.floor(this.limit / 2))
    this.streak = 0
    this.holdUntil = Math.max(this.holdUntil, this.now() + retryAfterMs)
  }

  succeeded(): void {
    this.streak += 1
    if (this.streak >= this.growAfter && this.limit < this.max) {
      this.limit += 1
      this.streak = 0
      this.pump()
    }
  }

  private async acquire(): Promise<void> {
    while (this.active >= this.limit) await new Promise<void>((resolve) => this.waiters.push(resolve))
    this.active += 1
    const wait = this.holdUntil - this.now()
    if (wait > 0) await this.sleep(wait)
  }

  private release(): void {
    this.active -= 1
    this.pump()
  }

  /** Wakes every waiter; each re-checks the (possibly changed) limit before starting. */
  private pump(): void {
    const waiting = this.waiters
    this.waiters = []
    for (const wake of waiting) wake()
  }
}
