import type { World } from "./world"

export interface WebAppPage {
  status: number
  headers: Record<string, string>
  body: string
}

export function renderWebApp(_world: World, _url: URL, _options: { rerenderMs: number }): WebAppPage {
  return { status: 404, headers: { "content-type": "text/plain" }, body: "web app mock: not built yet" }
}
