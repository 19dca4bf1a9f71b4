/**
 * The built manifests agree with plasmo.config.ts, ask for the minimum, and reference no remote code.
 * Builds both targets when no build is present (npm test builds them just before).
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { EXTENSION_PERMISSIONS, LEVER_CONTENT_MATCHES, LEVER_HOST_PERMISSIONS } from "../../../plasmo.config"
import { ensureBuilt } from "../../support/build"

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe.each(["chrome-mv3", "firefox-mv3"] as const)("%s build", (target) => {
  const dir = ensureBuilt(target)
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"))

  it("is Manifest V3 with the minimal permissions", () => {
    expect(manifest.manifest_version).toBe(3)
    expect([...manifest.permissions].sort()).toEqual([...EXTENSION_PERMISSIONS].sort())
    expect([...manifest.host_permissions].sort()).toEqual([...LEVER_HOST_PERMISSIONS].sort())
    // Custom Lever base URLs (a proxy or the simulator) are asked for at run time, never granted up front.
    expect(manifest.optional_host_permissions).toEqual(["https://*/*"])
    for (const broad of ["<all_urls>", "tabs", "webRequest", "cookies", "history", "scripting", "debugger"]) {
      expect(manifest.permissions).not.toContain(broad)
    }
  })

  it("runs content scripts exactly on the Lever web-app hosts", () => {
    expect(manifest.content_scripts.length).toBeGreaterThan(0)
    for (const script of manifest.content_scripts) {
      expect([...script.matches].sort()).toEqual([...LEVER_CONTENT_MATCHES].sort())
    }
  })

  it("references no remote code", () => {
    expect(JSON.stringify(manifest.content_security_policy ?? {})).not.toMatch(/https?:|unsafe-eval/)
    for (const file of filesUnder(dir)) {
      if (file.endsWith(".html")) {
        expect(readFileSync(file, "utf8"), file).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i)
      }
      if (file.endsWith(".js")) {
        const code = readFileSync(file, "utf8")
        expect(code, file).not.toMatch(/importScripts\(\s*["'`]https?:/)
        expect(code, file).not.toMatch(/\bimport\(\s*["'`]https?:/)
      }
    }
  })

  if (target === "firefox-mv3") {
    it("has a gecko id", () => {
      expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/@/)
    })
  }
})
