/**
 * Renders a resume PDF's pages to canvas with pdf.js in the dashboard page. The worker module runs on
 * the page's own thread (globalThis.pdfjsWorker), which avoids loading a worker script by URL from
 * the extension package and is quick enough for a resume's few pages.
 */
import * as pdfjs from "pdfjs-dist"
import * as pdfjsWorker from "pdfjs-dist/build/pdf.worker.mjs"
import { useEffect, useRef, useState } from "react"

;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfjsWorker

/** A resume longer than this is shown as text only: rendering dozens of canvases helps nobody. */
const MAX_PAGES = 12

export function PdfPages({ bytes, label }: { bytes: ArrayBuffer; label: string }) {
  const container = useRef<HTMLDivElement>(null)
  const [error, setError] = useState<string | null>(null)
  const [pages, setPages] = useState(0)

  useEffect(() => {
    let cancelled = false
    const host = container.current
    if (!host) return
    host.replaceChildren()
    setError(null)
    // pdf.js may detach the buffer it is given: hand it a copy so the db row's bytes stay usable.
    const task = pdfjs.getDocument({ data: new Uint8Array(bytes.slice(0)), isEvalSupported: false })
    ;(async () => {
      try {
        const doc = await task.promise
        if (cancelled) return
        const count = Math.min(doc.numPages, MAX_PAGES)
        setPages(doc.numPages)
        for (let number = 1; number <= count && !cancelled; number++) {
          const page = await doc.getPage(number)
          const viewport = page.getViewport({ scale: 1.3 })
          const canvas = document.createElement("canvas")
          canvas.width = Math.floor(viewport.width)
          canvas.height = Math.floor(viewport.height)
          canvas.setAttribute("aria-label", `${label}, page ${number} of ${doc.numPages}`)
          canvas.setAttribute("role", "img")
          const context = canvas.getContext("2d")
          if (!context) throw new Error("This browser cannot draw the PDF.")
          host.appendChild(canvas)
          await page.render({ canvas, canvasContext: context, viewport }).promise
        }
      } catch (caught) {
        if (!cancelled) setError((caught as Error)?.message || "The PDF could not be drawn.")
      }
    })()
    return () => {
      cancelled = true
      void task.destroy()
    }
  }, [bytes, label])

  return (
    <div>
      {error && <p className="warn">The PDF could not be drawn ({error}); its text is shown instead.</p>}
      {pages > MAX_PAGES && <p className="muted">Showing the first {MAX_PAGES} of {pages} pages.</p>}
      <div ref={container} className="pdf-pages" />
    </div>
  )
}
