/**
 * Flags requirement text that names a protected attribute, or a common proxy for one, so the
 * recruiter confirms or rewrites it before an analysis starts. Each rule carries a plain-language
 * explanation. Rules are deliberately narrow: legitimate phrasing ("authorized to work in the US",
 * "able to lift 50 lbs", "native iOS development", "working with young children") must not be flagged,
 * because a flag nobody believes is a flag nobody reads.
 */
import type { FairnessFlag } from "./model"

interface FairnessRule {
  attribute: FairnessFlag["attribute"]
  pattern: RegExp
  explanation: string
  /** When this matches the whole text, the rule does not apply (a bona fide or unrelated use). */
  unless?: RegExp
}

const AGE_UNITS = "(?!\\s*(?:%|percent|lbs?|pounds|kg|kilos|hours?|hrs|minutes|mins|days|weeks|months|miles|km|people|employees|staff|reports|direct reports|accounts|clients|customers|locations|sites|stores|beds|patients|projects|countries|states|languages|wpm|words))"

const RULES: FairnessRule[] = [
  // ---------------------------------------------------------------- age
  {
    attribute: "age",
    pattern: /\b(?:young(?:er)?|youthful)\b(?!\s+(?:children|child|kids|people|persons|adults|adult|learners|students|patients|audiences?|infants|toddlers|offenders|athletes|readers|users|families|professionals' children))/i,
    explanation: "“Young” describes age. Describe the skills or behaviour you need instead; age is a protected characteristic."
  },
  {
    attribute: "age",
    pattern: /\bdigital natives?\b/i,
    explanation: "“Digital native” is a proxy for age (people who grew up with the internet). Ask for the specific tools or skills instead."
  },
  {
    attribute: "age",
    pattern: /\b(?:recent(?:ly)? (?:college |university )?grad(?:uate)?(?:d|s)?|new grad(?:uate)?s?|fresh (?:college |university )?grad(?:uate)?s?|freshers?|graduated (?:with)?in the (?:last|past) \w+ years?)\b/i,
    explanation: "Asking for a recent graduate screens people by age. If you need entry-level skills, describe them; don't require when the degree was earned."
  },
  {
    attribute: "age",
    pattern: /\b(?:graduat(?:ed|ion|ing)(?: year)? (?:in|after|before|between|from) (?:19|20)\d\d|class of (?:19|20)\d\d|graduation (?:year|date))\b/i,
    explanation: "A graduation year or date reveals age. Ask whether the degree was earned, not when."
  },
  {
    attribute: "age",
    pattern: new RegExp(`\\b(?:under|below|younger than|no older than|not older than|not over|max(?:imum)? age(?: of)?|up to the age of|over the age of|older than)\\s+\\d{2}\\b${AGE_UNITS}`, "i"),
    explanation: "An age limit excludes candidates by age. Only a legal minimum age (for example 18 or 21 for the work itself) is acceptable.",
    unless: /\b(?:18|21)\b(?:\s*(?:years)?(?: of age)?)?\s*(?:or older|and (?:over|older)|\+)|\b(?:at least|over the age of|older than) (?:16|17|18|19|21)\b/i
  },
  {
    attribute: "age",
    pattern: /\b(?:aged?|ages)\s+\d{2}\s*(?:-|–|to)\s*\d{2}\b|\bbetween (?:the ages of )?\d{2} and \d{2}(?: years)?(?: old| of age)\b|\b\d{2}\s*(?:-|–|to)\s*\d{2} years old\b/i,
    explanation: "An age range excludes candidates by age, a protected characteristic."
  },
  {
    attribute: "age",
    pattern: /\b(?:no more than|not more than|maximum of|max(?:imum)?\.?|at most|up to|fewer than|less than)\s+\d+\s*\+?\s*years(?: of)?(?: \w+)? experience\b|\bover-?qualified\b/i,
    explanation: "A cap on experience tends to exclude older candidates. State the level you need without an upper limit.",
    unless: /\b(?:at least|minimum|or more|\d\s*\+)\b/i
  },
  {
    attribute: "age",
    pattern: /\b(?:millennials?|gen(?:eration)? ?z|gen(?:eration)? ?y|zoomers?|boomers?)\b/i,
    explanation: "Generational labels are proxies for age."
  },
  // ---------------------------------------------------------------- gender
  {
    attribute: "gender",
    pattern: /\b(?:he\s*\/\s*she|she\s*\/\s*he|s\/he|he or she|she or he|his\s*\/\s*her|her\s*\/\s*his|his or her|him\s*\/\s*her|him or her)\b/i,
    explanation: "Binary pronouns assume a candidate's gender. Write “you” or “they”."
  },
  {
    attribute: "gender",
    pattern: /\b(?:he|she)\s+(?:will|must|should|has|is|can|would|needs|shall)\b/i,
    explanation: "A gendered pronoun for the candidate suggests a preferred gender. Write “you” or “they”."
  },
  {
    attribute: "gender",
    pattern: /\b(?:male|female|men|women|man|woman|ladies|lady|gentlemen|gentleman|girls?|boys?|guys?)\s+(?:only|candidates?|applicants?|preferred|workers?|staff|employees?|nurses?|engineers?|drivers?|hires?|person)\b|\bmust be (?:a )?(?:male|female|man|woman)\b|\b(?:male|female)\b(?=[^.]*\b(?:preferred|only|required)\b)/i,
    explanation: "Asking for a gender excludes candidates by sex or gender, which is protected. Describe the work instead.",
    unless: /\b(?:patients?|clients?|residents?|population|health|care for|caring for|athletes|students|customers)\b/i
  },
  {
    attribute: "gender",
    pattern: /\b(?:salesman|salesmen|saleswoman|waitress|hostess|stewardess|chairman|handyman|repairman|workman|workmen|cameraman|foreman|manpower|craftsman|draftsman)\b/i,
    explanation: "A gendered job word can discourage applicants of other genders. Use a neutral term (salesperson, server, supervisor…)."
  },
  {
    attribute: "gender",
    pattern: /\b(?:pregnan(?:t|cy)|maternity|not planning (?:a family|to have children)|family planning)\b/i,
    explanation: "Pregnancy and family plans are protected; they cannot be a hiring criterion."
  },
  // ---------------------------------------------------------------- marital status
  {
    attribute: "marital_status",
    pattern: /\b(?:married|unmarried|marital status|no (?:kids|children)|without (?:kids|children|family commitments)|childless|must be single|single (?:candidates?|applicants?|status)|family status|spouse)\b/i,
    explanation: "Marital or family status is protected and says nothing about ability to do the job."
  },
  // ---------------------------------------------------------------- nationality, national origin, race
  {
    attribute: "national_origin",
    pattern: /\bnative(?:[- ]level| or near[- ]native)?\s+(?:[a-z]+\s+)?(?:speakers?|fluency|proficiency)\b|\bmother[- ]tongue\b|\b(?:english|spanish|french|german|[a-z]+) as (?:a|your|their) (?:first|native|mother) (?:language|tongue)\b/i,
    explanation: "“Native speaker” is a proxy for national origin. Ask for the level of fluency the job needs (for example “fluent written and spoken English”).",
    unless: /\bassociates?\b[^.]*\bspeak\b|\bour (?:customers|patients|clients)\b/i
  },
  {
    attribute: "national_origin",
    pattern: /\b(?:accent[- ]free|no accent|without (?:an? )?accent|neutral accent|local accent)\b/i,
    explanation: "Requiring a particular accent screens people by national origin. Ask for clear communication instead."
  },
  {
    attribute: "nationality",
    // "Citizens" alone is often the public served ("experience serving citizens"), so only demands count.
    pattern: /\b(?:citizenship|must be (?:a |an )?(?:[a-z.]+\s+)?citizens?|citizens? only|(?:u\.?s\.?|uk|eu|american|british|canadian|australian|german|french|indian|chinese|[a-z]+ian) citizens?|nationals? only|nationality|passport holders?)\b/i,
    explanation: "Citizenship or nationality goes beyond legal work authorisation. Unless a law or security clearance requires it, ask whether the candidate is authorised to work in the country.",
    unless: /\b(?:security clearance|clearance|itar|export[- ]control(?:led)?|\bear\b|public trust|government contract)\b/i
  },
  {
    attribute: "national_origin",
    pattern: /\b(?:country of origin|national origin|born in|place of birth|ethnicity|ethnic (?:background|origin)|racial|caucasian|skin colou?r|locals? only)\b/i,
    explanation: "Origin, ethnicity and race are protected; they cannot be a hiring criterion."
  },
  // ---------------------------------------------------------------- religion
  {
    attribute: "religion",
    pattern: /\b(?:christian|muslim|jewish|hindu|buddhist|sikh|catholic|protestant|religious|religion|church[- ]?going|faith[- ]based|practicing (?:christian|muslim|jew|catholic))\b/i,
    explanation: "Religion is protected. Only a religious organisation filling a role with religious duties may ask for it; check before keeping this."
  },
  // ---------------------------------------------------------------- appearance and photo
  {
    attribute: "appearance",
    pattern: /\b(?:(?:attach|include|send|submit|upload|provide|enclose)\s+(?:a |an |your )?(?:recent |current |full[- ]length )?(?:photo(?:graph)?|picture|headshot|selfie)s?|photo(?:graph)?s? (?:of yourself|with (?:your )?(?:application|resume|cv))|headshot)\b/i,
    explanation: "A photo reveals age, race, gender and other protected attributes and invites bias. Don't ask for one."
  },
  {
    attribute: "appearance",
    pattern: /\b(?:attractive|good[- ]looking|pleasant (?:appearance|looks)|presentable appearance|well[- ]groomed|slim|slender|minimum height|height (?:of|above|over|at least) \d|weight (?:under|below|proportionate))\b/i,
    explanation: "Looks and body size are not job skills and correlate with protected attributes. Describe a dress code or the physical task instead."
  },
  // ---------------------------------------------------------------- disability and health
  {
    attribute: "disability",
    pattern: /\b(?:able[- ]bodied|good (?:physical )?health|perfect health|excellent health|healthy (?:individual|candidate|person)|physically fit|fit and healthy|no (?:medical|health) (?:conditions?|issues|problems|history)|free (?:of|from) (?:disabilit(?:y|ies)|illness|medical conditions)|no disabilit(?:y|ies)|mentally (?:stable|fit)|medical history|perfect (?:vision|eyesight|hearing)|20\/20 vision)\b/i,
    explanation: "Health or disability beyond a specific physical task can exclude disabled candidates. Name the task (for example “lift 50 lbs”) and note that reasonable accommodations are available."
  }
]

/** Returns one flag per distinct problem found in the text; an empty list when the text is fine. */
export function checkFairness(text: string): FairnessFlag[] {
  if (typeof text !== "string" || !text.trim()) return []
  const normalised = text.replace(/[’`]/g, "'").replace(/\s+/g, " ")
  const flags: FairnessFlag[] = []
  const seen = new Set<string>()
  for (const rule of RULES) {
    const match = rule.pattern.exec(normalised)
    if (!match) continue
    if (rule.unless?.test(normalised)) continue
    const term = match[0].trim()
    const key = `${rule.attribute}:${term.toLowerCase()}`
    if (seen.has(key)) continue
    seen.add(key)
    flags.push({ term, attribute: rule.attribute, explanation: rule.explanation })
  }
  return flags
}
