// One user's usage as the panel shows it: the hourly series of `GET /api/usage` folded into
// local calendar days (the server's hours are UTC; a day here is the viewer's day), and the
// time ranges the view offers.
import type { StatsGroup } from '../api/types'

export interface DayUsage {
  /** YYYY-MM-DD in the viewer's time zone. */
  day: string
  requests: number
  errors: number
  input_tokens: number
  output_tokens: number
  cost_usd: number
}

export const RANGES = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const
export type RangeName = keyof typeof RANGES

/** The local date of a unix-seconds hour start; `offsetMin` as `Date.getTimezoneOffset` gives it. */
export function localDay(hourStartSecs: number, offsetMin = new Date(hourStartSecs * 1000).getTimezoneOffset()): string {
  const d = new Date(hourStartSecs * 1000 - offsetMin * 60_000)
  return d.toISOString().slice(0, 10)
}

/** The hourly groups summed per local day, oldest first. */
export function byDay(series: StatsGroup[], offsetMin?: number): DayUsage[] {
  const days = new Map<string, DayUsage>()
  for (const g of series) {
    const secs = Number(g.group)
    if (!Number.isFinite(secs)) continue
    const day = localDay(secs, offsetMin)
    const d = days.get(day) ?? { day, requests: 0, errors: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 }
    d.requests += g.requests
    d.errors += g.errors
    d.input_tokens += g.input_tokens
    d.output_tokens += g.output_tokens
    d.cost_usd += g.cost_usd
    days.set(day, d)
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day))
}

/** Chart points (ms, requests) for the hourly series. */
export function hourlyPoints(series: StatsGroup[]): { t: number; v: number }[] {
  return series.map((g) => ({ t: Number(g.group) * 1000, v: g.requests })).filter((p) => Number.isFinite(p.t))
}
