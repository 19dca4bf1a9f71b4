/**
 * The local scoring engine: no key, no network, deterministic. For every requirement it matches the
 * facets (see requirements/facets.ts) against the resume's visible text and structure and returns a
 * verdict with the passage that decided it. Pure: takes `now` instead of reading the clock.
 *
 * How evidence is weighed (the label scheme recruiters use):
 * - a skill shown in a role, a project, education or a credential is "met";
 * - named only in a skills list or a summary, hedged ("exposure to", "learning", "basic"), a
 *   competing tool, an expired or in-progress credential, or part of a compound requirement: "partial";
 * - years are computed from dated roles relevant to the requirement's subject;
 * - a block that repeats the rubric's keywords without support elsewhere is no evidence at all.
 */
import { findDateRanges, monthOf, totalExperienceMonths } from "../resume/dates"
import type { ResumeDocument } from "../resume/model"
import type { Requirement, RequirementFacets, Rubric } from "../requirements/model"
import { deriveFacets } from "../requirements/facets"
import { ALIAS_END, ALIAS_START, aliasPattern, competitorAliases, contentWords, displayAlias, findMentions, normalizeForMatch, stem, STOP_WORDS } from "../vocabulary"
import { aggregate } from "./aggregate"
import { indexResume, type IndexedLine, type IndexedRole, type ResumeIndex } from "./resume-index"
import type { CandidateResult, RequirementVerdict, ResultFlag, Verdict } from "./result"

export interface LocalEngineOptions {
  now: Date
}

// ─────────────────────────────────────────────────────────── matchers

interface Matcher {
  insensitive: RegExp | null
  sensitive: RegExp | null
  /** First letters (up to 3) of every alias; a line without a word starting so cannot match. Null: no prefilter. */
  prefixes: string[] | null
}

function aliasPrefix(alias: string): string | null {
  const m = /^[a-z0-9]+/.exec(normalizeForMatch(alias.startsWith("=") ? alias.slice(1) : alias))
  return m ? m[0].slice(0, 3) : null
}

function linePrefixes(line: IndexedLine): Set<string> {
  if (line.memo.prefixes) return line.memo.prefixes
  const set = new Set<string>()
  for (const w of line.lower.match(/[a-z0-9]+/g) ?? []) {
    set.add(w.slice(0, 1))
    if (w.length > 1) set.add(w.slice(0, 2))
    if (w.length > 2) set.add(w.slice(0, 3))
  }
  line.memo.prefixes = set
  return set
}

const matcherCache = new Map<string, Matcher>()

/** One regex per case mode for a set of aliases, cached across candidates. */
const matcherByList = new WeakMap<readonly string[], Matcher>()

export function compileMatcher(aliases: readonly string[]): Matcher {
  const byList = matcherByList.get(aliases)
  if (byList) return byList
  const matcher = compileMatcherByKey(aliases)
  matcherByList.set(aliases, matcher)
  return matcher
}

function compileMatcherByKey(aliases: readonly string[]): Matcher {
  const key = aliases.join("\u0001")
  const cached = matcherCache.get(key)
  if (cached) return cached
  const ci: string[] = []
  const cs: string[] = []
  for (const alias of aliases) {
    if (!alias.trim()) continue
    const { body, caseSensitive } = aliasPattern(alias)
    ;(caseSensitive ? cs : ci).push(body)
  }
  // One boundary check around all alternatives: much faster than a lookbehind per alternative.
  const combine = (bodies: string[]) => `${ALIAS_START}(?:${bodies.join("|")})${ALIAS_END}`
  const prefixes = aliases.map(aliasPrefix)
  const matcher: Matcher = {
    insensitive: ci.length ? new RegExp(combine(ci), "i") : null,
    sensitive: cs.length ? new RegExp(combine(cs)) : null,
    prefixes: prefixes.some((p) => p === null) ? null : [...new Set(prefixes as string[])]
  }
  if (matcherCache.size > 5000) matcherCache.clear()
  matcherCache.set(key, matcher)
  return matcher
}

function matchLine(matcher: Matcher, line: IndexedLine): number {
  if (matcher.prefixes) {
    const have = linePrefixes(line)
    if (!matcher.prefixes.some((p) => have.has(p))) return -1
  }
  if (matcher.insensitive) {
    const m = matcher.insensitive.exec(line.lower)
    if (m) return m.index
  }
  if (matcher.sensitive) {
    const m = matcher.sensitive.exec(line.folded)
    if (m) return m.index
  }
  return -1
}

// ─────────────────────────────────────────────────────────── context of a mention

const HEDGE =
  /\b(exposure to|exposed to|some exposure|(?<!machine |deep |e-|reinforcement |distance |blended )(?:currently |now |still )?learning (?!management|platform|system|experience|and development|objective|outcome)|familiar(?:ity)? with|basics?\b(?! life support)|beginner|introductory|intro(?:duction)? to|in progress|pursuing|working toward|conversational|elementary|coursework|online course|completed an? [^,.;]{0,30}course|tutorials?|bootcamp|self-taught|studying for|exploring|observ(?:e|ed|ing)\b|assist(?:ed|ing)? (?:with|in)|help(?:ed|ing)?(?: with| to| assemble| prepare)?\b|shadow(?:ed|ing)?|candidate\b|expected \w+ ?\d{4}|scheduled|aspiring|some experience|supports? (?:the|two|a|an)\b|supported (?:the|two)\b|acting\b)/i

/** Sections whose lines show work done rather than claimed. */
const STRONG_SECTIONS = new Set(["experience", "projects", "education", "certifications"])

function segmentAround(text: string, index: number): string {
  // The comma/semicolon-separated item holding the match, ignoring separators inside parentheses.
  let depth = 0
  let start = 0
  let end = text.length
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === "(") depth++
    else if (c === ")") depth = Math.max(0, depth - 1)
    else if (depth === 0 && (c === "," || c === ";" || c === "|" || c === "•")) {
      if (i < index) start = i + 1
      else if (i >= index) {
        end = i
        break
      }
    }
  }
  return text.slice(start, end)
}

