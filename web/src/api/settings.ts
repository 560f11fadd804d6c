// The config as a JSON tree for the Settings and Routing views, parsed here from `GET /api/config`
// (secrets stay `***`). `GET /api/settings` would be the route for it, but it answers 500 on any
// config that has a secret (it parses the redacted text, whose bare `***` is not YAML).
import { parse } from 'yaml'
import { getConfigText } from './config'
import { maskSecrets, unmaskSecrets } from '../lib/masked'

export async function getSettings<T = Record<string, unknown>>(): Promise<T> {
  const tree = parse(maskSecrets(await getConfigText())) ?? {}
  return JSON.parse(unmaskSecrets(JSON.stringify(tree))) as T
}
