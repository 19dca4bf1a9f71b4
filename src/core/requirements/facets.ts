/**
 * Derives the facets the local engine matches precisely from a requirement's text: the skills and
 * credentials it names (with every alias that counts as the same thing), "N+ years of X", a degree
 * level and field, spoken languages, and the remaining content words. Extraction calls it for every
 * requirement; the CLI calls it for `--requirements` files. Pure.
 */
import type { Category, DegreeLevel, RequirementFacets } from "./model"
import { acceptedAliases, contentWords, displayAlias, findMentions, type Mention, stem } from "../vocabulary"

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15
}

const CREDENTIAL_WORDS = /\b(certif\w*|licen[cs]\w*|registration|registered|credential\w*|card|accredit\w*)\b/i
const ALTERNATIVE_CONNECTOR = /^[\s,]*(?:or|\/|and\/or|or an?|or another|or other|or any|or a similar|or similar|or equivalent|or comparable)[\s,]*(?:an?\s+)?$/i
const EXAMPLE_CONNECTOR = /(?:such as|e\.\s?g\.?|for example|for instance|like|i\.e\.|especially|preferably|ideally)[\s:,]*$/i
const SIMILAR_MARKER = /\b(or (?:a |an |any )?(?:similar|another|other|equivalent|comparable)|or similar|or equivalent|similar tools?|comparable)\b/i
const OPTIONAL_MARKER = /\b(ideally|preferably|bonus|a plus|nice to have)\b[^,;.]*$/i

/** A slot is one thing the requirement asks for; its terms are alternatives ("Jest or Vitest"). */
interface Slot {
  mentions: Mention[]
  acceptsFamily: boolean
  optional: boolean
  parenthetical: boolean
  /** After "such as": the following comma-separated names are further examples. */
  listingExamples?: boolean
}

