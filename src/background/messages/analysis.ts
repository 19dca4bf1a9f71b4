/** Handlers of the analysis lifecycle messages (src/messaging/messages/analysis.ts). */
import { getDb } from "../../db/schema"
import { MessageFailure } from "../../messaging/contract"
import { controlAnalysis, createAnalysis, retryApplicant, syncPostings, updateRubric } from "../../messaging/messages/analysis"
import { getLeverClient } from "../lever-session"
import { handle } from "../router"
import { getRunner } from "../runner"
import { syncPostings as syncPostingsFromLever, type PostingLister } from "../sync"

handle(syncPostings, async () => {
  const client = await getLeverClient()
  return { count: await syncPostingsFromLever(client as unknown as PostingLister, getDb(), Date.now()) }
})

handle(createAnalysis, async (body) => {
  const analysisId = await getRunner().createAnalysis(body)
  return { analysisId }
})

handle(updateRubric, async ({ analysisId, rubric }) => {
  return { version: await getRunner().updateRubric(analysisId, rubric) }
})

handle(controlAnalysis, async ({ analysisId, action, spendingCapUsd }) => {
  return { status: await getRunner().control(analysisId, action, spendingCapUsd) }
})

handle(retryApplicant, async ({ analysisId, opportunityId }) => {
  const job = await getDb().jobs.get(`${analysisId}:${opportunityId}`)
  if (!job) throw new MessageFailure({ code: "lever_not_found", message: "This applicant is not part of that analysis." })
  await getRunner().retry(analysisId, opportunityId)
  return { queued: true as const }
})
