import "../ui/styles.css"

import { DashboardApp } from "../dashboard/dashboard-app"

export default function Dashboard() {
  return <DashboardApp />
}
