/**
 * The background's single runtime.onMessage listener. For every request it:
 * 1. finds the message definition by name (unknown → `unknown_message`);
 * 2. checks the sender against the message's audience (→ `forbidden_sender`) before reading the body;
 * 3. parses the body with the message's strict schema (→ `bad_request`);
 * 4. runs the handler and wraps its result or error in a `Reply`. Nothing throws across the boundary,
 *    and error messages are scrubbed of anything that looks like a credential.
 */
import browser from "webextension-polyfill"

import type { z } from "zod"

import { MessageFailure, type Envelope, type MessageDef, type MessageError, type Reply } from "../messaging/contract"
import { checkSender, type SenderLike } from "../messaging/guards"
import { toMessageError } from "./errors"

export type Handler<D> = D extends MessageDef<string, infer Req, infer Res>
  ? (body: z.output<Req>, sender: SenderLike) => Promise<Res> | Res
  : never

interface Registered {
  def: MessageDef<string, z.ZodType, unknown>
  handler: (body: unknown, sender: SenderLike) => unknown
}

const registry = new Map<string, Registered>()

export function handle<D extends MessageDef<string, z.ZodType, unknown>>(def: D, handler: Handler<D>): void {
  if (registry.has(def.name)) throw new Error(`Two handlers for message "${def.name}"`)
  registry.set(def.name, { def, handler: handler as Registered["handler"] })
}

export async function dispatch(envelope: unknown, sender: SenderLike, own: { id: string; origin: string }): Promise<Reply<unknown>> {
  const fail = (error: MessageError): Reply<unknown> => ({ ok: false, error })
  if (!envelope || typeof envelope !== "object" || typeof (envelope as Envelope).type !== "string") {
    return fail({ code: "bad_request", message: "Malformed message." })
  }
  const { type, body } = envelope as Envelope
  const entry = registry.get(type)
  if (!entry) return fail({ code: "unknown_message", message: `Unknown message "${String(type).slice(0, 60)}".` })
  const refusal = checkSender(sender, entry.def.audience, own.id, own.origin)
  if (refusal) return fail({ code: "forbidden_sender", message: refusal })
  const parsed = entry.def.request.safeParse(body ?? {})
  if (!parsed.success) {
    return fail({
      code: "bad_request",
      message: `Invalid "${type}" request: ${parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`
    })
  }
  try {
    return { ok: true, data: await entry.handler(parsed.data, sender) }
  } catch (error) {
    if (error instanceof MessageFailure) return fail({ code: error.code, message: error.message, details: error.details })
    return fail(toMessageError(error))
  }
}

/** Installs the listener. Returning a promise from the listener is how the polyfill sends the reply. */
export function listen(): void {
  const own = { id: browser.runtime.id, origin: browser.runtime.getURL("") }
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
    dispatch(message, sender as SenderLike, own)
  )
}
