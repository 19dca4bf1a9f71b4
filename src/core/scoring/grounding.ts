/**
 * Evidence grounding: every quoted passage must exist in the visible resume text. Matching ignores
 * differences in whitespace, quote style, dash style and case (models and PDF extraction vary in
 * these), nothing else. A "met" or "partial" left without any verifiable passage becomes "unclear".
 */
import type { RequirementVerdict } from "./result"

export function normalizeForGrounding(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[•●▪■◦‣∙]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
}

/** A prepared haystack so that many passages can be checked against one resume cheaply. */
export function prepareGrounding(text: string): (passage: string) => boolean {
  const haystack = normalizeForGrounding(text)
  return (passage: string) => {
    const needle = normalizeForGrounding(passage).replace(/^["'.…\s]+|["'.…\s]+$/g, "")
    return needle.length >= 3 && haystack.includes(needle)
  }
}

export function isGrounded(passage: string, text: string): boolean {
  return prepareGrounding(text)(passage)
}

/**
 * Keeps only the passages found in `text`. A met or partial verdict with no passage left is turned
 * into "unclear" and its reason says why; not_met and unclear keep their verdict.
 */
export function groundVerdicts(verdicts: readonly RequirementVerdict[], text: string): RequirementVerdict[] {
  const found = prepareGrounding(text)
  return verdicts.map((v) => {
    const evidence = v.evidence.filter((p) => typeof p === "string" && found(p))
    if ((v.verdict === "met" || v.verdict === "partial") && evidence.length === 0) {
      const dropped = v.evidence.length > 0
      return {
        ...v,
        verdict: "unclear",
        evidence,
        reason: dropped ? `Quoted evidence was not found in the resume text (was "${v.verdict}": ${v.reason})` : `No evidence was quoted (was "${v.verdict}": ${v.reason})`
      }
    }
    return { ...v, evidence }
  })
}
