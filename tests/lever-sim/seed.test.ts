/**
 * The seed: same seed → byte-identical data; every seeded resume file opens (or fails) exactly as its
 * edge case intends, checked with real readers (pdftotext/pdfinfo from poppler, mammoth for DOCX).
 */
import { execFile } from "node:child_process"
import { createHash } from "node:crypto"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"

import mammoth from "mammoth"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { simRequest } from "./http-client"
import { toWinAnsi } from "./resume-files"
import { startSimulator, type Simulator } from "./server"
import { ENCRYPTED_PDF_PASSWORD, World } from "./world"

const run = promisify(execFile)

async function poppler(tool: "pdftotext" | "pdfinfo", args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tool, args, { maxBuffer: 20_000_000 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" }
  }
}

async function fingerprint(world: World): Promise<string> {
  const hash = createHash("sha256")
  for (const o of world.opportunities.values()) {
    hash.update(JSON.stringify({ ...o, actions: undefined }))
    if (o.resume) hash.update(await world.resumeBytes(o))
  }
  hash.update(JSON.stringify(world.postings.map((p) => p.posting)))
  return hash.digest("hex")
}

describe("determinism", () => {
  it("gives byte-identical data (records and files) for the same seed, different data for another", async () => {
    const [a, b, c] = [new World({ seed: 11, applicantsPerPosting: 12 }), new World({ seed: 11, applicantsPerPosting: 12 }), new World({ seed: 12, applicantsPerPosting: 12 })]
    const [fa, fb, fc] = await Promise.all([fingerprint(a), fingerprint(b), fingerprint(c)])
    expect(fa).toBe(fb)
    expect(fc).not.toBe(fa)
    expect(a.edgeCases).toEqual(b.edgeCases)
  }, 60_000)

  it("exposes the same keys, ids and OAuth app for the same seed", async () => {
    const [s1, s2] = await Promise.all([startSimulator({ seed: 9, applicantsPerPosting: 4 }), startSimulator({ seed: 9, applicantsPerPosting: 4 })])
    try {
      expect(s1.keys).toEqual(s2.keys)
      expect(s1.postings).toEqual(s2.postings)
      expect(s1.edgeCases).toEqual(s2.edgeCases)
      expect(s1.oauthApp).toEqual(s2.oauthApp)
      expect(new Set(Object.values(s1.keys)).size).toBe(3)
    } finally {
      await Promise.all([s1.close(), s2.close()])
    }
  })

  it("builds a 500-applicant posting world quickly (resume bytes are lazy)", () => {
    const started = performance.now()
    const world = new World({ seed: 1, applicantsPerPosting: 500 })
    const elapsed = performance.now() - started
    expect(world.opportunities.size).toBe(2000)
    expect(elapsed).toBeLessThan(3000)
  })
})

