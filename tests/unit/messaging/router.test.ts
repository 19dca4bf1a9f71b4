import { describe, expect, it, vi } from "vitest"
import { z } from "zod"

vi.mock("webextension-polyfill", () => ({ default: { runtime: { id: "x", getURL: (p: string) => `chrome-extension://x/${p}` } } }))

import { defineMessage, MessageFailure } from "../../../src/messaging/contract"
import { dispatch, handle } from "../../../src/background/router"
import { scrubSecrets } from "../../../src/background/errors"

const own = { id: "x", origin: "chrome-extension://x/" }
const page = { id: "x", url: "chrome-extension://x/options.html" }
const content = { id: "x", url: "https://hire.lever.co/candidates", tab: { id: 1, url: "https://hire.lever.co/candidates" } }

const echo = defineMessage<{ doubled: number }>()("test-echo", "page", z.object({ n: z.number().int() }).strict())
const boom = defineMessage<never>()("test-boom", "any", z.object({}).strict())
const typed = defineMessage<never>()("test-typed", "any", z.object({}).strict())
handle(echo, ({ n }) => ({ doubled: n * 2 }))
handle(boom, () => {
  throw new Error("upstream said Authorization: Basic c2stc2VjcmV0LWtleS0xMjM0NTY6")
})
handle(typed, () => {
  throw new MessageFailure({ code: "lever_forbidden", message: "This key cannot archive candidates." })
})

describe("dispatch", () => {
  it("runs a valid request from an allowed sender", async () => {
    expect(await dispatch({ type: "test-echo", body: { n: 21 } }, page, own)).toEqual({ ok: true, data: { doubled: 42 } })
  })

  it("refuses the wrong audience before reading the body", async () => {
    const reply = await dispatch({ type: "test-echo", body: "not even an object" }, content, own)
    expect(reply).toMatchObject({ ok: false, error: { code: "forbidden_sender" } })
  })

  it("rejects bodies that fail the strict schema, including unknown keys", async () => {
    expect(await dispatch({ type: "test-echo", body: { n: 1.5 } }, page, own)).toMatchObject({ ok: false, error: { code: "bad_request" } })
    expect(await dispatch({ type: "test-echo", body: { n: 1, extra: true } }, page, own)).toMatchObject({ ok: false, error: { code: "bad_request" } })
  })

  it("answers malformed and unknown messages with typed errors", async () => {
    expect(await dispatch(null, page, own)).toMatchObject({ ok: false, error: { code: "bad_request" } })
    expect(await dispatch({ type: "nope", body: {} }, page, own)).toMatchObject({ ok: false, error: { code: "unknown_message" } })
  })

  it("never throws across the boundary and scrubs credentials from errors", async () => {
    const reply = await dispatch({ type: "test-boom", body: {} }, page, own)
    expect(reply.ok).toBe(false)
    expect(JSON.stringify(reply)).not.toContain("c2stc2VjcmV0LWtleS0xMjM0NTY6")
    expect(await dispatch({ type: "test-typed", body: {} }, content, own)).toEqual({
      ok: false,
      error: { code: "lever_forbidden", message: "This key cannot archive candidates.", details: undefined }
    })
  })
})

describe("scrubSecrets", () => {
  it("removes bearer tokens, keys in URLs and key-like strings", () => {
    expect(scrubSecrets("Bearer abcdefghijklmnop123")).not.toContain("abcdefghijklmnop123")
    expect(scrubSecrets("https://x/?access_token=zzzzzzzz&b=1")).toBe("https://x/?access_token=[redacted]&b=1")
    expect(scrubSecrets("sk-proj1234567890abcdef")).toBe("[redacted]")
  })
})
