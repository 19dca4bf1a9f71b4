/** The typed `send` helper used by pages and content scripts. */
import browser from "webextension-polyfill"

import { MessageFailure, type Envelope, type MessageDef, type Reply, type RequestOf, type ResponseOf } from "./contract"

export async function send<D extends MessageDef<string, any, unknown>>(def: D, body: RequestOf<D>): Promise<ResponseOf<D>> {
  const envelope: Envelope = { type: def.name, body }
  let reply: Reply<ResponseOf<D>> | undefined
  try {
    reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<D>> | undefined
  } catch (error) {
    const message = String((error as Error)?.message ?? error)
    throw new MessageFailure({
      code: "internal",
      message: /context invalidated/i.test(message)
        ? "The extension was updated or reloaded: reload this page."
        : "The extension's background did not answer. Try again in a moment."
    })
  }
  if (!reply || typeof reply !== "object" || !("ok" in reply)) {
    throw new MessageFailure({ code: "internal", message: "The extension's background gave no answer." })
  }
  if (!reply.ok) throw new MessageFailure(reply.error)
  return reply.data
}
