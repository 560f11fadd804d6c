// The server's JSON, as the admin API (src/admin/types.rs) serializes it. Only what the panel reads.

export type Role = 'user' | 'admin' | 'super-admin'

export interface UserView {
  name: string
  email: string | null
  role: Role
  active: boolean
  has_password: boolean
  sso: string[]
  created_ms: number
  last_login_ms: number | null
  relay_keys: number
}

export interface Me {
  user: UserView | null
  role?: Role
  via?: string
  csrf_token?: string | null
}

export interface SignInOptions {
  providers: { name: string; label: string; login_url: string }[]
  password_login: boolean
}

export interface ServerInfo {
  version: string
  uptime_secs: number
  listen: string | null
  public_host: string | null
  openai_base_url: string
  anthropic_base_url: string
  providers: number
}

export interface Summary {
  requests: number
  errors: number
  input_tokens: number
  output_tokens: number
  cache_read_tokens?: number
  cost_usd: number
  latency_ms_avg: number | null
  latency_ms_p50: number | null
  latency_ms_p90: number | null
  latency_ms_p99: number | null
  ttfb_ms_p50: number | null
  ttfb_ms_p90?: number | null
  ttfb_ms_p99?: number | null
}

export interface StatsGroup extends Summary {
  group: string
}

export interface Dashboard {
  since_ms: number
  until_ms: number
  total: Summary
  error_rate: number
  by_model: StatsGroup[]
  by_provider: StatsGroup[]
  by_key: StatsGroup[]
  by_user: StatsGroup[]
  series: StatsGroup[]
}

export interface Usage {
  since_ms: number
  until_ms: number
  /** Whose ('' : the access key). */
  user: string
  total: Summary
  error_rate: number
  by_model: StatsGroup[]
  series: StatsGroup[]
}

export type KeyStatus =
  | { state: 'available' }
  | { state: 'probing' }
  | { state: 'cooling'; until_ms: number; reason: string }
  | { state: 'invalid'; reason: string }
  | { state: 'disabled' }
  | { state: 'expired' }
  | { state: 'quota_exhausted'; window: string }

export interface KeyInfo {
  provider: string
  label: string
  enabled: boolean
  config_enabled?: boolean
  weight: number
  status: KeyStatus | null
  requests: number
  failures: number
  last_error: string | null
  last_used_ms: number | null
}

export interface ProviderInfo {
  name: string
  kind: string
  enabled: boolean
  base_url: string
  strategy: string
  models: string[]
  /** Exclude globs (older servers leave it out). */
  exclude?: string[]
  keys: KeyInfo[]
  tools_unsupported?: string[]
}

export interface VerifyReport {
  provider: string
  key: string
  model: string
  ok: boolean
  checks: { check: string; ok: boolean; skipped: boolean; status: number; latency_ms: number; first_token_ms: number | null; message: string }[]
}

export interface Tokens {
  input: number
  output: number
  cache_read: number
  cache_write: number
}

export interface LogEntry {
  id: number | string
  short_id: string
  started_at_ms: number
  requested_model: string
  model: string | null
  provider: string | null
  key_label: string | null
  user: string | null
  relay_key?: string | null
  inbound: string | null
  upstream: string | null
  stream: boolean
  status: number
  error_kind: string | null
  error: string | null
  latency_ms: number
  ttfb_ms: number | null
  tokens: Tokens | null
  cost_usd: number | null
  has_bodies: boolean
}

export interface Page<T> {
  items: T[]
  next_cursor?: string | null
  next?: string | null
}

export interface RelayKeyView {
  id?: string
  label: string
  user?: string
  prefix?: string
  created_ms?: number
  last_used_ms?: number | null
  enabled?: boolean
  active?: boolean
}

export interface RelayKey {
  prefix: string
  user: string
  label: string
  created_ms: number
  last_used_ms: number | null
  expires_ms: number | null
  revoked: boolean
  requests: number
  tokens_today: number
  cost_this_month_usd: number
}

export interface CreatedRelayKey {
  key: string
  info: RelayKey
}
