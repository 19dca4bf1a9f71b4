import type { Capability } from "../core/lever/capabilities"

/** ✓ / ✗ / ? per right, each with its one-line reason. Text only (nothing here is HTML). */
export function CapabilityList({ capabilities, checkedAt }: { capabilities: Capability[]; checkedAt?: number }) {
  return (
    <div className="capabilities">
      <h3 id="capabilities-heading">What this connection can do</h3>
      <ul aria-labelledby="capabilities-heading" className="capability-list">
        {capabilities.map((capability) => {
          const mark = capability.allowed === true ? "✓" : capability.allowed === false ? "✗" : "?"
          const word = capability.allowed === true ? "allowed" : capability.allowed === false ? "not allowed" : "unknown"
          const tone = capability.allowed === true ? "ok" : capability.allowed === false ? "error" : "warn"
          return (
            <li key={capability.id} data-capability={capability.id} data-allowed={String(capability.allowed)}>
              <span className={`mark ${tone}`} aria-hidden="true">
                {mark}
              </span>{" "}
              <strong>{capability.label}</strong>
              <span className="visually-hidden">: {word}.</span> <span className="muted">{capability.reason}</span>
            </li>
          )
        })}
      </ul>
      {checkedAt ? <p className="muted">Checked {new Date(checkedAt).toLocaleString()} with calls that change nothing in Lever.</p> : null}
    </div>
  )
}
