import { setRetention } from "../../messaging/messages/set-retention"
import { cleanupExpiredResumes, installRetention, writeRetentionDays } from "../retention"
import { handle } from "../router"

// The periodic cleanup is installed with this module, at worker start.
installRetention()

handle(setRetention, async ({ days }) => {
  await writeRetentionDays(days)
  return { days, ...(await cleanupExpiredResumes()) }
})
