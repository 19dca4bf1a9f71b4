import { describe, expect, it } from "vitest"

import { extractRequirements, splitRepeatedConnector } from "~core/requirements/extract"

/** A prose-only posting: no lists, everything in the description. */
function fromProse(description: string) {
  const result = extractRequirements({ text: "Growth Analyst", descriptionPlain: description, lists: [], additionalPlain: "" } as never)
  return result.requirements.map((r) => ({ text: r.text, mandatory: r.mandatory }))
}

describe("prose requirement extraction", () => {
  it("a repeated 'who has' after a comma starts a second requirement", () => {
    const found = fromProse(
      "We are looking for someone who has spent at least four years running lifecycle programs, and who has personally managed a seven-figure budget."
    )
    expect(found).toEqual([
      { text: "Spent at least four years running lifecycle programs", mandatory: true },
      { text: "Personally managed a seven-figure budget", mandatory: true }
    ])
  })

  it("'Bonus points if you X, and if you Y' gives two preferred requirements", () => {
    const found = fromProse("Bonus points if you write your own SQL, and if you have worked at a two-sided marketplace.")
    expect(found).toEqual([
      { text: "Write your own SQL", mandatory: false },
      { text: "Worked at a two-sided marketplace", mandatory: false }
    ])
  })

  it("'we also ask for' is a requirement lead-in, not a sentence about the employer", () => {
    const found = fromProse("We also ask for a degree in statistics, economics or a related field.")
    expect(found).toEqual([{ text: "Degree in statistics, economics or a related field", mandatory: true }])
  })

  it("'ideally you'll have' is a preferred lead-in and 'you should have' a required one", () => {
    const found = fromProse("Ideally you'll have built churn models before. You should have excellent written English.")
    expect(found).toContainEqual({ text: "Built churn models before", mandatory: false })
    expect(found).toContainEqual({ text: "Excellent written English", mandatory: true })
  })

  it("employer sentences and duties stay out", () => {
    const found = fromProse("We also offer a generous learning budget. You will own our weekly reporting. We are a team of twelve.")
    expect(found).toEqual([])
  })

  it("splitRepeatedConnector leaves single clauses and one-word tails alone", () => {
    expect(splitRepeatedConnector("Someone who has shipped a product")).toEqual(["Someone who has shipped a product"])
    expect(splitRepeatedConnector("People who lead and who")).toEqual(["People who lead and who"])
    expect(splitRepeatedConnector("Bonus points if you know dbt, or if you know Looker")).toEqual(["Bonus points if you know dbt", "Bonus points if you know Looker"])
  })
})
