export * from "./contract"
export * from "./guards"
export { ping } from "./messages/ping"
export { getConnectionStatus } from "./messages/connection-status"
