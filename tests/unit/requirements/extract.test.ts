import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"

import mammoth from "mammoth"
import { describe, expect, it } from "vitest"

import { categorize, extractRequirements, readMandatory, splitCompound, cleanRequirementText, classifyHeading } from "~core/requirements/extract"
import type { Requirement } from "~core/requirements/model"

import { scoreDevSet } from "./eval-extraction"

const SHARED = path.resolve(__dirname, "../../../../shared")
const JD = path.join(SHARED, "fixtures/jd")
const OWN = path.join(__dirname, "fixtures")
const readJson = (p: string) => JSON.parse(fs.readFileSync(p, "utf8"))

/** The requirement whose text contains every given fragment (case-insensitive). */
function find(requirements: Requirement[], ...fragments: string[]): Requirement | undefined {
  return requirements.find((r) => fragments.every((f) => r.text.toLowerCase().includes(f.toLowerCase())))
}

function expectRequirement(requirements: Requirement[], fragments: string[], expected: Partial<Pick<Requirement, "mandatory" | "category">> = {}) {
  const found = find(requirements, ...fragments)
  expect(found, `no requirement containing ${JSON.stringify(fragments)} in:\n${requirements.map((r) => r.text).join("\n")}`).toBeDefined()
  if (expected.mandatory !== undefined) expect(found!.mandatory, found!.text).toBe(expected.mandatory)
  if (expected.category !== undefined) expect(found!.category, found!.text).toBe(expected.category)
}

function expectNone(requirements: Requirement[], pattern: RegExp) {
  const hits = requirements.filter((r) => pattern.test(r.text))
  expect(hits.map((r) => r.text), `unexpected requirement matching ${pattern}`).toEqual([])
}

describe("dev set (../shared/eval-dev), matched like run.mjs", () => {
  const scores = scoreDevSet(path.join(SHARED, "eval-dev"))

  it.each(scores.map((s) => [s.slug, s] as const))("%s: recall, precision, mandatory and category agreement", (_slug, s) => {
    expect(s.recall).toBeGreaterThanOrEqual(0.85)
    expect(s.precision).toBeGreaterThanOrEqual(0.8)
    expect(s.mandatoryAgreement).toBeGreaterThanOrEqual(0.85)
    expect(s.categoryAgreement).toBeGreaterThanOrEqual(0.75)
  })

  it("reads the prose-only posting (warehouse) clause by clause", () => {
    const { requirements, suggestions } = extractRequirements(readJson(path.join(SHARED, "eval-dev/postings/warehouse-operations-supervisor.json")))
    expectRequirement(requirements, ["three years", "warehouse"], { mandatory: true, category: "experience" })
    expectRequirement(requirements, ["leading a team"], { mandatory: true, category: "experience" })
    expectRequirement(requirements, ["forklift operator certification"], { mandatory: true, category: "qualifications" })
    expectRequirement(requirements, ["OSHA 10-Hour"], { mandatory: false, category: "qualifications" })
    expectRequirement(requirements, ["Manhattan"], { mandatory: false })
    expectRequirement(requirements, ["bilingual", "spanish"], { mandatory: false, category: "other" })
    // Benefits ("sign-on bonus") and reassurance ("happy to train") are not requirements.
    expectNone(requirements, /bonus|401|happy to train|E-Verify/i)
    expect(suggestions.some((s) => /huddle|coach/i.test(s.text))).toBe(true)
  })

  it("reads per-item (required)/(preferred) markers and ignores the benefits list", () => {
    const { requirements } = extractRequirements(readJson(path.join(SHARED, "eval-dev/postings/senior-accountant.json")))
    expectRequirement(requirements, ["CPA license"], { mandatory: true, category: "qualifications" })
    expectRequirement(requirements, ["public accounting"], { mandatory: false, category: "experience" })
    expectNone(requirements, /\((required|preferred)\)/i)
    expectNone(requirements, /dental|401\(k\)|soup|CPE hours/i)
  })

  it("turns a responsibilities list into suggestions, not requirements", () => {
    const { requirements, suggestions } = extractRequirements(readJson(path.join(SHARED, "eval-dev/postings/clinical-research-coordinator.json")))
    expectNone(requirements, /^Screen patients|^Process, package|regulatory binders/i)
    expect(suggestions.some((s) => /regulatory binders/i.test(s.text))).toBe(true)
    expect(suggestions.every((s) => !s.mandatory && /^s\d+$/.test(s.id))).toBe(true)
    expectRequirement(requirements, ["phlebotomy"], { mandatory: false })
  })

  it("gives stable short ids r1, r2, … in order and facets for every requirement", () => {
    const posting = readJson(path.join(SHARED, "eval-dev/postings/frontend-engineer.json"))
    const a = extractRequirements(posting)
    const b = extractRequirements(posting)
    expect(a.requirements.map((r) => r.id)).toEqual(a.requirements.map((_, i) => `r${i + 1}`))
    expect(b).toEqual(a)
    for (const r of a.requirements) expect(r.facets).toBeTypeOf("object")
  })
})

