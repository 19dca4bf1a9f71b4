// Every handler module registers itself with the router on import. One file per message.
import "./ping"
import "./connection-status"
import "./actions"
