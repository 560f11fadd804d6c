// A QR code as one SVG path (no canvas, no inline markup: it renders under the strict CSP), with
// the encoder (qrcode-generator) loaded on first use so it never weighs on the first page load.
// The text a QR is made of may hold a key: callers render it only after an explicit click.

export interface QrShape {
  /** Modules per side, margin included (the SVG viewBox is size × size). */
  size: number
  /** `M x y h1 v1 h-1 z` per dark module. */
  path: string
}

type Encoder = (typeNumber: 0, level: 'L' | 'M' | 'Q' | 'H') => {
  addData(data: string, mode?: 'Byte'): void
  make(): void
  getModuleCount(): number
  isDark(row: number, col: number): boolean
}
type Factory = Encoder & { stringToBytes: (s: string) => number[] }

let encoder: Promise<Factory> | null = null

/** The encoder module, imported once (a separate chunk). */
export function loadEncoder(load: () => Promise<unknown> = () => import('qrcode-generator')): Promise<Factory> {
  encoder ??= load().then((m) => {
    const f = ((m as { default?: Factory }).default ?? m) as Factory
    // Byte mode in UTF-8 (the default maps each char to one byte).
    f.stringToBytes = (s: string) => Array.from(new TextEncoder().encode(s))
    return f
  }).catch((e) => {
    encoder = null
    throw e
  })
  return encoder
}

/** The path of the dark modules of a `count`-module code, `margin` modules around it. */
export function shapeOf(count: number, isDark: (row: number, col: number) => boolean, margin = 2): QrShape {
  const parts: string[] = []
  for (let r = 0; r < count; r++) {
    for (let c = 0; c < count; c++) {
      if (isDark(r, c)) parts.push(`M${c + margin} ${r + margin}h1v1h-1z`)
    }
  }
  return { size: count + 2 * margin, path: parts.join('') }
}

/** The QR code of `text` (error correction M). */
export async function qrShape(text: string, margin = 2): Promise<QrShape> {
  const qrcode = await loadEncoder()
  const q = qrcode(0, 'M')
  q.addData(text, 'Byte')
  q.make()
  return shapeOf(q.getModuleCount(), (r, c) => q.isDark(r, c), margin)
}
