import fs from "node:fs"
import path from "node:path"

import { describe, expect, it } from "vitest"

import { decodeEntities, looksLikeHtml, parsePosting, postingToPlainText } from "~core/requirements/posting-text"

const SHARED = path.resolve(__dirname, "../../../../shared")

describe("decodeEntities", () => {
  it("decodes named, decimal and hex entities and leaves unknown ones alone", () => {
    expect(decodeEntities("R&amp;D &lt;b&gt; caf&eacute; &#39;x&#39; &#x2014; &nbsp;|&bogus; AT&T")).toBe("R&D <b> café 'x' —  |&bogus; AT&T") // &nbsp; becomes a plain space
    expect(decodeEntities("&#0; &#xD800; &#99999999;")).toBe("\uFFFD \uFFFD \uFFFD")
  })
})

describe("parsePosting", () => {
  it("reads a Lever v1 posting: description, lists with headings (items), closing", () => {
    const posting = JSON.parse(fs.readFileSync(path.join(SHARED, "eval-dev/postings/clinical-research-coordinator.json"), "utf8"))
    const doc = parsePosting(posting)
    expect(doc.title).toBe("Clinical Research Coordinator")
    const headings = doc.sections.map((s) => [s.origin, s.heading])
    expect(headings).toEqual([
      ["description", null],
      ["list", "What you'll do"],
      ["list", "What you'll need"],
      ["closing", null]
    ])
    const need = doc.sections[2]!
    expect(need.entries).toHaveLength(8)
    expect(need.entries.every((e) => e.kind === "item")).toBe(true)
    expect(need.entries[0]!.text).toBe("Bachelor's degree in a life science, nursing, public health or a related field")
    expect(doc.sections[0]!.entries.map((e) => e.kind)).toEqual(["paragraph", "paragraph"])
  })

  it("falls back to the plain description when descriptionHtml is missing", () => {
    const doc = parsePosting({ text: "X", content: { description: "First paragraph.\n\nSecond paragraph.", lists: [] } })
    expect(doc.sections[0]!.entries.map((e) => e.text)).toEqual(["First paragraph.", "Second paragraph."])
  })

  it("reads the public v0 shape (descriptionPlain/description, lists, additional)", () => {
    const v0 = JSON.parse(fs.readFileSync(path.join(SHARED, "fixtures/jd/lever/lubobali__lever_postings.json"), "utf8"))[0]
    const doc = parsePosting(v0)
    expect(doc.sections.map((s) => s.heading)).toEqual([null, "What You'll Do", "Who You Are", "Where You'll Be", null])
    expect(doc.sections[2]!.entries[0]).toEqual({ kind: "item", text: "You have experience developing Android applications using Kotlin." })
    expect(doc.sections.at(-1)!.origin).toBe("closing")
  })

  it("decodes entity-escaped HTML (Greenhouse) and keeps heading levels", () => {
    const job = JSON.parse(fs.readFileSync(path.join(SHARED, "fixtures/jd/greenhouse/lubobali__greenhouse_jobs.json"), "utf8")).jobs[0]
    expect(looksLikeHtml(job.content)).toBe(true)
    const doc = parsePosting(job.content)
    const min = doc.sections.find((s) => s.heading === "Minimum qualifications")!
    expect(min.level).toBe(2)
    expect(min.entries.length).toBeGreaterThanOrEqual(3)
    const text = postingToPlainText(doc)
    expect(text).not.toMatch(/&lt;|&amp;|&#39;|<\/?(p|li|h2|strong)>/)
  })

  it("finds headings in bold paragraphs, bold lead-ins and colon lines; skips script and style", () => {
    const html = `<p><strong>Requirements</strong></p><ul><li>Go</li><li><p>Rust</p></li></ul>
      <p><b>Nice to have:</b> Kafka experience</p><div>Skills:</div><div>SQL</div>
      <script>var x = "<li>not a requirement</li>"</script><style>.a{}</style><p>Plain prose here.</p>`
    const doc = parsePosting(html)
    expect(doc.sections.map((s) => [s.heading, s.level, s.entries.map((e) => `${e.kind}:${e.text}`)])).toEqual([
      ["Requirements", 7, ["item:Go", "item:Rust"]],
      ["Nice to have", 9, ["paragraph:Kafka experience"]],
      ["Skills", 8, ["paragraph:SQL", "paragraph:Plain prose here."]]
    ])
  })

  it("joins sub-bullets onto a bullet that ends with a colon; a lone 'Nice to have:' bullet is a heading", () => {
    const html = "<h3>Requirements</h3><ul><li>Experience with:<ul><li>Python</li><li>Go or Rust;</li></ul></li><li>3+ years in fintech</li><li>Nice to have:</li><li>Kafka</li></ul>"
    expect(parsePosting(html).sections.map((s) => [s.heading, s.entries.map((e) => e.text)])).toEqual([
      ["Requirements", ["Experience with: Python, Go or Rust", "3+ years in fintech"]],
      ["Nice to have", ["Kafka"]]
    ])
  })

  it("plain text: joins hard-wrapped lines, keeps one line per item, reads inline and bare headings", () => {
    const text = [
      "Senior Data Engineer",
      "",
      "We build data pipelines for hospitals and clinics, and we are",
      "growing fast.",
      "",
      "Requirements:",
      "5+ years of Python.",
      "Experience with Airflow or Dagster.",
      "",
      "Nice to have",
      "• dbt",
      "• Snowflake or BigQuery, ideally with scal-",
      "able warehouse design",
      "",
      "Benefits: health insurance, 401(k)",
      "",
      "Education: BSN required",
      "Certification: BLS within 30 days",
      "More requirement text after the labelled fields."
    ].join("\n")
    const doc = parsePosting(text)
    expect(doc.sections.map((s) => [s.heading, s.entries.map((e) => `${e.kind}:${e.text}`)])).toEqual([
      ["Senior Data Engineer", ["paragraph:We build data pipelines for hospitals and clinics, and we are growing fast."]],
      ["Requirements", ["item:5+ years of Python.", "item:Experience with Airflow or Dagster."]],
      ["Nice to have", ["item:dbt", "item:Snowflake or BigQuery, ideally with scal-able warehouse design"]],
      ["Benefits", ["paragraph:health insurance, 401(k)"]],
      // Labelled fields get a section each; text after them goes back under the heading before them.
      ["Education", ["paragraph:BSN required"]],
      ["Certification", ["paragraph:BLS within 30 days"]],
      ["Nice to have", ["paragraph:More requirement text after the labelled fields."]]
    ])
  })

  it("reads Markdown headings, bold and bullets in plain text", () => {
    const doc = parsePosting("## About the job\nWe build things.\n\n## Requirements\n- **5+ years** of Java\n- Spring Boot\n\n**Nice to have:**\n* Kotlin\n* GCP")
    expect(doc.sections.map((s) => [s.heading, s.entries.map((e) => `${e.kind}:${e.text}`)])).toEqual([
      ["About the job", ["paragraph:We build things."]],
      ["Requirements", ["item:5+ years of Java", "item:Spring Boot"]],
      ["Nice to have", ["item:Kotlin", "item:GCP"]]
    ])
  })

  it("never throws on odd input", () => {
    expect(parsePosting(null as never)).toEqual({ sections: [] })
    expect(parsePosting({ content: { lists: [null as never, { text: "Req", content: 7 as never }] } }).sections).toEqual([
      { heading: "Req", level: 2, origin: "list", entries: [] }
    ])
    expect(parsePosting("<li>unclosed <b>bold").sections[0]!.entries[0]!.text).toBe("unclosed bold")
  })
})
