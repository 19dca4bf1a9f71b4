/**
 * The analysis lifecycle: sync postings, create an analysis, change its rubric, control it, retry one
 * applicant. Handled in src/background/messages/analysis.ts by the runner (src/background/runner).
 * Progress is not a message: pages read db `analyses` (progress, notice, totals), `jobs` and `scores`,
 * and settings row "lever-health" for a Lever outage.
 */
import { z } from "zod"

import { CATEGORIES, type Rubric } from "../../core/requirements/model"
import type { AnalysisStatus } from "../../db/schema"
import { defineMessage } from "../contract"

const leverId = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, "not a Lever id")
const analysisId = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, "not an analysis id")
const shortText = (max: number) => z.string().max(max)
const termList = z.array(shortText(200)).max(200)

const facets = z
  .object({
    skills: z.array(z.object({ name: shortText(200), aliases: termList })).max(100).optional(),
    minYears: z.number().min(0).max(60).optional(),
    yearsSubject: shortText(200).optional(),
    degree: z
      .object({
        level: z.enum(["high_school", "associate", "bachelor", "master", "doctorate"]),
        fields: termList,
        equivalentExperienceAccepted: z.boolean()
      })
      .optional(),
    credentials: z.array(z.object({ name: shortText(200), aliases: termList })).max(100).optional(),
    languages: z.array(z.object({ language: shortText(100), level: shortText(100).optional() })).max(50).optional(),
    location: shortText(200).optional(),
    workAuthorization: shortText(200).optional(),
    keywords: termList.optional(),
    mode: z.enum(["any", "all"]).optional()
  })
  .passthrough()

const requirement = z.object({
  id: z.string().min(1).max(100),
  text: z.string().trim().min(1, "a requirement needs text").max(2_000),
  category: z.enum(CATEGORIES),
  mandatory: z.boolean(),
  facets,
  fairnessFlags: z
    .array(
      z.object({
        term: shortText(200),
        attribute: z.enum(["age", "gender", "nationality", "national_origin", "marital_status", "disability", "religion", "race", "appearance", "other"]),
        explanation: shortText(1_000),
        confirmed: z.boolean().optional()
      })
    )
    .max(50)
    .optional()
})

const weight = z.number().min(0).max(100)

/** A rubric as the popup builds it. At least one requirement: an empty rubric would score everyone 0. */
export const rubricSchema = z.object({
  requirements: z.array(requirement).min(1, "add at least one requirement").max(200),
  weights: z.object({ skills: weight, experience: weight, qualifications: weight, other: weight })
})

export const syncPostings = defineMessage<{ count: number }>()("sync-postings", "page", z.object({}).strict())

export const createAnalysis = defineMessage<{ analysisId: string }>()(
  "create-analysis",
  "page",
  z
    .object({
      postingId: leverId,
      rubric: rubricSchema,
      engine: z.enum(["local", "llm"]),
      includeArchived: z.boolean().optional(),
      /** Minutes between polls for new applicants (default 2). Browsers fire alarms at most every 30 s (Chrome) / 1 min (Firefox). */
      pollIntervalMinutes: z.number().min(0.5).max(24 * 60).optional(),
      /** LLM engine only: stop (status `spending_cap_reached`) once this much has been spent. */
      spendingCapUsd: z.number().min(0).max(100_000).optional()
    })
    .strict()
)

export const updateRubric = defineMessage<{ version: number }>()(
  "update-rubric",
  "page",
  z.object({ analysisId, rubric: rubricSchema }).strict()
)

export const controlAnalysis = defineMessage<{ status: AnalysisStatus | "deleted" }>()(
  "control-analysis",
  "page",
  z
    .object({
      analysisId,
      action: z.enum(["pause", "resume", "cancel", "delete", "rescore"]),
      /** With "resume": a new spending cap (e.g. raised after `spending_cap_reached`). */
      spendingCapUsd: z.number().min(0).max(100_000).optional()
    })
    .strict()
)

export const retryApplicant = defineMessage<{ queued: true }>()(
  "retry-applicant",
  "page",
  z.object({ analysisId, opportunityId: leverId }).strict()
)

export type { Rubric }
