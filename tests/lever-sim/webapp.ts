/**
 * A mock of Lever's web app (hire.lever.co) that behaves the way ../shared/lever/web-app.md says the
 * real one does, so the extension's content scripts meet the same difficulties:
 * - `/candidates?posting=<id>`: a pipeline list, one <tr> per candidate with a checkbox, the name as a
 *   link to `/candidates/<opportunityId>`, stage and tags, and a bulk action bar.
 * - `/candidates/<id>`: the profile opens as a flyover over the list, with previous/next controls.
 * - Navigation by pushState, never a reload; popstate handled.
 * - Every few seconds it re-renders: rows are RECYCLED by position (a row element may now show another
 *   candidate) and their contents rebuilt, so nodes it did not create disappear; the flyover too.
 * - It polls the simulator and inserts newly added applicants live; archived ones drop out.
 * - Strict CSP: scripts and styles only from its own origin, no inline script or style.
 * All names are escaped on the server and set with textContent on the client. It uses none of the
 * extension's code.
 */
import type { Opportunity, World } from "./world"

export interface WebAppPage {
  status: number
  headers: Record<string, string>
  body: string
}

export interface WebAppOptions {
  rerenderMs: number
}

export const WEBAPP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")

/** The row data the page's script works with (also served by GET /__sim/applicants). */
export interface WebAppRow {
  id: string
  postingId: string
  name: string
  headline: string
  email: string
  location: string
  stage: string
  stageId: string
  tags: string[]
  createdAt: number
  archived: boolean
  resumeName: string | null
}

export function webAppRow(world: World, o: Opportunity): WebAppRow {
  return {
    id: o.id,
    postingId: o.postingId,
    name: o.name,
    headline: o.headline,
    email: o.emails[0] ?? "",
    location: o.location,
    stage: world.stages.find((s) => s.id === o.stage)?.text ?? o.stage,
    stageId: o.stage,
    tags: [...o.tags],
    createdAt: o.createdAt,
    archived: o.archived !== null,
    resumeName: o.resume?.fileName ?? null
  }
}

/** Rows in the order the list shows them: newest applicants first. */
export function listRows(world: World, postingId: string | null, includeArchived: boolean): WebAppRow[] {
  const rows: WebAppRow[] = []
  for (const o of world.opportunities.values()) {
    if (postingId && o.postingId !== postingId) continue
    if (!includeArchived && o.archived) continue
    rows.push(webAppRow(world, o))
  }
  return rows.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1))
}

const formatDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

function rowHtml(row: WebAppRow): string {
  const name = escapeHtml(row.name)
  return (
    `<tr class="candidate-row" data-qa="candidate-row">` +
    `<td class="select"><input type="checkbox" class="row-check" aria-label="Select ${name}"></td>` +
    `<td class="name"><a class="candidate-link" data-qa="candidate-name" href="/candidates/${row.id}">${name}</a>` +
    `<div class="headline">${escapeHtml(row.headline)}</div></td>` +
    `<td class="stage">${escapeHtml(row.stage)}</td>` +
    `<td class="tags">${row.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join("")}</td>` +
    `<td class="applied">${formatDate(row.createdAt)}</td></tr>`
  )
}

function flyoverHtml(row: WebAppRow): string {
  return (
    `<div class="flyover-controls"><button type="button" class="prev" data-qa="profile-previous">‹ Previous</button>` +
    `<button type="button" class="next" data-qa="profile-next">Next ›</button>` +
    `<button type="button" class="close" data-qa="profile-close" aria-label="Close profile">×</button></div>` +
    `<header class="profile-header" data-qa="profile-header"><h1 class="profile-name" data-qa="profile-name">${escapeHtml(row.name)}</h1>` +
    `<div class="profile-headline">${escapeHtml(row.headline)}</div></header>` +
    `<dl class="profile-facts"><dt>Email</dt><dd>${escapeHtml(row.email)}</dd><dt>Location</dt><dd>${escapeHtml(row.location)}</dd>` +
    `<dt>Stage</dt><dd class="profile-stage">${escapeHtml(row.stage)}</dd><dt>Tags</dt><dd>${escapeHtml(row.tags.join(", ")) || "—"}</dd></dl>` +
    `<section class="resume" data-qa="resume-file">${row.resumeName ? `Resume: ${escapeHtml(row.resumeName)}` : "No resume"}</section>`
  )
}

