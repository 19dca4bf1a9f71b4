/** Anchor-first row finding and route parsing on saved markup. */
import { beforeEach, describe, expect, it } from "vitest"

import { findRows } from "~/content-kit/rows"
import { parseRoute } from "~/content-kit/route"
import { id } from "./fake-background"
import { flyover, listPage, tableRow } from "./markup"

beforeEach(() => {
  document.body.innerHTML = ""
})

describe("findRows", () => {
  it("finds one row per candidate from avatar and name links, relative or absolute, ignoring list filters", () => {
    document.body.innerHTML = listPage(tableRow(1) + tableRow(2, "Two", { absolute: true }) + tableRow(3, "Three", { suffix: "?tab=feedback" }))
    const rows = findRows(document)
    expect(rows.map((r) => r.id)).toEqual([id(1), id(2), id(3)])
    expect(rows.every((r) => r.row.tagName === "TR")).toBe(true)
    // The badge goes next to the name link, not the empty avatar link.
    expect(rows[0].anchor?.textContent).toBe("Candidate 1")
  })

  it("rejects paths that only look like profiles", () => {
    document.body.innerHTML = listPage(`
      <tr><td><a href="/candidates/${id(1)}x">bad suffix</a></td></tr>
      <tr><td><a href="/candidates/not-a-uuid">not a uuid</a></td></tr>
      <tr><td><a href="/jobs/candidates/${id(2)}">elsewhere</a></td></tr>
      <tr><td><a href="/candidates/${id(3)}/">ok</a></td></tr>`)
    expect(findRows(document).map((r) => r.id)).toEqual([id(3)])
  })

  it("falls back to a UUID attribute in rows without links", () => {
    document.body.innerHTML = listPage(`
      <tr data-qa="candidate-row" data-id="${id(7)}"><td>No link here</td></tr>
      <tr><td><input type="checkbox" value="${id(8)}"></td><td>Checkbox only</td></tr>
      <tr><td>nothing</td></tr>`)
    expect(findRows(document).map((r) => r.id)).toEqual([id(7), id(8)])
  })

  it("ignores links inside the profile flyover, but keeps the list under it", () => {
    document.body.innerHTML = listPage(tableRow(1) + tableRow(2), flyover(40))
    expect(findRows(document).map((r) => r.id)).toEqual([id(1), id(2)])
  })

  it("works on role=row grids and list items", () => {
    document.body.innerHTML = `<div role="grid"><div role="row"><a href="/candidates/${id(1)}">A</a></div></div>
      <ul><li><a href="/candidates/${id(2)}">B</a></li></ul>`
    const rows = findRows(document)
    expect(rows.map((r) => [r.id, r.row.tagName])).toEqual([
      [id(1), "DIV"],
      [id(2), "LI"]
    ])
  })

  it("skips a container that links to several candidates", () => {
    document.body.innerHTML = `<ul><li><a href="/candidates/${id(1)}">A</a> and <a href="/candidates/${id(2)}">B</a></li></ul>`
    expect(findRows(document)).toEqual([])
  })
})

describe("parseRoute", () => {
  it("tells profiles (with any suffix) from lists and other pages", () => {
    expect(parseRoute(`https://hire.lever.co/candidates/${id(1)}`)).toEqual({ kind: "profile", opportunityId: id(1) })
    expect(parseRoute(`https://hire.lever.co/candidates/${id(1).toUpperCase()}/feedback#x`)).toEqual({ kind: "profile", opportunityId: id(1) })
    expect(parseRoute("https://hire.lever.co/candidates?posting=abc&stageId=applicant-new")).toEqual({ kind: "list" })
    expect(parseRoute("https://hire.lever.co/jobs/postings/edit/123")).toEqual({ kind: "other" })
    expect(parseRoute("not a url")).toEqual({ kind: "other" })
  })
})
