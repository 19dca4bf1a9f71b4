export default function Options() {
  return <main><h1>Lever Screening settings</h1></main>
}
