/**
 * The local requirement extractor: no network, a few milliseconds per posting.
 *
 * It reads the posting's sections (see posting-text.ts), decides from each heading what the section
 * holds (what the candidate must bring, what would be nice, what the job will do, benefits, company
 * blurb, legal text), and reads prose sentence by sentence for requirement cues when there is no
 * such heading. Candidate texts are then split into single requirements, cleaned, given a mandatory
 * flag and a category, merged when duplicated, and checked for fairness.
 *
 * The rules are written against how job postings are phrased in general (English), not against any
 * particular posting.
 */
import { deriveFacets } from "./facets"
import { checkFairness } from "./fairness"
import type { Category, Requirement } from "./model"
import { parsePosting, type LeverPostingLike, type PostingDocument, type PostingSection } from "./posting-text"

export type { LeverPostingLike } from "./posting-text"

export interface ExtractOptions {
  /** Stop after this many requirements (the rest are dropped with a note). Default 40. */
  maxRequirements?: number
  /** Stop after this many suggestions. Default 20. */
  maxSuggestions?: number
}

export interface ExtractionResult {
  requirements: Requirement[]
  /** What the job will do, offered as optional extras the recruiter may turn into requirements. */
  suggestions: Requirement[]
  notes: string[]
}

type SectionRole = "required" | "preferred" | "duties" | "skip" | "prose"

// ---------------------------------------------------------------- section roles

const PREFERRED_HEADING =
  /\b(nice[- ]to[- ]haves?|preferred|bonus(?: points)?|pluses|a plus|desired|desirable|ideally|extra credit|good to have|would be (?:great|nice|a plus)|(?:may|might) also have|not required|optional|it'?s a plus|brownie points|we'?d love|even better|great to have|would be a bonus|extra points|pluses)\b/i
