import "./ui/styles.css"

import { PopupApp } from "./popup/popup-app"

export default function Popup() {
  return <PopupApp />
}
