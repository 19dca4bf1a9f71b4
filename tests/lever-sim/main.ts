/**
 * `npm run sim`: starts the Lever simulator for manual use and the demo.
 *   --port P        (env LEVER_SIM_PORT, default 7443; 0 = random)
 *   --applicants N  applicants per posting (default 60, up to 5000)
 *   --seed S        same seed → byte-identical data (default 1)
 *   --rate R --burst B   token bucket per credential (default 10 and 20, as Lever)
 *   --latency MS    extra latency on every API response
 *   --rerender MS   how often the web-app mock re-renders (default 5000)
 * Prints the port, keys, OAuth app and postings; stops cleanly on Ctrl-C.
 */
import { startSimulator, type SimulatorOptions } from "./server"

interface Parsed {
  options: SimulatorOptions
  help: boolean
}

const USAGE = `Usage: npm run sim -- [--port P] [--applicants N] [--seed S] [--rate R] [--burst B] [--latency MS] [--rerender MS]`

export function parseArgs(argv: string[], env: Record<string, string | undefined>): Parsed {
  const options: SimulatorOptions = {}
  const numeric = (flag: string, value: string | undefined, min: number, max: number, integer = true): number => {
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value`)
    const n = Number(value)
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
      throw new Error(`${flag} must be ${integer ? "an integer" : "a number"} from ${min} to ${max} (got "${value}")`)
    }
    return n
  }
  let port: number | undefined
  if (env.LEVER_SIM_PORT !== undefined && env.LEVER_SIM_PORT !== "") port = numeric("LEVER_SIM_PORT", env.LEVER_SIM_PORT, 0, 65535)
  let help = false
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined]
    const value = () => inline ?? argv[++i]
    switch (flag) {
      case "--port": port = numeric(flag, value(), 0, 65535); break
      case "--applicants": options.applicantsPerPosting = numeric(flag, value(), 0, 5000); break
      case "--seed": options.seed = numeric(flag, value(), 0, 2 ** 32 - 1); break
      case "--rate": options.rate = numeric(flag, value(), 0.1, 100_000, false); break
      case "--burst": options.burst = numeric(flag, value(), 1, 100_000); break
      case "--latency": options.latencyMs = numeric(flag, value(), 0, 600_000); break
      case "--rerender": options.webappRerenderMs = numeric(flag, value(), 200, 3_600_000); break
      case "--help": case "-h": help = true; break
      default: throw new Error(`Unknown option ${flag}`)
    }
  }
  options.port = port ?? 7443
  return { options, help }
}

async function main(): Promise<void> {
  let parsed: Parsed
  try {
    parsed = parseArgs(process.argv.slice(2), process.env)
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    process.exit(2)
  }
  if (parsed.help) {
    console.log(USAGE)
    return
  }
  const sim = await startSimulator(parsed.options)
  const lines = [
    `Lever simulator on https://127.0.0.1:${sim.port} (self-signed certificate; CA at tests/lever-sim/.certs/)`,
    `  Data API:  https://127.0.0.1:${sim.port}/v1   (Host api.lever.co / api.sandbox.lever.co / api.eu.lever.co, or any)`,
    `  Web app:   Host hire.lever.co → /candidates?posting=<id>`,
    `  OAuth:     Host auth.lever.co or sandbox-lever.auth0.com → /authorize, /oauth/token`,
    `  Control:   /__sim/state  /__sim/applicants  /__sim/faults  /__sim/reset`,
    ``,
    `API keys (HTTP Basic, key as username, empty password):`,
    `  full       ${sim.keys.full}`,
    `  read-only  ${sim.keys.readOnly}`,
    `  no-resumes ${sim.keys.noResumes}`,
    `OAuth app: client_id ${sim.oauthApp.clientId}  client_secret ${sim.oauthApp.clientSecret}`,
    ``,
    `Postings:`,
    ...sim.postings.map((p) => `  ${p.id}  ${p.state.padEnd(9)} ${String(p.applicants).padStart(5)} applicants  ${p.text}`),
    ``,
    `Edge cases (opportunity ids):`,
    ...Object.entries(sim.edgeCases).map(([k, v]) => `  ${k.padEnd(14)} ${v}`),
    ``,
    `Try: curl -k -u ${sim.keys.full}: https://127.0.0.1:${sim.port}/v1/postings`,
    `To browse the web-app mock: chromium --host-resolver-rules="MAP hire.lever.co 127.0.0.1:${sim.port}" --ignore-certificate-errors https://hire.lever.co/candidates`,
    `Ctrl-C to stop.`
  ]
  console.log(lines.join("\n"))
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping the simulator…`)
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Could not stop cleanly: ${(error as Error).message}`)
        process.exit(1)
      }
    )
  }
  process.on("SIGINT", () => stop("SIGINT"))
  process.on("SIGTERM", () => stop("SIGTERM"))
}

if (typeof require !== "undefined" && require.main === module) {
  main().catch((error: unknown) => {
    const e = error as NodeJS.ErrnoException
    console.error(e.code === "EADDRINUSE" ? `Port already in use: choose another with --port or LEVER_SIM_PORT` : `Simulator failed to start: ${e.message}`)
    process.exit(1)
  })
}
