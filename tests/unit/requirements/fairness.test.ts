import fs from "node:fs"
import path from "node:path"

import { describe, expect, it } from "vitest"

import { extractRequirements } from "~core/requirements/extract"
import { checkFairness } from "~core/requirements/fairness"

const SHARED = path.resolve(__dirname, "../../../../shared")

describe("checkFairness flags protected attributes and their proxies", () => {
  it.each([
    ["Join our young, energetic team", "age"],
    ["Energetic young team player", "age"],
    ["Digital native comfortable with social media", "age"],
    ["Recent college graduate", "age"],
    ["Recent graduates welcome to apply", "age"],
    ["Graduated in 2020 or later", "age"],
    ["Class of 2024", "age"],
    ["Candidates under 35", "age"],
    ["Aged 25-35", "age"],
    ["No more than 5 years of experience", "age"],
    ["He/she will manage the front desk", "gender"],
    ["He will report to the store manager", "gender"],
    ["Male candidates only", "gender"],
    ["Must be female", "gender"],
    ["Experienced salesman", "gender"],
    ["Not planning a family in the next two years", "gender"],
    ["Married candidates preferred", "marital_status"],
    ["No children or family commitments", "marital_status"],
    ["US citizens only", "nationality"],
    ["Must hold German citizenship", "nationality"],
    ["Must be a Canadian citizen", "nationality"],
    ["Native English speaker", "national_origin"],
    ["Native-level fluency in French", "national_origin"],
    ["English as a first language", "national_origin"],
    ["Accent-free English", "national_origin"],
    ["Please attach a recent photo to your application", "appearance"],
    ["Send your CV with a headshot", "appearance"],
    ["Attractive and well-groomed", "appearance"],
    ["Practicing Christian", "religion"],
    ["Must be in good health", "disability"],
    ["Able-bodied workers for the warehouse", "disability"],
    ["Perfect vision required", "disability"]
  ] as const)("%j → %s", (text, attribute) => {
    const flags = checkFairness(text)
    expect(flags.map((f) => f.attribute), JSON.stringify(flags)).toContain(attribute)
    for (const f of flags) {
      expect(f.explanation.length).toBeGreaterThan(20)
      expect(text.toLowerCase()).toContain(f.term.toLowerCase().slice(0, 5))
    }
  })

  it.each([
    "Must be authorized to work in the United States without sponsorship",
    "Work authorization in the US, UK, or Canada",
    "Right to work in the UK is required",
    "Ability to lift 50 lbs and stand for long periods",
    "Able to lift and reposition patients up to 50 lbs",
    "Native iOS and Android development",
    "Experience building React Native and cloud-native applications",
    "Fluent written and spoken English",
    "Bilingual in English and Spanish",
    "Experience teaching young children aged 5 to 11",
    "Experience working with young adults in a youth program",
    "Must be at least 18 years of age",
    "Must be 21 or older to serve alcohol",
    "Bachelor's degree in Computer Science",
    "3+ years of experience",
    "Manage a team of 10 under 25 direct reports",
    "Experience with photography and photo editing in Photoshop",
    "Single-page applications and single sign-on",
    "Race conditions and concurrency debugging",
    "Women's health nursing experience",
    "Care for male and female patients",
    "Experience with US GAAP",
    "Security clearance: US citizenship required for this government contract",
    "Working knowledge of OSHA standards",
    "Current forklift certification",
    "Hands-on experience with REDCap",
    "Experience serving citizens in a public-facing role",
    "Recent experience with Kubernetes",
    "Cloud-native architecture"
  ])("%j is not flagged", (text) => {
    expect(checkFairness(text)).toEqual([])
  })

  it("returns nothing for empty or non-string input", () => {
    expect(checkFairness("")).toEqual([])
    expect(checkFairness(undefined as never)).toEqual([])
    expect(checkFairness(42 as never)).toEqual([])
  })

  it("reports a term once even when it repeats", () => {
    expect(checkFairness("Young team, young culture, young people")).toHaveLength(1)
  })

  it("attaches flags during extraction and says so in the notes", () => {
    const posting = "Requirements:\n- 2+ years of retail experience\n- Digital native with a young and energetic attitude\n- Native Spanish speaker\n- Able to lift 40 lbs"
    const { requirements, notes } = extractRequirements(posting)
    const flagged = requirements.filter((r) => r.fairnessFlags?.length)
    expect(flagged.map((r) => r.text)).toEqual(["Digital native with a young and energetic attitude", "Native Spanish speaker"])
    expect(flagged[0]!.fairnessFlags!.map((f) => f.attribute)).toEqual(["age", "age"])
    expect(notes.join(" ")).toMatch(/2 requirements may name a protected attribute/)
  })

  it("notes wording outside the requirements, but not the equal-opportunity statement", () => {
    const posting = [
      "About us",
      "We are a young, energetic team of digital natives in Berlin.",
      "",
      "Requirements",
      "- 3+ years of Go",
      "- Native German speaker",
      "",
      "We are an equal opportunity employer and do not discriminate on the basis of race, religion, age, sex, national origin or disability."
    ].join("\n")
    const { requirements, notes } = extractRequirements(posting)
    expect(requirements.find((r) => r.text === "Native German speaker")?.fairnessFlags?.[0]?.attribute).toBe("national_origin")
    const elsewhere = notes.filter((n) => n.startsWith("Elsewhere"))
    expect(elsewhere).toHaveLength(2)
    expect(elsewhere[0]).toMatch(/“young”/)
    expect(elsewhere[1]).toMatch(/“digital natives”/)
    expect(notes.join(" ")).not.toMatch(/religion|disability/i)
  })

  it("notes nothing in the real fixture postings (their EEO statements name attributes on purpose)", () => {
    const jd = path.join(SHARED, "fixtures/jd")
    const inputs = [
      ...JSON.parse(fs.readFileSync(path.join(jd, "lever/lubobali__lever_postings.json"), "utf8")),
      ...JSON.parse(fs.readFileSync(path.join(jd, "greenhouse/lubobali__greenhouse_jobs.json"), "utf8")).jobs.map((j: { content: string }) => j.content),
      ...JSON.parse(fs.readFileSync(path.join(jd, "ashby/lubobali__ashby_jobs.json"), "utf8")).jobs.map((j: { descriptionHtml: string }) => j.descriptionHtml)
    ]
    for (const input of inputs) {
      const { requirements, notes } = extractRequirements(input)
      expect(notes.filter((n) => n.startsWith("Elsewhere"))).toEqual([])
      expect(requirements.filter((r) => r.fairnessFlags).map((r) => r.text)).toEqual([])
    }
  })

  it("flags nothing in the dev-set postings, whose EEO statements are not requirements", () => {
    for (const file of fs.readdirSync(path.join(SHARED, "eval-dev/postings"))) {
      const { requirements } = extractRequirements(JSON.parse(fs.readFileSync(path.join(SHARED, "eval-dev/postings", file), "utf8")))
      expect(requirements.filter((r) => r.fairnessFlags).map((r) => r.text), file).toEqual([])
    }
  })
})