function parseYears(text: string): { minYears: number; subject?: string } | undefined {
  const lower = text.toLowerCase()
  const re = /(?:(?:at least|minimum(?: of)?|min\.?|over|more than)\s+)?(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\s*(?:\+|\s*or more|\s*-\s*\d+|\s*to\s*\d+)?\s*\+?\s*(?:full[- ]time\s+)?(years?|yrs?)\b/
  const m = re.exec(lower)
  if (!m) return undefined
  const minYears = WORD_NUMBERS[m[1]] ?? Number(m[1])
  if (!Number.isFinite(minYears) || minYears <= 0 || minYears > 40) return undefined
  let after = text.slice(m.index + m[0].length)
  after = after.replace(/^[\s']*(?:of\s+)?(?:relevant\s+|progressive\s+(?=experience)|professional\s+|hands-on\s+|full-time\s+|industry\s+)*(?:work\s+)?(?:experience\s*)?(?:in\s+|with\s+|of\s+|doing\s+)?/i, "")
  let subject = after.trim().replace(/[.;()]+$/, "").trim()
  // "Skilled Java Developer with at least 3 years of experience in building …": the role named before
  // the number is part of what the years must be in.
  const lead = /^(.{3,60}?)\s+(?:with|having|who has)\s*$/i.exec(text.slice(0, m.index).replace(/\b(at least|minimum(?: of)?|over|more than)\s*$/i, "").trim() + " ")
  if (lead && subject) subject = `${lead[1].replace(/^(?:an?|the|skilled|experienced|seasoned|senior|strong)\s+/i, "")} ${subject}`
  if (!subject) {
    // "Accounting experience of 5+ years", "5 years": the subject precedes the number.
    subject = text.slice(0, m.index).replace(/\b(experience|of|at least|minimum|with)\b/gi, " ").trim()
  }
  // "5+ years of progressive accounting experience": keep the words before "experience" too.
  subject = subject.replace(/\bexperience\b/gi, " ").replace(/\s+/g, " ").trim()
  return { minYears, subject: subject || undefined }
}

const DEGREE_PATTERNS: [DegreeLevel, RegExp][] = [
  ["doctorate", /\b(ph\.?\s?d|doctorate|doctoral|doctor of)\b/i],
  ["master", /\b(master'?s?|m\.?s\.?c?|mba|m\.?eng|msn|mph|graduate degree|advanced degree)\b/i],
  ["bachelor", /\b(bachelor'?s?|b\.?s\.?c?|b\.?a\.?|bba|b\.?eng|bsn|undergraduate degree|four-year degree|4-year degree|college degree|university degree)\b/i],
  ["associate", /\b(associate'?s? degree|associate degree|two-year degree|2-year degree)\b/i],
  ["high_school", /\b(high school|ged|secondary school)\b/i]
]

function parseDegree(text: string): RequirementFacets["degree"] | undefined {
  if (!/\b(degree|bachelor|master|ph\.?d|doctorate|diploma|mba|b\.?s\.?c?|b\.?a\.?|high school|ged)\b/i.test(text)) return undefined
  let level: DegreeLevel | undefined
  // The lowest level named is the requirement ("Bachelor's or Master's" needs a bachelor's).
  for (const [lvl, re] of [...DEGREE_PATTERNS].reverse()) {
    if (re.test(text)) {
      level = lvl
      break
    }
  }
  if (!level) level = "bachelor"
  const fields: string[] = []
  const fieldMatch = /\b(?:degree|bachelor'?s?|master'?s?|ph\.?d|b\.?s\.?c?|b\.?a\.?|mba|diploma)\b[^,.;]*?\b(?:in|of)\s+(.+)$/i.exec(text)
  if (fieldMatch) {
    const raw = fieldMatch[1].replace(/\(.*?\)/g, " ").replace(/\b(or )?(equivalent|related|relevant|similar|comparable)\b.*$/i, "")
    for (const part of raw.split(/,|\bor\b|\band\b|\//i)) {
      const field = part.replace(/^\s*(a|an|the)\s+/i, "").trim()
      if (field && field.length > 1 && !/^(field|discipline|area)s?$/i.test(field)) fields.push(field)
    }
  }
  const relatedAccepted = /\b(related|relevant|similar|comparable|equivalent) (field|discipline|area|subject|major)/i.test(text)
  if (relatedAccepted) fields.push("related field")
  const equivalentExperienceAccepted = /\b(or equivalent|equivalent (practical |work |professional )?experience|or (comparable|relevant) experience|or experience)\b/i.test(text)
  return { level, fields, equivalentExperienceAccepted }
}

function buildSlots(text: string, mentions: Mention[]): Slot[] {
  const slots: Slot[] = []
  // Parenthesis depth at every character, to know which mentions sit in a parenthetical.
  const depth: number[] = []
  let d = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") d++
    depth.push(d)
    if (text[i] === ")") d = Math.max(0, d - 1)
  }
  let prev: Mention | undefined
  let current: Slot | undefined
  for (const mention of mentions) {
    const inParen = depth[mention.start] > 0
    const between = prev ? text.slice(prev.end, mention.start) : text.slice(0, mention.start)
    const betweenNoParen = between.replace(/\([^()]*\)/g, " ")
    const opensParen = prev && /\(\s*(?:e\.\s?g\.?,?|such as|like|for example|incl\.?|including)?[\s:,]*$/i.test(between) && !between.includes(")")
    const optional = OPTIONAL_MARKER.test(text.slice(0, mention.start).split(/[,;:]/).pop() ?? "")
    // "database technology such as MySQL, Oracle and MongoDB": examples of something the vocabulary
    // does not name are alternatives to each other.
    const betweenPlain = between.replace(/\b(e\.\s?g|i\.\s?e)\./gi, "eg")
    if ((!current || !prev || /[;:.]/.test(betweenPlain) || between.length > 25) && EXAMPLE_CONNECTOR.test(between) && !/\b(ideally|preferably)\s*$/i.test(between) && !opensParen) {
      current = { mentions: [mention], acceptsFamily: Boolean(mention.term.groupId), optional, parenthetical: false, listingExamples: true }
      slots.push(current)
      prev = mention
      continue
    }
    if (current && prev && (ALTERNATIVE_CONNECTOR.test(betweenNoParen) || ALTERNATIVE_CONNECTOR.test(between.replace(/[()]/g, " ")))) {
      current.mentions.push(mention)
    } else if (current && prev && EXAMPLE_CONNECTOR.test(between) && !/[;.]/.test(between)) {
      // "a WMS such as Manhattan": examples of the thing just named.
      current.mentions.push(mention)
      current.acceptsFamily = current.acceptsFamily || Boolean(prev.term.groupId)
      current.listingExamples = true
    } else if (current && prev && current.listingExamples && /^[\s,]*(?:or|and)?[\s,]*$/i.test(betweenNoParen)) {
      current.mentions.push(mention)
    } else if (current && prev && opensParen) {
      // "unit tests (Jest or Vitest)": examples of a family belong to it; "React (hooks, …)" details a
      // specific tool and is not required on its own.
      const onlyConcepts = slots.every((sl) => sl.mentions.every((m) => m.term.entry.kind === "concept"))
      if (current.mentions.some((m) => m.term.groupId) || (onlyConcepts && current.mentions.some((m) => m.term.entry.kind === "concept"))) current.mentions.push(mention)
      else {
        current = { mentions: [mention], acceptsFamily: false, optional: true, parenthetical: true }
        slots.push(current)
      }
      prev = mention
      continue
    } else if (current && current.parenthetical && inParen && !/\)/.test(between)) {
      // Further details inside the same parenthesis share its (optional) slot.
      current.mentions.push(mention)
    } else if (current && prev && /^[\s-]*$/.test(between) && mention.term.groupId && (prev.term.entry.groups ?? []).includes(mention.term.groupId)) {
      // "Cerner EHR", "Manhattan WMS": the family's name as the head noun of a member.
      current.mentions.push(mention)
    } else if (current && prev && prev.term.entry === mention.term.entry) {
      // "Good Clinical Practice (GCP)": the same thing named twice.
    } else {
      // "consent from research participants", "studies with human participants": a concept introduced by
      // a preposition after something already named qualifies it rather than adding a requirement.
      const qualifier = slots.length > 0 && mention.term.entry.kind === "concept" && /\b(from|with|among|for|on|in)\s+(?:(?:a|an|the|all|our)\s+)?$/i.test(between)
      current = { mentions: [mention], acceptsFamily: Boolean(mention.term.groupId), optional: optional || qualifier, parenthetical: false }
      slots.push(current)
    }
    prev = mention
  }
  for (const slot of slots) {
    const last = slot.mentions[slot.mentions.length - 1]
    const tail = text.slice(last.end, last.end + 40)
    if (SIMILAR_MARKER.test(tail.split(/[,;]/)[0] ?? "")) slot.acceptsFamily = true
  }
  return slots
}

function slotAliases(slot: Slot): string[] {
  const out: string[] = []
  for (const m of slot.mentions) {
    out.push(...acceptedAliases(m.term))
    if (slot.acceptsFamily) {
      for (const g of m.term.entry.groups ?? []) {
        const generic = acceptedAliases({ entry: { name: g, aliases: [], kind: "concept" }, groupId: g })
        out.push(...generic)
      }
    }
  }
  return [...new Set(out)]
}

function slotName(slot: Slot): string {
  return [...new Set(slot.mentions.map((m) => displayAlias(m.term.entry.name)))].join(" / ")
}

export function deriveFacets(text: string, category?: Category): RequirementFacets {
  const facets: RequirementFacets = {}
  const years = parseYears(text)
  if (years) {
    facets.minYears = years.minYears
    if (years.subject) facets.yearsSubject = years.subject
  }
  const degree = category === "skills" ? undefined : parseDegree(text)
  if (degree) facets.degree = degree

  const mentions = findMentions(text)
  const languageMentions = mentions.filter((m) => m.term.entry.kind === "language")
  if (languageMentions.length > 0 && (/\b(bilingual|fluen\w*|speak\w*|spoken|language|native|proficien\w*|multilingual)\b/i.test(text) || category === "other")) {
    const level = /\b(fluen\w*|bilingual|native)\b/i.exec(text)?.[1]?.toLowerCase()
    facets.languages = languageMentions.map((m) => ({ language: m.term.entry.name, ...(level ? { level } : {}) }))
  }
  const nonLanguage = mentions.filter((m) => m.term.entry.kind !== "language")
  const slots = buildSlots(text, nonLanguage).filter((s) => !s.optional)
  const experienceAccepted = /\b(or|and) (hands-on )?experience\b/i.test(text)
  const wantsCredential = CREDENTIAL_WORDS.test(text) && !experienceAccepted
  const hasSpecific = slots.some((s) => s.mentions.some((m) => m.term.entry.kind !== "concept"))
  const skills: { name: string; aliases: string[] }[] = []
  const credentials: { name: string; aliases: string[] }[] = []
  for (const slot of slots) {
    const isConcept = slot.mentions.every((m) => m.term.entry.kind === "concept")
    // Concepts ("warehouse", "audit") qualify a requirement that names tools; they are required only
    // when nothing more specific is named.
    if (isConcept && hasSpecific) continue
    const item = { name: slotName(slot), aliases: slotAliases(slot) }
    const isCredential = slot.mentions.some((m) => m.term.entry.kind === "credential") ? !experienceAccepted : wantsCredential && !isConcept
    if (isCredential) credentials.push(item)
    else skills.push(item)
  }
  if (skills.length) facets.skills = skills
  if (credentials.length) facets.credentials = credentials
  const covered = new Set(nonLanguage.flatMap((m) => contentWords(text.slice(m.start, m.end)).map(stem)))
  const keywords = [...new Set(contentWords(text).filter((w) => !covered.has(stem(w))))]
  if (keywords.length) facets.keywords = keywords
  facets.mode = skills.length + credentials.length > 1 ? "all" : "any"
  return facets
}
