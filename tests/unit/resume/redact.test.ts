import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { findDateRanges } from "~core/resume/dates"
import { foldAccents, redactPii } from "~core/resume/redact"
import { detectSections } from "~core/resume/sections"

const EVAL = "/work/shared/eval-dev/resumes"
const FIXTURES = "/work/shared/fixtures/resumes/txt"

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/
const PHONE_555 = /555[-.\s]?\d{2,4}/
const PROFILE = /linkedin\.com|github\.com/i

/** The candidate's name as the resume's first line prints it (without post-nominals such as ", CPA"). */
function nameFromHeader(text: string): string {
  return text.split("\n")[0].split(",")[0].trim()
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}+#./&-]+/u).filter((w) => w.length > 0)
}

interface Case {
  file: string
  text: string
  name: string
}

function evalCases(): Case[] {
  const cases: Case[] = []
  for (const slug of readdirSync(EVAL)) {
    for (const f of readdirSync(`${EVAL}/${slug}`)) {
      const text = readFileSync(`${EVAL}/${slug}/${f}`, "utf8")
      // The name Lever would give us comes from the file name; the header line may print it in capitals.
      const name = f.replace(/\.txt$/, "").split("-").map((w) => w[0].toUpperCase() + w.slice(1)).join(" ")
      cases.push({ file: `${slug}/${f}`, text, name })
    }
  }
  return cases
}

describe("redactPii on every eval-dev resume", () => {
  const cases = evalCases()
  it("has the 24 resumes", () => expect(cases.length).toBe(24))

  it.each(cases.map((c) => [c.file, c] as const))("%s: removes every PII token and keeps structure and substance", (_f, c) => {
    const out = redactPii(c.text, { candidateName: c.name })
    // Every part of the name, in any case or accent spelling, is gone.
    const folded = foldAccents(out)
    for (const part of foldAccents(c.name).split(/\s+/)) {
      expect(new RegExp(`\\b${part}\\b`).test(folded), `${part} in ${c.file}`).toBe(false)
    }
    expect(out).not.toMatch(EMAIL)
    expect(out).not.toMatch(PHONE_555)
    expect(out).toContain("[NAME]")
    expect(out).toContain("[EMAIL]")
    expect(out).toContain("[PHONE]")
    // Structure: same lines, same headings at the same places.
    expect(out.split("\n").length).toBe(c.text.split("\n").length)
    expect(detectSections(out).map((s) => s.heading)).toEqual(detectSections(c.text).map((s) => s.heading))
    // Substance: every role date survives, and every word not removed as PII is still there.
    const now = new Date("2026-11-15T00:00:00Z")
    expect(findDateRanges(out, now).map((r) => r.matched)).toEqual(findDateRanges(c.text, now).map((r) => r.matched))
    const header = c.text.split("\n").slice(0, 3).join("\n")
    const removable = new Set([...foldAccents(c.name).split(/\s+/), ...words(header).map(foldAccents)])
    const kept = new Set(words(out).map(foldAccents))
    const lost = words(c.text).map(foldAccents).filter((w) => !kept.has(w) && !removable.has(w) && !/@/.test(w) && !/^\d/.test(w))
    expect(lost, c.file).toEqual([])
  })
})

describe("redactPii on the fixtures", () => {
  it.each(readdirSync(FIXTURES))("%s", (f) => {
    const text = readFileSync(`${FIXTURES}/${f}`, "utf8")
    const name = /Name:\s*(.+)/.exec(text)?.[1] ?? nameFromHeader(text)
    const out = redactPii(text, { candidateName: name })
    expect(out).not.toMatch(EMAIL)
    expect(out).not.toMatch(PROFILE)
    expect(out).not.toMatch(/555-123-4567/)
    for (const part of name.split(/\s+/)) expect(out).not.toMatch(new RegExp(`\\b${part}\\b`, "i"))
    expect(out.split("\n").length).toBe(text.split("\n").length)
    for (const skill of ["Python", "Java", "Developer"]) if (text.includes(skill)) expect(out).toContain(skill)
  })

  it("the JSON Resume sample's basics are all removed from its text rendering", () => {
    const json = JSON.parse(readFileSync("/work/shared/fixtures/resumes/json/jsonresume__sample.resume.json", "utf8"))
    const b = json.basics
    const lines = [b.name, b.label, b.email, b.phone, b.url, b.location?.address, `${b.location?.city}, ${b.location?.region}`, ...(b.profiles ?? []).map((p: any) => p.url ?? p.username)]
    const out = redactPii(lines.filter(Boolean).join("\n"), { candidateName: b.name, emails: [b.email] })
    expect(out).not.toContain(b.email)
    if (b.phone) expect(out).not.toContain(b.phone)
    for (const part of String(b.name).split(/\s+/)) expect(out).not.toContain(part)
    if (b.location?.address) expect(out).toContain("[ADDRESS]")
  })
})

