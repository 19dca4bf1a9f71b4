import "./ui/styles.css"
import "./options/options.css"

import { OptionsApp } from "./options/options-app"

export default function Options() {
  return <OptionsApp />
}
