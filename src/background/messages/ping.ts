import browser from "webextension-polyfill"

import { isLeverWebUrl } from "../../messaging/guards"
import { ping } from "../../messaging/messages/ping"
import { handle } from "../router"

handle(ping, (_body, sender) => ({
  version: browser.runtime.getManifest().version,
  audience: sender.tab && isLeverWebUrl(sender.tab.url) ? "content" : "page"
}))
