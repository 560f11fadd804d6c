// Number, duration, cost and time formatting for every view (locale-aware through Intl).

export function fmtInt(n: number | null | undefined, locale = 'en'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  return new Intl.NumberFormat(locale).format(Math.round(n))
}

/** 1234 → 1.2K, 1234567 → 1.2M (compact, for cards and charts). */
export function fmtCompact(n: number | null | undefined, locale = 'en'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n)
}

export function fmtMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  if (ms < 1) return ms.toFixed(2) + ' ms'
  if (ms < 1000) return Math.round(ms) + ' ms'
  if (ms < 60_000) return (ms / 1000).toFixed(ms < 10_000 ? 2 : 1) + ' s'
  return (ms / 60_000).toFixed(1) + ' min'
}

export function fmtCost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return '—'
  if (usd === 0) return '$0'
  if (usd < 0.01) return '$' + usd.toFixed(4)
  return '$' + usd.toFixed(2)
}

export function fmtPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—'
  const p = ratio * 100
  return (p < 10 && p > 0 ? p.toFixed(1) : Math.round(p).toString()) + '%'
}

export function fmtTime(ms: number | null | undefined, locale = 'en'): string {
  if (!ms) return '—'
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(ms))
}

export function fmtClock(ms: number, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(
    new Date(ms),
  )
}

/** "3 min ago" through Intl.RelativeTimeFormat. */
export function fmtAgo(ms: number | null | undefined, now: number, locale = 'en'): string {
  if (!ms) return '—'
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const s = Math.round((ms - now) / 1000)
  const a = Math.abs(s)
  if (a < 60) return rtf.format(s, 'second')
  if (a < 3600) return rtf.format(Math.round(s / 60), 'minute')
  if (a < 86400) return rtf.format(Math.round(s / 3600), 'hour')
  return rtf.format(Math.round(s / 86400), 'day')
}

export function fmtUptime(secs: number): string {
  const d = Math.floor(secs / 86400)
  const h = Math.floor((secs % 86400) / 3600)
  const m = Math.floor((secs % 3600) / 60)
  if (d) return `${d}d ${h}h`
  if (h) return `${h}h ${m}m`
  return `${m}m ${secs % 60}s`
}

/** Status class for a badge: 2xx ok, 4xx client, 5xx and 0 (no answer) error. */
export function statusClass(status: number): 'success' | 'warning' | 'error' {
  if (status >= 200 && status < 300) return 'success'
  if (status >= 400 && status < 500) return 'warning'
  return 'error'
}
