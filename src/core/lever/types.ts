/**
 * Lever Data API objects, parsed leniently: Lever adds fields at any time, so every parsed object keeps
 * the original in `raw`, missing optional fields become null/empty, and the shapes that vary between
 * endpoints or API generations (`archived`, `stage`, `applications`, lists with or without `hasNext`)
 * are normalised here once. Only a missing `id` is an error (nothing can be keyed without it).
 */

export type Raw = Record<string, unknown>

export interface ListPage<T> {
  data: T[]
  next?: string
  /** Lists that omit `hasNext` (stages, archive reasons) have no further page. */
  hasNext: boolean
}

export interface PostingList {
  text: string
  /** HTML: `<li>…</li><li>…</li>`. Untrusted: never inject as HTML. */
  content: string
}

export interface Posting {
  id: string
  /** The title. */
  text: string
  state: string
  distributionChannels: string[] | null
  categories: {
    team: string | null
    department: string | null
    location: string | null
    commitment: string | null
    level: string | null
    allLocations: string[]
  }
  content: {
    description: string
    descriptionHtml: string
    lists: PostingList[]
    closing: string
    closingHtml: string
  }
  tags: string[]
  owner: string | null
  hiringManager: string | null
  confidentiality: string | null
  workplaceType: string | null
  urls: { list?: string; show?: string; apply?: string } | null
  createdAt: number | null
  updatedAt: number | null
  raw: Raw
}

export interface StageRef {
  id: string
  /** Present when the opportunity was fetched with `expand=stage`. */
  text?: string
}

export interface ArchivedState {
  reason: string | null
  archivedAt: number | null
}

export interface ApplicationRef {
  id: string
  posting: string | null
  createdAt: number | null
  raw: Raw | null
}

export interface Opportunity {
  id: string
  name: string
  headline: string
  contact: string | null
  emails: string[]
  phones: { type?: string; value: string }[]
  links: string[]
  location: string
  stage: StageRef | null
  archived: ArchivedState | null
  tags: string[]
  sources: string[]
  origin: string | null
  applications: ApplicationRef[]
  createdAt: number | null
  updatedAt: number | null
  lastAdvancedAt: number | null
  lastInteractionAt: number | null
  isAnonymized: boolean
  urls: { list?: string; show?: string } | null
  raw: Raw
}

export interface LeverFileInfo {
  name: string | null
  ext: string | null
  uploadedAt: number | null
  status: string | null
  size: number | null
  downloadUrl: string | null
}

export interface Resume {
  id: string
  createdAt: number | null
  /** Missing when the profile was imported (e.g. from LinkedIn) without a file. */
  file: LeverFileInfo | null
  parsedData: {
    positions: { org?: string; title?: string; summary?: string; start?: { year?: number; month?: number }; end?: { year?: number; month?: number } | null }[]
    schools: { org?: string; degree?: string; field?: string; start?: { year?: number; month?: number }; end?: { year?: number; month?: number } | null }[]
  } | null
  raw: Raw
}

export interface LeverFile extends LeverFileInfo {
  id: string
  raw: Raw
}

export interface Stage {
  id: string
  text: string
}

export interface ArchiveReason {
  id: string
  text: string
  status: string | null
  type: string | null
}

export interface User {
  id: string
  name: string
  username: string | null
  email: string | null
  accessRole: string | null
  deactivatedAt: number | null
  raw: Raw
}

export interface DownloadedFile {
  bytes: Uint8Array
  contentType?: string
  fileName?: string
}

// ---------------------------------------------------------------- helpers

export class LeverShapeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "LeverShapeError"
  }
}

function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

function asRecord(value: unknown, what: string): Raw {
  if (!isRecord(value)) throw new LeverShapeError(`Expected ${what} to be an object`)
  return value
}

function str(value: unknown): string | null {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : null
}

function num(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value)
  return null
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.map((item) => str(item)).filter((item): item is string => item !== null)
}

function requireId(raw: Raw, what: string): string {
  const id = str(raw.id)
  if (!id) throw new LeverShapeError(`${what} without an id`)
  return id
}

// ---------------------------------------------------------------- parsers

