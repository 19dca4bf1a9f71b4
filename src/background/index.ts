/**
 * Background service worker (Chrome) / event page (Firefox): the only owner of secrets and of every
 * write to Lever. It can be stopped at any moment: all progress lives in the database, and the job
 * runner resumes from it on start (see src/background/runner).
 */
import "./messages"

import { installRetention } from "./retention"
import { listen } from "./router"
import { startRunner } from "./runner"

// Listeners are registered synchronously at start, so an alarm or message that woke the worker is seen.
listen()
installRetention()
startRunner()