describe("real postings in ../shared/fixtures/jd", () => {
  it("Lever v0 (public) shape: lists with 'Who You Are', description prose, additional EEO text", () => {
    const postings = readJson(path.join(JD, "lever/lubobali__lever_postings.json"))
    const android = extractRequirements(postings[0])
    expectRequirement(android.requirements, ["Android", "Kotlin"], { mandatory: true })
    expectRequirement(android.requirements, ["SQL"], { mandatory: false }) // "You might have familiarity with SQL"
    expectNone(android.requirements, /equal opportunity|Design, build, and evolve|EMEA/i)
    expect(android.suggestions.length).toBeGreaterThan(5)

    const analytics = extractRequirements(postings[3])
    // "You have strong SQL skills and experience with data modelling" is split in two.
    expectRequirement(analytics.requirements, ["SQL skills"])
    expectRequirement(analytics.requirements, ["data modelling"])
    expect(find(analytics.requirements, "SQL skills", "data modelling")).toBeUndefined()
    expectRequirement(analytics.requirements, ["2+ years", "analytics engineering"], { category: "experience" })
    expectNone(analytics.requirements, /^You (have|are)\b/)

    const vendorLead = extractRequirements(postings[2])
    expectRequirement(vendorLead.requirements, ["5+ years", "customer support operations"], { category: "experience" })
    expectRequirement(vendorLead.requirements, ["3+ years", "programmatic advertising"], { category: "experience" })
  })

  it("Greenhouse entity-escaped HTML: minimum vs preferred qualifications, logistics boilerplate skipped", () => {
    const jobs = readJson(path.join(JD, "greenhouse/lubobali__greenhouse_jobs.json")).jobs
    const security = extractRequirements(jobs[0].content)
    expectRequirement(security.requirements, ["administering enterprise physical security systems"], { mandatory: true })
    expectRequirement(security.requirements, ["8+ years"], { mandatory: false, category: "experience" })
    expectRequirement(security.requirements, ["SOC/GSOC"], { mandatory: false })
    expectNone(security.requirements, /&lt;|&amp;|<\/?[a-z]+>|visa|hybrid policy|internal job level/i)
    expect(security.suggestions.some((s) => /regional operations lead/i.test(s.text))).toBe(true)

    const gtm = extractRequirements(jobs[1].content)
    expectRequirement(gtm.requirements, ["25% travel"], { mandatory: true, category: "other" })
  })

  it("Ashby HTML: 'What You Need' vs 'Nice to Have', benefits skipped", () => {
    const jobs = readJson(path.join(JD, "ashby/lubobali__ashby_jobs.json")).jobs
    const ae = extractRequirements(jobs[1].descriptionHtml)
    expectRequirement(ae.requirements, ["2 years", "quota-carrying"], { mandatory: true, category: "experience" })
    expectRequirement(ae.requirements, ["CRM experience"], { mandatory: false })
    expectNone(ae.requirements, /medical|401|referral|salary/i)
    const engagement = extractRequirements(jobs[3].descriptionHtml)
    expectRequirement(engagement.requirements, ["Right to work in the UK"], { mandatory: true, category: "other" })
    expectRequirement(engagement.requirements, ["travel"], { category: "other" })
  })

  it("Workday HTML: labelled fields, a bare skills list, (required)/(preferred) inside one bullet", () => {
    const job = readJson(path.join(JD, "workday/lubobali__workday_job_detail.json")).jobPostingInfo
    const { requirements, suggestions } = extractRequirements(job.jobDescription)
    expectRequirement(requirements, ["Palantir (Software)"])
    expectRequirement(requirements, ["8 + years of related experience"], { category: "experience" })
    expectRequirement(requirements, ["SQL and Python"], { mandatory: true })
    const r = requirements.find((q) => q.text === "R")
    expect(r?.mandatory).toBe(false)
    expectRequirement(requirements, ["Databricks"], { mandatory: false })
    expectRequirement(requirements, ["Travel Required", "10%"], { category: "other" })
    expectNone(requirements, /^None$|^No$|Regular|as required/i)
    expect(suggestions.some((s) => /database pipeline/i.test(s.text))).toBe(true)
  })

  it("plain-text postings: 'Requirements:' lines, hard-wrapped prose with an inline 'Requirements:' lead-in", () => {
    const job1 = extractRequirements(fs.readFileSync(path.join(JD, "resume-matcher/txt/job_1.txt"), "utf8"))
    expectRequirement(job1.requirements, ["Master's or Ph.D."], { category: "qualifications" })
    expectRequirement(job1.requirements, ["5 years", "machine learning"], { category: "experience" })
    expectNone(job1.requirements, /^Conduct research|invite you/i)

    const ml = extractRequirements(fs.readFileSync(path.join(JD, "resume-matcher/txt/e2e_ml-eng.txt"), "utf8"))
    expectRequirement(ml.requirements, ["3+ years", "ML engineering"], { category: "experience" })
    expectRequirement(ml.requirements, ["feature stores"])
    expectRequirement(ml.requirements, ["SQL", "distributed compute"])
    expectNone(ml.requirements, /Spark or Ray, experiment tracking/i) // that sentence describes the work
  })

  it("PDF postings through pdftotext", () => {
    const text = execFileSync("pdftotext", ["-layout", path.join(JD, "resume-matcher/pdf/job_desc_front_end_engineer.pdf"), "-"]).toString()
    const { requirements } = extractRequirements(text)
    expectRequirement(requirements, ["HTML5"], { category: "skills" })
    expectRequirement(requirements, ["Degree in Computer Science"], { category: "qualifications" })
    expectRequirement(requirements, ["Git"])
  })

  it("DOCX postings through mammoth", async () => {
    const { value } = await mammoth.extractRawText({ path: path.join(JD, "resume-matcher/docx/Senior_Product_Manager.docx") })
    const { requirements, suggestions } = extractRequirements(value)
    expectRequirement(requirements, ["Bachelor's degree"], { mandatory: true, category: "qualifications" })
    expectRequirement(requirements, ["5 years of product management"], { mandatory: true, category: "experience" })
    expectRequirement(requirements, ["8 years of product management"], { mandatory: false, category: "experience" })
    expect(suggestions.length).toBeGreaterThan(0)

    const itpm = await mammoth.extractRawText({ path: path.join(JD, "resume-matcher/docx/IT_Project_Manager.docx") })
    expectRequirement(extractRequirements(itpm.value).requirements, ["Minimum 1 year as project manager"], { category: "experience" })
  })

  it("every fixture is read well under a second once warm", () => {
    const jobs = readJson(path.join(JD, "greenhouse/lubobali__greenhouse_jobs.json")).jobs
    extractRequirements(jobs[2].content)
    const start = performance.now()
    for (const job of jobs) extractRequirements(job.content)
    expect((performance.now() - start) / jobs.length).toBeLessThan(500)
  })
})

