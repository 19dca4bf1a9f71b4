/**
 * Derives the facets the local engine matches precisely from a requirement's text.
 * (First cut: content words only. Owned by the scoring work; extraction calls it for every requirement.)
 */
import type { Category, RequirementFacets } from "./model"

const STOP = new Set("a an and or the of in on for with to at by from as is are be we you your our experience years year plus strong ability".split(" "))

export function deriveFacets(text: string, _category?: Category): RequirementFacets {
  const keywords = [...new Set(text.toLowerCase().match(/[a-z0-9+#.]+/g) ?? [])].filter((w) => w.length > 1 && !STOP.has(w))
  return { keywords }
}
