export default function Dashboard() {
  return <main><h1>Screening dashboard</h1></main>
}
