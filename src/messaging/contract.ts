/**
 * The message contract between extension pages / content scripts and the background.
 *
 * Each message is declared once (src/messaging/messages/<name>.ts) with: its name, who may send it
 * (`audience`), a strict zod schema for the request body, and the TypeScript type of its response.
 * The background router (src/background/router.ts) checks the sender, parses the body, runs the
 * handler and always answers with a `Reply` — a handler never throws across the boundary.
 */
import type { z } from "zod"

/**
 * - `page`: extension pages only (popup, options, dashboard): no tab, or a tab whose URL is our own origin.
 * - `content`: content scripts only: a sender with a tab on a Lever web-app host.
 * - `any`: either of the above (still only from this extension).
 */
export type Audience = "page" | "content" | "any"

export interface MessageDef<Name extends string, Req extends z.ZodType, Res> {
  name: Name
  audience: Audience
  request: Req
  /** Phantom: carries the response type. Never set at run time. */
  readonly response?: Res
}

export function defineMessage<Res>() {
  return <Name extends string, Req extends z.ZodType>(name: Name, audience: Audience, request: Req): MessageDef<Name, Req, Res> => ({
    name,
    audience,
    request
  })
}

export type RequestOf<D> = D extends MessageDef<string, infer Req, unknown> ? z.input<Req> : never
export type ParsedRequestOf<D> = D extends MessageDef<string, infer Req, unknown> ? z.output<Req> : never
export type ResponseOf<D> = D extends MessageDef<string, z.ZodType, infer Res> ? Res : never

export const ERROR_CODES = [
  "bad_request", // body failed the schema
  "forbidden_sender", // wrong extension, or a page-only message from a content script, etc.
  "unknown_message",
  "not_connected", // no Lever credentials yet
  "lever_unauthorized", // 401
  "lever_forbidden", // 403: the key cannot do this
  "lever_not_found",
  "lever_unprocessable", // 422
  "lever_rate_limited",
  "lever_unavailable", // 5xx / maintenance
  "network", // offline, DNS, TLS
  "llm_error",
  "conflict",
  "internal"
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** What crosses the boundary on failure. `message` is for people and never holds a secret. */
export interface MessageError {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: MessageError }

/** The wire format of every request. */
export interface Envelope {
  type: string
  body: unknown
}

/** Thrown by `send` on the caller's side, carrying the typed error. */
export class MessageFailure extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>
  constructor(error: MessageError) {
    super(error.message)
    this.name = "MessageFailure"
    this.code = error.code
    this.details = error.details
  }
}
