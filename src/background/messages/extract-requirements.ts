import { extractRequirements, type LeverPostingLike } from "../../core/requirements/extract"
import { extractRequirementsWithLlm } from "../../core/requirements/llm-extract"
import { getDb } from "../../db/schema"
import { MessageFailure } from "../../messaging/contract"
import { extractRequirementsMessage } from "../../messaging/messages/extract-requirements"
import { scrubSecrets } from "../errors"
import { getLlmPort, readLlmSettings } from "../llm-session"
import { handle } from "../router"

handle(extractRequirementsMessage, async ({ postingId }) => {
  const posting = await getDb().postings.get(postingId)
  if (!posting) throw new MessageFailure({ code: "lever_not_found", message: "That posting is not synced yet: refresh the postings list." })
  const raw = posting.raw as LeverPostingLike
  const settings = await readLlmSettings()
  if (settings.engine !== "llm") return { ...extractRequirements(raw), extractor: "local" as const, usedFallback: false }
  let port
  try {
    port = (await getLlmPort(settings)).port
  } catch (error) {
    const local = extractRequirements(raw)
    const why = scrubSecrets(String((error as Error)?.message ?? error))
    return { ...local, notes: [`The AI extractor could not be used (${why}); the built-in extractor read the posting.`, ...local.notes], extractor: "local" as const, usedFallback: true }
  }
  const result = await extractRequirementsWithLlm(port, raw)
  return {
    requirements: result.requirements,
    suggestions: result.suggestions,
    notes: result.notes,
    extractor: result.usedFallback ? ("local" as const) : ("llm" as const),
    usedFallback: result.usedFallback
  }
})
