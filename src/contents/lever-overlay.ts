import type { PlasmoCSConfig } from "plasmo"
export const config: PlasmoCSConfig = {
  matches: ["https://hire.lever.co/*", "https://hire.eu.lever.co/*", "https://hire.sandbox.lever.co/*"],
  run_at: "document_idle"
}
const host = document.createElement("lever-screening-root")
host.attachShadow({ mode: "open" })
document.documentElement.append(host)
