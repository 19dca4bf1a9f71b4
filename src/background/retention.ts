/**
 * Data retention: cached resume files and parsed texts older than the chosen number of days (default
 * 90) are deleted by a periodic alarm. Scores and the audit log are kept until the user deletes them.
 */
import browser from "webextension-polyfill"

import { getDb, type ScreeningDb } from "../db/schema"

export const RETENTION_KEY = "retention"
export const RETENTION_ALARM = "retention-cleanup"
export const DEFAULT_RETENTION_DAYS = 90
const DAY_MS = 24 * 60 * 60 * 1000

/** db `settings` row `retention`. */
export interface RetentionSettings {
  days: number
  lastCleanupAt?: number
}

export async function readRetention(db: ScreeningDb = getDb()): Promise<RetentionSettings> {
  const value = (await db.settings.get(RETENTION_KEY))?.value as Partial<RetentionSettings> | undefined
  const days = typeof value?.days === "number" && value.days >= 1 ? Math.floor(value.days) : DEFAULT_RETENTION_DAYS
  return { days, lastCleanupAt: value?.lastCleanupAt }
}

export async function writeRetentionDays(days: number, db: ScreeningDb = getDb()): Promise<void> {
  const current = await readRetention(db)
  await db.settings.put({ key: RETENTION_KEY, value: { ...current, days } })
}

/** Deletes cached resume files fetched, and texts parsed, before `now − days`. */
export async function cleanupExpiredResumes(db: ScreeningDb = getDb(), now: number = Date.now()): Promise<{ deletedFiles: number; deletedTexts: number }> {
  const { days } = await readRetention(db)
  const cutoff = now - days * DAY_MS
  const deleted = await db.transaction("rw", db.resumeFiles, db.resumeTexts, async () => {
    const deletedFiles = await db.resumeFiles.where("fetchedAt").below(cutoff).delete()
    const deletedTexts = await db.resumeTexts.where("parsedAt").below(cutoff).delete()
    return { deletedFiles, deletedTexts }
  })
  await db.settings.put({ key: RETENTION_KEY, value: { days, lastCleanupAt: now } })
  return deleted
}

let installed = false

/** Registers the alarm listener (at worker start, synchronously) and makes sure the alarm exists. */
export function installRetention(): void {
  if (installed) return
  installed = true
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== RETENTION_ALARM) return
    cleanupExpiredResumes().catch((error) => console.warn("Retention cleanup failed:", String((error as Error)?.message ?? error)))
  })
  void browser.alarms.get(RETENTION_ALARM).then((existing) => {
    if (!existing) browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 5, periodInMinutes: 6 * 60 })
  })
}