describe("postings written for these tests (professions the dev set lacks)", () => {
  it("nursing: licences and certifications, years with a nested 'at least 1 year in', shifts and lifting", () => {
    const { requirements, suggestions } = extractRequirements(readJson(path.join(OWN, "registered-nurse-icu.json")))
    expectRequirement(requirements, ["RN license"], { mandatory: true, category: "qualifications" })
    expectRequirement(requirements, ["ACLS"], { mandatory: true, category: "qualifications" })
    expectRequirement(requirements, ["2+ years of acute care"], { mandatory: true, category: "experience" })
    expectRequirement(requirements, ["1 year in an ICU"], { mandatory: true, category: "experience" })
    expectRequirement(requirements, ["night shifts"], { mandatory: true, category: "other" })
    expectRequirement(requirements, ["lift", "50 lbs"], { category: "other" })
    expectRequirement(requirements, ["BSN"], { mandatory: false, category: "qualifications" })
    expectRequirement(requirements, ["Bilingual"], { mandatory: false, category: "other" })
    expectNone(requirements, /tuition|differential|sign-on/i)
    expect(suggestions.some((s) => /Titrate/i.test(s.text))).toBe(true)
    // "Able to lift 50 lbs" is a bona fide physical requirement: no fairness flag.
    expect(requirements.every((r) => !r.fairnessFlags)).toBe(true)
  })

  it("sales (plain text with dash bullets): headings without colons, 'Bonus points', perks", () => {
    const { requirements, suggestions } = extractRequirements(fs.readFileSync(path.join(OWN, "sales-development-rep.txt"), "utf8"))
    expectRequirement(requirements, ["1+ years", "quota-carrying"], { mandatory: true, category: "experience" })
    expectRequirement(requirements, ["Salesforce"], { mandatory: true, category: "skills" })
    expectRequirement(requirements, ["Austin office"], { mandatory: true, category: "other" })
    expectRequirement(requirements, ["healthcare practices"], { mandatory: false })
    expectRequirement(requirements, ["Spanish"], { mandatory: false, category: "other" })
    expectNone(requirements, /Prospect into|commission|insurance/i)
    expect(suggestions.map((s) => s.text)).toContain("Keep Salesforce up to date")
  })

  it("mechanical design (HTML string): '(required)', 'a plus', '(preferred)', compound SolidWorks + FEA bullet", () => {
    const { requirements } = extractRequirements(fs.readFileSync(path.join(OWN, "mechanical-design-engineer.html"), "utf8"))
    expectRequirement(requirements, ["B.S. in Mechanical Engineering"], { mandatory: true, category: "qualifications" })
    expectRequirement(requirements, ["SolidWorks"], { mandatory: true, category: "skills" })
    expectRequirement(requirements, ["FEA"], { mandatory: true, category: "skills" })
    expect(find(requirements, "SolidWorks, including", "FEA")).toBeUndefined()
    expectRequirement(requirements, ["GD&T"], { mandatory: true })
    expectRequirement(requirements, ["DFM"], { mandatory: false })
    expectRequirement(requirements, ["PE license"], { mandatory: false, category: "qualifications" })
    expectRequirement(requirements, ["travel up to 10%"], { category: "other" })
    // The EEO sentence names protected attributes, but it is not a requirement and is not flagged.
    expectNone(requirements, /religion|national origin|401/i)
  })

  it("marketing (prose only): 'the ideal candidate has', 'is required', 'would be a big plus', 'nice to have'", () => {
    const { requirements, notes } = extractRequirements(fs.readFileSync(path.join(OWN, "marketing-manager-prose.txt"), "utf8"))
    expectRequirement(requirements, ["four years", "B2B content marketing"], { mandatory: true, category: "experience" })
    expectRequirement(requirements, ["portfolio"], { mandatory: true })
    expectRequirement(requirements, ["Ahrefs"], { mandatory: true, category: "skills" })
    expectRequirement(requirements, ["HubSpot"], { mandatory: true })
    expectRequirement(requirements, ["restaurant industry"], { mandatory: false })
    expectRequirement(requirements, ["freelance writers"], { mandatory: false })
    expectNone(requirements, /editorial calendar|salary|report on content/i)
    expect(notes.join(" ")).toMatch(/No requirements heading/)
  })
})

