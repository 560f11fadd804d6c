// The one live connection: `GET /api/events` (server-sent events) while signed in. New requests
// feed the dashboard's rolling charts and the Logs view; key-state and reload events tell the
// Providers and Config views to re-read. Nothing polls: EventSource reconnects by itself.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { RollingSeries } from '../lib/series'
import type { LogEntry } from '../api/types'

export const LIVE_BUCKET_MS = 10_000
export const LIVE_BUCKETS = 30
const RECENT_MAX = 200

export interface LiveEvent {
  type: string
  data: unknown
}

/** The request a live event carries, whatever the event's envelope. */
export function requestOf(ev: LiveEvent): LogEntry | null {
  const d = ev.data as Record<string, unknown> | null
  if (!d || typeof d !== 'object') return null
  const inner = (d.entry ?? d.record ?? d.request ?? d) as Record<string, unknown>
  if (typeof inner.status === 'number' && typeof inner.started_at_ms === 'number') return inner as unknown as LogEntry
  return null
}

/** The kind of an event: the SSE event name, or `type`/`kind` inside a default `message`. */
export function kindOf(name: string, data: unknown): string {
  if (name && name !== 'message') return name
  const d = data as Record<string, unknown> | null
  const k = d && typeof d === 'object' ? (d.type ?? d.kind ?? d.event) : null
  return typeof k === 'string' ? k : 'message'
}

export const useLive = defineStore('live', () => {
  const connected = ref(false)
  const recent = shallowRef<LogEntry[]>([])
  const requests = new RollingSeries(LIVE_BUCKET_MS, LIVE_BUCKETS)
  const latency = new RollingSeries(LIVE_BUCKET_MS, LIVE_BUCKETS)
  /** Bumped on every request event (charts recompute from it). */
  const tick = ref(0)
  /** Bumped when a key's state changes. */
  const keyTick = ref(0)
  /** Bumped when the config is reloaded. */
  const reloadTick = ref(0)
  let source: EventSource | null = null
  const listeners = new Set<(e: LiveEvent) => void>()

  function onRequest(r: LogEntry) {
    requests.add(r.started_at_ms || Date.now())
    latency.add(r.started_at_ms || Date.now(), r.latency_ms)
    const next = [r, ...recent.value.filter((x) => x.id !== r.id)]
    recent.value = next.slice(0, RECENT_MAX)
    tick.value++
  }

  function dispatch(name: string, raw: string) {
    let data: unknown = raw
    try {
      data = JSON.parse(raw)
    } catch {
      // a plain-text event
    }
    const ev: LiveEvent = { type: kindOf(name, data), data }
    const r = requestOf(ev)
    if (r && !ev.type.startsWith('key')) onRequest(r)
    else if (ev.type.startsWith('key')) keyTick.value++
    else if (ev.type.startsWith('reload') || ev.type.startsWith('config')) reloadTick.value++
    for (const l of listeners) l(ev)
  }

  function connect() {
    if (source || typeof EventSource === 'undefined') return
    source = new EventSource('/api/events')
    source.onopen = () => (connected.value = true)
    source.onerror = () => (connected.value = false)
    source.onmessage = (e) => dispatch('message', e.data)
    for (const name of ['record', 'keys', 'reload', 'lagged']) {
      source.addEventListener(name, (e) => dispatch(name, (e as MessageEvent).data))
    }
  }

  function disconnect() {
    source?.close()
    source = null
    connected.value = false
  }

  function subscribe(fn: (e: LiveEvent) => void): () => void {
    listeners.add(fn)
    return () => listeners.delete(fn)
  }

  return { connected, recent, requests, latency, tick, keyTick, reloadTick, connect, disconnect, subscribe, dispatch }
})
