import { setRetention } from "../../messaging/messages/set-retention"
import { cleanupExpiredResumes, writeRetentionDays } from "../retention"
import { handle } from "../router"

handle(setRetention, async ({ days }) => {
  await writeRetentionDays(days)
  return { days, ...(await cleanupExpiredResumes()) }
})