describe("more phrasings written for these tests", () => {
  const own = (file: string) => extractRequirements(fs.readFileSync(path.join(OWN, file), "utf8"))

  it("job-board style (Indeed): '* Must be 18 years or older', labelled 'Experience: Warehouse: 1 year (Preferred)'", () => {
    const { requirements, suggestions } = own("warehouse-associate-indeed.txt")
    expectRequirement(requirements, ["18 years or older"], { mandatory: true, category: "other" })
    expectRequirement(requirements, ["High school diploma or GED"], { mandatory: true, category: "qualifications" })
    expectRequirement(requirements, ["lift up to 50 lbs"], { mandatory: true, category: "other" })
    expectRequirement(requirements, ["Forklift experience"], { mandatory: false })
    expectRequirement(requirements, ["Warehouse: 1 year"], { mandatory: false, category: "experience" })
    expectNone(requirements, /Pay:|\$19|Health insurance|Paid time off|In person/i)
    expect(suggestions.map((s) => s.text)).toEqual(["Pick, pack and ship customer orders using RF scanners"])
  })

  it("British prose: 'the successful candidate will be … and will have', 'essential' vs 'desirable', 'we require someone who'", () => {
    const { requirements } = own("management-accountant-uk.txt")
    expectRequirement(requirements, ["ACCA or CIMA qualified"], { mandatory: true, category: "qualifications" })
    expectRequirement(requirements, ["3 years' post-qualification experience"], { mandatory: true, category: "experience" })
    expectRequirement(requirements, ["Strong Excel skills"], { mandatory: true, category: "skills" })
    expectRequirement(requirements, ["Sage 200"], { mandatory: false })
    expectRequirement(requirements, ["driving licence"], { mandatory: true })
    expectRequirement(requirements, ["tight deadlines"], { mandatory: true })
    expectNone(requirements, /^We require|holiday|pension|Leeds/i)
  })

  it("labelled fields under one heading: 'Education: BSN required; MSN preferred', 'Licensure: …'", () => {
    const { requirements } = own("nurse-labelled-fields.txt")
    expect(requirements.map((r) => [r.text, r.category, r.mandatory])).toEqual([
      ["BSN", "qualifications", true],
      ["MSN", "qualifications", false],
      ["Active RN license in the state of Texas", "qualifications", true],
      ["BLS required within 30 days of hire", "qualifications", true],
      ["Minimum of 3 years of med-surg experience", "experience", true]
    ])
  })

  it("inline 'Requirements:' with a semicolon list and 'Nice-to-haves:' with a comma list", () => {
    const { requirements } = own("data-analyst-semicolons.txt")
    expect(requirements.map((r) => [r.text, r.mandatory])).toEqual([
      ["SQL", true],
      ["Python or R", true],
      ["Tableau or Power BI", true],
      ["2+ years in an analytics role", true],
      ["dbt", false],
      ["Experience in e-commerce", false]
    ])
  })
})

