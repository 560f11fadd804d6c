// The provider form's bodies for the provider routes: `POST /api/providers` (the new provider's
// config keys, its first key inline) and `PATCH /api/providers/{name}` (only the fields that
// changed; an emptied base URL removes the key), and the exclude globs typed one per line.

export interface ProviderForm {
  name: string
  provider_type: string
  base_url: string
  enabled: boolean
  /** Only when adding (an edit leaves the keys alone: they have their own routes). */
  key?: string
  key_label?: string
}

export function providerCreate(f: ProviderForm): { name: string; config: Record<string, unknown> } {
  const config: Record<string, unknown> = { provider_type: f.provider_type, enabled: f.enabled }
  if (f.base_url.trim()) config.base_url = f.base_url.trim()
  if (f.key?.trim()) config.keys = [{ key: f.key.trim(), label: f.key_label?.trim() || 'main' }]
  return { name: f.name.trim(), config }
}

export function providerPatch(before: ProviderForm, after: ProviderForm): Record<string, unknown> {
  const set: Record<string, unknown> = {}
  if (after.provider_type !== before.provider_type) set.provider_type = after.provider_type
  if (after.base_url.trim() !== before.base_url.trim()) set.base_url = after.base_url.trim() || null
  if (after.enabled !== before.enabled) set.enabled = after.enabled
  return set
}

/** Globs typed one per line or comma-separated, trimmed, without empties or repeats. */
export function splitGlobs(text: string): string[] {
  return [...new Set(text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean))]
}
