// The Settings form: the common config keys it edits (dotted paths, kind, the default a missing
// key means), their values read out of `GET /api/settings`'s tree, and the changes to send to
// `PATCH /api/settings` — only the fields that differ from what was loaded.

export type FieldKind = 'text' | 'number' | 'bool' | 'select' | 'provider'

export interface Field {
  path: string
  kind: FieldKind
  /** What the server uses when the key is not written. */
  def: string | number | boolean | null
  /** For `select`. */
  options?: string[]
  /** Card the field belongs to (an i18n key under `settings.`). */
  group: 'server' | 'logging' | 'routing' | 'limits'
}

export const FIELDS: Field[] = [
  { path: 'server.public_host', kind: 'text', def: '', group: 'server' },
  { path: 'logging.enabled', kind: 'bool', def: true, group: 'logging' },
  { path: 'logging.store_bodies', kind: 'bool', def: true, group: 'logging' },
  { path: 'logging.max_age_days', kind: 'number', def: 30, group: 'logging' },
  { path: 'logging.max_size_mb', kind: 'number', def: 1024, group: 'logging' },
  { path: 'logging.max_body_bytes', kind: 'number', def: 1048576, group: 'logging' },
  { path: 'model_routing.default_provider', kind: 'provider', def: null, group: 'routing' },
  { path: 'key_selection.strategy', kind: 'select', def: 'round-robin', options: ['round-robin', 'random', 'weighted', 'sticky'], group: 'routing' },
  { path: 'translation.default_max_tokens', kind: 'number', def: 4096, group: 'routing' },
  { path: 'translation.drop_unsupported', kind: 'bool', def: false, group: 'routing' },
  { path: 'tool_calling.auto_downgrade', kind: 'bool', def: true, group: 'routing' },
  { path: 'tool_calling.emulate', kind: 'bool', def: false, group: 'routing' },
  { path: 'server.max_body_bytes', kind: 'number', def: 33554432, group: 'limits' },
  { path: 'server.max_connections', kind: 'number', def: 4096, group: 'limits' },
  { path: 'server.idle_timeout_secs', kind: 'number', def: 75, group: 'limits' },
]

export type Values = Record<string, string | number | boolean | null>

/** The value at a dotted path of a JSON tree (`undefined`: not there). */
export function at(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), tree)
}

/** The form's values: each field's value in the tree, else its default. */
export function valuesOf(tree: unknown, fields: Field[] = FIELDS): Values {
  const out: Values = {}
  for (const f of fields) {
    const v = at(tree, f.path)
    if (v === undefined || v === null) out[f.path] = f.def
    else if (f.kind === 'number') out[f.path] = typeof v === 'number' ? v : Number(v)
    else if (f.kind === 'bool') out[f.path] = typeof v === 'boolean' ? v : v === 'true'
    else out[f.path] = String(v)
  }
  return out
}

export interface Change {
  path: string
  value: unknown
}

/** The fields whose value differs from `before`; an emptied provider choice removes the key. */
export function diffValues(before: Values, after: Values, fields: Field[] = FIELDS): Change[] {
  const out: Change[] = []
  for (const f of fields) {
    const a = before[f.path] ?? null
    let b = after[f.path] ?? null
    if (f.kind === 'number' && (b === null || Number.isNaN(b))) b = null
    if (a === b) continue
    const value = f.kind === 'provider' && (b === '' || b === null) ? null : b
    out.push({ path: f.path, value })
  }
  return out
}

/** The form field a server error's `path` is about (`changes[2].value` → the third change's path; a config key path as such). */
export function fieldOfError(path: string | undefined, sent: Change[]): string | null {
  if (!path) return null
  const m = /^changes\[(\d+)\]/.exec(path)
  if (m) return sent[Number(m[1])]?.path ?? null
  const hit = sent.find((c) => path === c.path || path.startsWith(c.path + '.') || path.endsWith('.' + c.path) || path.includes(c.path))
  return hit?.path ?? null
}