describe("prose-only Lever postings written for these tests (lists is empty)", () => {
  const prose = (file: string) => extractRequirements(readJson(path.join(OWN, file)))

  it("mechanical design: 'you will need … and at least N years', 'essential, including', 'helpful but not required'", () => {
    const { requirements, suggestions } = prose("mechanical-design-engineer-prose.json")
    expect(requirements.map((r) => [r.text, r.category, r.mandatory])).toEqual([
      ["Bachelor's degree in mechanical engineering", "qualifications", true],
      ["At least three years of experience designing mechanical assemblies for production", "experience", true],
      ["Strong SolidWorks skills, including surfacing and large assemblies", "skills", true],
      ["Fluent in GD&T (ASME Y14.5)", "skills", true],
      ["Experience with castings or injection-molded parts", "skills", false],
      ["Experience with FEA", "skills", false],
      ["Familiarity with PDM or PLM systems such as SolidWorks PDM or Windchill", "skills", false],
      ["Able to lift 40 pounds when handling prototypes", "other", true]
    ])
    expect(suggestions).toHaveLength(1)
  })

  it("nursing: 'applicants must hold X and current Y', \"we're looking for at least\", 'required, or …'", () => {
    const { requirements } = prose("picu-nurse-prose.json")
    expect(requirements.map((r) => [r.text, r.category, r.mandatory])).toEqual([
      ["Active RN license in Michigan", "qualifications", true],
      ["Current PALS and BLS certifications", "qualifications", true],
      ["At least two years of pediatric acute care experience", "experience", true],
      ["PICU or NICU experience", "experience", false],
      ["BSN, or an ADN with enrollment in a BSN program within one year of hire", "qualifications", true],
      ["CCRN (Pediatric) certification", "qualifications", false],
      ["Comfortable with central lines, arterial lines and ventilated patients", "skills", true]
    ])
    // "young adults" describes the patients, not the candidate.
    expect(requirements.every((r) => !r.fairnessFlags)).toBe(true)
  })

  it("data science: 'the ideal candidate has A, B, and C', 'a bonus', 'a big plus', 'a must'", () => {
    const { requirements } = prose("data-scientist-prose.json")
    expect(requirements.map((r) => [r.text, r.mandatory])).toEqual([
      ["Master's degree in statistics, economics, computer science or a related quantitative field", true],
      ["2+ years of experience building predictive models in Python", true],
      ["Solid SQL", true],
      ["Experience with time-series methods (ARIMA, Prophet or gradient boosting for forecasting)", true],
      ["Familiarity with dbt and a cloud data warehouse like Snowflake or BigQuery", false],
      ["Retail or supply-chain experience", false],
      ["Strong written communication", true]
    ])
  })
})

