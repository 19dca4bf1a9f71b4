/**
 * Blind mode: removes what identifies the candidate before any text leaves for a model — their name
 * (every part, accent- and case-insensitive), e-mail addresses, phone numbers, street addresses, profile
 * URLs, dates of birth and ages, and photo alt text — while keeping the structure (every line break and
 * heading stays where it was) and the substance (skills, employers, role dates, degrees, cities).
 *
 * Each removal leaves a bracketed placeholder so a reader (or a model) sees that something was there.
 */
import { findDateRanges } from "./dates"

export interface RedactOptions {
  /** The candidate's name as Lever knows it ("Inés Valdivia"). */
  candidateName?: string
  /** Addresses Lever knows for the candidate (removed even in unusual spellings of the text). */
  emails?: string[]
}

export const PLACEHOLDER = {
  name: "[NAME]",
  email: "[EMAIL]",
  phone: "[PHONE]",
  address: "[ADDRESS]",
  url: "[URL]",
  birth: "[DATE OF BIRTH]",
  age: "[AGE]",
  photo: "[PHOTO]",
  personal: "[REDACTED]"
} as const

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu
const OBFUSCATED_EMAIL = /[\p{L}\p{N}._%+-]+\s*[[(]\s*at\s*[\])]\s*[\p{L}\p{N}.-]+\s*[[(]\s*dot\s*[\])]\s*[\p{L}]{2,}/giu

const URL_WITH_SCHEME = /\b(?:https?:\/\/|www\.)[^\s<>()|,;]+/gi
const PROFILE_HOSTS =
  "linkedin\\.com|github\\.com|gitlab\\.com|bitbucket\\.org|twitter\\.com|x\\.com|facebook\\.com|instagram\\.com|behance\\.net|dribbble\\.com|medium\\.com|stackoverflow\\.com|kaggle\\.com|angel\\.co|wellfound\\.com|about\\.me|xing\\.com|orcid\\.org|scholar\\.google\\.com|researchgate\\.net|codepen\\.io|dev\\.to|substack\\.com|youtube\\.com|tiktok\\.com|t\\.me"
const PROFILE_URL = new RegExp(`\\b(?:[\\w-]+\\.)?(?:${PROFILE_HOSTS})(?:/[^\\s<>()|,;]*)?`, "gi")
/** A bare domain with a path ("janedoe.dev/portfolio") is a personal page, never a skill. */
const BARE_DOMAIN_WITH_PATH = /\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|dev|me|app|co|info|site|page|xyz|tech|ai|ca|uk|de|fr|es|it|nl|au|in|us|eu)\/[^\s<>()|,;]*/gi
const LABELLED_SITE = /\b(?:website|web|site|portfolio|blog|homepage|personal\s+site|url)\s*[:：]\s*\S+/gi

const PHONE_CANDIDATE = /(?<![\w+/.-])(?:\+|00)?\(?\d[\d\s().-]{5,22}\d(?:\s*(?:x|ext\.?)\s*\d{1,5})?(?![\w/-])/gi
const PHONE_LABEL = /\b(?:phone|tel(?:ephone)?|mobile|mob|cell|whatsapp|fax|t|m|p|ph)\s*[.:：]?\s*$/i

const STREET_TYPES =
  "street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|parkway|pkwy|highway|hwy|circle|cir|square|sq|crescent|cres|close|row|alley|trail|trl|route|rte"
const STREET = new RegExp(
  `\\b\\d{1,6}[a-z]?(?:[-–]\\d{1,6})?\\s+(?:[\\p{Lu}\\d][\\p{L}.'’-]*\\s+){0,4}(?:${STREET_TYPES})\\b\\.?(?:\\s*,?\\s*(?:apt|apartment|suite|ste|unit|floor|fl|#)\\.?\\s*[\\w-]+)?`,
  "giu"
)
/** Street type first ("12 Rue de Rivoli", "Av. Paulista 1000") or last with the number after ("Hauptstraße 5"). */
const STREET_TYPE_FIRST = new RegExp(
  `\\b(?:\\d{1,5}[a-zA-Z]?,?\\s+)?(?:${["rue", "avenue", "av\\.", "boulevard", "bd\\.?", "chemin", "allée", "impasse", "via", "viale", "piazza", "calle", "avenida", "carrera", "rua", "praça", "plaza"]
    .map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join("|")})\\s+(?:(?:de|del|della|la|le|les|des|da|do|dos)\\s+)?\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,3}(?:,?\\s+\\d{1,5}[a-zA-Z]?\\b)?`,
  "gu"
)
const STREET_TYPE_SUFFIX = /\b[\p{Lu}][\p{L}-]*(?:straße|strasse|gasse|weg|platz|allee|laan|straat|gatan|vej|veien)\s+\d{1,4}[a-zA-Z]?\b/gu
const PO_BOX = /\b(?:p\.?\s?o\.?\s?box|postfach)\s*\d+/gi
/** Postal codes next to a street: US ZIP+4, UK, Canadian. (A lone city and state stay: they are substance.) */
const POSTCODE = /\b(?:[A-Z]{2}\s+\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b/g

const DOB_LABELLED =
  /\b(?:date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|birthday|born(?:\s+on)?|geburtsdatum|geboren(?:\s+am)?|date\s+de\s+naissance|n[ée]e?\s+le)\s*[:：]?\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\.?,?\s+\d{4}|\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4})/giu