interface Occurrence {
  line: number
  credit: number
  strong: boolean
  hedge?: string
}

function isStrongLine(index: ResumeIndex, line: IndexedLine): boolean {
  return (line.memo.strong ??= computeStrong(index, line))
}

function computeStrong(index: ResumeIndex, line: IndexedLine): boolean {
  if (line.role !== undefined) return true
  if (STRONG_SECTIONS.has(line.section)) return true
  // An achievement bullet (a sentence, not a list of names) shows work done wherever it sits: functional
  // resumes put them under headings such as "Selected achievements" that no vocabulary can foresee.
  if (line.section !== "summary" && line.section !== "header" && line.bullet && !isListLike(line) && line.text.split(/\s+/).length >= 8) return true
  if (!index.hasSections) return line.bullet || line.text.split(/\s+/).length >= 8
  return false
}

function hedgeIn(lineLower: string, matchIndex: number, listLike: boolean): string | undefined {
  // In a list ("Python, basic SQL") the hedge must sit in the item; in prose, anywhere in the sentence.
  const scope = listLike ? segmentAround(lineLower, matchIndex) : sentenceAround(lineLower, matchIndex)
  return HEDGE.exec(scope)?.[1]
}

function sentenceAround(text: string, index: number): string {
  const before = text.lastIndexOf(". ", index)
  const after = text.indexOf(". ", index)
  return text.slice(before < 0 ? 0 : before + 2, after < 0 ? text.length : after)
}

function isListLike(line: IndexedLine): boolean {
  return (line.memo.listLike ??= computeListLike(line))
}

function computeListLike(line: IndexedLine): boolean {
  const commas = (line.text.match(/[,;|•·]/g) ?? []).length
  const words = line.text.split(/\s+/).length
  const wordsPerItem = words / (commas + 1)
  if (commas >= 2 && wordsPerItem < 4) return true
  // In a skills section everything is a list, except an achievement sentence placed under it.
  if (line.section === "skills" || line.section === "languages") return !(line.bullet && words >= 8 && wordsPerItem >= 4)
  return false
}

function occurrences(index: ResumeIndex, matcher: Matcher, excluded: Set<number>): Occurrence[] {
  const out: Occurrence[] = []
  index.lines.forEach((line, i) => {
    if (excluded.has(i)) return
    const at = matchLine(matcher, line)
    if (at < 0) return
    const strong = isStrongLine(index, line)
    const hedge = hedgeIn(line.lower, at, isListLike(line))
    const credit = strong && !hedge ? 1 : 0.5
    out.push({ line: i, credit, strong, hedge })
  })
  return out
}

/** Skills last shown in a role that ended this long ago are stale: a recruiter would check them. */
const STALE_MONTHS = 120

function applyRecency(index: ResumeIndex, list: Occurrence[], now: Date): Occurrence[] {
  const nowMonth = monthOf(now)
  return list.map((o) => {
    const role = index.lines[o.line].role
    if (role === undefined || o.credit < 1) return o
    const end = index.roles[role].endMonth
    if (end !== null && nowMonth - end > STALE_MONTHS) return { ...o, credit: 0.5, hedge: `last used in a role that ended in ${Math.floor(end / 12)}` }
    return o
  })
}

function best(list: Occurrence[]): Occurrence | undefined {
  let top: Occurrence | undefined
  for (const o of list) {
    if (!top || o.credit > top.credit || (o.credit === top.credit && o.strong && !top.strong)) top = o
  }
  return top
}

// ─────────────────────────────────────────────────────────── outcomes

interface Outcome {
  credit: number
  /** Line indexes that decided it. */
  lines: number[]
  reason: string
  label: string
}

const withNameCache = new WeakMap<object, string[]>()

/** The item's aliases plus its name, as one stable array per facet item (so matchers are reused). */
function withName(item: { name: string; aliases: string[] }): string[] {
  let list = withNameCache.get(item)
  if (!list) {
    list = [...new Set([item.name, ...item.aliases])]
    withNameCache.set(item, list)
  }
  return list
}

const competitorsCache = new WeakMap<string[], WeakMap<Set<string>, string[]>>()

function competitorsFor(aliases: string[], creditedElsewhere: Set<string>): string[] {
  let inner = competitorsCache.get(aliases)
  if (!inner) competitorsCache.set(aliases, (inner = new WeakMap()))
  let list = inner.get(creditedElsewhere)
  if (!list) {
    list = competitorAliases(aliases).filter((a) => !creditedElsewhere.has(displayAlias(a).toLowerCase()))
    inner.set(creditedElsewhere, list)
  }
  return list
}

function skillOutcome(index: ResumeIndex, skill: { name: string; aliases: string[] }, excluded: Set<number>, creditedElsewhere: Set<string>, now: Date): Outcome {
  const label = skill.name
  // Facets written by hand may carry only a name: it always counts as an alias.
  const aliases = withName(skill)
  const direct = best(applyRecency(index, occurrences(index, compileMatcher(aliases), excluded), now))
  if (direct && direct.credit === 1) return { credit: 1, lines: [direct.line], reason: `${label} shown in ${describeLine(index, direct.line)}`, label }
  // A competing tool that another requirement of the rubric already accepts ("a WMS such as …" next to
  // "Manhattan WMS") is credited there; counting it again here would reward it twice.
  if (direct) {
    const why = direct.hedge?.startsWith("last used") ? direct.hedge : direct.hedge ? `hedged ("${direct.hedge.trim()}")` : "named only in a skills list or summary, without supporting experience"
    return { credit: 0.5, lines: [direct.line], reason: `${label} ${why}`, label }
  }
  const competitors = competitorsFor(aliases, creditedElsewhere)
  const competitor = competitors.length ? best(occurrences(index, compileMatcher(competitors), excluded)) : undefined
  if (competitor) return { credit: 0.5, lines: [competitor.line], reason: `a related or competing tool instead of ${label}`, label }
  return { credit: 0, lines: [], reason: `no mention of ${label}`, label }
}