describe("inline markers and physical requirements", () => {
  it("'Must have:' / 'Preferred:' prefixes, physical demands as other, MS Office is not a degree", () => {
    const { requirements } = extractRequirements(readJson(path.join(OWN, "maintenance-technician.json")))
    expect(requirements.map((r) => [r.text, r.category, r.mandatory])).toEqual([
      ["3-5 years experience required in industrial maintenance", "experience", true],
      ["Working knowledge of PLCs (Allen-Bradley)", "skills", true],
      ["Journeyman electrician license", "qualifications", false],
      ["Basic computer skills (MS Office)", "skills", true],
      ["Frequently lift up to 50 lbs", "other", true],
      ["Stand, walk, climb ladders for extended periods", "other", true],
      ["Work in hot and noisy environments", "other", true]
    ])
  })

  it("a 'Who you are:' paragraph: 'you've carried a quota', 'is a must', 'Bonus if you've …'", () => {
    const { requirements, suggestions } = extractRequirements(fs.readFileSync(path.join(OWN, "account-executive-prose.txt"), "utf8"))
    expectRequirement(requirements, ["quota", "at least 2 years"], { mandatory: true, category: "experience" })
    expectRequirement(requirements, ["HubSpot or Salesforce"], { mandatory: true })
    expectRequirement(requirements, ["finance teams"], { mandatory: false })
    expect(suggestions.map((s) => s.text)).toEqual(["Run demos, negotiate contracts, close deals"])
  })
})

describe("employer prose next to proper lists", () => {
  it("ignores the company's own years and certifications in the description (field service)", () => {
    const { requirements, suggestions } = extractRequirements(readJson(path.join(OWN, "field-service-technician.json")))
    expectNone(requirements, /Northwind|25 years|company vehicle|\$28/i)
    expectRequirement(requirements, ["2+ years of HVAC"], { mandatory: true, category: "experience" })
    expectRequirement(requirements, ["EPA 608"], { mandatory: true, category: "qualifications" })
    expectRequirement(requirements, ["on-call rotation"], { mandatory: true, category: "other" })
    expectRequirement(requirements, ["Metasys"], { mandatory: false })
    expectRequirement(requirements, ["Associate degree"], { mandatory: false, category: "qualifications" })
    expect(suggestions.map((s) => s.text)).toContain("Diagnose HVAC faults")
  })

  it("keeps work bounded on a pathological posting and says it cut the text", () => {
    const huge = "Requirements:\n" + Array.from({ length: 3000 }, (_, i) => `- Experience with tool${i} and knowledge of thing${i}`).join("\n")
    const start = performance.now()
    const { requirements, notes } = extractRequirements(huge)
    expect(performance.now() - start).toBeLessThan(5000)
    expect(requirements).toHaveLength(40)
    expect(notes.join(" ")).toMatch(/unusually long/)
    expect(notes.join(" ")).toMatch(/Only the first 40 requirements were kept/)
  })
})

