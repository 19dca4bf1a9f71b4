/** Scoring engine: local (default) or an OpenAI-compatible endpoint, its model, key (write-only) and prices. */
import { useEffect, useId, useState, type FormEvent } from "react"

import { DEFAULT_LLM } from "../../plasmo.config"
import { send } from "../messaging/send"
import { saveLlmSettings, type LlmSettings } from "../messaging/messages/save-llm-settings"
import { testLlm } from "../messaging/messages/test-llm"
import { requestHostPermission } from "./permissions"
import { readLlm } from "./settings-store"
import { TaskStatus, useTask } from "./use-task"

const isLocalHost = (url: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)

/** A problem with the base URL in words, or null. http:// only for a server on this computer. */
export function llmBaseUrlProblem(value: string): string | null {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return "The base URL is not a valid URL, e.g. https://api.openai.com/v1."
  }
  if (url.protocol === "https:") return null
  if (url.protocol === "http:" && isLocalHost(url)) return null
  return "The base URL must start with https:// (http:// only for a server on this computer, e.g. Ollama)."
}

export function LlmSection({ llmKeySet, onKeySet }: { llmKeySet: boolean; onKeySet: (set: boolean) => void }) {
  const ids = { heading: useId(), baseUrl: useId(), model: useId(), key: useId(), priceIn: useId(), priceOut: useId() }
  const [form, setForm] = useState<LlmSettings>({ engine: "local", baseUrl: DEFAULT_LLM.baseUrl, model: DEFAULT_LLM.model, blindMode: false })
  const [priceIn, setPriceIn] = useState("")
  const [priceOut, setPriceOut] = useState("")
  const [apiKey, setApiKey] = useState("")
  const [clearKey, setClearKey] = useState(false)
  const task = useTask()

  useEffect(() => {
    let live = true
    void readLlm().then((saved) => {
      if (!live || !saved) return
      setForm({ ...saved, baseUrl: saved.baseUrl ?? DEFAULT_LLM.baseUrl, model: saved.model ?? DEFAULT_LLM.model })
      setPriceIn(saved.priceInPerM === undefined ? "" : String(saved.priceInPerM))
      setPriceOut(saved.priceOutPerM === undefined ? "" : String(saved.priceOutPerM))
    })
    return () => {
      live = false
    }
  }, [])

  const parsePrice = (text: string, what: string): number | undefined => {
    if (!text.trim()) return undefined
    const value = Number(text)
    if (!Number.isFinite(value) || value < 0 || value > 10_000) throw new Error(`The ${what} price must be a number of US dollars per million tokens, from 0 to 10000.`)
    return value
  }

  async function save(): Promise<void> {
    const baseUrl = form.baseUrl?.trim() || DEFAULT_LLM.baseUrl
    const model = form.model?.trim() || DEFAULT_LLM.model
    if (form.engine === "llm") {
      const problem = llmBaseUrlProblem(baseUrl)
      if (problem) throw new Error(problem)
      const url = new URL(baseUrl)
      if (url.protocol === "https:" && !(await requestHostPermission(baseUrl))) {
        throw new Error(`Access to ${url.host} was not allowed, so the extension cannot reach the model.`)
      }
    }
    const key = apiKey.trim()
    setApiKey("")
    const result = await send(saveLlmSettings, {
      engine: form.engine,
      baseUrl,
      model,
      priceInPerM: parsePrice(priceIn, "input"),
      priceOutPerM: parsePrice(priceOut, "output"),
      blindMode: form.blindMode,
      ...(key ? { apiKey: key } : {}),
      ...(clearKey ? { clearApiKey: true } : {})
    })
    setClearKey(false)
    onKeySet(result.llmKeySet)
  }

  const onSave = (event: FormEvent) => {
    event.preventDefault()
    void task.run(async () => {
      await save()
      return "Engine settings saved."
    })
  }

  const onTest = () => {
    void task.run(async () => {
      await save()
      const result = await send(testLlm, {})
      return `The model answered: ${result.model}, ${result.latencyMs} ms, ${result.inputTokens} input and ${result.outputTokens} output tokens.`
    })
  }

  const llm = form.engine === "llm"
  return (
    <section aria-labelledby={ids.heading} className="panel">
      <h2 id={ids.heading}>Scoring engine</h2>
      <form onSubmit={onSave} className="stack" aria-label="Scoring engine settings">
        <fieldset>
          <legend>Engine</legend>
          <label className="choice">
            <input type="radio" name="engine" checked={!llm} onChange={() => setForm({ ...form, engine: "local" })} /> Local — no key, nothing leaves this computer
          </label>
          <label className="choice">
            <input type="radio" name="engine" checked={llm} onChange={() => setForm({ ...form, engine: "llm" })} /> OpenAI-compatible language model (OpenAI, Azure, Ollama, vLLM …)
          </label>
        </fieldset>
        <fieldset disabled={!llm}>
          <legend>Language model</legend>
          <div className="field">
            <label htmlFor={ids.baseUrl}>Base URL</label>
            <input id={ids.baseUrl} type="url" spellCheck={false} value={form.baseUrl ?? ""} onChange={(event) => setForm({ ...form, baseUrl: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={ids.model}>Model</label>
            <input id={ids.model} type="text" spellCheck={false} value={form.model ?? ""} onChange={(event) => setForm({ ...form, model: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={ids.key}>API key</label>
            <input
              id={ids.key}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={apiKey}
              onChange={(event) => setApiKey(event.target.value)}
              placeholder={llmKeySet ? "A key is saved — paste a new one to replace it" : "Not needed for a local server"}
            />
          </div>
          {llmKeySet ? (
            <label className="choice">
              <input type="checkbox" checked={clearKey} onChange={(event) => setClearKey(event.target.checked)} /> Remove the saved key
            </label>
          ) : null}
          <div className="row">
            <div className="field">
              <label htmlFor={ids.priceIn}>Price per million input tokens (USD)</label>
              <input id={ids.priceIn} type="number" min={0} step="0.01" inputMode="decimal" value={priceIn} onChange={(event) => setPriceIn(event.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={ids.priceOut}>Price per million output tokens (USD)</label>
              <input id={ids.priceOut} type="number" min={0} step="0.01" inputMode="decimal" value={priceOut} onChange={(event) => setPriceOut(event.target.value)} />
            </div>
          </div>
          <label className="choice">
            <input type="checkbox" checked={form.blindMode} onChange={(event) => setForm({ ...form, blindMode: event.target.checked })} /> Blind mode: leave names and contact details out of what the model sees
          </label>
        </fieldset>
        <div className="row">
          <button type="submit" className="primary" disabled={task.busy}>
            Save engine settings
          </button>
          <button type="button" onClick={onTest} disabled={task.busy || !llm}>
            Test
          </button>
        </div>
      </form>
      <TaskStatus task={task} />
    </section>
  )
}