const CREDENTIAL_CONTEXT = /\b(certif\w*|licen[cs]\w*|registered|registration|credential\w*|card|accredit\w*|exam|board[- ]certified|issued)\b/i
const CREDENTIAL_STATE = /\b(renewed|recertified|completed|current|valid|active|obtained|earned|passed|since)\b/i
const LAPSED = /\b(expired|lapsed|inactive|not current|no longer (?:active|valid|current)|revoked|suspended|reinstatement|renewal pending|expiring)\b/i
const VALID_UNTIL = /\b(?:valid|good|current|active)?\s*(?:through|until|thru|till|to|expires?|expiration|exp\.?)\s*:?\s*((?:[a-z]{3,9}\.?\s+)?\d{4}|\d{1,2}\s*[/.-]\s*\d{4})/i

function credentialStatus(line: IndexedLine, now: Date): { credit: number; why?: string } {
  const lapsed = LAPSED.exec(line.text)
  if (lapsed) return { credit: 0.5, why: `marked "${lapsed[1]}"` }
  const until = VALID_UNTIL.exec(line.text)
  if (until) {
    const range = findDateRanges(`${until[1]} - ${until[1]}`, now)[0]
    if (range && range.endMonth < monthOf(now)) return { credit: 0.5, why: `valid only until ${until[1]}` }
  }
  for (const range of findDateRanges(line.text, now)) {
    if (!range.ongoing && range.endMonth < monthOf(now) && /\b(valid|certified|licensed|issued|expire)/i.test(line.text)) {
      return { credit: 0.5, why: `validity ended (${range.matched})` }
    }
  }
  const hedge = HEDGE.exec(line.lower)
  if (hedge) return { credit: 0.5, why: `not yet held ("${hedge[1].trim()}")` }
  return { credit: 1 }
}

function credentialOutcome(index: ResumeIndex, credential: { name: string; aliases: string[] }, excluded: Set<number>, now: Date): Outcome {
  const label = credential.name
  const aliases = withName(credential)
  const matcher = compileMatcher(aliases)
  let top: { credit: number; line: number; why?: string } | undefined
  let mentionedOnly: number | undefined
  index.lines.forEach((line, i) => {
    if (excluded.has(i)) return
    const at = matchLine(matcher, line)
    if (at < 0) return
    const next = index.lines[i + 1]?.text ?? ""
    const inContext =
      line.section === "certifications" ||
      line.section === "education" ||
      CREDENTIAL_CONTEXT.test(line.text) ||
      // "CITI Good Clinical Practice, renewed / February 2025": dated or renewed like a credential.
      (CREDENTIAL_STATE.test(line.text) && (/\b(19|20)\d\d\b/.test(line.text) || /^\s*(?:[a-z]+\.?\s+)?(19|20)\d\d\b/i.test(next))) ||
      (line.text.length < 60 && /\b(19|20)\d\d\b/.test(line.text) && !line.bullet)
    if (!inContext) {
      if (mentionedOnly === undefined) mentionedOnly = i
      return
    }
    const status = credentialStatus(line, now)
    if (!top || status.credit > top.credit) top = { credit: status.credit, line: i, why: status.why }
  })
  if (top && top.credit === 1) return { credit: 1, lines: [top.line], reason: `${label} held (${describeLine(index, top.line)})`, label }
  if (top) return { credit: 0.5, lines: [top.line], reason: `${label} ${top.why}`, label }
  const related = competitorAliases(aliases)
  const near = related.length ? best(occurrences(index, compileMatcher(related), excluded)) : undefined
  if (near) return { credit: 0.5, lines: [near.line], reason: `a related but different credential or activity, not ${label}`, label }
  if (mentionedOnly !== undefined) return { credit: 0, lines: [], reason: `${label} is mentioned, but not as a credential the candidate holds`, label }
  return { credit: 0, lines: [], reason: `no ${label} credential`, label }
}

const LOW_LANGUAGE_LEVEL = /\b(conversational|basic|elementary|intermediate|limited|beginner|some|learning|working knowledge|phrases|survival|reading|a1|a2|b1|b2)\b/i

function languageOutcome(index: ResumeIndex, language: string, excluded: Set<number>): Outcome {
  if (/^english$/i.test(language)) return { credit: 1, lines: [], reason: "resume is written in English", label: language }
  const matcher = compileMatcher([language])
  let found: { line: number; credit: number; level?: string } | undefined
  index.lines.forEach((line, i) => {
    if (excluded.has(i) || found?.credit === 1) return
    const at = matchLine(matcher, line)
    if (at < 0) return
    const segment = segmentAround(line.lower, at)
    const low = LOW_LANGUAGE_LEVEL.exec(segment)
    const credit = low ? 0.5 : 1
    if (!found || credit > found.credit) found = { line: i, credit, level: low?.[1] }
  })
  if (!found) return { credit: 0, lines: [], reason: `no ${language}`, label: language }
  return { credit: found.credit, lines: [found.line], reason: found.credit === 1 ? `${language} listed` : `${language} at a lower level ("${found.level}")`, label: language }
}

// ─────────────────────────────────────────────────────────── years of experience

const LEADERSHIP_SUBJECT = /\b(lead|leading|led|leader|supervis\w*|manag\w*|head|direct reports|people management)\b/i
const LEADER_TITLE = /\b(lead|leader|supervisor|manager|head|foreman|forewoman|director|chief|superintendent|captain|principal|vp|vice president)\b/i
const LEADER_TEXT = /\b(supervis(?:e|ed|ing)|led (?:a|the)|lead (?:a|the|evening|night|day|weekend)|manag(?:e|ed|ing) (?:a )?(?:team|crew|staff)|direct reports|team of \d+|crew of \d+|acting lead)\b/i
const GENERIC_SUBJECT_WORDS = new Set(["work", "professional", "progress", "progressive", "hand", "industry", "role", "position", "environment", "setting", "company", "business", "team", "lead", "leading", "supervisor", "manager", "human", "full", "time", "relevant", "type", "level", "field", "production"].map(stem))

