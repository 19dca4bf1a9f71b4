import { describe, expect, it } from "vitest"

import { acceptedAliases, displayAlias, findMentions, GROUP_NAMES, membersOfGroup, termByName, VOCABULARY } from "~core/vocabulary"
import { DELIBERATE_OVERRIDES, PROFESSION_GROUP_NAMES, PROFESSION_IMPLIED_BY, PROFESSION_VOCABULARY } from "~core/vocabulary/professions"

/** Names of the entries (or family ids, as "group:<id>") a text mentions. */
function mentioned(text: string): string[] {
  return findMentions(text).map((m) => (m.term.groupId ? `group:${m.term.groupId}` : m.term.entry.name))
}

const key = (alias: string) => displayAlias(alias).toLowerCase()

describe("profession vocabulary is merged into the shared tables", () => {
  it("every profession entry is in VOCABULARY and its families have generic names", () => {
    for (const entry of PROFESSION_VOCABULARY) expect(VOCABULARY).toContain(entry)
    for (const id of Object.keys(PROFESSION_GROUP_NAMES)) expect(GROUP_NAMES[id]).toBeDefined()
    expect(membersOfGroup("sales_methodology").map((e) => e.name)).toEqual(expect.arrayContaining(["MEDDIC", "Challenger Sale", "Sandler", "SPIN Selling"]))
  })

  it("entry names are unique across the whole vocabulary", () => {
    const names = VOCABULARY.map((e) => e.name.toLowerCase())
    const dupes = names.filter((n, i) => names.indexOf(n) !== i)
    expect(dupes).toEqual([])
  })

  it("no profession alias repeats an alias of a terms.ts entry, except the listed deliberate overrides", () => {
    const core = VOCABULARY.filter((e) => !PROFESSION_VOCABULARY.includes(e))
    const coreAliases = new Set(core.flatMap((e) => [e.name, ...e.aliases].map(key)))
    const allowed = new Set(DELIBERATE_OVERRIDES.map(key))
    const clashes = PROFESSION_VOCABULARY.flatMap((e) => [e.name, ...e.aliases].filter((a) => coreAliases.has(key(a)) && !allowed.has(key(a))).map((a) => `${e.name}: ${a}`))
    expect(clashes).toEqual([])
  })

  it("no alias is claimed by two profession entries", () => {
    const owner = new Map<string, string>()
    const clashes: string[] = []
    for (const entry of PROFESSION_VOCABULARY) {
      for (const alias of new Set([entry.name, ...entry.aliases].map(key))) {
        const previous = owner.get(alias)
        if (previous && previous !== entry.name) clashes.push(`${alias}: ${previous} / ${entry.name}`)
        owner.set(alias, entry.name)
      }
    }
    expect(clashes).toEqual([])
  })

  it("implications name real entries", () => {
    for (const [name, implied] of Object.entries(PROFESSION_IMPLIED_BY)) {
      expect(termByName(name), name).toBeDefined()
      for (const n of implied) expect(termByName(n), n).toBeDefined()
    }
  })
})

describe("profession phrases are recognised", () => {
  it.each([
    ["Titrate pressors (norepinephrine) per protocol", "vasoactive infusions"],
    ["Comfortable titrating drips such as Levophed and vasopressin", "vasoactive infusions"],
    ["Run CRRT (Prismaflex) for unstable patients", "CRRT"],
    ["Cared for patients on the vent and mechanically ventilated patients", "mechanical ventilation"],
    ["Two years in a CVICU at a level I trauma center", "critical care nursing"],
    ["Experience in an intensive care unit", "critical care nursing"],
    ["ECMO-trained nurse", "ECMO"],
    ["CCRN certified since 2021", "CCRN"],
    ["B.S.N., State University, 2019", "BSN degree"],
    ["Bachelor of Science in Nursing", "BSN degree"],
    ["Active RN licence under the Nurse Licensure Compact (NLC)", "multistate nursing licence"],
    ["Trained in MEDDIC and ran discovery calls", "MEDDIC"],
    ["Uses MEDDPICC for deal qualification", "MEDDIC"],
    ["Certified in Command of the Message", "Command of the Message"],
    ["Closed $1.2M in ACV across 40 accounts", "annual contract value"],
    ["Finished the year at 118% of plan attainment", "plan attainment"],
    ["Owned a $2M paid media budget", "paid media"],
    ["Scaled Performance Max and Shopping campaigns", "Google Ads campaign types"],
    ["Raised ROAS from 2.1 to 3.4", "marketing metrics"],
    ["Ran split tests on landing pages", "experimentation"],
    ["Built flows in Klaviyo and Iterable", "email service providers"],
    ["Managed revisions in SolidWorks PDM", "PDM vault"],
    ["Designed injection-moulded housings", "injection molding"],
    ["Performed tolerance stacks for the enclosure", "tolerance stacks"],
    ["Holds a journeyman electrician license", "journeyman electrician licence"],
    ["EPA 608 Universal certified HVAC technician", "EPA 608"],
    ["Admitted to the bar in New York", "bar admission"],
    ["Managed document review in Relativity", "e-discovery"],
    ["Answered tickets in Help Scout", "other support desks"],
    ["Kept CSAT above 95%", "support metrics"],
    ["Led the monthly S&OP cycle", "S&OP"],
    ["APICS CPIM certified", "APICS certification"],
    ["Built a three-statement model and a DCF", "financial modeling"],
    ["Wrote IEPs and lesson plans", "special education"],
    ["Checked guests in on Opera PMS", "hotel property management systems"],
    ["Full-cycle recruiting for engineering roles", "recruiting"],
    ["Administered benefits in Paylocity", "HRIS platforms"],
    ["Excellent written and verbal communication", "communication skills"],
    ["Trained staff on hazard communication", "hazard communication"],
    ["Precepted six new graduate nurses", "preceptor"],
    ["Relief charge nurse on nights", "charge nurse"],
    ["Grew a subscription-based meal kit brand", "subscription business"]
  ])("%s → %s", (text, name) => {
    expect(mentioned(text)).toContain(name)
  })

  it("generic family names accept every member of the family", () => {
    const methodology = termByName("group:sales_methodology")!
    const accepted = acceptedAliases(methodology).map(key)
    expect(accepted).toEqual(expect.arrayContaining(["meddicc", "challenger sale", "sandler selling", "command of the message"]))
    expect(accepted).not.toContain("salesforce")
  })

  it("common English words do not trigger profession terms", () => {
    const prose =
      "We closed the office early, the team went through a tough territory of questions, and the server brought a toast. " +
      "Her namely excellent timing and the opera at the lattice window were a challenger to anyone. The intercom buzzed. " +
      "Our pipeline of ideas, the union of two notions, and the mode of travel: a maze. The tips were generous. " +
      "We found a nice iceberg lettuce, zip codes, and a praxis of kindness."
    const found = findMentions(prose).filter((m) => PROFESSION_VOCABULARY.includes(m.term.entry))
    expect(found.map((m) => `${m.term.entry.name} ← ${prose.slice(m.start, m.end)}`)).toEqual([])
  })

  it("case-marked brand names match only their capitalised form", () => {
    expect(mentioned("We use Toast at the restaurant")).toContain("restaurant POS")
    expect(mentioned("We raised a toast")).not.toContain("restaurant POS")
  })
})
