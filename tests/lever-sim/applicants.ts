/**
 * Seeded applicants: identity, pipeline state and a resume written from the posting's fit profile,
 * with a realistic spread (strong / partial / weak / unconventional) so scores spread. Each applicant
 * is generated from its own random stream (seed + posting + index), so any one can be rebuilt alone
 * and lazily, and the same seed always gives the same applicant.
 */
import { CITIES, EMPLOYERS, FIRST_NAMES, LAST_NAMES, SCHOOLS, UNRELATED_CAREERS } from "./people"
import type { FitProfile, SkillEvidence } from "./postings"
import type { ResumeDocument, ResumeSection } from "./resume-files"
import { Rng } from "./rng"

export type Fit = "strong" | "partial" | "weak" | "unconventional"

export type ResumeKind =
  | "pdf-single"
  | "pdf-two-column"
  | "docx"
  | "txt"
  | "pdf-scanned"
  | "pdf-corrupt"
  | "pdf-encrypted"
  | "pdf-long"
  | "pdf-hidden-text"

/** Edge cases present in every seed; `Simulator.edgeCases[key]` is the opportunity id carrying it. */
export const EDGE_CASES = {
  /** A scanned resume: one page of vector shapes, no text operators. */
  scannedPdf: "scannedPdf",
  /** Bytes that start like a PDF and are garbage after the header. */
  corruptPdf: "corruptPdf",
  /** A PDF encrypted with a user password (RC4 40-bit standard security handler). */
  encryptedPdf: "encryptedPdf",
  /** A 40+ page PDF (the experience section repeated). */
  longPdf: "longPdf",
  /** A weak resume with the posting's keywords in white 1-pt text. */
  hiddenText: "hiddenText",
  /** A resume written in German. */
  nonEnglish: "nonEnglish",
  /** No resume at all (GET …/resumes answers an empty list). */
  noResume: "noResume",
  /** A resume whose file Lever could not process: the download answers 422. */
  download422: "download422",
  /** Already archived (rejected) before the extension ever looked. */
  archived: "archived",
  /** `updatedAt: null`, as on old Lever records. */
  updatedAtNull: "updatedAtNull",
  /** Name that must be escaped: `<script>alert(1)</script>`. */
  nameScript: "nameScript",
  /** Name with single and double quotes. */
  nameQuotes: "nameQuotes",
  /** Name with accents beyond Latin-1 (so the resume is DOCX). */
  nameAccents: "nameAccents",
  /** Right-to-left Arabic name (DOCX resume). */
  nameArabic: "nameArabic",
  /** Right-to-left Hebrew name (plain-text resume). */
  nameHebrew: "nameHebrew"
} as const
export type EdgeCase = keyof typeof EDGE_CASES

const EDGE_NAMES: Partial<Record<EdgeCase, string>> = {
  nameScript: "<script>alert(1)</script>",
  nameQuotes: `Siobhán "Shiv" O'Connor-D'Arcy`,
  nameAccents: "Nguyễn Thị Ánh Tuyết",
  nameArabic: "ليلى الحداد",
  nameHebrew: "נועה כהן-לוי",
  nonEnglish: "Jürgen Weißmüller"
}

export const STAGE_WEIGHTS: [string, number][] = [
  ["applicant-new", 70],
  ["49422c7e-5b86-4a06-9386-d432f6e98d57", 10], // HM Review
  ["2ca03d97-d4f2-4a97-89de-96c8b0d07924", 8], // Recruiter screen
  ["lead-new", 5],
  ["68f08350-a035-4d89-83c2-79164dbf2cf8", 4], // HM Screen
  ["25cba92d-7eaf-4d42-83f9-38874c95ef1b", 3] // On-site interview
]

export const ARCHIVE_REASON_UNDER_QUALIFIED = "4105fb10-1f79-44ec-b873-33886dc01348"
const SEED_ARCHIVE_REASONS = [ARCHIVE_REASON_UNDER_QUALIFIED, "6039b390-1ce0-4edf-901c-b71dcf7894e1", "c97322d4-a7f3-4008-948c-4f8e9c58d372"]

