/**
 * Text helpers shared by facet derivation and the local engine: normalisation, a light stemmer and
 * term regexes that tolerate the spelling variants resumes use ("front-end", "front end", "frontend").
 * Pure: no browser or node APIs.
 */

/** Lower-cases and folds typographic quotes, dashes and accents so that matching ignores them. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u201a\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u00a0/g, " ")
    .toLowerCase()
}

/** Words that carry no meaning for matching a requirement against a resume. */
export const STOP_WORDS = new Set(
  (
    "a an and or the of in on for with to at by from as is are be been being we you your our their his her its it this that these those " +
    "experience experienced years year yrs plus strong ability able good solid excellent proven demonstrated working work knowledge " +
    "understanding familiarity familiar must should would will can could have has having etc e.g eg i.e ie such like including include " +
    "least minimum min ideally preferably preferred required requirement requirements nice bonus desirable also other another similar " +
    "related equivalent relevant any all some one two three four five six seven eight nine ten more than over up into using use used " +
    "hands-on hands practical professional skills skill proficiency proficient comfortable well within across both either well-versed " +
    "current currently active valid new e g"
  ).split(/\s+/)
)

/**
 * A light suffix-stripping stemmer (a small subset of Porter's rules): enough to make
 * "reconciliations" ≈ "reconcile", "coordinating" ≈ "coordinator", "accounting" ≈ "accountant".
 */
/** Irregular past tenses common in resumes ("built", "led"), mapped to their base form. */
const IRREGULAR: Record<string, string> = {
  built: "build", led: "lead", ran: "run", wrote: "write", made: "make", taught: "teach", brought: "bring", drew: "draw",
  sold: "sell", grew: "grow", won: "win", began: "begin", met: "meet", kept: "keep", held: "hold", oversaw: "oversee",
  spoke: "speak", drove: "drive", thought: "think", took: "take", gave: "give", chose: "choose", rebuilt: "rebuild"
}

const stemCache = new Map<string, string>()

/** Memoised: resumes repeat the same few thousand words, and stemming runs for every one of them. */
export function stem(word: string): string {
  const hit = stemCache.get(word)
  if (hit !== undefined) return hit
  const out = computeStem(word)
  if (stemCache.size > 100_000) stemCache.clear()
  stemCache.set(word, out)
  return out
}

function computeStem(word: string): string {
  let w = word.toLowerCase()
  w = IRREGULAR[w] ?? w
  if (w.length <= 3) return w
  const rules: [RegExp, string][] = [
    [/ies$/, "y"],
    [/(ss)es$/, "$1"],
    [/([^s])s$/, "$1"],
    [/iations?$/, "ate"],
    [/ations?$/, "ate"],
    [/ments?$/, ""],
    [/ings?$/, ""],
    [/(ors?|ers?)$/, ""],
    [/ants?$/, ""],
    [/ents?$/, ""],
    [/ed$/, ""],
    [/ive$/, ""],
    [/ions?$/, ""],
    [/ies$/, "y"],
    [/al$/, ""],
    [/ly$/, ""],
    [/ic$/, ""]
  ]
  for (const [re, rep] of rules) {
    if (re.test(w)) {
      const next = w.replace(re, rep)
      if (next.length >= 3) w = next
    }
  }
  // "coordinate" / "coordinat", "reconcile" / "reconcil" collapse to the same stem.
  w = w.replace(/e$/, "")
  w = w.replace(/at$/, "")
  return w
}

/** Content words of a text (lower-cased, stop words removed). */
export function contentWords(text: string): string[] {
  const words = normalizeForMatch(text).match(/[a-z0-9][a-z0-9+#./-]*[a-z0-9+#]|[a-z0-9]/g) ?? []
  return words.filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w))
}

/** Word boundaries around an alias (\b does not treat "+" and "#" as word characters: C++, C#). */
export const ALIAS_START = "(?<![A-Za-z0-9])"
export const ALIAS_END = "(?![A-Za-z0-9+#])"

const INFLECTIONS = ["iations", "iation", "ations", "ation", "ements", "ement", "ments", "ment", "ings", "ing", "ions", "ion", "ers", "ors", "er", "or", "ed", "es", "e", "s"]
const VARIANT_SUFFIX = "(?:e|es|ed|ing|ings|ion|ions|ation|ations|iation|iations|ement|ements|ment|ments|er|ers|or|ors|s|'s)?"

function wordVariants(word: string, isLast: boolean): string {
  if (!/^[a-z]{6,}$/.test(word)) return escapeRegex(word)
  let root = word
  for (const suffix of INFLECTIONS) {
    if (root.endsWith(suffix) && root.length - suffix.length >= 5) {
      root = root.slice(0, -suffix.length)
      break
    }
  }
  if (root.endsWith("e") && root.length > 5) root = root.slice(0, -1)
  // Inner words of a phrase vary less ("pivot tables"); the suffix group covers both.
  return `${escapeRegex(root)}${isLast ? VARIANT_SUFFIX : VARIANT_SUFFIX}`
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

/**
 * A regex source for one alias: separators between words may be a space, hyphen, slash or nothing,
 * a trailing plural is optional, and the match must sit on word boundaries. Short all-capital aliases
 * ("RN", "PIT", "IRB") are matched case-sensitively so that "pit" or "rn" in prose do not count.
 */
export function aliasPattern(rawAlias: string): { source: string; body: string; caseSensitive: boolean } {
  // A leading "=" marks an alias that is also a common word ("Epic", "Lean"): match its capitalisation.
  const marked = rawAlias.startsWith("=")
  const alias = marked ? rawAlias.slice(1) : rawAlias
  const caseSensitive = marked || (/^[A-Z0-9&/.+-]{2,4}$/.test(alias) && /[A-Z]/.test(alias))
  const base = caseSensitive ? alias : normalizeForMatch(alias)
  const parts = base.split(/[\s-]+/).filter(Boolean)
  // Morphological variants: a long plain word matches its inflections ("differentiated instruction"
  // ≈ "differentiate instruction", "reconciliations" ≈ "reconciled", "consent" ≈ "consented").
  const body = parts.map((p, k) => (caseSensitive ? escapeRegex(p) : wordVariants(p, k === parts.length - 1))).join("[\\s\\-/]?")
  const lastIsWord = /[a-z]$/i.test(base) && base.length > 3
  const plural = lastIsWord && (caseSensitive || !/^[a-z]{6,}$/.test(parts[parts.length - 1])) ? "(?:s|es|'s)?" : ""
  return { source: `${ALIAS_START}${body}${plural}${ALIAS_END}`, body: `${body}${plural}`, caseSensitive }
}
