/**
 * Background service worker (Chrome) / event page (Firefox): the only owner of secrets and of every
 * write to Lever. It can be stopped at any moment: all progress lives in the database, and the job
 * runner resumes from it on start (see src/background/runner).
 */
import "./messages"

import { listen } from "./router"
import { startRunner } from "./runner"

listen()
startRunner()
