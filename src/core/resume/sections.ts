/**
 * Section detection by headings, the way resumes write them: upper case ("EXPERIENCE"), title case
 * ("Work Experience"), with or without a colon, or underlined by a following line of dashes or equals
 * signs. A known heading vocabulary decides the kind; non-scoring headings (interests, awards,
 * references…) open an "other" section so that, for example, INTERESTS does not count as skills.
 */
import type { ResumeSection, SectionKind } from "./model"

const VOCABULARY: [SectionKind, RegExp][] = [
  ["summary", /^(?:(?:professional|career|executive|personal|profile)\s+)?(?:summary|profile|overview|objective|statement)$|^(?:about(?:\s+me)?|career\s+objective|personal\s+statement|professional\s+profile|introduction|highlights|summary\s+of\s+qualifications)$/],
  ["experience", /^(?:(?:professional|work|relevant|employment|career|industry|clinical|research|teaching|leadership|management|operations|volunteer|selected|other|additional|related)\s+)*(?:experience|employment(?:\s+history)?|work\s+history|career\s+history|history|positions|appointments|background)(?:\s+(?:&|and)\s+\w+)?$|^(?:work|employment)\s+(?:experience|history|record)$|^experience\s+(?:&|and)\s+\w+$/],
  ["education", /^(?:education|academic|academics|qualifications|training|degrees?)(?:\s+(?:&|and)\s+(?:training|licensure|certifications?|qualifications|credentials))?$|^(?:academic\s+(?:background|history|qualifications)|education(?:al)?\s+background|formal\s+education)$/],
  ["skills", /^(?:(?:technical|core|key|professional|relevant|hard|soft|computer|it|software|additional|other)\s+)*(?:skills?|competencies|competences|expertise|proficiencies|capabilities)(?:\s+(?:&|and)\s+(?:tools|technologies|expertise|abilities|interests|qualifications))?$|^(?:skills?\s+(?:&|and)\s+\w+|technologies|tools|tech(?:nology)?\s+stack|toolbox|systems|software|areas\s+of\s+expertise|systems\s+(?:&|and)\s+tools|tools\s+(?:&|and)\s+(?:technologies|systems)|technical\s+proficiencies)$/],
  ["certifications", /^(?:(?:licen[cs]es?|certifications?|certificates?|credentials|accreditations?)(?:\s*(?:,|&|and)\s*(?:licen[cs]es?|certifications?|certificates?|credentials|training))*|professional\s+(?:certifications?|credentials|licen[cs]es?|development)|training\s+(?:&|and)\s+certifications?|courses|coursework)$/],
  ["projects", /^(?:(?:selected|personal|side|key|academic|notable|relevant|open[-\s]source|research|technical)\s+)*projects?$|^(?:portfolio|open\s+source(?:\s+contributions)?|projects?\s+(?:&|and)\s+\w+)$/],
  ["languages", /^(?:(?:spoken|foreign)\s+)?languages?(?:\s+skills)?$/],
  ["other", /^(?:publications?|presentations?|awards?|honou?rs|achievements|accomplishments|interests|hobbies|volunteer(?:ing)?|references|activities|affiliations|memberships|links|contact|additional\s+information|extracurricular(?:\s+activities)?|leadership|community(?:\s+involvement)?|patents|talks|personal|details|other)(?:\s+(?:&|and)\s+\w+)?$/]
]

/** Sections in text order. Text before the first heading (name, contact) belongs to no section. */
export function detectSections(text: string): ResumeSection[] {
  const lines = splitLines(text)
  const headings: { kind: SectionKind; heading: string; start: number; bodyStart: number }[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const next = lines[i + 1]
    const underlined = !!next && /^\s*([-=_─━])\1{2,}\s*$/.test(next.text)
    const kind = headingKind(line.text, underlined)
    if (!kind) continue
    const bodyStart = underlined ? next.end : line.end
    headings.push({ kind, heading: cleanHeading(line.text), start: line.start, bodyStart })
  }
  const sections: ResumeSection[] = []
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]
    const end = i + 1 < headings.length ? headings[i + 1].start : text.length
    sections.push({ kind: h.kind, heading: h.heading, start: h.start, end: trimEnd(text, h.start, end) })
  }
  return sections
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end
  while (e > start && /\s/.test(text[e - 1])) e--
  return e
}

function cleanHeading(raw: string): string {
  return raw.replace(/^[\s#*•|]+|[\s:|*#]+$/g, "").replace(/\s+/g, " ")
}

/** The kind of heading a line is, or null when it is body text. */
export function headingKind(raw: string, underlined = false): SectionKind | null {
  const text = cleanHeading(raw)
  if (text.length < 3 || text.length > 48) return null
  if (/[.!?;]$/.test(text) || /\d{3,}/.test(text) || /@|https?:|www\./i.test(text)) return null
  const words = text.split(/\s+/)
  if (words.length > 6) return null
  const normalised = text.toLowerCase().replace(/[’']/g, "'").replace(/\s*\/\s*/g, " & ").replace(/\s+/g, " ")
  const upper = text === text.toUpperCase() && /[A-Z]/.test(text)
  const titleCase = words.every((w) => /^(?:[A-Z0-9&(/-]|and$|of$|for$|in$|the$|&$)/.test(w))
  const colon = /:\s*$/.test(raw)
  const looksLikeHeading = upper || titleCase || underlined || colon
  if (!looksLikeHeading) return null
  for (const [kind, re] of VOCABULARY) if (re.test(normalised)) return kind
  // Unknown upper-case lines are not headings: job titles and names are typeset that way too, and a
  // false heading would cut an experience section in two.
  return null
}

interface TextLine {
  text: string
  start: number
  end: number
}

export function splitLines(text: string): TextLine[] {
  const out: TextLine[] = []
  let start = 0
  for (const part of text.split("\n")) {
    out.push({ text: part, start, end: start + part.length })
    start += part.length + 1
  }
  return out
}
