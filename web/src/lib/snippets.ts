// Ready-to-paste client setups for the dashboard: the OpenAI SDK, the Anthropic SDK, Claude Code
// and curl, each pairing the relay's base URL with a relay key (never an upstream key).

export type SnippetKind = 'openai' | 'anthropic' | 'claude' | 'curl'

export interface SnippetInput {
  openaiBase: string
  anthropicBase: string
  /** The key to show; a placeholder when the caller has none at hand. */
  key: string
  model: string
}

function shellQuote(s: string): string {
  return "'" + s.replace(/'/g, `'\\''`) + "'"
}

function pyString(s: string): string {
  return JSON.stringify(s)
}

export function snippet(kind: SnippetKind, i: SnippetInput): string {
  switch (kind) {
    case 'openai':
      return [
        'from openai import OpenAI',
        '',
        `client = OpenAI(base_url=${pyString(i.openaiBase)}, api_key=${pyString(i.key)})`,
        'r = client.chat.completions.create(',
        `    model=${pyString(i.model)},`,
        '    messages=[{"role": "user", "content": "Hello"}],',
        ')',
        'print(r.choices[0].message.content)',
      ].join('\n')
    case 'anthropic':
      return [
        'import anthropic',
        '',
        `client = anthropic.Anthropic(base_url=${pyString(i.anthropicBase)}, api_key=${pyString(i.key)})`,
        'r = client.messages.create(',
        `    model=${pyString(i.model)},`,
        '    max_tokens=1024,',
        '    messages=[{"role": "user", "content": "Hello"}],',
        ')',
        'print(r.content[0].text)',
      ].join('\n')
    case 'claude':
      return [
        `export ANTHROPIC_BASE_URL=${shellQuote(i.anthropicBase)}`,
        `export ANTHROPIC_AUTH_TOKEN=${shellQuote(i.key)}`,
        `export ANTHROPIC_MODEL=${shellQuote(i.model)}`,
        'claude',
      ].join('\n')
    case 'curl':
      return [
        `curl ${shellQuote(i.openaiBase.replace(/\/+$/, '') + '/chat/completions')} \\`,
        `  -H ${shellQuote('Authorization: Bearer ' + i.key)} \\`,
        `  -H 'Content-Type: application/json' \\`,
        `  -d ${shellQuote(JSON.stringify({ model: i.model, messages: [{ role: 'user', content: 'Hello' }] }))}`,
      ].join('\n')
  }
}

/** Base URLs from the page's own origin when the server could not tell (no /api/info). */
export function baseUrlsFromOrigin(origin: string): { openai: string; anthropic: string } {
  const o = origin.replace(/\/+$/, '')
  return { openai: o + '/v1', anthropic: o }
}
