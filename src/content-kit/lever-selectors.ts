/**
 * Every assumption about Lever's web-app markup, in one place (see shared/lever/web-app.md). No public
 * source shows today's row markup, so nothing here depends on class names: URLs are the stable signal.
 * When Lever changes its app, this is the only file to touch; tests/dom/content-kit checks it on saved markup.
 */

/** Lever opportunity ids: lowercase UUIDs (matched case-insensitively to be lenient). */
export const UUID_SOURCE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
export const UUID = new RegExp(`^${UUID_SOURCE}$`, "i")
/** A profile path: `/candidates/<uuid>` followed by nothing, a slash, a query or a fragment. */
export const PROFILE_PATH = new RegExp(`^/candidates/(${UUID_SOURCE})(?:[/?#]|$)`, "i")
/** A UUID anywhere in an attribute value (fallback for rows without a profile link). */
export const UUID_IN_TEXT = new RegExp(UUID_SOURCE, "i")

/** Anchors that may point at a profile; the path check (PROFILE_PATH) decides. */
export const CANDIDATE_LINK = 'a[href*="/candidates/"]'

/** What counts as a list row around a candidate link. */
export const ROW = 'tr, [role="row"], li'

/** Inside a row without a link, the element likely to carry the candidate id (fallback: checkbox value, data ids). */
export const ID_CARRIER = 'input[type="checkbox"][value], [data-id], [data-opportunity-id], [data-candidate-id], [data-qa*="candidate" i]'

/** The profile flyover over the list: links inside it are not list rows. */
export const FLYOVER = '[role="dialog"], [aria-modal="true"], [data-qa*="flyover" i]'

/** The profile header, where the score card mounts when found (else a fixed panel). */
export const PROFILE_HEADER = '[data-qa="profile-header"], [data-qa*="profile-header" i], [class*="profile-header" i], header[class*="profile" i]'

/** Lever's document title on a profile: "<Full Name> – Lever Hire" (en dash). */
export const PROFILE_TITLE_SUFFIX = /\s+[–-]\s+Lever Hire\s*$/

/** Our own elements: never treated as Lever's, never observed as mutations. */
export const OWN_HOST_TAG = "lever-screening-badge"
export const OWN_CARD_TAG = "lever-screening-card"
export const OWN_ATTR = "data-lever-screening"
