/**
 * Deterministic randomness for the simulator's seed data. Every generated thing (ids, names, resumes,
 * timestamps) draws from a stream derived from the seed plus a label, so the same seed gives
 * byte-identical data regardless of the order in which things are generated lazily.
 */

/** 32-bit FNV-1a hash of a string: used to derive independent sub-streams from labels. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export class Rng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9
  }

  /** A stream for a named purpose, independent of how much of this stream was already consumed. */
  static derive(seed: number, label: string): Rng {
    return new Rng(hashString(`${seed >>> 0}:${label}`))
  }

  /** mulberry32: small, fast and good enough for test data. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1))
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Rng.pick on an empty list")
    return items[Math.floor(this.next() * items.length)]!
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  /** `count` distinct items in random order (all of them if count ≥ length). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice()
    const result: T[] = []
    while (copy.length > 0 && result.length < count) {
      result.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!)
    }
    return result
  }

  shuffle<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length)
  }

  /** A random (version 4 shaped) lowercase UUID, like Lever's ids. */
  uuid(): string {
    const hex: string[] = []
    for (let i = 0; i < 16; i++) hex.push(this.int(0, 255).toString(16).padStart(2, "0"))
    hex[6] = ((parseInt(hex[6]!, 16) & 0x0f) | 0x40).toString(16).padStart(2, "0")
    hex[8] = ((parseInt(hex[8]!, 16) & 0x3f) | 0x80).toString(16).padStart(2, "0")
    const h = hex.join("")
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  }
}