export interface ParsedData {
  positions: { org: string; title: string; summary: string; location: string; start: { year: number; month: number }; end: { year: number; month: number } | null }[]
  schools: { org: string; degree: string; field: string; summary: string; start: { year: number }; end: { year: number } }[]
}

export interface ResumeSpec {
  id: string
  kind: ResumeKind
  fileName: string
  ext: string
  status: "processed" | "processing" | "unsupported" | "error"
  /** False: Lever "could not process" the file, the download answers 422. */
  downloadable: boolean
  document: ResumeDocument
  parsedData: ParsedData | null
  hiddenText?: string
  /** Stream label for the bytes of scanned/corrupt/encrypted files. */
  byteSeed: string
}

export interface SeedApplicant {
  id: string
  contact: string
  applicationId: string
  postingId: string
  name: string
  headline: string
  location: string
  emails: string[]
  phones: { type: string; value: string }[]
  links: string[]
  fit: Fit
  edgeCase: EdgeCase | null
  stage: string
  archived: { reason: string; archivedAt: number } | null
  tags: string[]
  sources: string[]
  origin: string
  createdAt: number
  updatedAt: number | null
  resume: ResumeSpec | null
  coverLetter: { id: string; text: string } | null
}


function weighted<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0)
  let roll = rng.next() * total
  for (const [item, weight] of items) {
    roll -= weight
    if (roll < 0) return item
  }
  return items[items.length - 1]![0]
}

const asciiFold = (text: string): string =>
  text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss").replace(/[^A-Za-z0-9]+/g, "").toLowerCase()

function fill(rng: Rng, text: string): string {
  return text.replace(/\{n\}/g, () => String(rng.pick([3, 4, 5, 6, 8, 12, 15, 20, 25, 30, 35, 40, 60, 80])))
}

function evidenceLines(rng: Rng, skills: SkillEvidence[], count: number): string[] {
  return rng.sample(skills, count).map((s) => fill(rng, rng.pick(s.bullets)))
}

interface Job {
  title: string
  org: string
  start: { year: number; month: number }
  end: { year: number; month: number } | null
  lines: string[]
}

function jobsBackwards(rng: Rng, epochYear: number, specs: { title: string; org?: string; lines: string[] }[], monthsRange: [number, number] = [14, 48]): Job[] {
  let endYear = epochYear
  let endMonth = 12
  const jobs: Job[] = []
  specs.forEach((spec, index) => {
    const months = rng.int(monthsRange[0], monthsRange[1])
    const startTotal = endYear * 12 + endMonth - months
    const start = { year: Math.floor((startTotal - 1) / 12), month: ((startTotal - 1) % 12) + 1 }
    jobs.push({
      title: spec.title,
      org: spec.org ?? rng.pick(EMPLOYERS),
      start,
      end: index === 0 ? null : { year: endYear, month: endMonth },
      lines: spec.lines
    })
    endYear = start.year
    endMonth = start.month - 1 || 12
    if (start.month === 1) endYear -= 1
  })
  return jobs
}

const PARTIAL_DEGREES = ["BSc Information Systems", "BA Economics", "BSc Business Analytics", "HND Computing"]

const monthName = (m: number): string => ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]!

