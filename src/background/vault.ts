/**
 * The secret vault: Lever credentials and the LLM key. Only the background imports this module
 * (architecture rule 2; content scripts cannot even reach the extension's IndexedDB, which lives in the
 * extension origin). Secrets are encrypted at rest with a non-extractable AES-GCM key that is itself
 * stored in IndexedDB: a copied profile folder does not reveal them in plain text, and no code — ours
 * included — can export the key.
 */
import Dexie from "dexie"

export interface LeverApiKeySecret {
  kind: "api_key"
  apiKey: string
}

export interface LeverOAuthSecret {
  kind: "oauth"
  clientId: string
  clientSecret: string
  accessToken: string
  refreshToken?: string
  /** ms since epoch */
  expiresAt: number
}

export interface VaultContents {
  lever?: LeverApiKeySecret | LeverOAuthSecret
  llmApiKey?: string
  /** OAuth app credentials kept between sign-ins. */
  oauthApp?: { clientId: string; clientSecret: string }
}

interface VaultRow {
  id: "key" | "contents"
  key?: CryptoKey
  iv?: Uint8Array
  ciphertext?: ArrayBuffer
}

class VaultDb extends Dexie {
  items!: Dexie.Table<VaultRow, string>
  constructor() {
    super("lever-screening-vault")
    this.version(1).stores({ items: "id" })
  }
}

const db = new VaultDb()

async function encryptionKey(): Promise<CryptoKey> {
  const existing = await db.items.get("key")
  if (existing?.key) return existing.key
  const key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"])
  await db.items.put({ id: "key", key })
  return key
}

export async function readVault(): Promise<VaultContents> {
  const row = await db.items.get("contents")
  if (!row?.ciphertext || !row.iv) return {}
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: row.iv as Uint8Array<ArrayBuffer> }, await encryptionKey(), row.ciphertext)
  return JSON.parse(new TextDecoder().decode(plain)) as VaultContents
}

export async function writeVault(update: (current: VaultContents) => VaultContents): Promise<VaultContents> {
  const next = update(await readVault())
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const ciphertext = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await encryptionKey(), new TextEncoder().encode(JSON.stringify(next)))
  await db.items.put({ id: "contents", iv, ciphertext })
  return next
}

/** Disconnect: every secret is gone at once, including the encryption key. */
export async function wipeVault(): Promise<void> {
  await db.items.clear()
}