/** A list response: `{data, next?, hasNext?}`. A bare array (the public postings feed) is accepted too. */
export function parseListPage<T>(body: unknown, parseItem: (item: unknown) => T): ListPage<T> {
  if (Array.isArray(body)) return { data: body.map(parseItem), hasNext: false }
  const record = asRecord(body, "a list response")
  if (!Array.isArray(record.data)) throw new LeverShapeError("List response without a data array")
  const next = str(record.next) ?? undefined
  return { data: record.data.map(parseItem), next, hasNext: record.hasNext === true }
}

/** A single-object response: `{data: {...}}`. */
export function unwrapData(body: unknown): unknown {
  const record = asRecord(body, "a response")
  return "data" in record ? record.data : record
}

export function parsePosting(value: unknown): Posting {
  const raw = asRecord(value, "a posting")
  const categories = isRecord(raw.categories) ? raw.categories : {}
  const content = isRecord(raw.content) ? raw.content : {}
  const lists = Array.isArray(content.lists)
    ? content.lists.filter(isRecord).map((list) => ({ text: str(list.text) ?? "", content: str(list.content) ?? "" }))
    : []
  const urls = isRecord(raw.urls) ? { list: str(raw.urls.list) ?? undefined, show: str(raw.urls.show) ?? undefined, apply: str(raw.urls.apply) ?? undefined } : null
  return {
    id: requireId(raw, "Posting"),
    text: str(raw.text) ?? "",
    state: str(raw.state) ?? "unknown",
    distributionChannels: Array.isArray(raw.distributionChannels) ? strings(raw.distributionChannels) : null,
    categories: {
      team: str(categories.team),
      department: str(categories.department),
      location: str(categories.location),
      commitment: str(categories.commitment),
      level: str(categories.level),
      allLocations: strings(categories.allLocations)
    },
    content: {
      description: str(content.description) ?? "",
      descriptionHtml: str(content.descriptionHtml) ?? "",
      lists,
      closing: str(content.closing) ?? "",
      closingHtml: str(content.closingHtml) ?? ""
    },
    tags: strings(raw.tags),
    owner: str(raw.owner) ?? (isRecord(raw.owner) ? str(raw.owner.id) : null),
    hiringManager: str(raw.hiringManager) ?? (isRecord(raw.hiringManager) ? str(raw.hiringManager.id) : null),
    confidentiality: str(raw.confidentiality),
    workplaceType: str(raw.workplaceType),
    urls,
    createdAt: num(raw.createdAt),
    updatedAt: num(raw.updatedAt),
    raw
  }
}

/** `stage` is an id string, or `{id, text}` with `expand=stage`. */
export function parseStageRef(value: unknown): StageRef | null {
  if (typeof value === "string" && value) return { id: value }
  if (isRecord(value)) {
    const id = str(value.id)
    if (!id) return null
    const text = str(value.text)
    return text === null ? { id } : { id, text }
  }
  return null
}

/**
 * `archived` today is `null` or `{reason, archivedAt}`. Older records and older API generations have
 * also been seen as a boolean with the reason and time beside it (`archived: true`, `archiveReason`,
 * `archivedAt`), and with the reason expanded to `{id, text}`. All read as one shape.
 */
export function parseArchived(raw: Raw): ArchivedState | null {
  const archived = raw.archived
  const reasonOf = (value: unknown): string | null => str(value) ?? (isRecord(value) ? str(value.id) : null)
  if (isRecord(archived)) {
    return {
      reason: reasonOf(archived.reason) ?? reasonOf(archived.archiveReason),
      archivedAt: num(archived.archivedAt) ?? num(raw.archivedAt)
    }
  }
  if (archived === true) return { reason: reasonOf(raw.archiveReason) ?? reasonOf(raw.archivedReason), archivedAt: num(raw.archivedAt) }
  if (archived === undefined && (raw.archiveReason || raw.archivedAt)) {
    return { reason: reasonOf(raw.archiveReason), archivedAt: num(raw.archivedAt) }
  }
  return null
}

function parseApplication(value: unknown): ApplicationRef | null {
  if (typeof value === "string") return { id: value, posting: null, createdAt: null, raw: null }
  if (!isRecord(value)) return null
  const id = str(value.id)
  if (!id) return null
  const posting = str(value.posting) ?? (isRecord(value.posting) ? str(value.posting.id) : null)
  return { id, posting, createdAt: num(value.createdAt), raw: value }
}

