/**
 * The browser adapter in a real MV3 service worker (Debian Chromium): src/ingest/browser.ts bundled
 * with esbuild (static imports only, pdf.js's worker on the same thread through globalThis.pdfjsWorker,
 * mammoth's browser build), loaded as an unpacked extension. The worker must produce exactly the
 * document Node produces for the same bytes — that is what makes the content-hash cache valid across
 * the CLI, tests and the extension.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { build } from "esbuild"
import { chromium, type BrowserContext } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ingestBytes } from "~ingest/node"
import { docx } from "./docx-factory"
import { EVAL, FIXTURES, NOW } from "./corpus"
import { corruptPdf, passwordProtectedPdf, resumePdf } from "./pdf-factory"

const CHROMIUM = "/usr/bin/chromium"
const ROOT = resolve(__dirname, "../../..")

describe.skipIf(!existsSync(CHROMIUM))("ingestBytes in an MV3 service worker", () => {
  let dir = ""
  let context: BrowserContext
  let runInWorker: (bytes: Uint8Array, fileName: string) => Promise<unknown>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ingest-sw-"))
    const ext = join(dir, "ext")
    writeFileSync(join(dir, "entry.ts"), `import { ingestBytes } from ${JSON.stringify(join(ROOT, "src/ingest/browser"))}\n;(self as any).ingestBytes = ingestBytes\n`)
    await build({
      entryPoints: [join(dir, "entry.ts")],
      bundle: true,
      format: "esm",
      platform: "browser",
      tsconfig: join(ROOT, "tsconfig.json"),
      outfile: join(ext, "sw.js"),
      logLevel: "error"
    })
    writeFileSync(join(ext, "manifest.json"), JSON.stringify({ manifest_version: 3, name: "ingest-test", version: "1.0", background: { service_worker: "sw.js", type: "module" } }))
    context = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, "--no-sandbox", "--disable-gpu", "--no-first-run"]
    })
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"))
    runInWorker = (bytes, fileName) =>
      worker.evaluate(
        async ({ b64, fileName, now }) => {
          const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
          return (self as any).ingestBytes(data, { fileName }, { now: new Date(now) })
        },
        { b64: Buffer.from(bytes).toString("base64"), fileName, now: NOW.toISOString() }
      )
  }, 300_000)

  afterAll(async () => {
    await context?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const files: [string, () => Promise<Uint8Array>][] = [
    ["two-column PDF", async () => new Uint8Array(readFileSync(`${EVAL}/pdf/frontend-engineer/kenji-marchetti.pdf`))],
    ["hidden-keywords PDF", async () => new Uint8Array(readFileSync(`${EVAL}/pdf/adversarial/frontend-engineer/dmitri-halloran--hidden_keywords.pdf`))],
    ["template PDF with embedded fonts", async () => new Uint8Array(readFileSync(`${FIXTURES}/resumes/pdf/resume-matcher__template_two-column.pdf`))],
    ["render-mode-3 PDF", () => resumePdf("render_mode_3")],
    ["real Word file", async () => new Uint8Array(readFileSync(`${FIXTURES}/jd/resume-matcher/docx/Senior_Software_Developer.docx`))],
    ["generated DOCX", () => docx([{ heading: "Skills" }, { bullet: "React" }, { table: [["Go", "SQL"]] }])],
    ["password-protected PDF", async () => passwordProtectedPdf()],
    ["corrupt PDF", async () => corruptPdf()]
  ]

  it.each(files)("%s: same document as in Node", async (_name, make) => {
    const bytes = await make()
    const fileName = bytes[0] === 0x25 ? "resume.pdf" : "resume.docx"
    const inWorker = await runInWorker(bytes, fileName)
    const inNode = await ingestBytes(bytes, { fileName }, { now: NOW })
    expect(inWorker).toEqual(JSON.parse(JSON.stringify(inNode)))
  }, 300_000)
})
