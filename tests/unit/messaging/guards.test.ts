import { describe, expect, it } from "vitest"

import { checkSender, isLeverWebUrl } from "../../../src/messaging/guards"

const own = { id: "abcdefghijklmnopabcdefghijklmnop", origin: "chrome-extension://abcdefghijklmnopabcdefghijklmnop/" }
const page = { id: own.id, url: `${own.origin}popup.html` }
const content = { id: own.id, url: "https://hire.lever.co/candidates", tab: { id: 3, url: "https://hire.lever.co/candidates" } }

describe("checkSender", () => {
  it("accepts extension pages for page-only messages and refuses content scripts", () => {
    expect(checkSender(page, "page", own.id, own.origin)).toBeNull()
    expect(checkSender(content, "page", own.id, own.origin)).toMatch(/only accepted from the extension's own pages/)
  })

  it("accepts content scripts on Lever hosts for content-only messages and refuses pages", () => {
    expect(checkSender(content, "content", own.id, own.origin)).toBeNull()
    expect(checkSender(page, "content", own.id, own.origin)).toMatch(/overlay on a Lever page/)
  })

  it("refuses other extensions and tabs on other sites, whatever their sender.url claims", () => {
    expect(checkSender({ ...page, id: "other" }, "any", own.id, own.origin)).toMatch(/another extension/)
    const spoofed = { id: own.id, url: "https://hire.lever.co/candidates", tab: { id: 9, url: "https://evil.example/" } }
    expect(checkSender(spoofed, "content", own.id, own.origin)).not.toBeNull()
    expect(checkSender(spoofed, "any", own.id, own.origin)).not.toBeNull()
  })

  it("recognises only the Lever web hosts over HTTPS", () => {
    expect(isLeverWebUrl("https://hire.eu.lever.co/candidates/1")).toBe(true)
    expect(isLeverWebUrl("http://hire.lever.co/")).toBe(false)
    expect(isLeverWebUrl("https://hire.lever.co.evil.example/")).toBe(false)
    expect(isLeverWebUrl("not a url")).toBe(false)
  })
})