describe("seeded resumes open as intended", () => {
  let sim: Simulator
  let dir: string
  beforeAll(async () => {
    sim = await startSimulator({ seed: 2026, applicantsPerPosting: 16, rate: 1000, burst: 1000 })
    dir = mkdtempSync(join(tmpdir(), "lever-sim-resumes-"))
  })
  afterAll(async () => {
    await sim.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Downloads through the API, exactly as the extension would. */
  async function download(opportunityId: string): Promise<{ status: number; bytes: Buffer; ext: string; name: string }> {
    const meta = (await simRequest(sim, { path: `/v1/opportunities/${opportunityId}/resumes`, key: sim.keys.full })).json().data[0]
    const res = await simRequest(sim, { path: `/v1/opportunities/${opportunityId}/resumes/${meta.id}/download`, key: sim.keys.full })
    return { status: res.status, bytes: res.body, ext: meta.file.ext, name: sim.world.opportunities.get(opportunityId)!.name }
  }

  it("has every edge case", () => {
    expect(Object.keys(sim.edgeCases).sort()).toEqual([
      "archived", "corruptPdf", "download422", "encryptedPdf", "hiddenText", "longPdf", "nameAccents", "nameArabic",
      "nameHebrew", "nameQuotes", "nameScript", "noResume", "nonEnglish", "scannedPdf", "updatedAtNull"
    ])
    const state = sim.state().opportunities
    expect(state[sim.edgeCases.archived]!.archived).not.toBeNull()
    expect(state[sim.edgeCases.updatedAtNull]!.updatedAt).toBeNull()
    expect(state[sim.edgeCases.nameScript]!.name).toBe("<script>alert(1)</script>")
    expect(state[sim.edgeCases.nameArabic]!.name).toMatch(/[\u0600-\u06ff]/)
    expect(state[sim.edgeCases.nameHebrew]!.name).toMatch(/[\u0590-\u05ff]/)
    expect(state[sim.edgeCases.nameQuotes]!.name).toMatch(/"/)
    expect(state[sim.edgeCases.nameQuotes]!.name).toMatch(/'/)
  })

  it("every normal resume is readable and names its person; fits spread", async () => {
    const fits = new Map<string, number>()
    const kinds = new Map<string, number>()
    for (const o of sim.world.opportunities.values()) {
      if (o.edgeCase || !o.resume) continue
      fits.set(o.fit, (fits.get(o.fit) ?? 0) + 1)
      kinds.set(o.resume.kind, (kinds.get(o.resume.kind) ?? 0) + 1)
      const file = await download(o.id)
      expect(file.status).toBe(200)
      let text: string
      if (file.ext === "pdf") {
        const path = join(dir, `${o.id}.pdf`)
        writeFileSync(path, file.bytes)
        const result = await poppler("pdftotext", ["-layout", path, "-"])
        expect(result.code, result.stderr).toBe(0)
        text = result.stdout
      } else if (file.ext === "docx") {
        text = (await mammoth.extractRawText({ buffer: file.bytes })).value
      } else {
        text = file.bytes.toString("utf8")
      }
      expect(text).toContain(file.ext === "pdf" ? toWinAnsi(o.name) : o.name)
      expect(text.length).toBeGreaterThan(300)
    }
    for (const fit of ["strong", "partial", "weak", "unconventional"]) expect(fits.get(fit) ?? 0, fit).toBeGreaterThan(0)
    for (const kind of ["pdf-single", "pdf-two-column", "docx", "txt"]) expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(0)
  }, 60_000)

  it("scanned PDF opens but has no text", async () => {
    const file = await download(sim.edgeCases.scannedPdf)
    const path = join(dir, "scanned.pdf")
    writeFileSync(path, file.bytes)
    expect((await poppler("pdfinfo", [path])).stdout).toMatch(/Pages:\s+1/)
    const text = await poppler("pdftotext", [path, "-"])
    expect(text.code).toBe(0)
    expect(text.stdout.trim()).toBe("")
  })

  it("corrupt PDF does not open", async () => {
    const file = await download(sim.edgeCases.corruptPdf)
    expect(file.bytes.subarray(0, 5).toString()).toBe("%PDF-")
    const path = join(dir, "corrupt.pdf")
    writeFileSync(path, file.bytes)
    const result = await poppler("pdftotext", [path, "-"])
    expect(result.code).not.toBe(0)
  })

  it("password-protected PDF is reported as such, and opens with its password", async () => {
    const file = await download(sim.edgeCases.encryptedPdf)
    const path = join(dir, "encrypted.pdf")
    writeFileSync(path, file.bytes)
    const locked = await poppler("pdftotext", [path, "-"])
    expect(locked.code).not.toBe(0)
    expect(locked.stderr).toMatch(/password/i)
    const unlocked = await poppler("pdftotext", ["-upw", ENCRYPTED_PDF_PASSWORD, path, "-"])
    expect(unlocked.code).toBe(0)
    expect(unlocked.stdout).toContain(toWinAnsi(file.name))
    const pdfjs = await import("pdfjs-dist")
    await expect(pdfjs.getDocument({ data: new Uint8Array(file.bytes), isEvalSupported: false }).promise).rejects.toMatchObject({ name: "PasswordException" })
  })

  it("long PDF has 40+ pages", async () => {
    const file = await download(sim.edgeCases.longPdf)
    const path = join(dir, "long.pdf")
    writeFileSync(path, file.bytes)
    const pages = Number(/Pages:\s+(\d+)/.exec((await poppler("pdfinfo", [path])).stdout)?.[1])
    expect(pages).toBeGreaterThanOrEqual(40)
  })

  it("hidden-text PDF carries the posting's keywords in white 1-pt text on a weak resume", async () => {
    const o = sim.world.opportunities.get(sim.edgeCases.hiddenText)!
    expect(o.fit).toBe("weak")
    const file = await download(o.id)
    const path = join(dir, "hidden.pdf")
    writeFileSync(path, file.bytes)
    const text = (await poppler("pdftotext", [path, "-"])).stdout
    const keywords = sim.world.posting(o.postingId)!.fit!.keywords
    expect(keywords.every((k) => text.includes(k))).toBe(true)
    // The keywords are drawn at 1 pt in white (pdf-lib writes "1 1 1 rg" and a 1-pt font size).
    const bbox = await poppler("pdftotext", ["-bbox", path, "-"])
    const tiny = [...bbox.stdout.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</g)].filter(([, y1, y2]) => Number(y2) - Number(y1) < 2)
    expect(tiny.map((m) => m[3])).toEqual(expect.arrayContaining([keywords[0]]))
  })

  it("non-English resume is German, and 422/no-resume applicants behave", async () => {
    const file = await download(sim.edgeCases.nonEnglish)
    const path = join(dir, "de.pdf")
    writeFileSync(path, file.bytes)
    const text = (await poppler("pdftotext", [path, "-"])).stdout
    expect(text).toMatch(/Berufserfahrung/i)
    expect(text).toMatch(/Kenntnisse/i)
    expect((await download(sim.edgeCases.download422)).status).toBe(422)
    expect((await simRequest(sim, { path: `/v1/opportunities/${sim.edgeCases.noResume}/resumes`, key: sim.keys.full })).json().data).toEqual([])
  })

  it("right-to-left and accented names survive in DOCX/TXT resumes", async () => {
    for (const key of ["nameArabic", "nameAccents", "nameHebrew"] as const) {
      const file = await download(sim.edgeCases[key])
      const text = file.ext === "docx" ? (await mammoth.extractRawText({ buffer: file.bytes })).value : file.bytes.toString("utf8")
      expect(text, key).toContain(file.name)
    }
  })
})
