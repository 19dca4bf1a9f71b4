/**
 * The requirement editor: edit, categorise, mark mandatory, reorder, delete, add, take a suggestion,
 * resolve fairness warnings, and weigh the categories. All controls are labelled and keyboard-usable
 * (reordering uses buttons, not drag and drop).
 */
import { useId, useState } from "react"

import { CATEGORIES, CATEGORY_LABELS, type Category, type Requirement, type Rubric } from "../core/requirements/model"
import {
  addRequirement,
  categoryShares,
  confirmFlags,
  editText,
  formulaLines,
  makeRequirement,
  moveRequirement,
  removeRequirement,
  setCategory,
  setMandatory,
  setWeight
} from "./rubric-edit"

export interface RubricEditorProps {
  rubric: Rubric
  onChange: (rubric: Rubric) => void
  suggestions?: Requirement[]
}

function RequirementItem({
  requirement,
  index,
  count,
  rubric,
  onChange
}: {
  requirement: Requirement
  index: number
  count: number
  rubric: Rubric
  onChange: (rubric: Rubric) => void
}) {
  const n = index + 1
  const textId = useId()
  const flags = requirement.fairnessFlags ?? []
  const unresolved = flags.some((flag) => !flag.confirmed)
  return (
    <li className={`requirement${unresolved ? " flagged" : ""}`} data-testid="requirement">
      <label htmlFor={textId} className="visually-hidden">
        Requirement {n} text
      </label>
      <textarea id={textId} value={requirement.text} rows={2} onChange={(e) => onChange(editText(rubric, requirement.id, e.target.value))} />
      <div className="row">
        <select aria-label={`Requirement ${n} category`} value={requirement.category} onChange={(e) => onChange(setCategory(rubric, requirement.id, e.target.value as Category))}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={requirement.mandatory} onChange={(e) => onChange(setMandatory(rubric, requirement.id, e.target.checked))} aria-label={`Requirement ${n} mandatory`} /> Mandatory
        </label>
        <span className="spacer" />
        <button type="button" aria-label={`Move requirement ${n} up`} disabled={index === 0} onClick={() => onChange(moveRequirement(rubric, requirement.id, -1))}>↑</button>
        <button type="button" aria-label={`Move requirement ${n} down`} disabled={index === count - 1} onClick={() => onChange(moveRequirement(rubric, requirement.id, 1))}>↓</button>
        <button type="button" aria-label={`Delete requirement ${n}`} onClick={() => onChange(removeRequirement(rubric, requirement.id))}>Delete</button>
      </div>
      {flags.length > 0 && (
        <div role={unresolved ? "alert" : undefined} className={unresolved ? "warn" : "muted"}>
          {flags.map((flag, i) => (
            <p key={i}>
              <strong>Fairness: “{flag.term}”.</strong> {flag.explanation}
            </p>
          ))}
          {unresolved ? (
            <button type="button" onClick={() => onChange(confirmFlags(rubric, requirement.id))} aria-label={`Keep requirement ${n} as written (acknowledge the fairness warning)`}>
              Keep as written
            </button>
          ) : (
            <p>Acknowledged: kept as written.</p>
          )}
        </div>
      )}
    </li>
  )
}

export function RubricEditor({ rubric, onChange, suggestions = [] }: RubricEditorProps) {
  const [draft, setDraft] = useState("")
  const [draftCategory, setDraftCategory] = useState<Category>("skills")
  const [draftMandatory, setDraftMandatory] = useState(false)
  const used = new Set(rubric.requirements.map((r) => r.text.trim().toLowerCase()))
  const openSuggestions = suggestions.filter((s) => !used.has(s.text.trim().toLowerCase()))
  const shares = categoryShares(rubric)

  const add = () => {
    if (!draft.trim()) return
    onChange(addRequirement(rubric, makeRequirement(rubric, draft, draftCategory, draftMandatory)))
    setDraft("")
    setDraftMandatory(false)
  }

  return (
    <div className="stack">
      <h2>Requirements ({rubric.requirements.length})</h2>
      {rubric.requirements.length === 0 && <p className="empty">No requirement yet. Add one below or take a suggestion.</p>}
      <ol className="list-plain" aria-label="Requirements">
        {rubric.requirements.map((requirement, index) => (
          <RequirementItem
            key={requirement.id}
            requirement={requirement}
            index={index}
            count={rubric.requirements.length}
            rubric={rubric}
            onChange={onChange}
          />
        ))}
      </ol>

      <fieldset className="stack">
        <legend>Add a requirement</legend>
        <input
          type="text"
          aria-label="New requirement text"
          placeholder="e.g. 3+ years of B2B sales"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault()
              add()
            }
          }}
        />
        <div className="row">
          <select aria-label="New requirement category" value={draftCategory} onChange={(e) => setDraftCategory(e.target.value as Category)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>
            ))}
          </select>
          <label>
            <input type="checkbox" checked={draftMandatory} onChange={(e) => setDraftMandatory(e.target.checked)} /> Mandatory
          </label>
          <button type="button" onClick={add} disabled={!draft.trim()}>Add requirement</button>
        </div>
      </fieldset>

      {openSuggestions.length > 0 && (
        <details>
          <summary>Suggestions from the job's responsibilities ({openSuggestions.length})</summary>
          <ul className="list-plain">
            {openSuggestions.map((s) => (
              <li key={s.id} className="row" style={{ padding: "2px 0" }}>
                <span style={{ flex: 1 }}>{s.text}</span>
                <button type="button" aria-label={`Add suggestion: ${s.text}`} onClick={() => onChange(addRequirement(rubric, makeRequirement(rubric, s.text, s.category, false)))}>
                  Add
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}

      <h2>Category weights</h2>
      <div className="stack" role="group" aria-label="Category weights">
        {shares.map((s) => (
          <div key={s.category}>
            <div className="weight-row">
              <label htmlFor={`weight-${s.category}`}>{s.label}</label>
              <input
                id={`weight-${s.category}`}
                type="range"
                min={0}
                max={100}
                step={5}
                value={s.weight}
                aria-valuetext={`${s.weight}${s.excludedBecause ? ", does not count" : `, ${s.percent}% of the score`}`}
                onChange={(e) => onChange(setWeight(rubric, s.category, Number(e.target.value)))}
              />
              <output htmlFor={`weight-${s.category}`}>{s.weight}</output>
            </div>
            <p className={s.excludedBecause ? "warn" : "muted"} data-testid={`share-${s.category}`}>
              {s.excludedBecause === "no_requirements" && `${s.label} holds no requirement, so it does not count.`}
              {s.excludedBecause === "zero_weight" && `${s.label} has weight 0, so its ${s.requirements} requirement${s.requirements === 1 ? "" : "s"} do${s.requirements === 1 ? "es" : ""} not count toward the score (mandatory ones still decide the group).`}
              {!s.excludedBecause && `${s.requirements} requirement${s.requirements === 1 ? "" : "s"}, ${s.percent}% of the score.`}
            </p>
          </div>
        ))}
      </div>
      <div className="panel" role="note" aria-label="How the score is formed">
        {formulaLines(rubric).map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
    </div>
  )
}