// Ages are two-digit and not part of a range ("children aged 4 to 8", "ages 18–65" describe others).
const AGE =
  /\b(?:age[d]?\s*[:：]?\s*\d{2}(?:\s*(?:years?|yrs?)(?:\s+old)?)?|\d{2}\s*(?:years?|yrs?)\s+old|\d{2}\s*-?\s*year-old|alter\s*[:：]?\s*\d{2}|[âa]ge\s*[:：]\s*\d{2}\s*ans)\b(?!\s*(?:to|-|–|and|or)\s*\d)/giu
const PERSONAL_LABELLED =
  /\b(?:marital\s+status|nationality|citizenship|gender|sex|religion|place\s+of\s+birth|familienstand|staatsangeh[öo]rigkeit)\s*[:：]\s*[^\n|·•]+/giu

const PHOTO_MARKDOWN = /!\[[^\]]*\]\([^)]*\)/g
const PHOTO_HTML = /<img\b[^>]*>/gi
const PHOTO_LINE = /^\s*(?:\[(?:image|photo|picture|img)[^\]]*\]|(?:profile\s+)?(?:photo|picture|headshot|portrait|image)(?:\s+of\s+[^\n]+|\s*[:：][^\n]*)?)\s*$/gim

/** Lower-case, accents removed: "Inés" and "ines" compare equal. */
export function foldAccents(s: string): string {
  return s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase()
}

const MONTH_WORDS = new Set(["jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december"])
const NAME_PARTICLES = new Set(["de", "da", "del", "der", "den", "di", "du", "la", "le", "van", "von", "y", "e", "bin", "al", "el", "st", "mc", "jr", "sr", "ii", "iii", "iv", "mr", "mrs", "ms", "dr", "phd", "mba", "md", "mph", "cpa", "rn"])

export function redactPii(text: string, opts: RedactOptions = {}): string {
  let out = text
  out = out.replace(PHOTO_MARKDOWN, PLACEHOLDER.photo).replace(PHOTO_HTML, PLACEHOLDER.photo).replace(PHOTO_LINE, PLACEHOLDER.photo)
  for (const email of opts.emails ?? []) {
    if (email.trim().length > 3) out = out.replace(new RegExp(escapeRegExp(email.trim()), "gi"), PLACEHOLDER.email)
  }
  out = out.replace(EMAIL, PLACEHOLDER.email).replace(OBFUSCATED_EMAIL, PLACEHOLDER.email)
  out = out.replace(URL_WITH_SCHEME, PLACEHOLDER.url).replace(PROFILE_URL, PLACEHOLDER.url).replace(BARE_DOMAIN_WITH_PATH, PLACEHOLDER.url)
  out = out.replace(LABELLED_SITE, (m) => m.replace(/[:：]\s*\S+$/, `: ${PLACEHOLDER.url}`))
  out = out.replace(DOB_LABELLED, PLACEHOLDER.birth).replace(AGE, PLACEHOLDER.age).replace(PERSONAL_LABELLED, (m) => m.replace(/[:：][\s\S]*$/, `: ${PLACEHOLDER.personal}`))
  out = redactPhones(out)
  out = out.replace(PO_BOX, PLACEHOLDER.address).replace(STREET, (m) => (looksLikeStreet(m) ? PLACEHOLDER.address : m))
  out = out.replace(STREET_TYPE_FIRST, (m) => (/\d/.test(m) ? PLACEHOLDER.address : m)).replace(STREET_TYPE_SUFFIX, PLACEHOLDER.address)
  out = redactPostcodesNearAddress(out)
  if (opts.candidateName) out = redactName(out, opts.candidateName)
  return out
}