describe("redactPii forms", () => {
  const r = (text: string, name?: string) => redactPii(text, { candidateName: name })
  it.each([
    ["+1 (415) 555-0142", "[PHONE]"],
    ["+44 20 7946 0958", "[PHONE]"],
    ["+49 30 1234567", "[PHONE]"],
    ["0049 30 1234 5678", "[PHONE]"],
    ["(415) 555 0142", "[PHONE]"],
    ["415.555.0142", "[PHONE]"],
    ["+33 6 12 34 56 78", "[PHONE]"],
    ["Tel: 5550142", "Tel: [PHONE]"],
    ["jane.doe@mail.example", "[EMAIL]"],
    ["jane [at] mail [dot] com", "[EMAIL]"],
    ["https://janedoe.dev", "[URL]"],
    ["www.janedoe.com", "[URL]"],
    ["linkedin.com/in/jane-doe", "[URL]"],
    ["github.com/janedoe", "[URL]"],
    ["janedoe.dev/portfolio", "[URL]"],
    ["Portfolio: janedoe.design", "Portfolio: [URL]"],
    ["221B Baker Street, London NW1 6XE", "[ADDRESS], London [ADDRESS]"],
    ["1600 Amphitheatre Parkway, Mountain View, CA 94043", "[ADDRESS], Mountain View, [ADDRESS]"],
    ["12 Rue de Rivoli, 75001 Paris", "[ADDRESS] Paris"],
    ["Hauptstraße 5, Berlin", "[ADDRESS], Berlin"],
    ["Date of birth: 12/03/1990", "[DATE OF BIRTH]"],
    ["DOB: 1990-03-12", "[DATE OF BIRTH]"],
    ["Born 3 May 1990", "[DATE OF BIRTH]"],
    ["Age: 34", "[AGE]"],
    ["34 years old", "[AGE]"],
    ["Nationality: Canadian", "Nationality: [REDACTED]"],
    ["![Photo of Jane](me.jpg)", "[PHOTO]"],
    ['<img src="me.jpg" alt="Jane Doe smiling">', "[PHOTO]"],
    ["Profile photo", "[PHOTO]"]
  ])("%s → %s", (input, expected) => {
    expect(r(input)).toBe(expected)
  })

  it.each([
    "Led 5 engineers; latency 2019 - 2021 fell 40%",
    "2015–2018",
    "06/2019 – 02/2022",
    "Node.js, Next.js, Bill.com, Turf.js, ASP.NET",
    "29 CFR 1910.178 forklift standard",
    "Python 3.11.4",
    "1,200-participant trial with 260 adolescents aged 12 to 17",
    "ran experiments with children aged 4 to 8",
    "Increased revenue by 1,250,000 USD",
    "ISO 9001:2015 and ISO/IEC 27001",
    "Managed 3 stores across 2 states"
  ])("keeps substance: %s", (input) => {
    expect(r(input)).toBe(input)
  })

  it("removes every part of the name accent- and case-insensitively, keeps month names in dates", () => {
    expect(r("INÉS VALDIVIA\nInes Valdivia's portfolio\nines valdivia", "Inés Valdivia")).toBe("[NAME]\n[NAME]'s portfolio\n[NAME]")
    expect(r("Okonjo-Ferreira, Nadia", "Nadia Okonjo-Ferreira")).toBe("[NAME], [NAME]")
    expect(r("April Summers\nApril 2021 – May 2022", "April Summers")).toBe("[NAME]\nApril 2021 – May 2022")
    expect(r("Mark Rose\nSales rose by 20%; mark the calendar", "Mark Rose")).toBe("[NAME]\nSales rose by 20%; mark the calendar")
  })

  it("removes the e-mail addresses it is given even when spelled unusually", () => {
    expect(redactPii("Contact: JANE.DOE@Example.ORG", { emails: ["jane.doe@example.org"] })).toBe("Contact: [EMAIL]")
  })
})