const REQUIRED_HEADING_FIRST = /\b(about you|who you are|what you bring|what you('|’)?ll bring|you have|you are|you may be a good fit|(?:good|great|strong) fit|a fit if|thrive if|you('|’)?ll (?:be successful|succeed) if|your profile|your background|your experience|your skills)\b/i
const SKIP_HEADING =
  /\b(benefits?|perks|what we offer|we offer|compensation|salary|pay\b|pay range|total rewards|rewards|why (?:join|work|you'?ll love)|about (?:us|the company|our)|who we are|our (?:story|mission|values|culture|team|company)|how we'?re different|equal (?:opportunity|employment)|eeo|accommodations?|diversity|inclusion|referral|notices?|privacy|deadline|interview process|hiring process|application process|how to apply|apply|come work with us|logistics|where you'?ll be|location|work locations?|hybrid policy|visa|identity verification|about our work|what to expect|telecommut\w*|scheduled|job family|type of requisition|life at|culture|disclaimer|legal)\b/i
const DUTIES_HEADING =
  /\b(responsibilit\w*|duties|what you('|’)?ll (?:do|be doing|work on|own|achieve)|what you will (?:do|be doing|work on)|day[- ]to[- ]day|a day in the life|your (?:role|impact|mission|day|responsibilities)|in this role|the role|about the (?:role|job|position|opportunity)|position (?:description|summary|overview)|job (?:description|summary)|role (?:overview|summary|description)|overview|the opportunity|key accountabilit\w*|accountabilities|what the job involves|what you'?ll be doing|impact you'?ll have|make an impact|essential functions|job functions|functions|tasks|what you will accomplish|your mission|summary)\b/i
const REQUIRED_HEADING =
  /\b(requirements?|required|qualifications?|what you('|’)?ll need|what you need|what you must|must[- ]haves?|you'?ll need|skills|experience|education|certifications?|licen[cs](?:es|ure)|what we('|’)?re looking for|looking for|ideal candidate|to be successful|success factors|knowledge|competenc\w*|candidates? must|eligibility|prerequisites|minimum|basic|essential|profile|background|who we'?re looking for|you should have|need to have|abilities|criteria)\b/i

/** Reads a heading for what its section holds. */
export function classifyHeading(heading: string | null): SectionRole {
  if (!heading) return "prose"
  const h = heading.replace(/[’`]/g, "'")
  if (PREFERRED_HEADING.test(h)) return "preferred"
  if (REQUIRED_HEADING_FIRST.test(h)) return "required"
  if (SKIP_HEADING.test(h) && !/\b(requirements?|qualifications?)\b/i.test(h)) return "skip"
  // "About Acme", "About the team": the employer, not the job or the candidate.
  if (/^about\s+(?!(?:the\s+)?(?:role|job|position|opportunity|you|this role|this job)\b)/i.test(h.trim())) return "skip"
  if (DUTIES_HEADING.test(h) && !/\b(requirements?|qualifications?|skills)\b/i.test(h)) return "duties"
  if (REQUIRED_HEADING.test(h)) return "required"
  return "prose"
}

const CLEAR_REQUIREMENT_HEADING =
  /\b(requirements|qualifications|what you('|’)?ll need|what you need|what you (?:must )?bring|who you are|about you|nice[- ]to[- ]haves?|preferred|must[- ]haves?|good fit)\b/i

/**
 * Roles for every section. A sub-heading under a skipped one (the "Minimum education" line inside
 * a "Logistics" or "Benefits" block) is skipped too, unless it plainly introduces requirements.
 */
export function sectionRoles(sections: PostingSection[]): SectionRole[] {
  const stack: { level: number; role: SectionRole }[] = []
  return sections.map((section) => {
    let role = classifyHeading(section.heading)
    if (section.heading === null) return role
    while (stack.length && stack[stack.length - 1]!.level >= section.level) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent?.role === "skip" && !CLEAR_REQUIREMENT_HEADING.test(section.heading)) role = "skip"
    stack.push({ level: section.level, role })
    return role
  })
}

// ---------------------------------------------------------------- sentence and clause splitting

const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|approx|incl|esp|dept|ph\.d|b\.s|b\.a|m\.s|m\.a|u\.s|u\.k|e\.u|st|dr|mr|ms|mrs|no|inc|ltd|co|jr|sr|min|max|yrs?|hrs?|wk)\.$/i

/** Splits text into sentences at ., ! or ? followed by a capital, skipping common abbreviations. */
export function splitSentences(text: string): string[] {
  const out: string[] = []
  let start = 0
  const re = /[.!?](?=["”’)]?\s+["“(]?[A-Z0-9])/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    const candidate = text.slice(start, m.index + 1)
    if (ABBREVIATIONS.test(candidate.slice(-8))) continue
    out.push(candidate.trim())
    start = m.index + 1
  }
  const rest = text.slice(start).trim()
  if (rest) out.push(rest)
  return out.filter(Boolean)
}

/** Splits at a separator (a sticky /y regex) only where it is not inside parentheses or brackets. */
function splitTopLevel(text: string, separator: RegExp): string[] {
  return splitTopLevelKeeping(text, separator).parts.map((p) => p.trim()).filter(Boolean)
}

/** Like splitTopLevel, but keeps every part (even empty) and the separator text between them, to re-join exactly. */
function splitTopLevelKeeping(text: string, separator: RegExp): { parts: string[]; joiners: string[] } {
  const parts: string[] = []
  const joiners: string[] = []
  let depth = 0
  let last = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === "(" || ch === "[") depth++
    else if ((ch === ")" || ch === "]") && depth > 0) depth--
    else if (depth === 0) {
      // Separators are sticky (y): exec at lastIndex matches only here, without copying the rest.
      separator.lastIndex = i
      const m = separator.exec(text)
      if (m && m.index === i) {
        parts.push(text.slice(last, i))
        joiners.push(m[0])
        i += m[0].length - 1
        last = i + 1
      }
    }
  }
  parts.push(text.slice(last))
  return { parts, joiners }
}

const NUMBER_WORD = "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)"
const YEARS_SUBCLAUSE = new RegExp(`^(?:at least|a minimum of|minimum of|min\\.?)?\\s*${NUMBER_WORD}\\b[^,;]{0,30}?\\b(?:years?|yrs)\\b`, "i")
/** Words that open a new requirement when they follow "and" inside one bullet. */
const REQUIREMENT_HEAD = new RegExp(
  `^(?:(?:will|must|should)\\s+(?:also\\s+)?(?:have|hold|possess|bring)\\s+|(?:will|must|should)\\s+(?:also\\s+)?be\\s+(?=\\w+\\s+(?:in|with|to)\\b))?` +
  `(?:(?:a|an|the|strong|solid|excellent|proven|demonstrated|deep|good|working|advanced|hands-on|practical|prior|previous|professional|relevant|some|basic|in-depth|thorough|extensive|familiarity|direct)\\s+){0,3}` +
  `(?:(?:current|valid|active|unrestricted)\\s+\\S+|experience|knowledge|familiarity|proficiency|understanding|ability|abilities|expertise|background|track record|portfolio|certification|degree|(?:bachelor|master|associate|graduate|university|college|undergraduate|postgraduate)'?s?\\s+degree|(?:at least |a minimum of |minimum of |minimum |over |more than )?${NUMBER_WORD}\\+?\\s*(?:years?|yrs))\\b`, "i")

/**
 * Splits one bullet or clause into separate requirements: at semicolons, before "with/including
 * N years …", and at "and" when a new requirement starts after it. Alternatives ("Go or Rust")
 * and lists inside one requirement ("semantic HTML, ARIA and WCAG") stay together.
 */
export function splitCompound(text: string): string[] {
  let parts = splitTopLevel(text, /;\s*/y)
  // "… SQL and Python (required), and R (preferred)": one marker per part.
  parts = parts.flatMap((p) => p.split(/(?<=\((?:required|preferred|a plus|nice to have|optional|mandatory)\))\s*,?\s*(?:and\s+|or\s+)?(?=\S)/i))
  // "…, and you understand X": a second statement about the candidate.
  parts = parts.flatMap((p) => splitTopLevel(p, /,?\s+and you\s+(?=[a-z])/y))
  parts = parts.flatMap((p) => {
    const out: string[] = []
    let rest = p
    for (;;) {
      const m = /,\s+(?:with|including|and|plus)\s+/i.exec(rest)
      if (!m) break
      const after = rest.slice(m.index + m[0].length)
      if (!YEARS_SUBCLAUSE.test(after)) {
        // keep looking past this comma
        const next = rest.slice(m.index + m[0].length)
        const deeper = /,\s+(?:with|including|and|plus)\s+/i.exec(next)
        if (!deeper) break
        const nextAfter = next.slice(deeper.index + deeper[0].length)
        if (!YEARS_SUBCLAUSE.test(nextAfter)) break
        out.push(rest.slice(0, m.index + m[0].length + deeper.index))
        rest = nextAfter
        continue
      }
      out.push(rest.slice(0, m.index))
      rest = after
    }
    out.push(rest)
    return out
  })
  // "someone with 3+ years of X, experience in Y, and a bachelor's degree": a comma before a new requirement.
  parts = parts.flatMap((p) => {
    // After a colon the commas list the parts of one requirement ("Advanced Excel: pivot tables, …").
    if (p.includes(":")) return [p]
    const { parts: pieces, joiners } = splitTopLevelKeeping(p, /,\s+(?:and\s+|as well as\s+)?/y)
    if (pieces.length < 2) return [p]
    const merged: string[] = [pieces[0]!]
    for (let i = 1; i < pieces.length; i++) {
      const piece = pieces[i]!
      const previous = merged[merged.length - 1]!
      const startsRequirement = (REQUIREMENT_HEAD.test(piece) && piece.split(/\s+/).length >= 3) || /^(?:strong|solid|excellent|advanced|deep|good|working knowledge|hands-on|proven|demonstrated)\s+\S+/i.test(piece)
      if (startsRequirement && previous.split(/\s+/).length >= 3) merged.push(piece)
      else merged[merged.length - 1] = `${previous}${joiners[i - 1] ?? ", "}${piece}`
    }
    return merged
  })
  parts = parts.flatMap((p) => {
    const { parts: pieces, joiners } = splitTopLevelKeeping(p, /,?\s+and\s+/y)
    if (pieces.length < 2) return [p]
    // Re-join pieces that do not start a new requirement on their own.
    const merged: string[] = [pieces[0]!]
    for (let i = 1; i < pieces.length; i++) {
      const piece = pieces[i]!
      const previous = merged[merged.length - 1]!
      const tail = pieces.slice(i).join(" and ")
      if (REQUIREMENT_HEAD.test(piece) && previous.split(/\s+/).length >= 2 && tail.split(/\s+/).length >= 3) merged.push(piece)
      else merged[merged.length - 1] = `${previous}${joiners[i - 1] ?? " and "}${piece}`
    }
    return merged
  })
  return parts.map((p) => p.trim()).filter((p) => p.length > 1)
}

/** "… is a plus", "… are required": a clause that carries its own verdict. */
const OWN_PREDICATE = "(?:is|are|would be|will be)\\s+(?:(?:a|an)\\s+)?(?:(?:real|big|huge|strong|definite|major|significant|nice|great)\\s+)?(?:plus|bonus|advantage|asset|preferred|required|a must|must|mandatory|essential|desirable|helpful|nice to have)\\b"

const OWN_PREDICATE_RE = new RegExp(`\\b${OWN_PREDICATE}`, "i")

/** Splits "A is required and B is a plus" at the "and" between two clauses that each carry a verdict. */
function splitBetweenVerdicts(clause: string): string[] {
  const { parts: pieces, joiners } = splitTopLevelKeeping(clause, /,?\s+and\s+/y)
  if (pieces.length < 2) return [clause]
  const out: string[] = []
  let current = pieces[0]!
  for (let i = 1; i < pieces.length; i++) {
    const rest = pieces.slice(i).join(" and ")
    if (OWN_PREDICATE_RE.test(current) && OWN_PREDICATE_RE.test(rest)) {
      out.push(current)
      current = pieces[i]!
    } else {
      current = `${current}${joiners[i - 1] ?? " and "}${pieces[i]}`
    }
  }
  out.push(current)
  return out
}

/** Clauses of a prose sentence: requirement cues often sit in one clause of a longer sentence. */
function splitProseClauses(sentence: string): string[] {
  // "Because you will be on the floor, a current certification is required": keep the main clause.
  let s = sentence.replace(/^(?:because|since|as|while|given that|although|though)\b[^,]{3,120},\s+(?=\S)/i, "")
  s = s.replace(/^(?:safety|quality|accuracy) matters(?: here)?\.?\s*/i, "")
  let clauses = splitTopLevel(s, /;\s*/y)
  // A colon followed by a new independent clause ("…: we run X") separates two statements;
  // a colon followed by a list elaborates the same requirement and stays.
  clauses = clauses.flatMap((c) => splitTopLevel(c, /:\s+(?=(?:we|you|our|this|they|it|the team|there)\b)/iy))
  clauses = clauses.flatMap((c) => splitTopLevel(c, /,\s+(?:so|but|and so|yet|which means|while)\s+(?=\S)/iy))
  // "X is a bonus, and Y is a big plus": two statements, each with its own verdict.
  clauses = clauses.flatMap(splitBetweenVerdicts)
  return clauses
}

/**
 * "someone who has spent four years …, and who has personally run …" and "bonus points if you write
 * SQL, and if you have worked at …" ask for two things: the repeated connector ("who", "if you")
 * starts a second requirement. Each piece keeps the shared lead-in so that its cue (required, bonus)
 * and its cleaning stay the same as the first piece's.
 */
export function splitRepeatedConnector(clause: string): string[] {
  const m = /^(.*?)\b(who|if you)\b(.+?),?\s+(?:and|or)\s+(?:also\s+)?\2\b(.+)$/i.exec(clause)
  if (!m) return [clause]
  const [, prefix, connector, first, second] = m
  if (first.trim().split(/\s+/).length < 2 || second.trim().split(/\s+/).length < 2) return [clause]
  return [`${prefix}${connector}${first}`, ...splitRepeatedConnector(`${prefix}${connector}${second}`)]
}

// ---------------------------------------------------------------- cues

const REQUIREMENT_CUE = new RegExp(
  [
    "you(?:'ll| will)? (?:also )?need",
    "you (?:must|should)",
    "\\bwe(?: also| additionally)? (?:ask for|require|expect)\\b",
    "\\b(?:we(?:'re| are)|we'?re)(?: also)? (?:looking for|seeking) (?:someone|a candidate|candidates|people|a person|an individual) (?:who|with)\\b",
    "you(?: also)? (?:have|bring|hold|possess)\\b",
    "must (?:have|hold|be|possess|demonstrate)",
    "(?:is|are) (?:required|essential|a must|mandatory)",
    "required",
    "minimum (?:of )?",
    `at least (?:${NUMBER_WORD}|\\w+ of)`,
    `${NUMBER_WORD}\\s*\\+?\\s*(?:years?|yrs)`,
    "years of (?:\\w+ )?experience",
    "\\bdegree\\b",
    "bachelor",
    "master'?s",
    "ph\\.?d",
    "certifi(?:cation|cate|ed)",
    "licen[cs](?:e|ed|ure)",
    "experience (?:with|in|as|of|using|\\w+ing)",
    "proficien",
    "fluen(?:t|cy)",
    "bilingual",
    "knowledge of",
    "familiar(?:ity)? with",
    "understanding of",
    "ability to",
    "able to",
    "willing(?:ness)? to",
    "comfortable (?:with|working|using)",
    "at home (?:in|with)",
    "(?:is|are|would be) (?:a |an )?(?:real |big |strong |definite |huge )?(?:plus|bonus|advantage|asset)",
    "nice to have",
    "preferred",
    "ideally",
    "track record",
    "background in",
    "expertise in",
    "skilled in",
    "skills? in",
    "^bonus(?: points)?(?: if|:)"
  ].join("|"),
  "i"
)

/**
 * The cues that still count when a posting has proper requirement lists and a sentence sits in the
 * company blurb or an unknown section: only explicit demands, not every "ability to" or "knowledge of".
 */
const STRONG_REQUIREMENT_CUE = new RegExp(
  [
    "you(?:'ll| will)? (?:also )?need (?:to have|to hold|to be|at least|a |an |\\d)",
    "you (?:must|should) (?:have|hold|possess|be (?:able|fluent|comfortable|certified|licensed|authori[sz]ed|eligible|willing))",
    "candidates? (?:must|should)",
    "must (?:have|hold|be|possess)",
    "(?:is|are) required",
    "(?:is|are) (?:a )?must",
    `(?:at least|minimum of) ${NUMBER_WORD}`,
    `${NUMBER_WORD}\\s*\\+?\\s*(?:years?|yrs) (?:of|in|as|working|experience)`,
    "(?:bachelor|master)'?s?(?: degree)?",
    "\\bdegree in",
    "certification (?:is|in|as)",
    "licen[cs]e (?:is|in|as)",
    "(?:is|are|would be) (?:a |an )?(?:real |big |strong )?(?:plus|bonus|advantage|asset)"
  ].join("|"),
  "i"
)

/** Phrases that look like demands but are not: "as required", "as needed". */
function withoutFalseCues(text: string): string {
  return text.replace(/\bas (?:required|needed|necessary|appropriate|directed|assigned)\b/gi, " ")
}

/** Sentences that are never requirements however they are phrased: pay, benefits, legal, reassurance. */
const NOT_A_REQUIREMENT =
  /\b(we offer|we provide|benefits?\b|salary|compensation|pay range|base range|base pay|hourly rate|401\s*\(k\)|(?:sign[- ]on|signing|annual|performance|referral) bonus|equity|stock options|paid time off|\bpto\b|vacation|parental leave|equal (?:opportunity|employment)|\beeo\b|affirmative action|accommodations?|e-verify|without regard to|protected (?:veteran|class|characteristic)|regardless of|happy to train|we(?:'ll| will)? (?:train|teach)|will be trained|no (?:prior )?experience (?:is )?(?:necessary|required|needed)|encourage you to apply|invite you to apply|apply even if|apply today|don'?t meet every|do not meet every|privacy|recruiters? will never|background check(?:s)? (?:will|may) be|reasonable accommodation)\b/i

const DUTY_LEAD =
  /^(?:(?:day to day|day-to-day|in this role|in this position|each day|every day|together|as (?:a|an|our|the) [^,]{2,60}),?\s+)?(?:you(?:'ll| will)(?: also)?|you would|you are going to)\s+(?!(?:also )?need\b|be expected to (?:have|bring)|have\b|bring\b|be required|require|ideally|hold\b|possess\b)/i

const PREFERRED_CUE =
  /(?:\((?:preferred|nice[- ]to[- ]have|a plus|optional|desired|bonus|strongly preferred|ideal(?:ly)?)\)|\b(?:is|are|would be|will be)\s+(?:(?:a|an)\s+)?(?:(?:real|big|huge|strong|definite|major|significant|nice|great)\s+)?(?:plus|bonus|advantage|asset|preferred|desirable|desired|nice[- ]to[- ]have|helpful|beneficial|welcome|strongly preferred|highly (?:desirable|preferred|valued))\b|^(?:ideally|preferably|bonus|nice[- ]to[- ]have|a plus|plus|optionally|optional|preferred\s*:|desired\s*:|desirable\s*:)|\b(?:a plus|preferred|strongly preferred|nice to have|desirable|an asset|an advantage|a bonus)\s*[.!]?$|\byou (?:might|may) (?:also )?have\b|\bwould be (?:great|nice|ideal|good|helpful|beneficial)\b|\bit(?:'s| is) a plus\b|\b(?:we'?d|we would|would) love\b|\bbonus points\b|\bnot required\b)/i
const REQUIRED_CUE =
  /(?:\((?:required|mandatory|must[- ]have|must|essential)\)|\b(?:is|are) (?:required|mandatory|essential|a must)\b|\bmust\b|\brequired\b|\bminimum\b|\bmandatory\b|\bessential\b|\bat least\b|you(?:'ll| will) need)/i
const EXPLICIT_REQUIRED = /\((?:required|mandatory|must[- ]have|must|essential)\)|\b(?:is|are) (?:required|mandatory|a must)\b|\bmust\b/i

/** Mandatory unless the text itself says preferred; in a "nice to have" section only an explicit "required" flips it. */
export function readMandatory(raw: string, sectionDefault: boolean): boolean {
  const text = raw.replace(/[’`]/g, "'")
  if (!sectionDefault) return EXPLICIT_REQUIRED.test(text) && !PREFERRED_CUE.test(text)
  if (PREFERRED_CUE.test(text)) return false
  if (REQUIRED_CUE.test(text)) return true
  return sectionDefault
}

// ---------------------------------------------------------------- cleaning

const LEAD_IN = new RegExp(
  "^(?:" +
  [
    "(?:and|but|so|also|additionally|plus|ideally|preferably|optionally),?",
    "to (?:participate|apply|qualify|be considered|join|succeed|be eligible)[^,]{0,60},",
    "(?:in this role|in this position|for this role|for this position|to do this job well|in addition),?",
    "(?:to be successful|to succeed|to thrive)(?: in this (?:role|position))?,?(?: you(?:'ll| will)? (?:also )?need(?: to (?:have|be))?)?",
    "(?:this position|this role|the role|the position|the job) (?:requires?|calls for)",
    "you(?:'ll| will)? (?:also )?(?:need|require)(?: to (?:have|be|hold|possess|bring|demonstrate))?",
    "you (?:must|should|will)(?: also)? (?:have|be|hold|possess|bring|demonstrate|know)",
    "you(?:'ve| have) got",
    "you(?:'re|'ve)",
    "you(?: also)?(?: already)? (?:have|are|bring|hold|possess)",
    "(?:(?:we'?d|we would) love (?:it )?|it(?:'s| is| would be) (?:great|a plus|a bonus|nice) |bonus (?:points )?)if you(?:'ve|'re)?(?: also)?(?: (?:have|are|had|were|bring))?",
    "you (?:might|may) (?:also )?(?:have|be)",
    "ideally,? you(?:'ll| will| would| should)? (?:also )?(?:have|be|hold|bring)",
    "you(?:'ll| will| would) (?:also )?(?:have|hold|bring)",
    "(?:we(?:'re| are)|we'?d love|we would love)(?: also)? (?:looking for|seeking|to see|to meet)(?: (?:someone|a candidate|candidates|people|a person|an individual))?(?: (?:with|who (?:has|have|is|are)))?",
    "(?:we want|we need|looking for) (?:someone|a candidate|candidates|people|a person|an individual)(?: (?:with|who (?:has|have|is|are)))?",
    "(?:the )?candidates? (?:must|should|will)(?: also)? (?:have|be|hold|possess)",
    "(?:someone|a candidate|candidates|applicants|a person|an individual|people)(?: who (?:has|have|is|are|can)| with)",
    "(?:the )?applicants? (?:must|should|will)(?: also)? (?:have|be|hold|possess)",
    "(?:the )?(?:ideal|successful) candidate (?:will (?:have|be|possess|bring)|has|is|should (?:have|be)|possesses|brings)",
    "(?:must|should|will)(?: also)? (?:have|be|hold|possess|bring)",
    "we(?: also| additionally)? (?:require|need|want|expect|are seeking|seek|ask for|look for)(?: (?:someone|a candidate|candidates|applicants|people|a person|an individual))?(?: (?:who (?:is|are|has|have|can)|with|to (?:be|have)))?",
    "(?:education|licensure|licen[cs]e|certifications?|experience|skills|languages?|requirements?|qualifications?|required|preferred|desired)\\s*:",
    "requires?",
    "(?:required|preferred|bonus|nice to have|nice-to-have|plus|must have|must-have|minimum|desired)\\s*[:\\-–]"
  ].join("|") +
  ")\\s+",
  "i"
)

/** Makes a requirement read like a recruiter's line: no lead-in, marker or trailing full stop. */
export function cleanRequirementText(raw: string): string {
  let t = raw.replace(/[’`]/g, "'").replace(/\s+/g, " ").trim()
  t = t.replace(/^[\s\-*•·–—:]+/, "")
  for (let i = 0; i < 4; i++) {
    const before = t
    t = t.replace(LEAD_IN, "")
    t = t.replace(/^(?:an?|the|being|having|some)\s+(?=\S)/i, "")
    // "Have experience with…" / "Are comfortable…" after a "you may be a good fit if you:" heading.
    t = t.replace(/^(?:have|has|are|is)\s+(?=[a-z])/i, "")
    if (t === before) break
  }
  // "You care about…" / "You demonstrate…": the verb stays, the pronoun goes.
  t = t.replace(/^you\s+(?=[a-z]+\b)(?!(?:will|would|can|could|may|might|must|should|shall)\b)/i, "")
  t = t.replace(/\s*\((?:required|preferred|mandatory|must[- ]have|must|nice[- ]to[- ]have|a plus|optional|desired|bonus|strongly preferred|essential|ideal(?:ly)?)\)\s*/gi, " ")
  // "X is required, or an ADN with …" / "X are essential, including Y": the predicate goes, an
  // alternative or elaboration stays; anything else after it ("as the role involves travel") goes.
  t = t.replace(/[,;]?\s+(?:is|are|would be|will be)\s+(?:(?:a|an)\s+)?(?:(?:real|big|huge|strong|definite|major|significant|nice|great)\s+)?(?:plus|bonus|advantage|asset|preferred|required|a must|mandatory|essential|desirable|desired|nice[- ]to[- ]have|helpful|beneficial|welcome|strongly preferred|highly (?:desirable|preferred|valued))\b(?:\s+but not (?:required|essential|mandatory))?(.*)$/i, (_m, rest: string) =>
    /^,?\s*(?:or|including|especially|ideally|preferably|such as|for example|e\.g\.|in particular)\b/i.test(rest) ? `${/^,/.test(rest) ? "" : ","}${rest}` : "")
  t = t.replace(/(?<!\bas)[,;\s]+(?:(?:highly|strongly|very|much|greatly)\s+)?(?:preferred|required|a plus|is a must|desired|desirable|valued|appreciated|mandatory|an asset|a bonus|an advantage|nice to have)\s*[.!]?$/i, "")
  // "…, with at least one of those years spent leading": once split off, the piece must stand alone.
  t = t.replace(/\b(one|1) of (?:those|these|them|which)(?: years)?\b/i, "$1 year").replace(/\b(two|three|four|five|\d+) of (?:those|these|them|which)(?: years)?\b/i, "$1 years")
  t = t.replace(/[\s.;,:!]+$/, "").trim()
  // Capitalise a sentence start, but not a name written in lower case on purpose (dbt, npm, iOS, node.js).
  const firstWord = /^\S+/.exec(t)?.[0] ?? ""
  if (/^[a-z]/.test(t) && !/[A-Z0-9.]/.test(firstWord) && /[aeiouy]/.test(firstWord)) t = t[0]!.toUpperCase() + t.slice(1)
  return t
}

// ---------------------------------------------------------------- categories

const QUALIFICATION =
  /\b(degree|bachelor'?s?|master'?s|mba|ph\.?\s?d|doctorate|doctoral|diploma|ged|high school|associate'?s|b\.s\.?|bsc\b|bs (?:in|degree)\b|b\.a\.?|ba (?:in|degree)\b|m\.s\.?|msc\b|ms (?:in|degree)\b|licen[cs](?:e|ed|ure|es)|certifi(?:cation|cations|cate|cates|ed)|credential|accredit\w*|registered nurse|\brn\b|\blpn\b|\blvn\b|\bcna\b|\bbsn\b|\bmsn\b|\badn\b|\bdnp\b|\bemt\b|\bbsc\b|\bmsc\b|\bbeng\b|\bmeng\b|\bbba\b|\bjd\b|\bpharmd\b|\bacca\b|\bcima\b|\bcma\b|\bcia\b|\bcissp\b|\bcisa\b|\bccna\b|\bccnp\b|\bshrm-c?p\b|\bphr\b|\bfrm\b|\bceng\b|\bpe license|\bqualified accountant|\bcpa\b|\bcfa\b|\bpmp\b|\bcdl\b|\bbls\b|\bacls\b|\bpals\b|board[- ]certified|chartered|security clearance|\bclearance\b|(?:osha|cpr|first aid|food handler'?s?)\b[^.;]{0,40}\b(?:card|cert\w*|training))\b/i
const YEARS = new RegExp(`\\b(?:${NUMBER_WORD}\\s*\\+?\\s*(?:(?:-|–|to)\\s*${NUMBER_WORD}\\s*\\+?\\s*)?(?:years?|yrs)|years of|of those years)\\b`, "i")
const HUMAN_LANGUAGE =
  "(?:english|spanish|french|german|italian|portuguese|dutch|polish|russian|ukrainian|arabic|hebrew|turkish|persian|farsi|hindi|urdu|bengali|punjabi|tamil|mandarin|cantonese|chinese|japanese|korean|vietnamese|tagalog|thai|indonesian|malay|swedish|norwegian|danish|finnish|greek|czech|hungarian|romanian|swahili|american sign language|asl|sign language)"
const OTHER = new RegExp(
  String.raw`\b(\d{2}\s*(?:years?(?: of age)?)?\s*(?:or older|and older|or over|\+ years of age)|(?:at least|over) (?:16|17|18|19|21) years (?:of age|old)|authori[sz](?:ed|ation) to work|work authori[sz]ation|eligib(?:le|ility) to work|right to work|visa|sponsorship|citizen(?:ship)?|relocat\w*|willing(?:ness)? to travel|ability to travel|travel (?:up to|required|\d+\s*%|frequently|regularly|to|across|between|as needed)|\d+\s*%\s*(?:of )?travel|regular travel|based in|located in|live within|reside in|commut(?:e|ing) to|on[- ]site|onsite|in[- ]person|in the office|hybrid|remote within|(?:rotating|night|weekend|evening|overnight|2nd|second|3rd|third|split) shifts?|(?:work|working|available|availability)\b[^.;]{0,30}\b(?:shifts?|weekends?|nights?|evenings?|holidays|overtime|on-call)|on-call rotation|(?:lift|carry|push|pull)(?:ing)?\b[^.;]{0,45}\b\d+\s*(?:lbs?|pounds|kg)|(?:work|working) (?:in|from|at) (?:our|the|an?) [\w ,-]{0,30}(?:office|site|plant|facility|warehouse|clinic|hospital)\b|\b(?:monday|mon) (?:to|through|-|–) (?:thursday|friday|saturday|sunday)|stand(?:ing)? for|physical(?:ly)? (?:demands|requirements|able|fit)|(?:stand|walk|sit|climb|kneel|bend|crouch|stoop)(?:ing)?\b[^.;]{0,40}\b(?:periods|hours|ladders|stairs|scaffold\w*)|(?:hot|cold|noisy|loud|dusty|outdoor)\b[^.;]{0,20}\b(?:environments?|conditions)|background check|drug (?:test|screen)|bilingual|multilingual|native speaker|(?:fluen(?:t|cy)|proficien(?:t|cy)|speak|speaks|spoken|written|write|read|command of)\b[^.;]{0,25}\b${HUMAN_LANGUAGE}|${HUMAN_LANGUAGE}\b[^.;]{0,20}\b(?:fluency|speaker|proficiency|language skills)|(?:fluen\w*|proficien\w*) in (?:\w+ ){0,2}(?:spoken |foreign |european |asian )?languages|driver'?s licen[cs]e)\b`, "i")
const SKILL_GERUND =
  /\bexperience (?:in |with )?(?:using|writing|building|developing|designing|implementing|measuring|testing|programming|coding|configuring|deploying|automating|debugging|creating|scripting|modell?ing|analy[sz]ing|administering|operating|maintaining|integrating)\b/i
const EXPERIENCE =
  /\b(track record|history of|proven (?:ability|experience|success)|background in|experience (?:as|in|at|on|across|within|leading|managing|working|coordinating|supervising|running|owning|\w+ing)\b|[a-z]+ experience\b|leadership|leading|led\b|managing|managed|management of|supervis\w*|ownership of|owned|contributions? to|contributed|worked|prior experience|previous experience|portfolio|served as|tenure)/i

export function categorize(text: string): Category {
  const t = text.replace(/[’`]/g, "'")
  // A skill or experience line that merely mentions a certificate as one option still reads as a credential.
  if (QUALIFICATION.test(t) && !/\b(?:experience (?:with|in) (?:\w+ ){0,2}certification processes)\b/i.test(t)) return "qualifications"
  // "Must be 18 years or older" is a legal minimum age, not years of experience.
  if (/\b\d{2}\s*(?:years?(?: of age)?)?\s*(?:or older|and older|or over)\b|\b(?:at least|over) (?:16|17|18|19|21) years (?:of age|old)\b/i.test(t)) return "other"
  if (YEARS.test(t)) return "experience"
  if (OTHER.test(t)) return "other"
  if (/\bexperience (?:with|using|working with)\b/i.test(t) || SKILL_GERUND.test(t)) return "skills"
  if (EXPERIENCE.test(t)) return "experience"
  return "skills"
}

// ---------------------------------------------------------------- candidates

interface Candidate {
  raw: string
  /** What the section's heading implies when the text itself says nothing. */
  sectionDefault: boolean
  kind: "requirement" | "suggestion"
}

const EMPTY_VALUE = /^(?:none|n\/?a|no|yes|tbd|not applicable|-+|#\w+)$/i

/** "Data Analysis, ETL, Palantir, Relational Database" under a Skills heading: one skill per entry. */
function splitBareList(text: string): string[] | null {
  if (/[!?]$/.test(text) || splitSentences(text).length > 1 || /\b(?:you|we|our|will|must|should|and|or|is|are)\b/i.test(text.replace(/,\s*(?:and|or)\s+/gi, ","))) return null
  const parts = splitTopLevel(text.replace(/\.$/, ""), /,\s*(?:and\s+|or\s+)?/y)
  if (parts.length < 2 || parts.some((p) => p.split(/\s+/).length > 4) || REQUIREMENT_HEAD.test(parts[0]!)) return null
  return parts
}

function looksLikeRequirementPhrase(text: string): boolean {
  if (REQUIREMENT_CUE.test(text)) return true
  // Short noun phrases in a requirements section ("TypeScript used in production code").
  return text.split(/\s+/).length <= 20 && !/^(?:we|our|this|the company|the team|they)\b/i.test(text)
}

/** Sentences about the employer ("We will ask you…", "Our team…") are not demands on the candidate. */
const EMPLOYER_SUBJECT = /^(?:we|our|us|the company|the team)\b(?!\s+(?:also\s+|additionally\s+)?(?:require|need|expect|ask for|are (?:also )?looking for|are seeking|seek|want|would love|'d love)|'re (?:also )?(?:looking for|seeking)|'d (?:like|love))/i

/**
 * "Founded in 1998, Northwind Controls has 25 years of experience…": a named organisation doing or
 * having something describes the employer, however many years it mentions.
 */
function aboutAnOrganisation(clause: string): boolean {
  const main = clause.replace(/^(?:founded|established|headquartered|based|started|since|for over|for more than)\b[^,]{0,60},\s*/i, "")
  return /^(?:the\s+)?(?:[A-Z][\w&.'-]*\s+){1,4}(?:has|have|had|serves|builds|makes|runs|helps|provides|offers|was|were|partners|employs|operates|brings|is (?:a|an|the|one)\b(?!\s+(?:\w+\s+)?(?:plus|bonus|must|advantage|asset|requirement)\b))/.test(main)
}

/** A one-sentence paragraph in a duties section is a duty line (DOCX and plain text lose the bullets). */
function isDutyLine(text: string): boolean {
  const words = text.split(/\s+/).length
  return splitSentences(text).length === 1 && words >= 3 && words <= 45 && !EMPLOYER_SUBJECT.test(text) && !/^[A-Z][\w&.' -]{1,40} is (?:a|an|the)\b/.test(text)
}

function candidatesFromSection(section: PostingSection, role: SectionRole, strictProse: boolean, out: Candidate[]) {
  const sectionDefault = role !== "preferred"
  for (const entry of section.entries) {
    let text = entry.text.replace(/[’`]/g, "'")
    if (EMPTY_VALUE.test(text.trim())) continue
    if (role === "skip") continue
    // "Travel Required: Less than 10%": a short value means nothing without its heading.
    if (section.heading && !CLEAR_REQUIREMENT_HEADING.test(section.heading) && text.split(/\s+/).length <= 4 && /^[\d<>≤≥~]|%|\b(?:yes|no|none|less than|more than|up to|under|over|at least)\b/i.test(text)) {
      text = `${section.heading}: ${text}`
    }

    if (role === "duties") {
      for (const sentence of splitSentences(text).slice(0, entry.kind === "item" ? 1 : 3)) {
        if (NOT_A_REQUIREMENT.test(sentence)) continue
        // Requirements sometimes hide in a duties list ("You must hold a CDL"): keep those as requirements.
        if (STRONG_REQUIREMENT_CUE.test(withoutFalseCues(sentence)) && !DUTY_LEAD.test(sentence)) {
          out.push({ raw: sentence, sectionDefault: true, kind: "requirement" })
        } else if (entry.kind === "item" || DUTY_LEAD.test(sentence) || (entry.kind === "paragraph" && isDutyLine(text))) {
          out.push({ raw: sentence, sectionDefault: false, kind: "suggestion" })
        }
      }
      continue
    }

    if (role === "required" || role === "preferred") {
      const bare = entry.kind === "paragraph" ? splitBareList(text) : null
      if (bare) {
        for (const b of bare) out.push({ raw: b, sectionDefault, kind: "requirement" })
        continue
      }
      const sentences = splitSentences(text)
      sentences.forEach((sentence, i) => {
        if (NOT_A_REQUIREMENT.test(sentence)) return
        // The first sentence of a bullet states it; later ones usually elaborate unless they carry a cue.
        if (i > 0 && !REQUIREMENT_CUE.test(sentence)) return
        if (EMPLOYER_SUBJECT.test(sentence)) return
        if (entry.kind === "paragraph" && !looksLikeRequirementPhrase(sentence)) return
        if (DUTY_LEAD.test(sentence)) {
          out.push({ raw: sentence, sectionDefault: false, kind: "suggestion" })
          return
        }
        const clauses = entry.kind === "paragraph" ? splitProseClauses(sentence) : [sentence]
        for (const clause of clauses) {
          if (entry.kind === "paragraph" && clauses.length > 1 && !looksLikeRequirementPhrase(clause)) continue
          if (EMPLOYER_SUBJECT.test(clause)) continue
          if (NOT_A_REQUIREMENT.test(clause)) continue
          out.push({ raw: clause, sectionDefault, kind: "requirement" })
        }
      })
      continue
    }

    // Prose: sentence by sentence, clause by clause, keeping only what carries a requirement cue.
    for (const sentence of splitSentences(text)) {
      // Reassurance or pay can share a sentence with a real requirement, so it is judged per clause.
      if (DUTY_LEAD.test(sentence) && !/\b(?:need|must|required)\b/i.test(sentence)) {
        if (section.origin !== "closing") out.push({ raw: sentence, sectionDefault: false, kind: "suggestion" })
        continue
      }
      for (const clause of splitProseClauses(sentence)) {
        if (NOT_A_REQUIREMENT.test(clause)) continue
        const cueText = withoutFalseCues(clause)
        if (!(strictProse ? STRONG_REQUIREMENT_CUE : REQUIREMENT_CUE).test(cueText)) continue
        if (EMPLOYER_SUBJECT.test(clause) || aboutAnOrganisation(clause)) continue
        // "We are looking for a X to lead our team" introduces the role, it does not ask for anything.
        if (/^(?:we(?:'re| are)|[A-Z][\w&.' -]{1,40} is) (?:looking for|seeking|hiring) (?:a|an|the|our|two|several|multiple)\b/i.test(clause) && !/\b(?:with|who (?:has|have))\b/i.test(clause)) continue
        if (/^(?:this|it) is (?:a|an)\b/i.test(clause)) continue
        for (const piece of splitRepeatedConnector(clause)) out.push({ raw: piece, sectionDefault: true, kind: "requirement" })
      }
    }
  }
}

// ---------------------------------------------------------------- merging

const STOP = new Set(
  `a an and or the of to in on at by for from with within into as is are be been being it its this that these those our we us you your their they will would should must can could may might such e g eg ie i etc including include includes plus nice bonus ideally preferably preferred required requirement requirements desired strongly also other another any all some more than least at up using use used have has having who what which where when while how well very`.split(" ")
)

/** Content words, the same notion the dev-set matcher uses: lower-case, function words and markers removed, plurals trimmed. */
export function contentWords(text: string): Set<string> {
  const words = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().match(/[a-z0-9]+(?:[.+#][a-z0-9]+)*[+#]*/g) ?? []
  return new Set(
    words.filter((w) => !STOP.has(w)).map((w) => {
      if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`
      if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1)
      return w
    })
  )
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 0
  let inter = 0
  for (const w of a) if (b.has(w)) inter++
  return inter / (a.size + b.size - inter)
}

function isDuplicate(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return false
  if (jaccard(a, b) >= 0.8) return true
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  return small.size >= 4 && jaccard(a, b) >= 0.5 && [...small].every((w) => large.has(w))
}

interface Draft {
  text: string
  mandatory: boolean
  words: Set<string>
}

function addDraft(list: Draft[], text: string, mandatory: boolean, others: Draft[] = []): boolean {
  const words = contentWords(text)
  if (words.size === 0) return false
  for (const existing of [...list, ...others]) {
    if (isDuplicate(existing.words, words)) {
      // The same requirement stated twice: required anywhere means required.
      if (list.includes(existing)) {
        existing.mandatory = existing.mandatory || mandatory
        if (text.length > existing.text.length && words.size > existing.words.size) {
          existing.text = text
          existing.words = words
        }
      }
      return false
    }
  }
  list.push({ text, mandatory, words })
  return true
}

function toRequirement(draft: Draft, id: string, categoryOverride?: Category): Requirement {
  const category = categoryOverride ?? categorize(draft.text)
  const requirement: Requirement = { id, text: draft.text, category, mandatory: draft.mandatory, facets: deriveFacets(draft.text, category) }
  const flags = checkFairness(draft.text)
  if (flags.length) requirement.fairnessFlags = flags
  return requirement
}

/**
 * Turns texts from another source (the LLM extractor, an imported rubric) into requirements the same
 * way the local extractor does: trimmed, duplicates merged, ids r1, r2, …, facets derived, fairness checked.
 */
export function buildRequirements(items: { text: string; mandatory: boolean; category?: Category }[], idPrefix = "r"): Requirement[] {
  const drafts: Draft[] = []
  const categories = new Map<Draft, Category | undefined>()
  for (const item of items) {
    const text = cleanRequirementText(item.text)
    const before = drafts.length
    addDraft(drafts, text, item.mandatory)
    if (drafts.length > before) categories.set(drafts[drafts.length - 1]!, item.category)
  }
  return drafts.map((d, i) => toRequirement(d, `${idPrefix}${i + 1}`, categories.get(d)))
}

// ---------------------------------------------------------------- entry point

/** Real postings are a few thousand characters; anything far beyond that is cut so extraction stays fast. */
const MAX_POSTING_CHARS = 60_000

function limitText(doc: PostingDocument, maxChars: number, notes: string[]): PostingDocument {
  let budget = maxChars
  let cut = false
  const sections: PostingSection[] = []
  for (const section of doc.sections) {
    if (budget <= 0) {
      cut = true
      break
    }
    const entries = []
    for (const entry of section.entries) {
      if (budget <= 0) {
        cut = true
        break
      }
      entries.push(entry.text.length > budget ? { ...entry, text: entry.text.slice(0, budget) } : entry)
      if (entry.text.length > budget) cut = true
      budget -= entry.text.length
    }
    sections.push({ ...section, entries })
  }
  if (cut) notes.push(`The posting is unusually long; only its first ${maxChars.toLocaleString("en-US")} characters were read.`)
  return cut ? { ...doc, sections } : doc
}

export function extractFromDocument(doc: PostingDocument, opts: ExtractOptions = {}): ExtractionResult {
  const maxRequirements = opts.maxRequirements ?? 40
  const maxSuggestions = opts.maxSuggestions ?? 20
  const notes: string[] = []
  const candidates: Candidate[] = []
  doc = limitText(doc, MAX_POSTING_CHARS, notes)
  const roles = sectionRoles(doc.sections)
  const hasRequirementSection = roles.some((r) => r === "required" || r === "preferred")

  doc.sections.forEach((section, i) => {
    let role = roles[i]!
    // With a requirements list present, the closing is boilerplate; without one, read everything.
    if (section.origin === "closing" && hasRequirementSection && role === "prose") role = "skip"
    candidatesFromSection(section, role, hasRequirementSection, candidates)
  })

  const requirements: Draft[] = []
  const suggestions: Draft[] = []
  for (const candidate of candidates) {
    // Far more candidates than can be kept means a pathological posting: stop early rather than compare them all.
    if (requirements.length >= maxRequirements * 2 && suggestions.length >= maxSuggestions * 2) break
    const pieces = candidate.kind === "requirement" ? splitCompound(candidate.raw) : [candidate.raw]
    for (const piece of pieces) {
      // A duty reads as the duty itself: "You will plan the calendar" → "Plan the calendar".
      const text = cleanRequirementText(candidate.kind === "suggestion" ? piece.replace(DUTY_LEAD, "") : piece)
      // One capital letter can be a real skill ("R", "C"); other one-character leftovers are noise.
      if ((text.length < 2 && !/^[A-Z]$/.test(text)) || contentWords(text).size === 0) continue
      if (candidate.kind === "requirement") {
        if (requirements.length >= maxRequirements * 2) continue
        // A piece with its own marker ("R (preferred)") follows it; otherwise the whole bullet's reading applies.
        const ownMarker = PREFERRED_CUE.test(piece) || REQUIRED_CUE.test(piece)
        const mandatory = readMandatory(ownMarker ? piece : candidate.raw, candidate.sectionDefault)
        addDraft(requirements, text, mandatory)
      } else if (suggestions.length < maxSuggestions * 2) {
        addDraft(suggestions, text, false, requirements)
      }
    }
  }

  if (!doc.sections.some((s) => s.entries.length)) notes.push("The posting has no readable text, so nothing could be extracted.")
  else if (!hasRequirementSection) notes.push("No requirements heading was found; requirements were read from the prose sentence by sentence. Please check them.")
  if (requirements.length === 0 && doc.sections.length) notes.push("No requirement was recognised. Add the requirements by hand or try the LLM extractor.")
  if (requirements.length > maxRequirements) {
    notes.push(`Only the first ${maxRequirements} requirements were kept; the posting has more.`)
    requirements.length = maxRequirements
  }
  if (suggestions.length > maxSuggestions) suggestions.length = maxSuggestions
  if (suggestions.length) notes.push(`${suggestions.length} responsibilities of the role are offered as optional suggestions, not requirements.`)

  const result: ExtractionResult = {
    requirements: requirements.map((d, i) => toRequirement(d, `r${i + 1}`)),
    suggestions: suggestions.map((d, i) => ({ ...toRequirement(d, `s${i + 1}`), mandatory: false })),
    notes
  }
  const flagged = result.requirements.filter((r) => r.fairnessFlags?.length).length
  if (flagged) notes.push(`${flagged} requirement${flagged === 1 ? "" : "s"} may name a protected attribute or a proxy for one; review the flags before confirming.`)
  notes.push(...fairnessNotesOutsideRequirements(doc, result.requirements))
  return result
}

/** Equal-opportunity and inclusion statements name protected attributes on purpose. */
const EQUAL_OPPORTUNITY = /\b(?:discriminat\w*|equal (?:opportunity|employment)|regardless of|without regard|protected (?:veteran|class|characteristic)|diversity|divers[ei]|inclusi\w*|all backgrounds|every background|accommodations?|e-verify|affirmative action|eeo)\b/i

/**
 * Wording elsewhere in the posting ("join our young team" in the company blurb) is not a requirement,
 * but the recruiter should still hear about it: one note per term, at most five.
 */
function fairnessNotesOutsideRequirements(doc: PostingDocument, requirements: Requirement[]): string[] {
  const seen = new Set(requirements.flatMap((r) => (r.fairnessFlags ?? []).map((f) => f.term.toLowerCase())))
  const notes: string[] = []
  for (const section of doc.sections) {
    for (const entry of section.entries) {
      for (const sentence of splitSentences(entry.text)) {
        if (EQUAL_OPPORTUNITY.test(sentence)) continue
        for (const flag of checkFairness(sentence)) {
          if (seen.has(flag.term.toLowerCase()) || notes.length >= 5) continue
          seen.add(flag.term.toLowerCase())
          notes.push(`Elsewhere the posting says “${flag.term}”: ${flag.explanation}`)
        }
      }
    }
  }
  return notes
}

/** Extracts requirements from a Lever posting (v1 `data` or public v0), another board's HTML, or plain text. */
export function extractRequirements(input: LeverPostingLike | string, opts: ExtractOptions = {}): ExtractionResult {
  if (input === null || input === undefined || (typeof input !== "string" && typeof input !== "object")) {
    return { requirements: [], suggestions: [], notes: ["No posting was given."] }
  }
  return extractFromDocument(parsePosting(input), opts)
}
