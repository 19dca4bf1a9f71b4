import { describe, expect, it } from "vitest"
import { layoutPage, layoutPages, repairHyphenation, type PositionedRun } from "~core/resume/layout"

/** Runs for a line of text at (x, y), one run per word, Helvetica-ish widths (0.5 em per char). */
function line(text: string, x: number, y: number, size = 10): PositionedRun[] {
  const runs: PositionedRun[] = []
  let cx = x
  for (const word of text.split(" ")) {
    const width = word.length * size * 0.5
    runs.push({ str: word, x: cx, y, width, fontSize: size })
    cx += width + size * 0.28
  }
  return runs
}

const page = (runs: PositionedRun[]) => ({ width: 612, height: 792, runs })

describe("layoutPage", () => {
  it("rebuilds lines from shuffled runs and spaces words by their gaps", () => {
    const runs = [...line("Senior Engineer at Acme", 50, 700), ...line("Built the billing system", 50, 686)].reverse()
    expect(layoutPage(page(runs))).toBe("Senior Engineer at Acme\nBuilt the billing system")
  })

  it("joins glyph runs without gaps into one word and collapses letter-spaced headings", () => {
    const runs: PositionedRun[] = [
      { str: "Type", x: 50, y: 700, width: 20, fontSize: 10 },
      { str: "Script", x: 70, y: 700, width: 30, fontSize: 10 },
      ...line("S K I L L S", 50, 680)
    ]
    expect(layoutPage(page(runs))).toBe("TypeScript\nSKILLS")
  })

  it("reads two columns column by column, the wider (main) one first, with a full-width header", () => {
    const runs: PositionedRun[] = [...line("JANE EXAMPLE — Senior Frontend Engineer — Toronto", 40, 760, 12)]
    const sidebar = ["SKILLS", "React, TypeScript,", "GraphQL, Jest", "EDUCATION", "B.Sc. Computer Science", "Example University", "LANGUAGES", "English, French"]
    const main = [
      "EXPERIENCE",
      "Acme Corp — Frontend Engineer",
      "Jan 2020 – Present",
      "- Built dashboards in React for clinics",
      "- Led the accessibility audit and fixes",
      "Beta Inc — Web Developer",
      "2016 – 2019",
      "- Built marketing sites for retail clients"
    ]
    let y = 720
    for (let i = 0; i < Math.max(sidebar.length, main.length); i++, y -= 14) {
      if (sidebar[i]) runs.push(...line(sidebar[i], 40, y))
      if (main[i]) runs.push(...line(main[i], 220, y))
    }
    const text = layoutPage(page(runs))
    expect(text.split("\n\n")).toEqual([
      "JANE EXAMPLE — Senior Frontend Engineer — Toronto",
      main.join("\n"),
      "SKILLS\nReact, TypeScript, GraphQL, Jest\nEDUCATION\nB.Sc. Computer Science\nExample University\nLANGUAGES\nEnglish, French"
    ])
  })

  it("does not split a one-column page with right-aligned dates into columns", () => {
    const runs: PositionedRun[] = []
    let y = 740
    for (let i = 0; i < 6; i++) {
      runs.push(...line(`Engineer at Company ${i}`, 50, y), ...line(`Jan 201${i} – Dec 201${i}`, 480, y))
      y -= 14
      runs.push(...line("- Built and shipped many features for many users across the whole product line", 50, y))
      y -= 14
    }
    const text = layoutPage(page(runs))
    expect(text.split("\n")[0]).toBe("Engineer at Company 0 · Jan 2010 – Dec 2010")
    expect(text.split("\n")[1]).toMatch(/^- Built/)
  })

  it("joins a bullet's wrapped line (hanging indent), keeps bullets and paragraphs apart", () => {
    const runs: PositionedRun[] = [
      ...line("• Migrated the shipper portal from Create React App to Remix for", 50, 700),
      ...line("server rendering and streaming", 57, 686),
      ...line("• Owned the accessibility roadmap", 50, 672),
      ...line("EDUCATION", 50, 640)
    ]
    expect(layoutPage(page(runs))).toBe(
      "• Migrated the shipper portal from Create React App to Remix for server rendering and streaming\n• Owned the accessibility roadmap\n\nEDUCATION"
    )
  })

  it("puts pages in order with a blank line between them", () => {
    expect(layoutPages([page(line("Page one", 50, 700)), page([]), page(line("Page two", 50, 700))])).toBe("Page one\n\nPage two")
  })
})

describe("repairHyphenation", () => {
  it.each([
    ["object-\u0000oriented design", "object-oriented design"],
    ["Imple-\u0000mented auth", "Implemented auth"],
    ["informa-\u0000tion systems", "information systems"],
    ["develop-\u0000ment and development", "development and development"],
    ["cross-\u0000functional", "cross-functional"]
  ])("%j → %j", (input, expected) => {
    expect(repairHyphenation(input)).toBe(expected)
  })
})
