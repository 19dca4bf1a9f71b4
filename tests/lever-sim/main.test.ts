/** The `npm run sim` command line: options, environment and clear errors for bad input. */
import { describe, expect, it } from "vitest"

import { parseArgs } from "./main"

describe("npm run sim options", () => {
  it("defaults to port 7443 and takes LEVER_SIM_PORT", () => {
    expect(parseArgs([], {}).options).toEqual({ port: 7443 })
    expect(parseArgs([], { LEVER_SIM_PORT: "8443" }).options.port).toBe(8443)
    expect(parseArgs(["--port", "9000"], { LEVER_SIM_PORT: "8443" }).options.port).toBe(9000)
  })

  it("parses every option, in both --flag value and --flag=value forms", () => {
    expect(parseArgs(["--applicants", "500", "--seed=7", "--rate", "2.5", "--burst=4", "--latency", "120", "--rerender", "1000"], {}).options).toEqual({
      port: 7443, applicantsPerPosting: 500, seed: 7, rate: 2.5, burst: 4, latencyMs: 120, webappRerenderMs: 1000
    })
  })

  it("rejects bad values with a message that names the option", () => {
    expect(() => parseArgs(["--applicants", "5001"], {})).toThrow(/--applicants must be an integer from 0 to 5000/)
    expect(() => parseArgs(["--seed"], {})).toThrow(/--seed needs a value/)
    expect(() => parseArgs(["--port", "http"], {})).toThrow(/--port/)
    expect(() => parseArgs([], { LEVER_SIM_PORT: "70000" })).toThrow(/LEVER_SIM_PORT/)
    expect(() => parseArgs(["--frobnicate"], {})).toThrow(/Unknown option --frobnicate/)
  })
})