interface SubjectUnit {
  matcher?: Matcher
  stem?: string
  specific?: boolean
}

const subjectCache = new Map<string, SubjectUnit[]>()

function subjectUnits(subject: string, leadership: boolean): SubjectUnit[] {
  const key = `${leadership ? 1 : 0}:${subject}`
  let units = subjectCache.get(key)
  if (!units) {
    units = computeSubjectUnits(subject, leadership)
    if (subjectCache.size > 1000) subjectCache.clear()
    subjectCache.set(key, units)
  }
  return units
}

function computeSubjectUnits(subject: string, leadership: boolean): SubjectUnit[] {
  // (Units from the vocabulary's tools and credentials are "specific": a role counts only if it shows one.)
  const units: SubjectUnit[] = []
  let rest = subject
  for (const mention of findMentions(subject)) {
    if (leadership && mention.term.entry.name === "team leadership") continue
    if (mention.term.entry.kind === "language") continue
    const aliases = mention.term.groupId ? [...mention.term.entry.aliases] : [mention.term.entry.name, ...mention.term.entry.aliases]
    units.push({ matcher: compileMatcher(aliases), specific: mention.term.entry.kind !== "concept" })
    rest = rest.replace(subject.slice(mention.start, mention.end), " ")
  }
  for (const word of contentWords(rest)) {
    const s = stem(word)
    if (GENERIC_SUBJECT_WORDS.has(s) || STOP_WORDS.has(word) || s.length < 3) continue
    if (leadership && LEADERSHIP_SUBJECT.test(word)) continue
    if (!units.some((u) => u.stem === s)) units.push({ stem: s })
  }
  return units
}

function unitHit(unit: SubjectUnit, lower: string, stems: Set<string>): boolean {
  if (unit.stem) return stems.has(unit.stem)
  const m = unit.matcher!
  return Boolean((m.insensitive && m.insensitive.test(lower)) || (m.sensitive && m.sensitive.test(lower)))
}

