// Rolling per-bucket series for the live charts: events are counted into fixed-width time
// buckets, and only the last `buckets` are kept. No timers: `points(now)` fills empty buckets.

export interface Point {
  t: number
  v: number
}

export class RollingSeries {
  private sums = new Map<number, number>()
  private counts = new Map<number, number>()

  constructor(
    public readonly bucketMs: number,
    public readonly buckets: number,
  ) {}

  private bucket(t: number): number {
    return Math.floor(t / this.bucketMs) * this.bucketMs
  }

  add(t: number, value = 1): void {
    const b = this.bucket(t)
    this.sums.set(b, (this.sums.get(b) ?? 0) + value)
    this.counts.set(b, (this.counts.get(b) ?? 0) + 1)
    this.prune(t)
  }

  private prune(now: number): void {
    const oldest = this.bucket(now) - (this.buckets - 1) * this.bucketMs
    for (const k of this.sums.keys()) {
      if (k < oldest) {
        this.sums.delete(k)
        this.counts.delete(k)
      }
    }
  }

  /** One point per bucket, oldest first, ending at `now`'s bucket; `mode` sums or averages. */
  points(now: number, mode: 'sum' | 'avg' = 'sum'): Point[] {
    const last = this.bucket(now)
    const out: Point[] = []
    for (let i = this.buckets - 1; i >= 0; i--) {
      const t = last - i * this.bucketMs
      const s = this.sums.get(t) ?? 0
      const c = this.counts.get(t) ?? 0
      out.push({ t, v: mode === 'avg' ? (c ? s / c : 0) : s })
    }
    return out
  }
}

/** SVG path data for `points` scaled into a w×h box (y grows down), with its max. */
export function linePath(points: Point[], w: number, h: number): { d: string; max: number } {
  if (!points.length) return { d: '', max: 0 }
  const max = Math.max(...points.map((p) => p.v), 0)
  const scaleY = (v: number) => (max > 0 ? h - (v / max) * h : h)
  const stepX = points.length > 1 ? w / (points.length - 1) : 0
  const d = points.map((p, i) => `${i ? 'L' : 'M'}${(i * stepX).toFixed(1)},${scaleY(p.v).toFixed(1)}`).join(' ')
  return { d, max }
}
