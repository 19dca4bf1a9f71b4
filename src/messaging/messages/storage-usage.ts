import { z } from "zod"

import { defineMessage } from "../contract"

export interface StorageUsage {
  resumeFiles: { count: number; bytes: number }
  resumeTexts: { count: number }
  applicants: number
  scores: number
  auditEntries: number
  /** navigator.storage.estimate() of the extension origin, when available. */
  estimate?: { usage: number; quota: number }
  retentionDays: number
  lastCleanupAt?: number
}

export const storageUsage = defineMessage<StorageUsage>()("storage-usage", "page", z.object({}).strict())
