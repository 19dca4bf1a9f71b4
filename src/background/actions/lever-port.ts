/**
 * The part of the Lever client the actions need. The real client (src/core/lever/client.ts, returned by
 * `getLeverClient()`) satisfies it structurally; tests pass the same client pointed at the simulator.
 * Kept narrow so the actions do not depend on how the client pages, retries or rate-limits.
 */
export interface LeverStage {
  id: string
  text: string
}

export interface LeverArchiveReason {
  id: string
  text: string
  status?: string
  type?: string
}

/** What Lever answers to a write: the whole opportunity (stage may be an id or `{id, text}`). */
export interface LeverOpportunityLike {
  id?: string
  stage?: string | { id: string; text?: string } | null
  archived?: { reason: string | null; archivedAt: number | null } | null
  tags?: string[]
  [key: string]: unknown
}

export interface LeverActionsClient {
  archive(opportunityId: string, reasonId: string | null): Promise<unknown>
  setStage(opportunityId: string, stageId: string): Promise<unknown>
  addTags(opportunityId: string, tags: string[]): Promise<unknown>
  removeTags?(opportunityId: string, tags: string[]): Promise<unknown>
  addNote(opportunityId: string, text: string): Promise<unknown>
  stages(): Promise<LeverStage[]> | AsyncIterable<LeverStage>
  archiveReasons(): Promise<LeverArchiveReason[]> | AsyncIterable<LeverArchiveReason>
}

/** Lists may come back as arrays or as async iterables (paged): accept both. */
export async function collect<T>(source: Promise<T[]> | AsyncIterable<T> | T[]): Promise<T[]> {
  const awaited = await (source as Promise<T[]> | T[])
  if (Array.isArray(awaited)) return awaited
  const items: T[] = []
  for await (const item of source as AsyncIterable<T>) items.push(item)
  return items
}

/** Unwraps `{data: …}` if the client returned Lever's envelope rather than the object. */
export function asOpportunity(answer: unknown): LeverOpportunityLike | undefined {
  if (!answer || typeof answer !== "object") return undefined
  const inner = (answer as { data?: unknown }).data
  const candidate = inner && typeof inner === "object" && !Array.isArray(inner) ? inner : answer
  return candidate as LeverOpportunityLike
}