export function parseOpportunity(value: unknown): Opportunity {
  const raw = asRecord(value, "an opportunity")
  const phones = Array.isArray(raw.phones)
    ? raw.phones
        .map((phone) => (isRecord(phone) ? { type: str(phone.type) ?? undefined, value: str(phone.value) ?? "" } : { value: str(phone) ?? "" }))
        .filter((phone) => phone.value)
    : []
  const urls = isRecord(raw.urls) ? { list: str(raw.urls.list) ?? undefined, show: str(raw.urls.show) ?? undefined } : null
  return {
    id: requireId(raw, "Opportunity"),
    name: str(raw.name) ?? "",
    headline: str(raw.headline) ?? "",
    contact: str(raw.contact) ?? (isRecord(raw.contact) ? str(raw.contact.id) : null),
    emails: strings(raw.emails),
    phones,
    links: strings(raw.links),
    location: str(raw.location) ?? (isRecord(raw.location) ? str(raw.location.name) ?? "" : ""),
    stage: parseStageRef(raw.stage),
    archived: parseArchived(raw),
    tags: strings(raw.tags),
    sources: strings(raw.sources),
    origin: str(raw.origin),
    applications: Array.isArray(raw.applications) ? raw.applications.map(parseApplication).filter((a): a is ApplicationRef => a !== null) : [],
    createdAt: num(raw.createdAt),
    updatedAt: num(raw.updatedAt),
    lastAdvancedAt: num(raw.lastAdvancedAt),
    lastInteractionAt: num(raw.lastInteractionAt),
    isAnonymized: raw.isAnonymized === true,
    urls,
    raw
  }
}

function parseFileInfo(value: unknown): LeverFileInfo | null {
  if (!isRecord(value)) return null
  return {
    name: str(value.name),
    ext: str(value.ext),
    uploadedAt: num(value.uploadedAt),
    status: str(value.status),
    size: num(value.size),
    downloadUrl: str(value.downloadUrl)
  }
}

function parseDate(value: unknown): { year?: number; month?: number } | undefined {
  if (!isRecord(value)) return undefined
  return { year: num(value.year) ?? undefined, month: num(value.month) ?? undefined }
}

export function parseResume(value: unknown): Resume {
  const raw = asRecord(value, "a resume")
  const parsed = isRecord(raw.parsedData) ? raw.parsedData : null
  const entries = (list: unknown) => (Array.isArray(list) ? list.filter(isRecord) : [])
  return {
    id: requireId(raw, "Resume"),
    createdAt: num(raw.createdAt),
    file: parseFileInfo(raw.file),
    parsedData: parsed
      ? {
          positions: entries(parsed.positions).map((p) => ({
            org: str(p.org) ?? undefined,
            title: str(p.title) ?? undefined,
            summary: str(p.summary) ?? undefined,
            start: parseDate(p.start),
            end: p.end === null ? null : parseDate(p.end)
          })),
          schools: entries(parsed.schools).map((s) => ({
            org: str(s.org) ?? undefined,
            degree: str(s.degree) ?? undefined,
            field: str(s.field) ?? undefined,
            start: parseDate(s.start),
            end: s.end === null ? null : parseDate(s.end)
          }))
        }
      : null,
    raw
  }
}

export function parseFile(value: unknown): LeverFile {
  const raw = asRecord(value, "a file")
  const info = parseFileInfo(raw) as LeverFileInfo
  // Files carry their metadata at the top level; some responses nest it under `file` like resumes.
  const nested = parseFileInfo(raw.file)
  return { ...info, ...(nested && !info.name ? nested : {}), id: requireId(raw, "File"), raw }
}

export function parseStage(value: unknown): Stage {
  const raw = asRecord(value, "a stage")
  return { id: requireId(raw, "Stage"), text: str(raw.text) ?? "" }
}

export function parseArchiveReason(value: unknown): ArchiveReason {
  const raw = asRecord(value, "an archive reason")
  return { id: requireId(raw, "Archive reason"), text: str(raw.text) ?? "", status: str(raw.status), type: str(raw.type) }
}

export function parseUser(value: unknown): User {
  const raw = asRecord(value, "a user")
  return {
    id: requireId(raw, "User"),
    name: str(raw.name) ?? "",
    username: str(raw.username),
    email: str(raw.email),
    accessRole: str(raw.accessRole),
    deactivatedAt: num(raw.deactivatedAt),
    raw
  }
}
