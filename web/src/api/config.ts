// Read-modify-write of config.yml through the API (for edits that have no dedicated route).
import { api } from './client'

export async function getConfigText(): Promise<string> {
  return (await api.get<{ text: string }>('/api/config')).text
}

/** Apply `edit` to the current text and save it (validated, written, reloaded by the server). */
export async function editConfig(edit: (text: string) => string): Promise<void> {
  const text = await getConfigText()
  await api.put('/api/config', { text: edit(text) })
}
