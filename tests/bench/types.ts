/** One line of `npm run bench`: a figure, its unit, its budget and whether the budget is met. */
export interface BenchResult {
  name: string
  value: number
  unit: string
  budget?: string
  ok?: boolean
}