describe("building blocks", () => {
  it.each([
    ["5+ years of Go or Rust and experience with Postgres", ["5+ years of Go or Rust", "experience with Postgres"]],
    ["Experience with Postgres and Redis", ["Experience with Postgres and Redis"]],
    ["Excellent analytical and writing skills", ["Excellent analytical and writing skills"]],
    ["Advanced SQL skills and demonstrated experience working with large datasets", ["Advanced SQL skills", "demonstrated experience working with large datasets"]],
    ["Bachelor's degree required; Master's preferred", ["Bachelor's degree required", "Master's preferred"]],
    ["Knowledge of React (hooks and context) and TypeScript", ["Knowledge of React (hooks and context) and TypeScript"]],
    ["5+ years in retail, including 2 years as a store manager", ["5+ years in retail", "2 years as a store manager"]],
    ["Experience with React (hooks and context) and TypeScript, and experience with GraphQL", ["Experience with React (hooks and context) and TypeScript", "experience with GraphQL"]],
    ["someone with 3+ years of B2B sales, experience in SaaS, and a bachelor's degree", ["someone with 3+ years of B2B sales", "experience in SaaS", "a bachelor's degree"]],
    ["Advanced Excel skills: pivot tables, XLOOKUP, and working with large data sets", ["Advanced Excel skills: pivot tables, XLOOKUP, and working with large data sets"]],
    ["An active RN license in Ohio and current BLS certification", ["An active RN license in Ohio", "current BLS certification"]]
  ])("splitCompound(%j)", (input, expected) => {
    expect(splitCompound(input)).toEqual(expected)
  })

  it.each([
    ["You have 3+ years of experience with Kubernetes.", "3+ years of experience with Kubernetes"],
    ["Must have a valid driver's license (required)", "Valid driver's license"],
    ["Experience with Tableau is a plus.", "Experience with Tableau"],
    ["Knowledge of Databricks a plus.", "Knowledge of Databricks"],
    ["The ideal candidate will have strong Excel skills", "Strong Excel skills"],
    ["Ideally, you have worked in a startup", "Worked in a startup"],
    ["iOS development experience", "iOS development experience"],
    ["at least one of those years spent leading a team", "At least one year spent leading a team"],
    ["You're a strong communicator.", "Strong communicator"],
    ["You've shipped production Go services", "Shipped production Go services"],
    ["We'd love it if you have experience with Figma", "Experience with Figma"],
    ["Bonus: experience with Rust", "Experience with Rust"],
    ["(Preferred) Experience with SAP", "Experience with SAP"],
    ["dbt or Airflow", "dbt or Airflow"],
    ["In this role you'll need a valid CDL", "Valid CDL"]
  ])("cleanRequirementText(%j)", (input, expected) => {
    expect(cleanRequirementText(input)).toBe(expected)
  })

  it.each([
    ["Bachelor's degree in Nursing", "qualifications"],
    ["Active CPA license", "qualifications"],
    ["Forklift certification", "qualifications"],
    ["5+ years of B2B sales experience", "experience"],
    ["Experience leading a team of 10 engineers", "experience"],
    ["Experience with Salesforce", "skills"],
    ["Proficiency in Python and SQL", "skills"],
    ["Fluent in Python", "skills"],
    ["Fluent in German and English", "other"],
    ["Willingness to travel up to 25%", "other"],
    ["Must be authorized to work in the United States", "other"],
    ["Able to lift 50 pounds", "other"],
    ["Available to work weekends and holidays", "other"],
    ["Must be 18 years of age or older", "other"],
    ["Fluency in additional European languages", "other"],
    ["BSN required", "qualifications"]
  ] as const)("categorize(%j) is %s", (text, category) => {
    expect(categorize(text)).toBe(category)
  })

  it.each([
    ["Experience with AWS (preferred)", true, false],
    ["Experience with AWS is a plus", true, false],
    ["Ideally, experience with AWS", true, false],
    ["Experience with AWS", true, true],
    ["Experience with AWS", false, false],
    ["CPR certification (required)", false, true],
    ["Public accounting experience, ideally in audit", true, true],
    ["You might have familiarity with SQL", true, false],
    ["It would be great if you had worked with Kafka", true, false],
    ["We'd love it if you have experience with Figma", true, false]
  ])("readMandatory(%j, section default %s) is %s", (text, sectionDefault, expected) => {
    expect(readMandatory(text, sectionDefault)).toBe(expected)
  })

  it.each([
    ["Requirements", "required"],
    ["Minimum Qualifications", "required"],
    ["What you'll need", "required"],
    ["Who You Are", "required"],
    ["Nice to have", "preferred"],
    ["Preferred Qualifications", "preferred"],
    ["Bonus points", "preferred"],
    ["What You'll Do", "duties"],
    ["Responsibilities", "duties"],
    ["Key Responsibilities", "duties"],
    ["Benefits", "skip"],
    ["What we offer", "skip"],
    ["About Acme", "skip"],
    [null, "prose"]
  ] as const)("classifyHeading(%j) is %s", (heading, role) => {
    expect(classifyHeading(heading)).toBe(role)
  })

  it("splits 'A is required and B is a plus' into two verdicts, but not 'A and B is a bonus'", () => {
    const { requirements } = extractRequirements("Strong SQL is required and Python is a plus. Familiarity with dbt and Snowflake is a bonus.")
    expect(requirements.map((r) => [r.text, r.mandatory])).toEqual([
      ["Strong SQL", true],
      ["Python", false],
      ["Familiarity with dbt and Snowflake", false]
    ])
  })

  it("tells duties from requirements in 'you will …' sentences", () => {
    const { requirements, suggestions } = extractRequirements("In this role, you will need strong Excel skills. You will be responsible for the monthly close. You will have 3+ years of experience in AP.")
    expect(requirements.map((r) => r.text)).toEqual(["Strong Excel skills", "3+ years of experience in AP"])
    expect(suggestions.map((s) => s.text)).toEqual(["Be responsible for the monthly close"])
  })

  it("merges duplicates and keeps the requirement mandatory when either copy is", () => {
    const { requirements } = extractRequirements("Requirements:\n- 3+ years of experience with Java\n- Strong communication skills\n\nNice to have:\n- 3+ years of experience with Java.\n- Kafka")
    expect(requirements.filter((r) => /Java/.test(r.text))).toHaveLength(1)
    expect(find(requirements, "Java")!.mandatory).toBe(true)
    expectRequirement(requirements, ["Kafka"], { mandatory: false })
  })

  it("bad input gives an empty result with a note, never an exception", () => {
    for (const input of ["", "   ", {}, { content: { lists: [{ text: 5 as never, content: null as never }] } }, null as never, 42 as never]) {
      const result = extractRequirements(input as never)
      expect(result.requirements).toEqual([])
      expect(Array.isArray(result.notes)).toBe(true)
    }
  })

  it("never returns markup or entities, even from hostile HTML", () => {
    const html = `<h3>Requirements</h3><ul><li>Experience with <b>Go</b> &amp; <i>Rust</i><script>alert("x")</script></li><li><img src=x onerror="alert(1)">3+ years with Kafka &lt;script&gt;</li></ul><style>li{}</style>`
    const { requirements } = extractRequirements(html)
    expect(requirements.map((r) => r.text)).toEqual(["Experience with Go & Rust", "3+ years with Kafka <script>"])
    // The decoded "<script>" is text for a text node, never markup: the UI must render it as text.
  })
})
