// Client logic of the Settings form (values from the config tree, the changes sent, the field a
// server error points at), own-usage folding into local days, and the lazily loaded QR encoder.
import { describe, expect, it } from 'vitest'
import { FIELDS, at, diffValues, fieldOfError, valuesOf } from '../src/lib/settingsForm'
import { byDay, hourlyPoints, localDay } from '../src/lib/usage'
import { loadEncoder, qrShape, shapeOf } from '../src/lib/qr'
import type { StatsGroup } from '../src/api/types'

describe('settings form', () => {
  const tree = { server: { public_host: '', port: 8787 }, logging: { max_age_days: 7, store_bodies: false }, model_routing: { default_provider: 'up' } }

  it('reads values from the tree, defaults for missing keys', () => {
    const v = valuesOf(tree)
    expect(v['logging.max_age_days']).toBe(7)
    expect(v['logging.store_bodies']).toBe(false)
    expect(v['logging.enabled']).toBe(true)
    expect(v['model_routing.default_provider']).toBe('up')
    expect(v['key_selection.strategy']).toBe('round-robin')
    expect(at(tree, 'server.port')).toBe(8787)
    expect(at(tree, 'server.port.x')).toBeUndefined()
    expect(Object.keys(v)).toHaveLength(FIELDS.length)
  })

  it('sends only what changed; an emptied provider removes the key', () => {
    const before = valuesOf(tree)
    expect(diffValues(before, { ...before })).toEqual([])
    const after = { ...before, 'server.public_host': 'relay.example.com', 'logging.store_bodies': true, 'model_routing.default_provider': '' }
    expect(diffValues(before, after)).toEqual([
      { path: 'server.public_host', value: 'relay.example.com' },
      { path: 'logging.store_bodies', value: true },
      { path: 'model_routing.default_provider', value: null },
    ])
    const cleared = { ...before, 'logging.max_age_days': null }
    expect(diffValues(before, cleared)).toEqual([{ path: 'logging.max_age_days', value: null }])
  })

  it('finds the field a server error is about', () => {
    const sent = [{ path: 'server.public_host', value: 'x' }, { path: 'logging.max_size_mb', value: -1 }]
    expect(fieldOfError('changes[1].value', sent)).toBe('logging.max_size_mb')
    expect(fieldOfError('logging.max_size_mb', sent)).toBe('logging.max_size_mb')
    expect(fieldOfError('routing.other', sent)).toBeNull()
    expect(fieldOfError(undefined, sent)).toBeNull()
  })
})

describe('own usage', () => {
  const g = (hourSecs: number, requests: number, cost = 0): StatsGroup => ({
    group: String(hourSecs), requests, errors: 1, input_tokens: 10 * requests, output_tokens: requests, cost_usd: cost,
    latency_ms_avg: null, latency_ms_p50: null, latency_ms_p90: null, latency_ms_p99: null, ttfb_ms_p50: null,
  })
  // 2026-03-01 22:00 and 23:00 UTC, 2026-03-02 01:00 UTC.
  const h22 = Date.UTC(2026, 2, 1, 22) / 1000
  const series = [g(h22, 2, 0.5), g(h22 + 3600, 1), g(h22 + 3 * 3600, 4, 0.25)]

  it('folds hours into the viewer\'s days', () => {
    expect(byDay(series, 0).map((d) => [d.day, d.requests, d.cost_usd])).toEqual([
      ['2026-03-01', 3, 0.5],
      ['2026-03-02', 4, 0.25],
    ])
    // UTC+8 (offset -480): every hour is already 2 March, local.
    expect(byDay(series, -480).map((d) => [d.day, d.requests, d.errors, d.input_tokens])).toEqual([['2026-03-02', 7, 3, 70]])
    expect(localDay(h22, 120)).toBe('2026-03-01')
  })

  it('charts hours and skips groups that are not hours', () => {
    expect(hourlyPoints([...series, { ...g(0, 1), group: 'total' }]).map((p) => p.v)).toEqual([2, 1, 4])
    expect(byDay([{ ...g(0, 1), group: 'x' }])).toEqual([])
  })
})

describe('QR code', () => {
  it('draws one square per dark module, offset by the margin', () => {
    const s = shapeOf(2, (r, c) => r === c, 1)
    expect(s).toEqual({ size: 4, path: 'M1 1h1v1h-1zM2 2h1v1h-1z' })
  })

  it('loads the encoder once and encodes a deep link', async () => {
    const a = loadEncoder()
    const b = loadEncoder()
    expect(a).toBe(b)
    const s = await qrShape('cherrystudio://providers/api-keys?v=1&data=eyJpZCI6Im1vbm9yZWxheSJ9')
    expect(s.size).toBeGreaterThanOrEqual(25)
    expect((s.size - 4) % 4).toBe(1) // 21 + 4k modules per side
    expect(s.path.startsWith('M2 2h1v1h-1z')).toBe(true) // the top-left finder pattern
  })
})

describe('masked relay keys', () => {
  it('shows a relay key as its prefix only', async () => {
    const { maskRelayKeys } = await import('../src/lib/masked')
    const key = 'mr-' + 'Ab12'.repeat(10)
    expect(maskRelayKeys(`OPENAI_API_KEY=${key}\nx: "${key}"`)).toBe('OPENAI_API_KEY=mr-Ab12Ab12…\nx: "mr-Ab12Ab12…"')
    expect(maskRelayKeys('mr-short and mr-…')).toBe('mr-short and mr-…')
  })
})

describe('provider form', () => {
  it('builds the create body with the first key inline', async () => {
    const { providerCreate } = await import('../src/lib/providerForm')
    expect(providerCreate({ name: ' up2 ', provider_type: 'api', base_url: ' http://x/v1 ', enabled: true, key: 'sk-1', key_label: '' })).toEqual({
      name: 'up2',
      config: { provider_type: 'api', enabled: true, base_url: 'http://x/v1', keys: [{ key: 'sk-1', label: 'main' }] },
    })
    expect(providerCreate({ name: 'm', provider_type: 'mock', base_url: '', enabled: false }).config).toEqual({ provider_type: 'mock', enabled: false })
  })

  it('patches only what changed', async () => {
    const { providerPatch, splitGlobs } = await import('../src/lib/providerForm')
    const before = { name: 'a', provider_type: 'api', base_url: 'http://a/v1', enabled: true }
    expect(providerPatch(before, { ...before })).toEqual({})
    expect(providerPatch(before, { ...before, base_url: '', enabled: false })).toEqual({ base_url: null, enabled: false })
    expect(splitGlobs('gpt-3*\n, o1-*,\n\ngpt-3*')).toEqual(['gpt-3*', 'o1-*'])
  })
})
