/**
 * Build-level constants that Plasmo's `package.json#manifest` cannot express as typed values.
 * The manifest test (tests/unit/manifest.test.ts) asserts that the built manifests agree with this file,
 * so a host added here without being added to the manifest (or the reverse) fails the build's tests.
 */

/** Lever regions the user can connect to. `custom` (a simulator or proxy) is added at run time. */
export const LEVER_ENVIRONMENTS = {
  production: {
    label: "Production",
    apiBase: "https://api.lever.co/v1",
    webHost: "hire.lever.co",
    authorizeUrl: "https://auth.lever.co/authorize",
    tokenUrl: "https://auth.lever.co/oauth/token",
    audience: "https://api.lever.co/v1/"
  },
  eu: {
    label: "EU",
    apiBase: "https://api.eu.lever.co/v1",
    webHost: "hire.eu.lever.co",
    authorizeUrl: "https://auth.lever.co/authorize",
    tokenUrl: "https://auth.lever.co/oauth/token",
    audience: "https://api.eu.lever.co/v1/"
  },
  sandbox: {
    label: "Sandbox",
    apiBase: "https://api.sandbox.lever.co/v1",
    webHost: "hire.sandbox.lever.co",
    authorizeUrl: "https://sandbox-lever.auth0.com/authorize",
    tokenUrl: "https://sandbox-lever.auth0.com/oauth/token",
    audience: "https://api.sandbox.lever.co/v1/"
  }
} as const

export type LeverEnvironmentId = keyof typeof LEVER_ENVIRONMENTS

/** Where content scripts run: every Lever web-app host. */
export const LEVER_CONTENT_MATCHES = [
  "https://hire.lever.co/*",
  "https://hire.eu.lever.co/*",
  "https://hire.sandbox.lever.co/*"
] as const

/** Hosts the background may call without asking: the Lever APIs and OAuth servers. */
export const LEVER_HOST_PERMISSIONS = [
  "https://api.lever.co/*",
  "https://api.eu.lever.co/*",
  "https://api.sandbox.lever.co/*",
  "https://auth.lever.co/*",
  "https://sandbox-lever.auth0.com/*"
] as const

/** The only API permissions the extension needs (the manifest test keeps this minimal). */
export const EXTENSION_PERMISSIONS = ["storage", "unlimitedStorage", "alarms", "identity"] as const

/** Lever's documented rate limit per credential: 10 requests/s steady, bursts to 20. */
export const LEVER_RATE_LIMIT = { perSecond: 10, burst: 20 } as const

/** Budgets that `npm run bench` checks. */
export const BUDGETS = {
  ingestMedianMs: 100,
  localEngineCandidatesPerSecond: 500,
  runnerRatioVsFloor: 1.2,
  overlayPassMsMedian: 16,
  overlayBadgeLatencyMs: 200,
  contentScriptKb: 150
} as const

/** Default OpenAI-compatible endpoint offered in the options page. */
export const DEFAULT_LLM = { baseUrl: "https://api.openai.com/v1", model: "gpt-4o-mini" } as const