function roleRelevance(role: IndexedRole, units: SubjectUnit[], leadership: boolean, lines: IndexedLine[], asTitle: boolean, nowMonth: number): "full" | "partial" | "none" {
  if (role.marginal) return "none"
  const stale = role.endMonth !== null && nowMonth - role.endMonth > STALE_MONTHS
  const headerStems = (role.memo.headerStems ??= new Set((role.headerLower.match(/[a-z0-9+#]+/g) ?? []).map((w) => stem(w))))
  let titleHits = 0
  let anyHits = 0
  let specificHits = 0
  for (const unit of units) {
    const inTitle = unitHit(unit, role.headerLower, headerStems)
    const inText = inTitle || unitHit(unit, role.lower, role.stems)
    if (inTitle) titleHits++
    if (inText) anyHits++
    if (inText && unit.specific) specificHits++
  }
  const fraction = units.length === 0 ? 1 : anyHits / units.length
  let domain: "full" | "partial" | "none" = units.length === 0 || (titleHits >= 1 && fraction >= 0.34) || fraction >= 0.99 ? "full" : fraction >= 0.34 ? "partial" : "none"
  // "3 years of Java": a role that does not show Java does not count, whatever its title.
  if (units.some((u) => u.specific) && specificHits === 0) domain = domain === "full" ? "partial" : domain === "partial" ? "none" : "none"
  if (/\b(intern|internship|trainee|apprentice|student)\b/.test(role.headerLower) && domain === "full") domain = "partial"
  // "2 years as a Front End Developer": the title must name the role, not only the work.
  if (asTitle && domain === "full" && !units.some((u) => !u.stem && unitHit(u, role.headerLower, headerStems))) domain = "partial"
  if (stale && domain === "full") domain = "partial"
  if (!leadership) return domain
  const title = `${role.title}`
  const leaderTitle = LEADER_TITLE.test(title) && !/\bacting\b/i.test(title)
  const roleText = (role.memo.text ??= lines.slice(role.firstLine, role.lastLine + 1).map((l) => l.text).join(" "))
  const leaderText = LEADER_TEXT.test(roleText)
  if (leaderTitle && domain === "full") return "full"
  if ((leaderTitle || leaderText) && domain !== "none") return "partial"
  if (leaderTitle) return "partial"
  return "none"
}

function roleEvidenceLines(index: ResumeIndex, role: IndexedRole): number[] {
  const out: number[] = []
  for (let i = role.firstLine; i <= Math.min(role.lastLine, role.firstLine + 3); i++) {
    out.push(i)
    if (/\b(19|20)\d\d\b|present|now\b/i.test(index.lines[i].text)) break
  }
  return out
}

function formatYears(months: number): string {
  const years = months / 12
  return years >= 1 ? `${(Math.round(years * 10) / 10).toString()} years` : `${months} months`
}

function yearsOutcome(index: ResumeIndex, facets: RequirementFacets, now: Date): Outcome {
  const minMonths = Math.round((facets.minYears ?? 0) * 12)
  const subject = facets.yearsSubject ?? ""
  const leadership = LEADERSHIP_SUBJECT.test(subject)
  const units = subjectUnits(subject, leadership)
  const asTitle = /^(?:as|working as)\s+(?:an?\s+)/i.test(subject) && units.some((u) => !u.stem)
  const label = `${facets.minYears}+ years${subject ? ` of ${subject}` : ""}`
  if (index.roles.length === 0) return { credit: 0, lines: [], reason: "no dated roles to compute years from", label }
  const full: IndexedRole[] = []
  const partial: IndexedRole[] = []
  for (const role of index.roles) {
    const rel = roleRelevance(role, units, leadership, index.lines, asTitle, monthOf(now))
    if (rel === "full") full.push(role)
    else if (rel === "partial") partial.push(role)
  }
  const fullMonths = totalExperienceMonths(full, undefined, now)
  const anyMonths = totalExperienceMonths([...full, ...partial], undefined, now)
  const evidenceRoles = (full.length ? full : partial).slice(0, 3)
  const lines = evidenceRoles.flatMap((r) => roleEvidenceLines(index, r))
  // A month of slack: "Jan 2019 – Dec 2022" is four years whether or not both ends are counted.
  if (fullMonths >= minMonths - 1 && fullMonths > 0) return { credit: 1, lines, reason: `${formatYears(fullMonths)} in relevant roles (${minMonths / 12} required)`, label }
  if (fullMonths > 0) return { credit: 0.5, lines, reason: `only ${formatYears(fullMonths)} in relevant roles (${minMonths / 12} required)`, label }
  if (anyMonths > 0) return { credit: 0.5, lines, reason: `${formatYears(anyMonths)} in roles that only partly match "${subject}"`, label }
  return { credit: 0, lines: [], reason: `no dated role matches "${subject || "the requirement"}"`, label }
}

// ─────────────────────────────────────────────────────────── degrees

const LEVEL_RANK = { high_school: 1, associate: 2, bachelor: 3, master: 4, doctorate: 5 } as const
type Level = keyof typeof LEVEL_RANK

const RESUME_DEGREES: [Level, RegExp][] = [
  ["doctorate", /\b(Ph\.?\s?D|Doctor of|Doctorate|Ed\.?D|Pharm\.?\s?D|DNP|M\.D\.)(?![a-z])/],
  ["master", /\b(Master'?s?|Masters|M\.?S\.?c?|M\.?A\.?|MBA|M\.?Eng|MSN|MPH|M\.?Ed|MAcc|MPA|MFA|LL\.?M)(?![a-zA-Z])/],
  ["bachelor", /\b(Bachelor'?s?|B\.?S\.?c?|B\.?A\.?|BBA|B\.?Eng|BSN|B\.?Com|B\.?Tech|A\.?B\.|B\.?F\.?A|B\.?Ed|B\.?B\.?A)(?![a-zA-Z])/],
  ["associate", /\b(Associate'?s?(?: degree| of)|A\.?A\.?S\.?|A\.?A\.?|A\.?S\.?)(?![a-zA-Z])/],
  ["high_school", /\b(high school|secondary school|GED|diploma)\b/i]
]

const FIELD_FAMILIES: string[][] = [
  ["life science", "biology", "biological", "biochemistry", "chemistry", "microbiology", "neuroscience", "physiology", "molecular", "genetics", "biomedical", "health science", "kinesiology", "exercise science", "zoology", "ecology", "pharmacology", "biotechnology", "nursing", "public health", "epidemiology", "psychology", "pharmacy", "nutrition", "medical", "biostatistics"],
  ["computer science", "software engineering", "computer engineering", "information technology", "information systems", "informatics", "data science", "mathematics", "statistics", "electrical engineering", "physics", "computing"],
  ["accounting", "accountancy", "finance", "economics", "business administration", "business", "commerce", "management"],
  ["mechanical engineering", "mechanical", "aerospace", "manufacturing engineering", "industrial engineering", "civil engineering", "engineering", "mechatronics", "materials science"],
  ["education", "teaching", "pedagogy", "early childhood", "elementary education", "secondary education", "curriculum"],
  ["marketing", "communications", "journalism", "advertising", "public relations", "business", "english"],
  ["supply chain", "logistics", "operations management", "industrial engineering", "business"]
]

function fieldMatches(lineLower: string, lineStems: Set<string>, field: string): boolean {
  const words = contentWords(field)
  if (words.length === 0) return false
  // "Accounting" ≈ "Accountancy": a shared stem of five letters or more counts as the same field.
  return words.every((w) => {
    const s = stem(w)
    return lineStems.has(s) || lineLower.includes(w) || (s.length >= 5 && new RegExp(`\\b${s.replace(/[^a-z0-9]/g, "")}`).test(lineLower))
  })
}

function degreeOutcome(index: ResumeIndex, facets: RequirementFacets, excluded: Set<number>, now: Date): Outcome {
  const degree = facets.degree!
  const label = `${degree.level.replace("_", " ")} degree`
  const required = LEVEL_RANK[degree.level]
  const fields = degree.fields.filter((f) => f !== "related field")
  const relatedOk = degree.fields.includes("related field")
  const family = new Set<string>()
  for (const f of fields) {
    const field = normalizeForMatch(f)
    for (const fam of FIELD_FAMILIES) if (fam.some((x) => x === field || field.includes(x))) fam.forEach((x) => family.add(x))
  }
  const educationLines = index.lines.map((_, i) => i).filter((i) => !excluded.has(i) && (index.lines[i].section === "education" || index.lines[i].section === "certifications"))
  const pool = educationLines.length ? educationLines : index.lines.map((_, i) => i).filter((i) => !excluded.has(i))
  let top: { credit: number; line: number; reason: string } | undefined
  const consider = (credit: number, line: number, reason: string) => {
    if (!top || credit > top.credit) top = { credit, line, reason }
  }
  for (const i of pool) {
    const line = index.lines[i]
    for (const [level, re] of RESUME_DEGREES) {
      const m = re.exec(line.folded)
      if (!m) continue
      if (level === "high_school" && !/\b(high school|GED|secondary)\b/i.test(line.text)) continue
      // "A.S." inside "B.A.S." or a state code is not a degree: require a field word or degree word nearby.
      if ((level === "associate" || level === "master") && m[1].length <= 3 && !/(degree|of|in|,)\s|\b(19|20)\d\d\b/i.test(line.text)) continue
      const unfinished = /\b(in progress|expected|anticipated|pursuing|candidate|ongoing|coursework|credits?)\b/i.test(line.text)
      const window = line.lower
      const fieldOk = fields.length === 0 || fields.some((f) => fieldMatches(window, line.stems, f))
      const relatedMatch = !fieldOk && relatedOk && [...family].some((f) => window.includes(f))
      const rank = LEVEL_RANK[level]
      if (unfinished) {
        consider(0.5, i, `${level.replace("_", " ")} degree not finished yet`)
      } else if (rank >= required && (fieldOk || relatedMatch)) {
        consider(1, i, `${m[1]} ${relatedMatch ? "in a related field" : fields.length ? "in a matching field" : ""}`.trim())
      } else if (rank >= required) {
        consider(0.5, i, `${m[1]}, but not in ${fields.join(" or ")}`)
      } else if (rank === required - 1 || degree.equivalentExperienceAccepted) {
        consider(0.5, i, `${m[1]}: a lower level than required`)
      }
      break
    }
  }
  if (top && top.credit === 1) return { credit: 1, lines: [top.line], reason: top.reason, label }
  if (degree.equivalentExperienceAccepted) {
    const months = totalExperienceMonths(index.roles.filter((r) => !r.marginal), undefined, now)
    if (months >= 48) {
      const roleLines = index.roles.length ? roleEvidenceLines(index, index.roles[0]) : []
      return { credit: 1, lines: roleLines, reason: `equivalent experience accepted: ${formatYears(months)} of work`, label }
    }
  }
  if (top) return { credit: top.credit, lines: [top.line], reason: top.reason, label }
  return { credit: 0, lines: [], reason: `no ${label} found`, label }
}

// ─────────────────────────────────────────────────────────── keyword fallback

function keywordOutcome(index: ResumeIndex, keywords: string[], excluded: Set<number>, label: string): Outcome {
  const stems = [...new Set(keywords.map((k) => stem(k)).filter((s) => s.length > 2 && !GENERIC_SUBJECT_WORDS.has(s)))]
  if (stems.length === 0) return { credit: 0, lines: [], reason: "nothing specific to match", label }
  let top: { ratio: number; line: number; strong: boolean; hedge?: string } | undefined
  index.lines.forEach((line, i) => {
    if (excluded.has(i)) return
    const hits = stems.filter((s) => line.stems.has(s)).length
    if (hits === 0) return
    const ratio = hits / stems.length
    const strong = isStrongLine(index, line)
    if (!top || ratio > top.ratio || (ratio === top.ratio && strong && !top.strong)) top = { ratio, line: i, strong, hedge: HEDGE.exec(line.lower)?.[1] }
  })
  if (!top || top.ratio < 0.34) return { credit: 0, lines: [], reason: "the resume does not describe this", label }
  if (top.ratio >= 0.6 && top.strong && !top.hedge) return { credit: 1, lines: [top.line], reason: "described in the resume", label }
  return { credit: 0.5, lines: [top.line], reason: top.hedge ? `hedged mention ("${top.hedge}")` : "partly described", label }
}

// ─────────────────────────────────────────────────────────── keyword stuffing and injections

interface RubricTerms {
  matchers: { requirementId: string; matcher: Matcher }[]
}

const rubricTermsCache = new WeakMap<readonly Requirement[], RubricTerms>()

function rubricTermsFor(rubric: Rubric, requirements: readonly { id: string; facets: RequirementFacets }[]): RubricTerms {
  let terms = rubricTermsCache.get(rubric.requirements)
  if (!terms) rubricTermsCache.set(rubric.requirements, (terms = rubricTerms(requirements)))
  return terms
}

function rubricTerms(requirements: readonly { id: string; facets: RequirementFacets }[]): RubricTerms {
  const matchers: RubricTerms["matchers"] = []
  // The same skill asked for by several requirements is one term of the rubric, not several.
  const seen = new Set<string>()
  for (const r of requirements) {
    for (const item of [...(r.facets.skills ?? []), ...(r.facets.credentials ?? [])]) {
      const key = [...item.aliases].sort().join("\u0001")
      if (seen.has(key)) continue
      seen.add(key)
      matchers.push({ requirementId: r.id, matcher: compileMatcher(withName(item)) })
    }
  }
  return { matchers }
}

/**
 * A block (section) outside roles, projects and education that names most of the rubric's terms,
 * most of them with no support anywhere else, is keyword stuffing: its lines stop counting.
 */
function detectStuffing(index: ResumeIndex, terms: RubricTerms): { lines: Set<number>; flag?: ResultFlag } {
  const lines = new Set<number>()
  if (terms.matchers.length < 4) return { lines }
  const blocks = new Map<string, number[]>()
  index.lines.forEach((line, i) => {
    // Only lists of names can be stuffing; sentences describing work are judged on their own, and
    // credentials are checked for validity instead.
    if (isStrongLine(index, line) || line.section === "certifications" || !isListLike(line)) return
    // Contiguous lines of the same (weak) section form a block.
    const key = `${line.section}:${blockStart(index, i)}`
    const list = blocks.get(key) ?? []
    list.push(i)
    blocks.set(key, list)
  })
  let flag: ResultFlag | undefined
  // Which rubric terms each line names, computed once (lines × terms regex tests).
  const hits: number[][] = index.lines.map((line) => {
    const out: number[] = []
    terms.matchers.forEach((t, k) => {
      if (matchLine(t.matcher, line) >= 0) out.push(k)
    })
    return out
  })
  // A single line packed with the rubric's terms (hidden text that leaked into the visible text, or a
  // keyword line inside a role) is stuffing wherever it sits: real sentences carry a few terms each.
  const dense = Math.max(6, Math.ceil(terms.matchers.length * 0.6))
  index.lines.forEach((line, i) => {
    const found = hits[i].length
    if (found < dense) return
    const words = line.text.split(/\s+/).length
    if (words / found < 5 && mostlyRubricTerms([line], terms)) {
      lines.add(i)
      flag = {
        kind: "keyword_stuffing",
        message: `A line names ${found} of the ${terms.matchers.length} requirement terms in ${words} words; it was not counted as evidence.`,
        detail: line.text.slice(0, 200)
      }
    }
  })
  for (const block of blocks.values()) {
    const inBlock = new Set<number>(block.flatMap((i) => hits[i]))
    // An honest skills list names some of the rubric; stuffing names nearly all of it.
    if (inBlock.size < Math.max(6, Math.ceil(terms.matchers.length * 0.7))) continue
    const blockSet = new Set(block)
    const supportedTerms = new Set<number>()
    index.lines.forEach((line, i) => {
      if (!blockSet.has(i) && isStrongLine(index, line)) for (const k of hits[i]) supportedTerms.add(k)
    })
    let unsupported = 0
    for (const k of inBlock) if (!supportedTerms.has(k)) unsupported++
    if (unsupported / inBlock.size < 0.6) continue
    if (!mostlyRubricTerms(block.map((i) => index.lines[i]), terms)) continue
    block.forEach((i) => lines.add(i))
    const excerpt = block.map((i) => index.lines[i].text).join(" ").slice(0, 200)
    flag = {
      kind: "keyword_stuffing",
      message: `A block repeats ${inBlock.size} of the ${terms.matchers.length} requirement terms, ${unsupported} of them with no supporting experience anywhere else; it was not counted as evidence.`,
      detail: excerpt
    }
  }
  return { lines, flag }
}

const globalCache = new WeakMap<RegExp, RegExp>()

function globalOf(re: RegExp): RegExp {
  let g = globalCache.get(re)
  if (!g) globalCache.set(re, (g = new RegExp(re.source, re.flags + "g")))
  return g
}

/**
 * An honest skills list names many things the posting never asked for; a stuffed block is made of the
 * posting's own terms. True when rubric terms cover most of the lines' characters.
 */
function mostlyRubricTerms(lines: IndexedLine[], terms: RubricTerms): boolean {
  let covered = 0
  let total = 0
  for (const line of lines) {
    const mask = new Uint8Array(line.lower.length)
    for (const t of terms.matchers) {
      for (const [re, target] of [
        [t.matcher.insensitive, line.lower],
        [t.matcher.sensitive, line.folded]
      ] as const) {
        if (!re) continue
        const g = globalOf(re)
        g.lastIndex = 0
        let m: RegExpExecArray | null
        while ((m = g.exec(target))) {
          for (let k = m.index; k < m.index + m[0].length && k < mask.length; k++) mask[k] = 1
          if (m[0].length === 0) g.lastIndex++
        }
      }
    }
    for (let k = 0; k < line.lower.length; k++) {
      if (!/[a-z0-9]/.test(line.lower[k])) continue
      total++
      covered += mask[k]
    }
  }
  return total > 0 && covered / total >= 0.5
}

function blockStart(index: ResumeIndex, i: number): number {
  let k = i
  while (k > 0 && index.lines[k - 1].section === index.lines[i].section && !isStrongLine(index, index.lines[k - 1]) && isListLike(index.lines[k - 1])) k--
  return k
}

const INJECTION = /\b(ignore (?:all |any )?(?:previous|prior|above|earlier) (?:instructions|prompts?)|disregard (?:the|all|previous) (?:instructions|rubric)|you are (?:an? )?(?:ai|language model|assistant|chatgpt|llm)|system prompt|as an ai|(?:rate|score|rank|mark) (?:this|the) (?:candidate|applicant|resume) (?:as|at|with|highly)|(?:this|the) candidate (?:meets|satisfies) all (?:the )?requirements|assistant:|note to (?:the )?(?:ai|recruiter bot|screener))/i

function detectInjection(index: ResumeIndex): ResultFlag | undefined {
  const hit = index.lines.find((l) => INJECTION.test(l.text))
  return hit ? { kind: "injection_attempt", message: "The resume contains text addressed to an automated screener; it was ignored.", detail: hit.text.slice(0, 200) } : undefined
}

/** The injection check on plain text (used by the LLM engine, which has no index). */
export function detectInjectionText(text: string): ResultFlag | undefined {
  const hit = text.split("\n").find((l) => INJECTION.test(l))
  return hit ? { kind: "injection_attempt", message: "The resume contains text addressed to an automated screener; it was not obeyed.", detail: hit.trim().slice(0, 200) } : undefined
}

// ─────────────────────────────────────────────────────────── evidence and verdicts

function describeLine(index: ResumeIndex, i: number): string {
  const line = index.lines[i]
  if (line.role !== undefined) return `a role (${index.roles[line.role].title})`
  switch (line.section) {
    case "projects":
      return "a project"
    case "education":
      return "education"
    case "certifications":
      return "certifications"
    case "experience":
      return "experience"
    default:
      return "the resume"
  }
}

/** The whole visible line as evidence: always a verbatim passage of resume.text. */
function evidenceText(index: ResumeIndex, i: number): string {
  return index.lines[i].text
}

function combine(outcomes: Outcome[], mode: "any" | "all"): { verdict: Verdict; lines: number[]; reason: string } {
  if (outcomes.length === 0) return { verdict: "unclear", lines: [], reason: "nothing in the requirement could be matched" }
  if (mode === "any" || outcomes.length === 1) {
    const top = outcomes.reduce((a, b) => (b.credit > a.credit ? b : a))
    return { verdict: top.credit >= 1 ? "met" : top.credit > 0 ? "partial" : "not_met", lines: top.lines, reason: capitalise(top.reason) }
  }
  const credit = outcomes.reduce((sum, o) => sum + o.credit, 0)
  const ratio = credit / outcomes.length
  const shown = outcomes.filter((o) => o.credit >= 1).map((o) => o.label)
  const weak = outcomes.filter((o) => o.credit > 0 && o.credit < 1).map((o) => o.reason)
  const missing = outcomes.filter((o) => o.credit === 0).map((o) => o.label)
  const lines = [...new Set(outcomes.filter((o) => o.credit > 0).flatMap((o) => o.lines))]
  const parts: string[] = []
  if (shown.length) parts.push(`shows ${shown.join(", ")}`)
  if (weak.length) parts.push(weak.join("; "))
  if (missing.length) parts.push(`missing ${missing.join(", ")}`)
  const reason = capitalise(parts.join("; "))
  // Most of a long compound list ("semantic HTML, ARIA, keyboard and WCAG") is what recruiters accept as met.
  const metThreshold = outcomes.length >= 3 ? 0.66 : 1
  if (ratio >= metThreshold && outcomes.filter((o) => o.credit === 0).length <= Math.floor(outcomes.length / 3)) return { verdict: "met", lines, reason }
  if (ratio > 0) return { verdict: "partial", lines, reason }
  return { verdict: "not_met", lines, reason }
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s
}

function scoreRequirement(index: ResumeIndex, requirement: Requirement, facets: RequirementFacets, excluded: Set<number>, now: Date, creditedElsewhere: Set<string>): RequirementVerdict {
  let outcomes: Outcome[] = []
  let mode: "any" | "all" = facets.mode ?? "all"
  if (facets.minYears) {
    outcomes = [yearsOutcome(index, facets, now)]
  } else if (facets.degree) {
    outcomes = [degreeOutcome(index, facets, excluded, now)]
  } else {
    for (const skill of facets.skills ?? []) outcomes.push(skillOutcome(index, skill, excluded, creditedElsewhere, now))
    for (const credential of facets.credentials ?? []) outcomes.push(credentialOutcome(index, credential, excluded, now))
    // English is the language the resume is written in; it decides nothing when another language is asked for.
    const languages = (facets.languages ?? []).filter((l, _, all) => !(all.length > 1 && /^english$/i.test(l.language)))
    for (const language of languages) outcomes.push(languageOutcome(index, language.language, excluded))
    if (facets.languages?.length) mode = "all"
    if (outcomes.length === 0) outcomes.push(keywordOutcome(index, facets.keywords ?? contentWords(requirement.text), excluded, requirement.text))
  }
  const result = combine(outcomes, mode)
  const evidence = [...new Set(result.lines.slice(0, 4).map((i) => evidenceText(index, i)))]
  return { requirementId: requirement.id, verdict: result.verdict, evidence, reason: result.reason }
}

/** What a recruiter is told when a file gives no usable text and ingestion said nothing more specific. */
const STATUS_MESSAGE: Record<string, string> = {
  no_text_layer: "This PDF is a scanned image with no text layer, so it could not be read.",
  unreadable: "This resume file could not be read (it may be corrupt).",
  protected: "This resume is password-protected.",
  too_large: "This resume is too large to read.",
  unsupported: "This resume's file format cannot be read.",
  empty: "This resume contains no text."
}

const STATUS_FLAG: Record<string, ResultFlag["kind"]> = {
  no_text_layer: "no_text_layer",
  unreadable: "unreadable",
  protected: "protected",
  too_large: "too_large",
  unsupported: "unreadable",
  empty: "unreadable"
}

/** The result for a resume that could not be read: needs manual review, never a low score. */
export function needsReviewResult(rubric: Rubric, resume: Pick<ResumeDocument, "status" | "statusMessage">, engine: "local" | "llm"): CandidateResult {
  return {
    status: "needs_review",
    score: null,
    meetsAllMandatory: false,
    verdicts: rubric.requirements.map((r) => ({ requirementId: r.id, verdict: "unclear", evidence: [], reason: "The resume could not be read." })),
    flags: [{ kind: STATUS_FLAG[resume.status] ?? "other", message: resume.statusMessage || (STATUS_MESSAGE[resume.status] ?? `The resume could not be read (${resume.status}).`) }],
    engine
  }
}

export function hiddenTextFlag(resume: ResumeDocument): ResultFlag | undefined {
  if (!resume.hidden || resume.hidden.length === 0) return undefined
  const excerpt = resume.hidden.map((h) => h.excerpt).join(" … ").slice(0, 300)
  const reasons = [...new Set(resume.hidden.map((h) => h.reason.replace(/_/g, " ")))].join(", ")
  return { kind: "hidden_text", message: `The file contains hidden text (${reasons}) that a reader cannot see; it was ignored.`, detail: excerpt }
}

const facetsCache = new WeakMap<Requirement, RequirementFacets>()

/** The requirement's facets, derived from its text when none were stored (older rubrics). */
function facetsOf(requirement: Requirement): RequirementFacets {
  const stored = requirement.facets
  const hasAny = stored && Object.keys(stored).some((k) => k !== "keywords" && k !== "mode")
  if (hasAny) return stored
  let derived = facetsCache.get(requirement)
  if (!derived) {
    derived = { ...deriveFacets(requirement.text, requirement.category), ...(stored?.keywords ? { keywords: stored.keywords } : {}) }
    facetsCache.set(requirement, derived)
  }
  return derived
}

const acceptedCache = new WeakMap<Requirement, Set<string>>()

/** Aliases that the rubric's other requirements accept as skills (lower-cased). */
function acceptedByOthers(requirements: { requirement: Requirement; facets: RequirementFacets }[], id: string): Set<string> {
  const self = requirements.find((r) => r.requirement.id === id)!.requirement
  const cached = acceptedCache.get(self)
  if (cached) return cached
  const out = new Set<string>()
  for (const { requirement, facets } of requirements) {
    if (requirement.id === id) continue
    for (const skill of facets.skills ?? []) for (const a of skill.aliases) out.add(displayAlias(a).toLowerCase())
  }
  acceptedCache.set(self, out)
  return out
}

export function scoreLocal(rubric: Rubric, resume: ResumeDocument, opts: LocalEngineOptions): CandidateResult {
  if (resume.status !== "ok") return needsReviewResult(rubric, resume, "local")
  const index = indexResume(resume, opts.now)
  const requirements = rubric.requirements.map((r) => ({ requirement: r, facets: facetsOf(r) }))
  const flags: ResultFlag[] = []
  const hidden = hiddenTextFlag(resume)
  if (hidden) flags.push(hidden)
  const stuffing = detectStuffing(index, rubricTermsFor(rubric, requirements.map((r) => ({ id: r.requirement.id, facets: r.facets }))))
  if (stuffing.flag) flags.push(stuffing.flag)
  const injection = detectInjection(index)
  if (injection) flags.push(injection)
  const excluded = new Set(stuffing.lines)
  const verdicts = requirements.map(({ requirement, facets }) => scoreRequirement(index, requirement, facets, excluded, opts.now, acceptedByOthers(requirements, requirement.id)))
  const { score, meetsAllMandatory } = aggregate(rubric.requirements, rubric.weights, verdicts)
  return { status: "scored", score, meetsAllMandatory, verdicts, flags, engine: "local" }
}
