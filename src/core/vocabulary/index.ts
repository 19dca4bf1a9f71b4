/**
 * Look-ups over the curated vocabulary: which entries a text mentions, which entries share a family,
 * and compiled matchers for a set of aliases. Everything is computed once and cached.
 */
import { aliasPattern, normalizeForMatch } from "./text"
import { GROUP_NAMES, GROUP_RELATED, IMPLIED_BY, LANGUAGES, VOCABULARY, type VocabularyEntry } from "./terms"

export { GROUP_NAMES, GROUP_RELATED, LANGUAGES, VOCABULARY, type VocabularyEntry } from "./terms"
export * from "./text"

/** A group's generic name ("ERP", "WMS") behaves like an entry whose members are the whole family. */
export interface VocabularyTerm {
  entry: VocabularyEntry
  /** Set when the term is a family's generic name. */
  groupId?: string
}

export interface Mention {
  term: VocabularyTerm
  alias: string
  start: number
  end: number
}

interface CompiledAlias {
  term: VocabularyTerm
  alias: string
  regex: RegExp
  caseSensitive: boolean
  length: number
}

let compiled: CompiledAlias[] | null = null
const byName = new Map<string, VocabularyTerm>()
const groupMembers = new Map<string, VocabularyEntry[]>()

function build(): CompiledAlias[] {
  if (compiled) return compiled
  const out: CompiledAlias[] = []
  const add = (term: VocabularyTerm, alias: string) => {
    const { source, caseSensitive } = aliasPattern(alias)
    out.push({ term, alias, regex: new RegExp(source, caseSensitive ? "g" : "gi"), caseSensitive, length: alias.length })
  }
  for (const entry of VOCABULARY) {
    const term: VocabularyTerm = { entry }
    byName.set(entry.name.toLowerCase(), term)
    for (const alias of new Set([entry.name, ...entry.aliases])) add(term, alias)
    for (const g of entry.groups ?? []) {
      const list = groupMembers.get(g) ?? []
      list.push(entry)
      groupMembers.set(g, list)
    }
  }
  for (const [groupId, names] of Object.entries(GROUP_NAMES)) {
    // A family's generic name is as specific as its members ("an ERP" names a kind of tool).
    const memberKind = groupMembers.get(groupId)?.[0]?.kind ?? "concept"
    const entry: VocabularyEntry = { name: names[0], aliases: names, kind: memberKind === "language" ? "concept" : memberKind, groups: [groupId] }
    const term: VocabularyTerm = { entry, groupId }
    byName.set(`group:${groupId}`, term)
    for (const alias of names) add(term, alias)
  }
  for (const language of LANGUAGES) {
    const entry: VocabularyEntry = { name: language, aliases: [language], kind: "language" }
    const term: VocabularyTerm = { entry }
    byName.set(language.toLowerCase(), term)
    add(term, language)
  }
  // Longest aliases first so that "semantic HTML" wins over "HTML".
  out.sort((a, b) => b.length - a.length)
  compiled = out
  return out
}

/** Strips the "=" case marker used in the vocabulary for display and facet aliases. */
export function displayAlias(alias: string): string {
  return alias.startsWith("=") ? alias.slice(1) : alias
}

/** Folds dashes and quotes but keeps case, for the case-sensitive aliases. */
export function foldKeepCase(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u00a0/g, " ")
}

/** Vocabulary mentions in a text, longest first, without overlaps, in text order. */
export function findMentions(text: string): Mention[] {
  const aliases = build()
  const lower = normalizeForMatch(text)
  const folded = foldKeepCase(text)
  const taken: boolean[] = new Array(text.length + 1).fill(false)
  const found: Mention[] = []
  for (const c of aliases) {
    const target = c.caseSensitive ? folded : lower
    c.regex.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = c.regex.exec(target))) {
      const start = m.index
      const end = start + m[0].length
      let free = true
      for (let i = start; i < end; i++) if (taken[i]) free = false
      if (free) {
        for (let i = start; i < end; i++) taken[i] = true
        found.push({ term: c.term, alias: c.alias, start, end })
      }
      if (m[0].length === 0) c.regex.lastIndex++
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

export function termByName(name: string): VocabularyTerm | undefined {
  build()
  return byName.get(name.toLowerCase())
}

export function membersOfGroup(groupId: string): VocabularyEntry[] {
  build()
  return groupMembers.get(groupId) ?? []
}

/** Every alias of an entry (name included). */
export function aliasesOf(entry: VocabularyEntry): string[] {
  return [...new Set([entry.name, ...entry.aliases])]
}

/** The aliases a term accepts: a generic family name accepts every member of the family. */
export function acceptedAliases(term: VocabularyTerm): string[] {
  if (!term.groupId) {
    const implied = (IMPLIED_BY[term.entry.name] ?? []).flatMap((name) => {
      const entry = VOCABULARY.find((e) => e.name === name)
      return entry ? aliasesOf(entry) : []
    })
    return [...new Set([...aliasesOf(term.entry), ...implied])]
  }
  const out = [...term.entry.aliases]
  for (const member of membersOfGroup(term.groupId)) out.push(...aliasesOf(member))
  return [...new Set(out)]
}

/** Entries whose alias list contains this alias (case-insensitive). */
export function entriesForAlias(alias: string): VocabularyEntry[] {
  build()
  const key = displayAlias(alias).toLowerCase()
  return VOCABULARY.filter((entry) => aliasesOf(entry).some((a) => displayAlias(a).toLowerCase() === key))
}

/**
 * Aliases of things that compete with (or are close to) the given accepted aliases: other members of
 * their families, members of related families, and the entries' own `related` phrases.
 */
const competitorCache = new Map<string, string[]>()

export function competitorAliases(accepted: string[]): string[] {
  const key = accepted.join("\u0001")
  const cached = competitorCache.get(key)
  if (cached) return cached
  const out = computeCompetitors(accepted)
  if (competitorCache.size > 2000) competitorCache.clear()
  competitorCache.set(key, out)
  return out
}

function computeCompetitors(accepted: string[]): string[] {
  const acceptedSet = new Set(accepted.map((a) => displayAlias(a).toLowerCase()))
  const groups = new Set<string>()
  const out: string[] = []
  for (const alias of accepted) {
    for (const entry of entriesForAlias(alias)) {
      for (const g of entry.groups ?? []) groups.add(g)
      out.push(...(entry.related ?? []))
    }
  }
  for (const alias of accepted) {
    const key = displayAlias(alias).toLowerCase()
    for (const [groupId, names] of Object.entries(GROUP_NAMES)) if (names.some((n) => n.toLowerCase() === key)) groups.add(groupId)
  }
  const relatedGroups = new Set<string>()
  for (const g of groups) {
    for (const member of membersOfGroup(g)) out.push(...aliasesOf(member))
    for (const rel of GROUP_RELATED[g] ?? []) {
      if (GROUP_NAMES[rel]) relatedGroups.add(rel)
      else out.push(rel)
    }
  }
  for (const g of relatedGroups) {
    out.push(...GROUP_NAMES[g])
    for (const member of membersOfGroup(g)) out.push(...aliasesOf(member))
  }
  return [...new Set(out)].filter((a) => !acceptedSet.has(displayAlias(a).toLowerCase()))
}
