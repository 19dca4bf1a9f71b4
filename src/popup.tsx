export default function Popup() {
  return <main><h1>Lever Screening</h1><p>Set up an analysis for a posting.</p></main>
}
