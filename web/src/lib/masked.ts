// `GET /api/config` shows each secret as a bare `***`, which a YAML parser reads as an alias (an
// error). Before the panel parses the text it swaps each bare `***` value for a placeholder
// scalar, and swaps it back before saving, so the server sees `***` where it showed it (and keeps
// the secret).
const SENTINEL = '__monorelay_masked_secret__'
const BARE = /^(\s*(?:-\s+)?(?:[^\s#][^#]*?:\s+|-\s+))\*\*\*(\s*(?:#.*)?)$/gm

export function maskSecrets(text: string): string {
  return text.replace(BARE, `$1${SENTINEL}$2`)
}

export function unmaskSecrets(text: string): string {
  return text.split(SENTINEL).join('***')
}

/** Relay keys (`mr-` + base62) in a text shown as their list prefix and `…` (`mr-AbCdEfGh…`). */
export function maskRelayKeys(text: string): string {
  return text.replace(/\bmr-([A-Za-z0-9]{8})[A-Za-z0-9]{8,}/g, 'mr-$1…')
}
