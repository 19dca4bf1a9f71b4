import { getConnectionStatus } from "../../messaging/messages/connection-status"
import { currentConnectionStatus } from "../lever-session"
import { handle } from "../router"

handle(getConnectionStatus, () => currentConnectionStatus())