function page(status: number, title: string, body: string, extraHeaders: Record<string, string> = {}): WebAppPage {
  return {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": WEBAPP_CSP,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
      ...extraHeaders
    },
    body:
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      `<link rel="icon" href="data:,"><link rel="stylesheet" href="/__app/app.css"><script src="/__app/app.js" defer></script></head>${body}</html>`
  }
}

export function renderWebApp(world: World, url: URL, options: WebAppOptions): WebAppPage {
  const path = url.pathname
  if (path === "/__app/app.js") {
    return { status: 200, headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" }, body: APP_JS }
  }
  if (path === "/__app/app.css") {
    return { status: 200, headers: { "content-type": "text/css; charset=utf-8", "cache-control": "no-store" }, body: APP_CSS }
  }
  if (path === "/" || path === "") return { status: 302, headers: { location: "/candidates" }, body: "" }

  const profileMatch = /^\/candidates\/([^/]+)\/?$/.exec(path)
  if (path !== "/candidates" && path !== "/candidates/" && !profileMatch) {
    return page(404, "Not found – Lever Hire", `<body><main><h1>Page not found</h1><p><a href="/candidates">Back to candidates</a></p></main></body>`)
  }
  let profile: Opportunity | undefined
  if (profileMatch) {
    const id = profileMatch[1]!
    profile = UUID.test(id) ? world.opportunities.get(id) : undefined
    if (!profile) return page(404, "Candidate not found – Lever Hire", `<body><main><h1>Candidate not found</h1><p><a href="/candidates">Back to candidates</a></p></main></body>`)
  }
  const requestedPosting = url.searchParams.get("posting")
  const postingId = profile?.postingId ?? (requestedPosting && world.posting(requestedPosting) ? requestedPosting : null)
  const includeArchived = url.searchParams.get("archived") === "true"
  const rows = listRows(world, postingId, includeArchived)
  const postingTitle = postingId ? world.posting(postingId)!.posting.text : "All opportunities"
  const title = profile ? `${profile.name} – Lever Hire` : "Candidates – Lever Hire"
  const postingOptions = world.postings
    .filter((p) => p.hasApplicants)
    .map((p) => `<li><a class="posting-link" href="/candidates?posting=${p.posting.id}">${escapeHtml(p.posting.text)}</a></li>`)
    .join("")
  const reasonOptions = world.archiveReasons
    .filter((r) => r.status === "active" && r.type === "non-hired")
    .map((r) => `<option value="${r.id}">${escapeHtml(r.text)}</option>`)
    .join("")
  const stageOptions = world.stages.map((st) => `<option value="${escapeHtml(st.id)}">${escapeHtml(st.text)}</option>`).join("")
  const body =
    `<body data-rerender-ms="${Math.max(200, Math.floor(options.rerenderMs))}" data-posting="${postingId ?? ""}" data-archived="${includeArchived}">` +
    `<nav class="topnav"><a class="brand" href="/candidates">Lever Hire</a><ul class="postings">${postingOptions}</ul></nav>` +
    `<main class="pipeline"><h1 class="posting-title">${escapeHtml(postingTitle)}</h1>` +
    `<div class="bulk-bar" data-qa="bulk-action-bar"><span class="selected-count">0 selected</span>` +
    `<select class="bulk-reason" aria-label="Archive reason">${reasonOptions}</select>` +
    `<button type="button" data-action="archive" disabled>Archive</button>` +
    `<select class="bulk-stage" aria-label="Stage">${stageOptions}</select>` +
    `<button type="button" data-action="stage" disabled>Change stage</button>` +
    `<span class="bulk-note" role="status"></span></div>` +
    `<table class="candidates" data-qa="candidates-table"><thead><tr><th class="select"><input type="checkbox" class="select-all" aria-label="Select all"></th>` +
    `<th>Name</th><th>Stage</th><th>Tags</th><th>Applied</th></tr></thead>` +
    `<tbody class="candidate-rows">${rows.map(rowHtml).join("")}</tbody></table>` +
    `<p class="row-count">${rows.length} candidates</p></main>` +
    `<aside class="flyover" role="dialog" aria-label="Candidate profile" data-qa="profile-flyover"${profile ? "" : " hidden"}>` +
    `${profile ? flyoverHtml(webAppRow(world, profile)) : ""}</aside></body>`
  return page(200, title, body)
}

/** The page's own script (served from /__app/app.js, allowed by `script-src 'self'`). */
const APP_JS = String.raw`"use strict";
(function () {
  var body = document.body;
  var rerenderMs = Number(body.getAttribute("data-rerender-ms")) || 5000;
  var postingId = body.getAttribute("data-posting") || "";
  var includeArchived = body.getAttribute("data-archived") === "true";
  var tbody = document.querySelector("tbody.candidate-rows");
  var flyover = document.querySelector("aside.flyover");
  var bulkBar = document.querySelector(".bulk-bar");
  var rows = [];
  var byId = new Map();
  var selected = new Set();
  var lastProfileId = null;
  var PROFILE = /^\/candidates\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function routeId() {
    var m = PROFILE.exec(location.pathname);
    return m ? m[1] : null;
  }

  function fillRow(tr, row) {
    // Rebuilding the row's children drops anything the app did not create (as Lever's re-renders do).
    tr.className = "candidate-row";
    tr.setAttribute("data-qa", "candidate-row");
    var check = el("input", "row-check");
    check.type = "checkbox";
    check.checked = selected.has(row.id);
    check.setAttribute("aria-label", "Select " + row.name);
    check.addEventListener("change", function () {
      if (check.checked) selected.add(row.id); else selected.delete(row.id);
      renderBulkBar();
    });
    var selectCell = el("td", "select");
    selectCell.appendChild(check);
    var link = el("a", "candidate-link", row.name);
    link.href = "/candidates/" + row.id;
    link.setAttribute("data-qa", "candidate-name");
    var nameCell = el("td", "name");
    nameCell.appendChild(link);
    nameCell.appendChild(el("div", "headline", row.headline));
    var tagsCell = el("td", "tags");
    row.tags.forEach(function (t) { tagsCell.appendChild(el("span", "tag", t)); });
    tr.replaceChildren(selectCell, nameCell, el("td", "stage", row.stage), tagsCell,
      el("td", "applied", new Date(row.createdAt).toISOString().slice(0, 10)));
  }

  function renderRows() {
    var existing = Array.prototype.slice.call(tbody.children);
    // Row elements are recycled by position; extra foreign children of tbody are removed.
    rows.forEach(function (row, i) {
      var tr = existing[i];
      if (!tr || tr.tagName !== "TR") {
        tr = document.createElement("tr");
        if (existing[i]) tbody.replaceChild(tr, existing[i]); else tbody.appendChild(tr);
      }
      fillRow(tr, row);
    });
    Array.prototype.slice.call(tbody.children, rows.length).forEach(function (n) { n.remove(); });
    var count = document.querySelector(".row-count");
    if (count) count.textContent = rows.length + " candidates";
  }

  function renderBulkBar() {
    var label = bulkBar.querySelector(".selected-count");
    label.textContent = selected.size + " selected";
    bulkBar.querySelectorAll("button").forEach(function (b) { b.disabled = selected.size === 0; });
    bulkBar.classList.toggle("active", selected.size > 0);
  }

  function renderFlyover() {
    var id = routeId();
    if (!id) {
      flyover.hidden = true;
      flyover.replaceChildren();
      lastProfileId = null;
      document.title = "Candidates – Lever Hire";
      return;
    }
    var row = byId.get(id);
    if (!row) {
      fetchJson("/__sim/applicants?id=" + encodeURIComponent(id)).then(function (res) {
        if (res.data[0]) { byId.set(id, res.data[0]); if (routeId() === id) renderFlyover(); }
      });
      return;
    }
    var controls = el("div", "flyover-controls");
    var prev = el("button", "prev", "‹ Previous");
    prev.type = "button";
    prev.setAttribute("data-qa", "profile-previous");
    var next = el("button", "next", "Next ›");
    next.type = "button";
    next.setAttribute("data-qa", "profile-next");
    var close = el("button", "close", "×");
    close.type = "button";
    close.setAttribute("data-qa", "profile-close");
    close.setAttribute("aria-label", "Close profile");
    var index = rows.findIndex(function (r) { return r.id === id; });
    prev.disabled = index <= 0;
    next.disabled = index < 0 || index >= rows.length - 1;
    prev.addEventListener("click", function () { if (index > 0) navigate("/candidates/" + rows[index - 1].id); });
    next.addEventListener("click", function () { if (index >= 0 && index < rows.length - 1) navigate("/candidates/" + rows[index + 1].id); });
    close.addEventListener("click", function () { navigate("/candidates" + (postingId ? "?posting=" + postingId : "")); });
    controls.append(prev, next, close);
    var header = el("header", "profile-header");
    header.setAttribute("data-qa", "profile-header");
    var h1 = el("h1", "profile-name", row.name);
    h1.setAttribute("data-qa", "profile-name");
    header.append(h1, el("div", "profile-headline", row.headline));
    var facts = el("dl", "profile-facts");
    [["Email", row.email], ["Location", row.location], ["Stage", row.stage], ["Tags", row.tags.join(", ") || "—"]].forEach(function (pair) {
      facts.append(el("dt", "", pair[0]), el("dd", "", pair[1]));
    });
    var resume = el("section", "resume", row.resumeName ? "Resume: " + row.resumeName : "No resume");
    resume.setAttribute("data-qa", "resume-file");
    flyover.replaceChildren(controls, header, facts, resume);
    flyover.hidden = false;
    lastProfileId = id;
    document.title = row.name + " – Lever Hire";
  }

  function render() {
    renderRows();
    renderBulkBar();
    renderFlyover();
  }

  function navigate(url) {
    history.pushState({}, "", url);
    render();
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  function refresh() {
    var url = "/__sim/applicants?" + (postingId ? "posting=" + encodeURIComponent(postingId) + "&" : "") + "archived=" + includeArchived;
    return fetchJson(url).then(function (res) {
      rows = res.data;
      rows.forEach(function (r) { byId.set(r.id, r); });
      render();
    }).catch(function () { /* keep the last rows; the next tick retries */ });
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest("a[href^='/candidates']") : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    var href = link.getAttribute("href");
    if (PROFILE.test(href.split("?")[0]) || href.split("?")[0] === "/candidates") {
      var targetPosting = /[?&]posting=([^&]+)/.exec(href);
      if (href.split("?")[0] === "/candidates" && targetPosting && targetPosting[1] !== postingId) return; // another posting: full load
      event.preventDefault();
      navigate(href);
    }
  });
  document.querySelector(".select-all").addEventListener("change", function (event) {
    rows.forEach(function (r) { if (event.target.checked) selected.add(r.id); else selected.delete(r.id); });
    render();
  });
  bulkBar.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button || selected.size === 0) return;
    var action = button.getAttribute("data-action");
    var payload = { action: action, ids: Array.from(selected) };
    if (action === "archive") payload.reason = bulkBar.querySelector(".bulk-reason").value;
    else payload.stage = bulkBar.querySelector(".bulk-stage").value;
    var note = bulkBar.querySelector(".bulk-note");
    note.textContent = "Working…";
    fetch("/__sim/webapp/bulk", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) })
      .then(function (r) { return r.json().then(function (b) { if (!r.ok) throw new Error(b.message || ("HTTP " + r.status)); return b; }); })
      .then(function (b) { note.textContent = (action === "archive" ? "Archived " : "Moved ") + b.updated + " candidates"; selected.clear(); return refresh(); })
      .catch(function (e) { note.textContent = "Failed: " + e.message; });
  });
  window.addEventListener("popstate", render);

  refresh();
  setInterval(refresh, rerenderMs);
})();
`

const APP_CSS = `
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1f2430;background:#f6f7f9}
.topnav{display:flex;gap:1.5em;align-items:center;background:#262b36;color:#fff;padding:.6em 1.2em}
.topnav a{color:#dfe6f5;text-decoration:none}.topnav ul{display:flex;gap:1em;list-style:none;margin:0;padding:0}
.pipeline{padding:1em 1.5em}.posting-title{font-size:1.3em;margin:.2em 0 .6em}
.bulk-bar{display:flex;gap:.6em;align-items:center;padding:.4em .6em;background:#e9edf5;border-radius:4px;margin-bottom:.6em}
.bulk-bar.active{background:#d7e3ff}
table.candidates{border-collapse:collapse;width:100%;background:#fff}
table.candidates th,table.candidates td{border-bottom:1px solid #e3e6eb;padding:.45em .6em;text-align:left;vertical-align:top}
.headline{color:#6a7180;font-size:.9em}.tag{display:inline-block;background:#eef1f6;border-radius:3px;padding:0 .4em;margin-right:.3em;font-size:.85em}
.flyover{position:fixed;top:0;right:0;bottom:0;width:min(520px,90vw);background:#fff;box-shadow:-4px 0 16px rgba(0,0,0,.18);padding:1em 1.4em;overflow:auto}
.flyover[hidden]{display:none}.flyover-controls{display:flex;gap:.5em;justify-content:flex-end}
.profile-name{font-size:1.5em;margin:.4em 0 .1em}.profile-facts{display:grid;grid-template-columns:auto 1fr;gap:.2em 1em}
`
