/** A small inline SVG histogram of scores, so a recruiter sees where to draw the line. */
import type { CandidateRow } from "../db/repositories/candidates"
import { scoreHistogram } from "./table-model"

export function ScoreHistogram({ rows, width = 260, height = 70 }: { rows: CandidateRow[]; width?: number; height?: number }) {
  const bins = scoreHistogram(rows)
  const max = Math.max(1, ...bins)
  const scored = bins.reduce((sum, n) => sum + n, 0)
  const barWidth = width / bins.length
  const summary = bins.map((n, i) => `${i * 10}–${i === bins.length - 1 ? 100 : i * 10 + 9}: ${n}`).join(", ")
  return (
    <figure style={{ margin: 0 }}>
      <svg width={width} height={height + 14} role="img" aria-label={`Score distribution of ${scored} scored candidates. ${summary}`}>
        {bins.map((count, index) => {
          const barHeight = Math.round((count / max) * height)
          return (
            <g key={index}>
              <rect x={index * barWidth + 1} y={height - barHeight} width={barWidth - 2} height={barHeight} fill="#1f5fbf">
                <title>{`${index * 10}–${index === bins.length - 1 ? 100 : index * 10 + 9}: ${count}`}</title>
              </rect>
              {index % 2 === 0 && (
                <text x={index * barWidth + 1} y={height + 12} fontSize="9" fill="#5b6475">
                  {index * 10}
                </text>
              )}
            </g>
          )
        })}
      </svg>
      <figcaption className="muted">{scored === 0 ? "No scores yet." : `${scored} scored`}</figcaption>
    </figure>
  )
}
