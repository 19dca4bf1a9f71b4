/**
 * The popup in real Chromium against the Lever simulator, at popup size (400×600): it syncs the
 * organisation's postings, picks one, extracts its requirements, edits one, marks one mandatory, moves
 * a weight, confirms, and the analysis with its versioned rubric is in the extension's database;
 * editing it again saves version 2.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import type { Page } from "playwright-core"

import { startExtensionEnv, type ExtensionEnv } from "./harness"

let env: ExtensionEnv

beforeAll(async () => {
  env = await startExtensionEnv({ connect: true, sim: { applicantsPerPosting: 6 } })
})
afterAll(async () => {
  await env?.close()
})

interface Stored {
  analyses: { id: string; postingId: string; rubricVersion: number; engine: string }[]
  rubrics: { analysisId: string; version: number; rubric: { requirements: { id: string; text: string; mandatory: boolean; category: string; facets: unknown }[]; weights: Record<string, number> } }[]
}

async function readDb(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open("lever-screening")
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const all = (name: string) =>
      new Promise<any[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
    const result = { analyses: await all("analyses"), rubrics: await all("rubrics") }
    db.close()
    return result
  })
}

/** Confirms every fairness warning the extractor raised (the test is about the flow, not the wording). */
async function confirmFairness(page: Page) {
  const keep = page.getByRole("button", { name: /as written \(acknowledge the fairness warning\)/ })
  while ((await keep.count()) > 0) await keep.first().click()
}

describe("popup", () => {
  it("sets up an analysis from a simulator posting and saves a versioned rubric", async () => {
    const page = await env.openPage("popup.html")
    await page.setViewportSize({ width: 400, height: 600 })
    const posting = env.sim.postings[0]

    await page.getByRole("button", { name: posting.text, exact: true }).first().click()
    const list = page.getByRole("list", { name: "Requirements" })
    await list.getByRole("textbox").first().waitFor()
    const count = await list.getByRole("textbox").count()
    expect(count).toBeGreaterThan(0)
    if (count < 2) {
      await page.getByRole("textbox", { name: "New requirement text" }).fill("Clear written communication")
      await page.getByRole("button", { name: "Add requirement" }).click()
    }

    // Edit a requirement, mark another mandatory (whatever it was, flip it), move a weight.
    const edited = "Five or more years of professional experience in this field"
    await page.getByRole("textbox", { name: "Requirement 1 text" }).fill(edited)
    const mandatory = page.getByRole("checkbox", { name: "Requirement 2 mandatory" })
    const wasMandatory = await mandatory.isChecked()
    await mandatory.setChecked(!wasMandatory)
    await page.getByRole("slider", { name: "Skills" }).fill("70")
    await expect.poll(() => page.getByRole("slider", { name: "Skills" }).inputValue()).toBe("70")
    await confirmFairness(page)

    // At popup size the confirm bar stays reachable (sticky) and the page does not scroll sideways.
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)
    expect(sideways).toBe(false)
    const confirm = page.getByRole("button", { name: "Confirm and start" })
    await expect.poll(() => confirm.isEnabled(), { timeout: 5000 }).toBe(true)
    await confirm.click()
    await page.getByText("Analysis started.").waitFor()

    const stored = await readDb(page)
    const analysis = stored.analyses.find((a) => a.postingId === posting.id)
    expect(analysis).toBeDefined()
    expect(analysis!.rubricVersion).toBe(1)
    expect(analysis!.engine).toBe("local")
    const v1 = stored.rubrics.find((r) => r.analysisId === analysis!.id && r.version === 1)
    expect(v1).toBeDefined()
    expect(v1!.rubric.requirements[0].text).toBe(edited)
    expect(v1!.rubric.requirements[0].facets).toBeTruthy()
    expect(v1!.rubric.requirements[1].mandatory).toBe(!wasMandatory)
    expect(v1!.rubric.weights.skills).toBe(70)

    // Back to the list: the posting now shows its analysis; editing it saves version 2.
    await page.getByRole("button", { name: "Back to postings" }).first().click()
    await page.getByRole("button", { name: `Open dashboard for ${posting.text}` }).first().waitFor()
    await page.getByRole("button", { name: posting.text, exact: true }).first().click()
    await page.getByText(/Saving creates version 2/).waitFor()
    await page.getByRole("checkbox", { name: "Requirement 1 mandatory" }).click()
    await page.getByRole("button", { name: "Save new version" }).click()
    await page.getByText(/Rubric version 2 saved/).waitFor()
    const after = await readDb(page)
    const versions = after.rubrics.filter((r) => r.analysisId === analysis!.id).map((r) => r.version).sort()
    expect(versions).toEqual([1, 2])
    expect(after.analyses.find((a) => a.id === analysis!.id)!.rubricVersion).toBe(2)
    expect(env.consoleErrors.filter((line) => line.startsWith("popup.html"))).toEqual([])
    await page.close()
  })
})
