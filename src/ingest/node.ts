/**
 * Resume ingestion in Node (CLI, tests, benchmarks). Uses pdf.js's legacy build, which runs in Node
 * without a DOM, on the calling thread.
 */
import { readFile, stat } from "node:fs/promises"
import { basename } from "node:path"
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs"
import { failedDocument } from "~core/resume/document"
import type { ResumeDocument } from "~core/resume/model"
import { DEFAULT_MAX_BYTES, ingestWith, type FileMeta, type IngestOptions } from "./ingest"
import type { PdfjsModule } from "./pdf"

export type { IngestOptions } from "./ingest"

export function ingestBytes(bytes: Uint8Array, meta: FileMeta = {}, opts: IngestOptions = {}): Promise<ResumeDocument> {
  return ingestWith(pdfjs as unknown as PdfjsModule, bytes, meta, opts)
}

export async function ingestFile(path: string, opts: IngestOptions = {}): Promise<ResumeDocument> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const info = await stat(path)
  // Refuse oversized files before reading them into memory.
  if (info.size > maxBytes) {
    return failedDocument(path.toLowerCase().endsWith(".docx") ? "docx" : "pdf", "too_large", `The file is ${(info.size / (1024 * 1024)).toFixed(1)} MB; the limit is ${(maxBytes / (1024 * 1024)).toFixed(1)} MB.`)
  }
  const bytes = new Uint8Array(await readFile(path))
  return ingestBytes(bytes, { fileName: basename(path) }, opts)
}
