// "Where does this model go?" from the routing rules the settings show, in the relay's order:
// model@provider, aliases (a list is a fallback chain), model_overrides (globs), provider_mapping
// (exact names before globs), providers' include lists, then default_provider.

export interface RoutingRules {
  aliases?: Record<string, string | string[]>
  provider_mapping?: Record<string, string>
  model_overrides?: Record<string, string>
  default_provider?: string | null
}

export type Providers = Record<string, { models?: { include?: string[] }; enabled?: boolean }>

export function globMatch(pattern: string, name: string): boolean {
  const re = '^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$'
  return new RegExp(re).test(name)
}

function resolveOne(model: string, r: RoutingRules, providers: Providers): string[] {
  if (model.includes('@')) return [model]
  let m = model
  for (const [pat, to] of Object.entries(r.model_overrides ?? {})) {
    if (globMatch(pat, m)) {
      m = to
      break
    }
  }
  const mapping = Object.entries(r.provider_mapping ?? {})
  const exact = mapping.find(([k]) => k === m)
  const glob = exact ?? mapping.find(([k]) => /[*?]/.test(k) && globMatch(k, m))
  if (glob) return [`${m}@${glob[1]}`]
  const including = Object.entries(providers)
    .filter(([, p]) => p.enabled !== false && (p.models?.include ?? []).some((i) => globMatch(i, m)))
    .map(([name]) => `${m}@${name}`)
  if (including.length) return including
  return r.default_provider ? [`${m}@${r.default_provider}`] : []
}

export function explainRoute(model: string, r: RoutingRules, providers: Providers): string[] {
  const alias = r.aliases?.[model]
  if (alias !== undefined) {
    const targets = Array.isArray(alias) ? alias : [alias]
    return targets.flatMap((t) => resolveOne(t, r, providers))
  }
  return resolveOne(model, r, providers)
}