function buildDocument(
  rng: Rng,
  fit: Fit,
  profile: FitProfile,
  identity: { name: string; email: string; phone: string; location: string },
  epochYear: number,
  german: boolean
): { document: ResumeDocument; parsedData: ParsedData; headline: string } {
  let jobs: Job[]
  let skillNames: string[]
  let degree: string
  let summary: string
  if (german) {
    jobs = jobsBackwards(rng, epochYear, [
      { title: profile.german.title, lines: profile.german.bullets },
      { title: profile.german.title, lines: profile.german.bullets.slice(0, 2) }
    ])
    skillNames = profile.core.slice(0, 6).map((s) => s.skill)
    degree = rng.pick(profile.degrees)
    summary = `Erfahrene Fachkraft (${profile.german.title}) mit mehrjähriger Berufserfahrung. Deutsch (Muttersprache), Englisch (gut).`
  } else if (fit === "strong") {
    // A strong applicant shows evidence for every skill the requirements ask for, spread over 3 jobs.
    const titles = rng.shuffle(profile.titles)
    const skills = rng.shuffle(profile.core)
    const third = Math.ceil(skills.length / 3)
    const lines = (part: SkillEvidence[]) => part.map((sk) => fill(rng, rng.pick(sk.bullets)))
    jobs = jobsBackwards(rng, epochYear, [
      { title: `Senior ${titles[0]!.replace(/^Senior /, "")}`, lines: lines(skills.slice(0, third)) },
      { title: titles[1]!, lines: lines(skills.slice(third, 2 * third)) },
      { title: titles[2]!, lines: lines(skills.slice(2 * third)) }
    ], [20, 44])
    skillNames = rng.sample(profile.core, 8).map((sk) => sk.skill)
    degree = rng.pick(profile.degrees)
    summary = `${titles[0]} with ${rng.int(6, 11)} years of experience. ${fill(rng, rng.pick(rng.pick(profile.core).bullets))}.`
  } else if (fit === "partial") {
    // Part of the skills, a few years, and a degree that may not be the one asked for.
    const adjacentTitle = rng.pick(profile.adjacentTitles)
    jobs = jobsBackwards(rng, epochYear, [
      { title: adjacentTitle, lines: [...evidenceLines(rng, profile.core, 2), ...evidenceLines(rng, profile.adjacent, 2)] },
      { title: rng.pick(profile.adjacentTitles), lines: evidenceLines(rng, profile.adjacent, 2) }
    ], [10, 26])
    skillNames = [...rng.sample(profile.core, 3), ...rng.sample(profile.adjacent, 3)].map((sk) => sk.skill)
    degree = rng.chance(0.5) ? rng.pick(profile.degrees) : rng.pick(PARTIAL_DEGREES)
    summary = `${adjacentTitle} with ${rng.int(2, 4)} years of experience, looking to grow into a new area.`
  } else if (fit === "unconventional") {
    const route = rng.pick(profile.unconventional)
    const career = rng.pick(UNRELATED_CAREERS)
    jobs = jobsBackwards(rng, epochYear, [
      { title: route.title, org: route.org, lines: route.bullets.map((b) => fill(rng, b)) },
      { title: career.title, lines: career.bullets.slice(0, 2) }
    ])
    skillNames = [...rng.sample(profile.core, 4).map((s) => s.skill), ...career.skills.slice(0, 2)]
    degree = rng.pick(["BA History", "BSc Physics", "Diploma in Music", "BA Philosophy", ...profile.degrees])
    summary = "Career changer who learned by building: self-taught, shipped real projects, and brings experience from a different field."
  } else {
    const career = rng.pick(UNRELATED_CAREERS)
    jobs = jobsBackwards(rng, epochYear, [
      { title: career.title, lines: [...career.bullets] },
      { title: `Assistant ${career.title}`, lines: career.bullets.slice(1) }
    ])
    skillNames = [...career.skills, ...rng.sample(profile.adjacent, 1).map((s) => s.skill)]
    degree = rng.pick(["BA English Literature", "BSc Nursing", "BA Business Administration", "Diploma in Hospitality"])
    summary = `${career.title} with a strong record of reliability and teamwork, interested in a change of direction.`
  }
  const school = rng.pick(SCHOOLS)
  const gradYear = jobs[jobs.length - 1]!.start.year - rng.int(0, 1)
  const [degreeName, ...fieldWords] = degree.split(" ")
  const field = fieldWords.join(" ")
  const headline = jobs[0]!.title
  const period = (job: Job): string =>
    `${monthName(job.start.month)} ${job.start.year} – ${job.end ? `${monthName(job.end.month)} ${job.end.year}` : german ? "heute" : "Present"}`

  const sections: ResumeSection[] = [
    {
      heading: german ? "Berufserfahrung" : "Experience",
      entries: jobs.map((job) => ({ title: `${job.title}, ${job.org}`, meta: period(job), lines: job.lines }))
    },
    {
      heading: german ? "Ausbildung" : "Education",
      entries: [{ title: `${degree}, ${school}`, meta: `${gradYear - 3} – ${gradYear}`, lines: [] }]
    }
  ]
  const sidebar: ResumeSection[] = [
    { heading: german ? "Kenntnisse" : "Skills", entries: [{ lines: skillNames }] },
    { heading: german ? "Sprachen" : "Languages", entries: [{ lines: german ? ["Deutsch (Muttersprache)", "Englisch (C1)"] : ["English (fluent)", rng.pick(["Spanish (B2)", "Swedish (B1)", "French (C1)", "Yoruba (native)", "Hindi (native)", "Polish (native)"])] }] }
  ]
  const document: ResumeDocument = {
    name: identity.name,
    headline,
    contact: [identity.email, identity.phone, identity.location],
    summary,
    sections,
    sidebar
  }
  const parsedData: ParsedData = {
    positions: jobs.map((job) => ({ org: job.org, title: job.title, summary: job.lines.join("\n"), location: identity.location, start: job.start, end: job.end })),
    schools: [{ org: school, degree: degreeName!, field, summary: "", start: { year: gradYear - 3 }, end: { year: gradYear } }]
  }
  return { document, parsedData, headline }
}

