// The config as a JSON tree (`GET /api/settings`, secrets `***`) for the Settings and Routing
// views, and the Settings form's write (`PATCH /api/settings`: changes by dotted path, written
// into config.yml by the server with comments kept, validated, reloaded).
import { api } from './client'
import type { Change } from '../lib/settingsForm'

export async function getSettings<T = Record<string, unknown>>(): Promise<T> {
  return api.get<T>('/api/settings')
}

export interface SettingsWritten {
  written: string
  applied: boolean
  changed: string[]
}

export async function setSettings(changes: Change[]): Promise<SettingsWritten> {
  return api.patch<SettingsWritten>('/api/settings', { changes })
}
