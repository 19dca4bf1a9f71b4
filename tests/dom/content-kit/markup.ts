/**
 * Saved markup shaped like Lever's pipeline list (shared/lever/web-app.md): no class names are relied
 * on; rows are <tr> with a checkbox, avatar and name links; a flyover panel may sit inside the list.
 */
import { id } from "./fake-background"

export function tableRow(n: number, name = `Candidate ${n}`, options: { absolute?: boolean; suffix?: string } = {}): string {
  const href = `${options.absolute ? "https://hire.lever.co" : ""}/candidates/${id(n)}${options.suffix ?? ""}`
  return `<tr class="x1">
    <td><input type="checkbox" aria-label="select"></td>
    <td><a href="${href}" class="avatar"><img alt=""></a> <a href="${href}">${name}</a><div class="sub">Engineer · a@example.org</div></td>
    <td><a href="/candidates?stageId=applicant-new">New applicant</a></td>
  </tr>`
}

export function listPage(rows: string, extra = ""): string {
  return `<div id="app"><nav><ul><li><a href="/candidates">Candidates</a></li><li><a href="/jobs">Jobs</a></li></ul></nav>
  <table><thead><tr><th>Name</th></tr></thead><tbody id="rows">${rows}</tbody></table>${extra}</div>`
}

export function flyover(n: number): string {
  return `<div role="dialog" class="profile-flyover"><header data-qa="profile-header"><h1>Flyover person</h1></header>
    <a href="/candidates/${id(n)}">${"Self link"}</a><a href="/candidates/${id(n + 1)}" aria-label="Next">Next</a></div>`
}