export interface ApplicantContext {
  seed: number
  postingId: string
  postingCreatedAt: number
  epoch: number
  profile: FitProfile
  index: number
  /** When set, the applicant was added live (POST /__sim/applicants): created now. */
  createdAtOverride?: number
  edgeCase?: EdgeCase | null
}

export function generateApplicant(ctx: ApplicantContext): SeedApplicant {
  const rng = Rng.derive(ctx.seed, `applicant:${ctx.postingId}:${ctx.index}${ctx.createdAtOverride ? ":live" : ""}`)
  const edge = ctx.edgeCase ?? null
  const id = rng.uuid()
  const contact = rng.uuid()
  const applicationId = rng.uuid()
  const first = rng.pick(FIRST_NAMES)
  const last = rng.pick(LAST_NAMES)
  const name = (edge && EDGE_NAMES[edge]) ?? `${first} ${last}`
  // Edge-case names get an address from the name itself when it has Latin letters to spare.
  const nameLocal = edge && edge !== "nameScript" && EDGE_NAMES[edge] ? asciiFold(EDGE_NAMES[edge]!) : ""
  const emailLocal = (nameLocal.length >= 3 ? nameLocal : asciiFold(`${first}.${last}`)) || `applicant${ctx.index}`
  const email = `${emailLocal}${rng.int(1, 99)}@mail.example`
  const phone = `+1 555-01${String(rng.int(0, 99)).padStart(2, "0")}`
  const location = rng.pick(CITIES)
  let fit: Fit = weighted<Fit>(rng, [["strong", 20], ["partial", 35], ["weak", 30], ["unconventional", 15]])
  if (edge === "hiddenText") fit = "weak"
  if (edge === "nonEnglish" || edge === "longPdf") fit = "strong"

  const epochYear = new Date(ctx.epoch).getUTCFullYear()
  const built = buildDocument(rng, fit, ctx.profile, { name, email, phone, location }, epochYear, edge === "nonEnglish")

  const span = Math.max(1, ctx.epoch - ctx.postingCreatedAt)
  const createdAt = ctx.createdAtOverride ?? ctx.postingCreatedAt + Math.floor(rng.next() * span * 0.95)
  // Old records may carry updatedAt null (api.md): about one in eight of the older half.
  const old = createdAt < ctx.postingCreatedAt + span / 2
  let updatedAt: number | null = createdAt + rng.int(0, 5) * 3_600_000
  if (!ctx.createdAtOverride && old && rng.chance(0.125)) updatedAt = null
  if (edge === "updatedAtNull") updatedAt = null

  let stage = ctx.createdAtOverride ? "applicant-new" : weighted(rng, STAGE_WEIGHTS)
  let archived: SeedApplicant["archived"] = null
  if (!ctx.createdAtOverride && rng.chance(0.05)) {
    archived = { reason: rng.pick(SEED_ARCHIVE_REASONS), archivedAt: createdAt + 2 * 86_400_000 }
  }
  if (edge === "archived") {
    stage = "applicant-new"
    archived = { reason: ARCHIVE_REASON_UNDER_QUALIFIED, archivedAt: createdAt + 86_400_000 }
    if (updatedAt !== null) updatedAt = Math.max(updatedAt, archived.archivedAt)
  } else if (edge) {
    archived = null
    stage = "applicant-new"
  }
  if (archived && updatedAt !== null) updatedAt = Math.max(updatedAt, archived.archivedAt)

  const tags = rng.chance(0.2) ? [rng.pick(["Referral", "Remote OK", "Visa sponsorship", "Returner", "Internal"])] : []
  const sources = [rng.pick(["LinkedIn", "Company website", "Referral", "Indeed", "Jobs page"])]

  let kind: ResumeKind = weighted<ResumeKind>(rng, [["pdf-single", 38], ["pdf-two-column", 32], ["docx", 15], ["txt", 15]])
  // Helvetica in a generated PDF cannot draw these scripts: such people upload Word or text files.
  if (/[^\u0000-\u024f\u2013\u2014\u2018-\u201d]/.test(name)) kind = rng.chance(0.5) ? "docx" : "txt"
  const edgeKinds: Partial<Record<EdgeCase, ResumeKind>> = {
    scannedPdf: "pdf-scanned",
    corruptPdf: "pdf-corrupt",
    encryptedPdf: "pdf-encrypted",
    longPdf: "pdf-long",
    hiddenText: "pdf-hidden-text",
    nonEnglish: "pdf-single",
    download422: "pdf-single",
    nameArabic: "docx",
    nameAccents: "docx",
    nameHebrew: "txt",
    nameScript: "pdf-single",
    nameQuotes: "pdf-two-column"
  }
  if (edge && edgeKinds[edge]) kind = edgeKinds[edge]!
  const ext = kind === "docx" ? "docx" : kind === "txt" ? "txt" : "pdf"
  const baseName = asciiFold(name) || "resume"
  const resumeId = rng.uuid()
  let status: ResumeSpec["status"] = "processed"
  if (kind === "pdf-scanned" || kind === "pdf-corrupt" || kind === "pdf-encrypted") status = "error"
  const resume: ResumeSpec | null =
    edge === "noResume"
      ? null
      : {
          id: resumeId,
          kind,
          fileName: edge === "nonEnglish" ? "Lebenslauf.pdf" : `${baseName}_resume.${ext}`,
          ext,
          status: edge === "download422" ? "error" : status,
          downloadable: edge !== "download422",
          document: built.document,
          parsedData: status === "processed" && kind !== "txt" && edge !== "download422" ? built.parsedData : null,
          hiddenText: kind === "pdf-hidden-text" ? Array.from({ length: 6 }, () => ctx.profile.keywords.join(" ")).join(" ") : undefined,
          byteSeed: `bytes:${resumeId}`
        }
  const coverLetter = rng.chance(0.15)
    ? { id: rng.uuid(), text: `Dear hiring team,\n\nI am applying for this role. ${built.document.summary}\n\nKind regards,\n${name}\n` }
    : null

  return {
    id,
    contact,
    applicationId,
    postingId: ctx.postingId,
    name,
    headline: built.headline,
    location,
    emails: [email],
    phones: [{ type: "mobile", value: phone }],
    links: rng.chance(0.4) ? [`https://www.linkedin.com/in/${emailLocal.replace(/\./g, "-")}`] : [],
    fit,
    edgeCase: edge,
    stage,
    archived,
    tags,
    sources,
    origin: sources[0] === "Referral" ? "referred" : "applied",
    createdAt,
    updatedAt,
    resume,
    coverLetter
  }
}

