/**
 * A tiny HTTPS client for tests and tools: trusts the simulator's own certificate and lets the
 * caller set the Host header (and TLS server name) so requests reach the API, web-app or OAuth side
 * of the single server exactly as a browser with host mapping would.
 */
import { request as httpsRequest } from "node:https"

export interface SimResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
  text(): string
  json<T = any>(): T
}

export interface SimRequest {
  method?: string
  path: string
  host?: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** HTTP Basic with this API key as the username (Lever's key auth). */
  key?: string
  bearer?: string
}

export function simRequest(target: { port: number; ca: string }, req: SimRequest): Promise<SimResponse> {
  const headers: Record<string, string> = { ...req.headers }
  if (req.key !== undefined) headers.authorization = `Basic ${Buffer.from(`${req.key}:`).toString("base64")}`
  if (req.bearer !== undefined) headers.authorization = `Bearer ${req.bearer}`
  if (req.body !== undefined) headers["content-length"] = String(Buffer.byteLength(req.body))
  const host = req.host ?? "127.0.0.1"
  headers.host = host
  return new Promise((resolve, reject) => {
    const r = httpsRequest(
      {
        host: "127.0.0.1",
        port: target.port,
        method: req.method ?? "GET",
        path: req.path,
        headers,
        ca: target.ca,
        servername: /^\d+\.\d+\.\d+\.\d+$/.test(host) ? undefined : host,
        agent: false
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("error", reject)
        res.on("end", () => {
          const body = Buffer.concat(chunks)
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: () => body.toString("utf8"),
            json: () => JSON.parse(body.toString("utf8"))
          })
        })
      }
    )
    r.on("error", reject)
    if (req.body !== undefined) r.write(req.body)
    r.end()
  })
}
