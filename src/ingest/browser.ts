/**
 * Resume ingestion in the extension (MV3 service worker, Firefox event page, extension pages).
 * The MV3 worker has no Worker and forbids import(), so pdf.js runs its "worker" on this thread: the
 * worker module is imported statically and published as globalThis.pdfjsWorker before getDocument,
 * which pdf.js checks first (docs toolchain.md).
 */
import * as pdfjs from "pdfjs-dist"
import * as pdfjsWorker from "pdfjs-dist/build/pdf.worker.mjs"
import type { ResumeDocument } from "~core/resume/model"
import { ingestWith, type FileMeta, type IngestOptions } from "./ingest"
import type { PdfjsModule } from "./pdf"

export type { IngestOptions } from "./ingest"

;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker

export function ingestBytes(bytes: Uint8Array, meta: FileMeta = {}, opts: IngestOptions = {}): Promise<ResumeDocument> {
  return ingestWith(pdfjs as unknown as PdfjsModule, bytes, meta, opts)
}
