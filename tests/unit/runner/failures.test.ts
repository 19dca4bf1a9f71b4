import { describe, expect, it } from "vitest"

import { classifyFailure } from "~/background/runner/failures"
import { LeverError } from "~/core/lever/errors"
import { LlmError } from "~/core/llm/port"

describe("classifyFailure", () => {
  it("treats Lever 5xx, network and escaped 429s as an outage to wait out", () => {
    expect(classifyFailure(new LeverError({ kind: "unavailable", status: 503 }), "resumes").kind).toBe("outage")
    expect(classifyFailure(new LeverError({ kind: "network" }), "download").kind).toBe("outage")
    expect(classifyFailure(new LeverError({ kind: "rate_limited", status: 429 }), "list").kind).toBe("outage")
    expect(classifyFailure(new TypeError("fetch failed"), "download").kind).toBe("outage")
  })

  it("explains a key without resume rights in recruiter words", () => {
    const failure = classifyFailure(new LeverError({ kind: "forbidden", status: 403 }), "resumes")
    expect(failure.kind).toBe("forbidden")
    expect(failure.reason).toMatch(/not allowed to read resumes/)
  })

  it("separates 401, 404 and 422", () => {
    expect(classifyFailure(new LeverError({ kind: "unauthorized", status: 401 }), "list").kind).toBe("auth")
    expect(classifyFailure(new LeverError({ kind: "not_found", status: 404 }), "resumes").reason).toMatch(/no longer exists/)
    expect(classifyFailure(new LeverError({ kind: "unprocessable", status: 422 }), "download").kind).toBe("unprocessable")
  })

  it("sorts LLM failures: 429 slows down, a bad answer is the applicant's retry", () => {
    expect(classifyFailure(new LlmError("rate_limited", "429"), "score").kind).toBe("llm_rate_limited")
    expect(classifyFailure(new LlmError("invalid_output", "bad json"), "score").kind).toBe("applicant")
    expect(classifyFailure(new LlmError("auth", "401"), "score").kind).toBe("auth")
  })

  it("never puts more than a short message in the reason", () => {
    const failure = classifyFailure(new Error("x".repeat(1_000)), "ingest")
    expect(failure.kind).toBe("applicant")
    expect(failure.reason.length).toBeLessThan(220)
    expect(failure.reason).toMatch(/could not be read/)
  })
})
