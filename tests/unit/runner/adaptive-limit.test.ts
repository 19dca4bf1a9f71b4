import { describe, expect, it } from "vitest"

import { AdaptiveLimit } from "~/background/runner/adaptive-limit"

const tick = () => new Promise((r) => setTimeout(r, 0))

describe("AdaptiveLimit", () => {
  it("never runs more tasks at once than the limit", async () => {
    const limit = new AdaptiveLimit(3, 8)
    let active = 0
    let peak = 0
    const task = async () => {
      active += 1
      peak = Math.max(peak, active)
      await tick()
      await tick()
      active -= 1
    }
    await Promise.all(Array.from({ length: 20 }, () => limit.run(task)))
    expect(peak).toBe(3)
  })

  it("halves on a 429, holds starts back, and grows again after a run of successes", async () => {
    let now = 0
    const slept: number[] = []
    const limit = new AdaptiveLimit(8, 8, () => now, async (ms) => {
      slept.push(ms)
      now += ms
    }, 2)
    limit.rateLimited(1_500)
    expect(limit.limit).toBe(4)
    limit.rateLimited(1_500)
    limit.rateLimited(1_500)
    limit.rateLimited(1_500)
    expect(limit.limit).toBe(1)
    await limit.run(async () => undefined)
    expect(slept[0]).toBe(1_500)
    limit.succeeded()
    limit.succeeded()
    expect(limit.limit).toBe(2)
    for (let i = 0; i < 40; i++) limit.succeeded()
    expect(limit.limit).toBe(8)
  })
})
