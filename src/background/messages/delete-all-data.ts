import { getDb } from "../../db/schema"
import { deleteAllData } from "../../messaging/messages/delete-all-data"
import { forgetSession } from "../lever-session"
import { handle } from "../router"
import { wipeVault } from "../vault"

handle(deleteAllData, async () => {
  await wipeVault()
  forgetSession()
  const db = getDb()
  // Clearing (not deleting) the database keeps its schema, so open pages and the runner keep working.
  await db.transaction("rw", db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
  })
  return { deleted: true as const }
})