function redactPhones(text: string): string {
  return text.replace(PHONE_CANDIDATE, (match, offset: number, whole: string) => {
    const digits = match.replace(/\D/g, "")
    if (digits.length < 7 || digits.length > 15) return match
    // Date ranges ("2019 - 2021", "06/2019 – 02/2022") and decimal figures are not phone numbers.
    if (findDateRanges(match).length > 0 && /^\s*(?:\d{1,2}[/.])?\d{4}\s*[-–]\s*(?:\d{1,2}[/.])?\d{4}\s*$/.test(match)) return match
    if (/^\d{4}\s*[-–]\s*\d{4}$/.test(match.trim())) return match
    const groups = match.trim().split(/[\s().-]+/).filter((g) => g.length > 0)
    const international = /^\s*(?:\+|00)/.test(match)
    const parenthesised = /\(\d{1,5}\)/.test(match)
    const labelled = PHONE_LABEL.test(whole.slice(Math.max(0, offset - 16), offset))
    if (!(international || parenthesised || labelled || groups.length >= 3)) return match
    // "1.2.3" version numbers and "10.5 – 12.0" figures have tiny groups and decimals; phones don't.
    if (/^\d{1,2}(?:\.\d{1,2}){2,}$/.test(match.trim())) return match
    const lead = match.match(/^\s*/)![0]
    const trail = match.match(/\s*$/)![0]
    return `${lead}${PLACEHOLDER.phone}${trail}`
  })
}

function looksLikeStreet(match: string): boolean {
  // "5 years of road transport" or "3 Way merge" would not start with a house number followed by a
  // capitalised street name; require a capital after the number, or a street-type abbreviation.
  return /^\d{1,6}[a-zA-Z]?(?:[-–]\d{1,6})?\s+[\p{Lu}\d]/u.test(match)
}

function redactPostcodesNearAddress(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.includes(PLACEHOLDER.address) ? line.replace(POSTCODE, PLACEHOLDER.address) : line))
    .join("\n")
}

function redactName(text: string, candidateName: string): string {
  const parts = [...new Set(
    candidateName
      .split(/[\s,.'’-]+/)
      .map((p) => foldAccents(p))
      .filter((p) => p.length >= 2 && !NAME_PARTICLES.has(p))
  )]
  if (parts.length === 0) return text
  // Word tokens (letters, marks, apostrophes inside) — compared folded so "INÉS", "Ines" and "inés" match.
  return text.replace(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu, (token, offset: number, whole: string) => {
    const folded = foldAccents(token)
    const base = folded.replace(/['’]s$/, "")
    if (!parts.includes(base)) return token
    // A name that is also a month ("April", "May") stays when it is a date: "May 2021".
    if (MONTH_WORDS.has(base) && /^\.?\s*,?\s*(?:\d{4}|['’]\d\d)/.test(whole.slice(offset + token.length))) return token
    // A name part that is an ordinary lower-case word in running text ("rose by 20%") stays.
    if (token === token.toLowerCase() && isCommonWord(base)) return token
    return PLACEHOLDER.name + token.slice(base.length)
  })
    // "[NAME] [NAME]" → "[NAME]" on one line; line breaks are structure and stay.
    .replace(/\[NAME\](?:[ \t-]+\[NAME\])+/g, PLACEHOLDER.name)
}

/** Common English words that are also surnames or given names; redacted only when capitalised. */
const COMMON = new Set(["will", "may", "rose", "grant", "young", "hunter", "mark", "bill", "frank", "hope", "joy", "faith", "king", "green", "brown", "white", "black", "long", "short", "little", "small", "hill", "wood", "stone", "lane", "field", "ford", "price", "rich", "gay", "fair", "fairweather", "bell", "bellamy", "page", "cook", "baker", "smith", "miller", "walker", "turner", "carter", "parker", "cooper", "porter", "mason", "hall", "ward", "wells", "banks", "bush", "moss", "rivers", "winter", "summer", "spring", "sky", "star", "lake", "marsh", "dale", "glen", "chase", "ray", "sun", "am", "an", "so", "ho", "le"])

function isCommonWord(word: string): boolean {
  return COMMON.has(word)
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}
