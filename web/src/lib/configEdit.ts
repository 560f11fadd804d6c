// Edits to config.yml text made in the panel where the API has no dedicated route (adding,
// editing and deleting a provider, its include list): the YAML is edited as a document, so the
// comments and order of everything else are kept, then sent whole to `PUT /api/config`, which
// validates it, keeps secrets shown as `***`, writes it atomically and reloads.
import { parseDocument, YAMLMap } from 'yaml'
import { maskSecrets, unmaskSecrets } from './masked'

export interface ProviderForm {
  name: string
  provider_type: string
  base_url: string
  enabled: boolean
  /** Only when adding (an edit leaves the keys alone: they have their own routes). */
  key?: string
  key_label?: string
}

export class EditError extends Error {}

function load(text: string) {
  const doc = parseDocument(maskSecrets(text))
  if (doc.errors.length) throw new EditError(doc.errors[0].message.split('\n')[0])
  return doc
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/

export function providerNames(text: string): string[] {
  const p = load(text).get('providers')
  return p instanceof YAMLMap ? p.items.map((i) => String((i.key as { value?: unknown })?.value ?? i.key)) : []
}

export function addProvider(text: string, f: ProviderForm): string {
  if (!NAME.test(f.name)) throw new EditError(`invalid provider name '${f.name}'`)
  const doc = load(text)
  if (doc.hasIn(['providers', f.name])) throw new EditError(`a provider named '${f.name}' exists`)
  const p: Record<string, unknown> = { enabled: f.enabled, provider_type: f.provider_type }
  if (f.base_url) p.base_url = f.base_url
  if (f.key) p.keys = [{ key: f.key, label: f.key_label || 'main' }]
  if (!doc.has('providers') || doc.get('providers') === null) doc.set('providers', doc.createNode({}))
  doc.setIn(['providers', f.name], doc.createNode(p))
  return unmaskSecrets(doc.toString())
}

export function editProvider(text: string, f: ProviderForm): string {
  const doc = load(text)
  if (!doc.hasIn(['providers', f.name])) throw new EditError(`no provider named '${f.name}'`)
  doc.setIn(['providers', f.name, 'enabled'], f.enabled)
  doc.setIn(['providers', f.name, 'provider_type'], f.provider_type)
  if (f.base_url) doc.setIn(['providers', f.name, 'base_url'], f.base_url)
  else doc.deleteIn(['providers', f.name, 'base_url'])
  return unmaskSecrets(doc.toString())
}

export function deleteProvider(text: string, name: string): string {
  const doc = load(text)
  if (!doc.deleteIn(['providers', name])) throw new EditError(`no provider named '${name}'`)
  return unmaskSecrets(doc.toString())
}

export function setInclude(text: string, name: string, models: string[]): string {
  const doc = load(text)
  if (!doc.hasIn(['providers', name])) throw new EditError(`no provider named '${name}'`)
  if (models.length) {
    const seq = doc.createNode(models)
    seq.flow = true
    doc.setIn(['providers', name, 'models', 'include'], seq)
  } else doc.deleteIn(['providers', name, 'models', 'include'])
  return unmaskSecrets(doc.toString())
}
