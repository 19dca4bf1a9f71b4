/** Styles live inside shadow roots only: `all: initial` on the host keeps Lever's CSS out. */
const BASE = `
:host { all: initial; font: 12px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; }
* { box-sizing: border-box; }
button { font: inherit; cursor: pointer; border-radius: 4px; border: 1px solid #c5ccd3; background: #fff; color: #1f2933; padding: 3px 8px; }
button:hover:not(:disabled) { background: #f1f4f7; }
button:disabled { opacity: .6; cursor: default; }
button:focus-visible, select:focus-visible, a:focus-visible { outline: 2px solid #2b6cb0; outline-offset: 1px; }
select { font: inherit; padding: 2px 4px; border: 1px solid #c5ccd3; border-radius: 4px; max-width: 220px; }
.result { margin-top: 4px; }
.result.ok { color: #17663a; }
.result.error { color: #b42318; }
.band-high { --band: #17663a; --band-bg: #e3f5ea; }
.band-mid { --band: #8a5a00; --band-bg: #fdf1d8; }
.band-low { --band: #b42318; --band-bg: #fde7e5; }
.band-none { --band: #52606d; --band-bg: #eef1f4; }
.verdict-met { color: #17663a; }
.verdict-partial { color: #8a5a00; }
.verdict-not_met { color: #b42318; }
.verdict-unclear { color: #52606d; }
`

export const BADGE_CSS = `${BASE}
:host { display: inline-block; vertical-align: middle; margin-left: 6px; position: relative; }
.badge { display: inline-flex; align-items: center; gap: 3px; padding: 1px 6px; border-radius: 10px; border: 1px solid var(--band); background: var(--band-bg); color: var(--band); font-weight: 600; white-space: nowrap; min-width: 28px; justify-content: center; }
.badge.state-stale { border-style: dashed; }
.badge.state-archived { opacity: .7; text-decoration: line-through; }
.badge.state-loading { opacity: .5; }
.tip { display: none; position: absolute; z-index: 2147483646; left: 0; top: calc(100% + 4px); min-width: 240px; max-width: 360px; background: #fff; border: 1px solid #c5ccd3; border-radius: 6px; padding: 6px 8px; box-shadow: 0 4px 14px rgba(0,0,0,.15); white-space: normal; font-weight: 400; color: #1f2933; }
:host(:hover) .tip:not(.hidden), .badge:focus-visible + .tip:not(.hidden) { display: block; }
.tip ul { margin: 4px 0 0; padding-left: 16px; }
.menu { position: absolute; z-index: 2147483647; left: 0; top: calc(100% + 4px); background: #fff; border: 1px solid #c5ccd3; border-radius: 6px; padding: 8px; box-shadow: 0 4px 14px rgba(0,0,0,.2); min-width: 240px; display: flex; flex-direction: column; gap: 6px; white-space: normal; }
.menu .row { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
`

export const CARD_CSS = `${BASE}
:host { display: block; margin: 8px 0; }
:host(.floating) { position: fixed; right: 16px; bottom: 16px; width: 380px; max-height: 70vh; z-index: 2147483646; margin: 0; }
.card { background: #fff; border: 1px solid #c5ccd3; border-radius: 8px; padding: 10px 12px; box-shadow: 0 2px 10px rgba(0,0,0,.08); overflow: auto; max-height: inherit; }
:host(.floating) .card { max-height: 70vh; }
.head { display: flex; align-items: center; gap: 8px; }
.score { font-size: 22px; font-weight: 700; color: var(--band); background: var(--band-bg); border-radius: 6px; padding: 2px 8px; min-width: 48px; text-align: center; }
.title { font-weight: 600; }
.sub { color: #52606d; }
.close { margin-left: auto; border: none; background: transparent; font-size: 16px; padding: 0 4px; }
ol { padding-left: 18px; margin: 8px 0; }
li { margin-bottom: 6px; }
.req { font-weight: 600; }
.mandatory { font-size: 10px; text-transform: uppercase; color: #52606d; border: 1px solid #c5ccd3; border-radius: 3px; padding: 0 3px; margin-left: 4px; }
.verdict { font-weight: 600; margin-left: 4px; }
blockquote { margin: 2px 0 2px 6px; padding-left: 6px; border-left: 3px solid #c5ccd3; color: #323f4b; white-space: pre-wrap; }
.flags { margin: 6px 0; padding: 6px; border-radius: 6px; background: #fff6e5; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 8px; border-top: 1px solid #e4e7eb; padding-top: 8px; }
a { color: #2b6cb0; }
`
