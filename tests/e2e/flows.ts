/**
 * What a recruiter does, step by step, through the extension's own pages — shared by the journey test
 * and `npm run demo`, so the demo walks exactly the path the tests prove.
 */
import type { Page } from "playwright-core"

/** Reads whole object stores of the extension's database from an extension page. */
export async function readStores<T extends Record<string, unknown[]>>(page: Page, names: (keyof T & string)[]): Promise<T> {
  return page.evaluate(async (stores) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open("lever-screening")
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const out: Record<string, unknown[]> = {}
    for (const name of stores) {
      out[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
    }
    db.close()
    return out
  }, names) as Promise<T>
}

/** Writes rows straight into the extension's database (its object stores, any version) from an extension page. */
export async function writeRows(page: Page, rows: Record<string, unknown[]>): Promise<void> {
  await page.evaluate(async (tables) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open("lever-screening")
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const names = Object.keys(tables)
    const tx = db.transaction(names, "readwrite")
    for (const name of names) for (const row of tables[name]) tx.objectStore(name).put(row)
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, rows)
}

/** Options page: Production environment, paste the key, "Save and verify key", wait for "Connected". */
export async function connectThroughOptions(page: Page, apiKey: string): Promise<void> {
  await page.getByRole("radio", { name: /^Production/ }).check()
  await page.getByLabel("Lever API key").fill(apiKey)
  await page.getByRole("button", { name: "Save and verify key" }).click()
  await page.getByTestId("connection-state").filter({ hasText: /^Connected/ }).waitFor({ timeout: 60_000 })
}

/** Options page: the stage Shortlist moves candidates to (from Lever's stage list). */
export async function chooseShortlistStage(page: Page, stageText: string): Promise<void> {
  const select = page.getByLabel("Shortlist moves candidates to stage")
  await select.locator("option", { hasText: stageText }).first().waitFor({ state: "attached", timeout: 30_000 })
  await select.selectOption({ label: stageText })
  await page.getByRole("form", { name: "Reject and shortlist settings" }).getByRole("button").last().click()
}

export interface RubricEdits {
  /** New text for requirement 1. */
  editFirst?: string
  /** Flip "Mandatory" on requirement 2. */
  toggleSecondMandatory?: boolean
  /** Set a category weight slider, e.g. ["Skills", 70]. */
  weight?: [string, number]
}

/**
 * Popup: pick the posting, let the requirements be extracted, apply the edits, acknowledge fairness
 * warnings, confirm. Returns the new analysis id (read back from the database).
 */
export async function setUpAnalysisInPopup(page: Page, postingTitle: string, edits: RubricEdits = {}): Promise<string> {
  await page.getByRole("button", { name: postingTitle, exact: true }).first().click({ timeout: 60_000 })
  const list = page.getByRole("list", { name: "Requirements" })
  await list.getByRole("textbox").first().waitFor({ timeout: 30_000 })
  if (edits.editFirst) await page.getByRole("textbox", { name: "Requirement 1 text" }).fill(edits.editFirst)
  if (edits.toggleSecondMandatory) {
    const mandatory = page.getByRole("checkbox", { name: "Requirement 2 mandatory" })
    await mandatory.setChecked(!(await mandatory.isChecked()))
  }
  if (edits.weight) await page.getByRole("slider", { name: edits.weight[0] }).fill(String(edits.weight[1]))
  const keep = page.getByRole("button", { name: /as written \(acknowledge the fairness warning\)/ })
  while ((await keep.count()) > 0) await keep.first().click()
  await page.getByRole("button", { name: "Confirm and start" }).click()
  await page.getByText("Analysis started.").waitFor({ timeout: 30_000 })
  const { analyses } = await readStores<{ analyses: { id: string; postingTitle: string; createdAt: number }[] }>(page, ["analyses"])
  const mine = analyses.filter((a) => a.postingTitle === postingTitle).sort((a, b) => b.createdAt - a.createdAt)[0]
  if (!mine) throw new Error(`No analysis was saved for “${postingTitle}”`)
  return mine.id
}

export interface JobRowLite {
  analysisId: string
  opportunityId: string
  state: string
  lastError?: string
}

/** Waits until no job of the analysis is queued or running; returns the jobs. */
export async function waitForAnalysisToSettle(page: Page, analysisId: string, timeoutMs = 240_000): Promise<JobRowLite[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { jobs } = await readStores<{ jobs: JobRowLite[] }>(page, ["jobs"])
    const mine = jobs.filter((j) => j.analysisId === analysisId)
    if (mine.length > 0 && mine.every((j) => j.state !== "queued" && j.state !== "running")) return mine
    if (Date.now() > deadline) {
      const counts = mine.reduce<Record<string, number>>((acc, j) => ({ ...acc, [j.state]: (acc[j.state] ?? 0) + 1 }), {})
      throw new Error(`Analysis did not settle in ${timeoutMs / 1000} s: ${JSON.stringify(counts)}`)
    }
    await page.waitForTimeout(1000)
  }
}
