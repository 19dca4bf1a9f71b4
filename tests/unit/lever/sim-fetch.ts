/**
 * A `fetch` for Node tests that reaches the Lever simulator under Lever's real host names
 * (api.lever.co, auth.lever.co, …), as the browser does in e2e with --host-resolver-rules: the
 * connection goes to 127.0.0.1:<port>, the Host header and TLS name stay Lever's. The simulator's
 * certificate is self-signed, so it is trusted here (this file only), never globally.
 */
import { request } from "node:https"

export function simFetch(port: number, counters?: { requests: string[] }): typeof fetch {
  return ((input: RequestInfo | URL, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(String(input))
      counters?.requests.push(`${init.method ?? "GET"} ${url.host}${url.pathname}${url.search}`)
      const headers: Record<string, string> = { ...(init.headers as Record<string, string>), host: url.host }
      const body = typeof init.body === "string" ? init.body : undefined
      if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body))
      const req = request(
        { host: "127.0.0.1", port, servername: url.hostname, path: url.pathname + url.search, method: init.method ?? "GET", headers, rejectUnauthorized: false },
        (res) => {
          const chunks: Buffer[] = []
          res.on("data", (chunk: Buffer) => chunks.push(chunk))
          res.on("error", reject)
          res.on("aborted", () => reject(new TypeError("fetch failed: connection reset")))
          res.on("end", () => {
            if (!res.complete) return reject(new TypeError("fetch failed: incomplete response"))
            const responseHeaders = new Headers()
            for (const [key, value] of Object.entries(res.headers)) if (typeof value === "string") responseHeaders.set(key, value)
            const status = res.statusCode ?? 500
            resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: responseHeaders }))
          })
        }
      )
      req.on("error", (error) => reject(new TypeError(`fetch failed: ${error.message}`)))
      init.signal?.addEventListener("abort", () => req.destroy(new Error("aborted")))
      req.end(body)
    })) as typeof fetch
}
