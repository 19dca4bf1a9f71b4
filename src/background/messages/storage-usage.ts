import { getDb } from "../../db/schema"
import { storageUsage } from "../../messaging/messages/storage-usage"
import { readRetention } from "../retention"
import { handle } from "../router"

handle(storageUsage, async () => {
  const db = getDb()
  let fileBytes = 0
  let fileCount = 0
  await db.resumeFiles.each((row) => {
    fileCount += 1
    fileBytes += row.bytes?.byteLength ?? 0
  })
  const [resumeTexts, applicants, scores, auditEntries, retention] = await Promise.all([
    db.resumeTexts.count(),
    db.applicants.count(),
    db.scores.count(),
    db.audit.count(),
    readRetention(db)
  ])
  let estimate: { usage: number; quota: number } | undefined
  try {
    const result = await navigator.storage?.estimate?.()
    if (result && typeof result.usage === "number" && typeof result.quota === "number") estimate = { usage: result.usage, quota: result.quota }
  } catch {
    /* not available in this browser */
  }
  return {
    resumeFiles: { count: fileCount, bytes: fileBytes },
    resumeTexts: { count: resumeTexts },
    applicants,
    scores,
    auditEntries,
    estimate,
    retentionDays: retention.days,
    lastCleanupAt: retention.lastCleanupAt
  }
})
