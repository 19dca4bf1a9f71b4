/**
 * The simulator's TLS certificate: self-signed, made once with the `openssl` CLI and cached in the
 * git-ignored `.certs/` folder next to this file. Its SAN covers every Lever host the extension or the
 * page may reach, so a browser with `--host-resolver-rules` mapping them to 127.0.0.1 (and either
 * `--ignore-certificate-errors` or this cert as a trusted CA) talks to the simulator unmodified.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"

export const CERT_HOSTS = [
  "api.lever.co",
  "api.eu.lever.co",
  "api.sandbox.lever.co",
  "hire.lever.co",
  "hire.eu.lever.co",
  "hire.sandbox.lever.co",
  "auth.lever.co",
  "sandbox-lever.auth0.com",
  "localhost"
] as const

// __dirname works under both tsx (CommonJS) and vitest, like tests/support/build.ts.
const CERT_DIR = join(__dirname, ".certs")

export interface Certificate {
  key: string
  cert: string
  dir: string
}

let cached: Certificate | undefined

export async function ensureCertificate(): Promise<Certificate> {
  if (cached) return cached
  // Key and certificate live in one file so a single atomic rename publishes a matching pair.
  const pairPath = join(CERT_DIR, "sim-key-and-cert.pem")
  if (!existsSync(pairPath)) {
    mkdirSync(CERT_DIR, { recursive: true })
    // Several test files may start simulators at the same time: build in a private folder and rename
    // into place so nobody ever reads a half-written key.
    const work = join(CERT_DIR, `tmp-${process.pid}-${Date.now()}`)
    mkdirSync(work, { recursive: true })
    try {
      const san = [...CERT_HOSTS.map((h) => `DNS:${h}`), "IP:127.0.0.1"].join(",")
      execFileSync(
        "openssl",
        [
          "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3650",
          "-keyout", join(work, "key.pem"), "-out", join(work, "cert.pem"),
          "-subj", "/CN=Lever simulator (tests only)",
          "-addext", `subjectAltName=${san}`,
          "-addext", "basicConstraints=critical,CA:TRUE",
          "-addext", "keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign",
          "-addext", "extendedKeyUsage=serverAuth"
        ],
        { stdio: "pipe" }
      )
      const pair = readFileSync(join(work, "key.pem"), "utf8") + readFileSync(join(work, "cert.pem"), "utf8")
      writeFileSync(join(work, "pair.pem"), pair, { mode: 0o600 })
      renameSync(join(work, "pair.pem"), pairPath)
    } catch (error) {
      throw new Error(`Could not create the simulator's certificate with openssl: ${(error as Error).message}`)
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }
  const pair = readFileSync(pairPath, "utf8")
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n?/.exec(pair)?.[0]
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/.exec(pair)?.[0]
  if (!key || !cert) throw new Error(`${pairPath} is damaged: delete it and start again`)
  cached = { key, cert, dir: CERT_DIR }
  return cached
}
