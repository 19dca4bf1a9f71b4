/**
 * What a Lever credential may do, found with calls that change nothing.
 *
 * Lever grants API keys endpoint by endpoint, so each right is probed on its own endpoint:
 * - reads: the smallest real request (`limit=1`), 2xx = allowed, 403 = not;
 * - writes (archive, stage, notes): the request is sent for an opportunity id that cannot exist (the
 *   nil-variant UUID below). Lever checks the credential's right to the endpoint before it looks up the
 *   record, so 403 means "not permitted", while 404 (or a 400/422 about the body) means the right is
 *   there and nothing was touched, because there is no such candidate. A key with no write right never
 *   reaches the lookup; a key with it finds nothing to change. Either way Lever's data is unchanged.
 * A 401 anywhere means the credential itself is wrong, and is thrown rather than reported per right.
 */
import type { LeverClient } from "./client"
import { LeverError, type LeverErrorKind } from "./errors"

export type CapabilityId = "read_postings" | "read_applicants" | "read_resumes" | "read_stages" | "read_archive_reasons" | "archive" | "change_stage" | "add_notes"

export interface Capability {
  id: CapabilityId
  label: string
  /** null when the probe could not tell (Lever down, network). */
  allowed: boolean | null
  /** One line, plain words. */
  reason: string
}

/** Never a real opportunity: Lever ids are random (version 4) UUIDs, this one is all zeros. */
export const PROBE_OPPORTUNITY_ID = "00000000-0000-4000-8000-000000000000"

export const CAPABILITY_LABELS: Record<CapabilityId, string> = {
  read_postings: "Read postings",
  read_applicants: "Read applicants",
  read_resumes: "Read resumes",
  read_stages: "Read stages",
  read_archive_reasons: "Read archive reasons",
  archive: "Archive (reject) candidates",
  change_stage: "Change stage (shortlist)",
  add_notes: "Add notes"
}

const WHY_NEEDED: Record<CapabilityId, string> = {
  read_postings: "needed to pick a posting to analyse",
  read_applicants: "needed to list who applied",
  read_resumes: "needed to score resumes",
  read_stages: "needed to choose the shortlist stage",
  read_archive_reasons: "needed to reject with a reason",
  archive: "needed for Reject",
  change_stage: "needed for Shortlist",
  add_notes: "optional: a note explaining each action"
}

type ProbeOutcome = { allowed: boolean | null; reason: string; undecidedBecause?: LeverErrorKind }

async function probeRead(run: () => Promise<unknown>, id: CapabilityId): Promise<ProbeOutcome> {
  try {
    await run()
    return { allowed: true, reason: "Allowed." }
  } catch (error) {
    return interpret(error, id, false)
  }
}

async function probeWrite(run: () => Promise<unknown>, id: CapabilityId): Promise<ProbeOutcome> {
  try {
    await run()
    // Cannot happen for an id that does not exist; if it did, the right is clearly there.
    return { allowed: true, reason: "Allowed." }
  } catch (error) {
    return interpret(error, id, true)
  }
}

function interpret(error: unknown, id: CapabilityId, write: boolean): ProbeOutcome {
  if (!(error instanceof LeverError)) throw error
  switch (error.kind) {
    case "unauthorized":
      throw error
    case "forbidden":
      return { allowed: false, reason: `Not granted to this key (${WHY_NEEDED[id]}).` }
    case "not_found":
    case "bad_request":
    case "unprocessable":
      return write
        ? { allowed: true, reason: "Allowed (checked on a candidate that does not exist, so nothing changed)." }
        : { allowed: true, reason: "Allowed." }
    default:
      return { allowed: null, reason: `Could not check: ${error.userMessage}`, undecidedBecause: error.kind }
  }
}

/**
 * Probes every right, one after another (at most ~9 requests, well inside the rate limit).
 * Throws the LeverError when the credential is rejected outright (401).
 */
export async function probeCapabilities(client: LeverClient): Promise<Capability[]> {
  const outcomes: Partial<Record<CapabilityId, ProbeOutcome>> = {}
  const first = async <T>(items: AsyncIterable<T>): Promise<T | undefined> => {
    for await (const item of items) return item
    return undefined
  }
  let someOpportunityId: string | undefined
  const probes: [CapabilityId, () => Promise<ProbeOutcome>][] = [
    ["read_postings", () => probeRead(() => first(client.postings({ state: "published" })), "read_postings")],
    [
      "read_applicants",
      () =>
        probeRead(async () => {
          someOpportunityId = (await first(client.opportunities({})))?.id
        }, "read_applicants")
    ],
    // Resumes are a separate grant: a real candidate when we can see one, else the impossible id (404 = allowed).
    ["read_resumes", () => probeRead(() => client.resumes(someOpportunityId ?? PROBE_OPPORTUNITY_ID), "read_resumes")],
    ["read_stages", () => probeRead(() => client.stages(), "read_stages")],
    ["read_archive_reasons", () => probeRead(() => client.archiveReasons(), "read_archive_reasons")],
    ["archive", () => probeWrite(() => client.archive(PROBE_OPPORTUNITY_ID, null), "archive")],
    ["change_stage", () => probeWrite(() => client.setStage(PROBE_OPPORTUNITY_ID, "applicant-new"), "change_stage")],
    ["add_notes", () => probeWrite(() => client.addNote(PROBE_OPPORTUNITY_ID, "Permission check by Lever Screening (no candidate has this id)."), "add_notes")]
  ]
  let unreachable: ProbeOutcome | undefined
  for (const [id, probe] of probes) {
    // Once Lever or the network is down, the remaining probes would only wait through the same failure.
    outcomes[id] = unreachable ?? (await probe())
    const kind = outcomes[id]?.undecidedBecause
    if (!unreachable && (kind === "network" || kind === "unavailable" || kind === "rate_limited" || kind === "invalid_response")) unreachable = outcomes[id]
  }

  // Not one right could be told either way: Lever or the network is down, so nothing was verified.
  if (Object.values(outcomes).every((outcome) => outcome?.allowed === null)) {
    throw new LeverError({ kind: outcomes.read_postings?.undecidedBecause ?? "unavailable", action: "check the key" })
  }
  return (Object.keys(CAPABILITY_LABELS) as CapabilityId[]).map((id) => {
    const { allowed, reason } = outcomes[id] as ProbeOutcome
    return { id, label: CAPABILITY_LABELS[id], allowed, reason }
  })
}
