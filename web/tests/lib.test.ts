// The panel's non-trivial client logic: conversation rendering, YAML problem lines, rolling
// series, snippets, formatting, the locale choice and role ranks.
import { describe, expect, it } from 'vitest'
import { parseBody, prettyBody, requestMessages, responseMessages, streamMessage } from '../src/lib/conversation'
import { lineOfPath, serverProblems, splitPath, syntaxProblems } from '../src/lib/yamlcheck'
import { RollingSeries, linePath } from '../src/lib/series'
import { snippet, baseUrlsFromOrigin } from '../src/lib/snippets'
import { fmtCost, fmtMs, fmtPercent, statusClass } from '../src/lib/format'
import { initialLocale } from '../src/i18n'
import { kindOf, requestOf } from '../src/stores/live'
import { query } from '../src/api/client'

describe('conversation', () => {
  it('renders an OpenAI chat request with images, tool calls and tool results', () => {
    const m = requestMessages({
      model: 'gpt',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: [{ type: 'text', text: 'what is this' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAA' } }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'look', arguments: '{"x":1}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'a cat' },
      ],
    })
    expect(m.map((x) => x.role)).toEqual(['system', 'user', 'assistant', 'tool'])
    expect(m[1].parts).toEqual([
      { kind: 'text', text: 'what is this' },
      { kind: 'image', src: 'data:image/png;base64,AAA' },
    ])
    expect(m[2].parts).toEqual([{ kind: 'tool_call', name: 'look', args: '{"x":1}', id: 'c1' }])
    expect(m[3].parts).toEqual([{ kind: 'tool_result', text: 'a cat', id: 'c1' }])
  })

  it('renders an Anthropic request with system blocks, thinking, tool_use and tool_result', () => {
    const m = requestMessages({
      system: [{ type: 'text', text: 'sys' }],
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'hmm' }, { type: 'tool_use', id: 't1', name: 'f', input: { a: 1 } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: [{ type: 'text', text: 'ok' }] }] },
        { role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'QQ' } }] },
      ],
    })
    expect(m[0]).toEqual({ role: 'system', parts: [{ kind: 'text', text: 'sys' }] })
    expect(m[2].parts).toEqual([
      { kind: 'thinking', text: 'hmm' },
      { kind: 'tool_call', name: 'f', args: '{"a":1}', id: 't1' },
    ])
    expect(m[3].parts).toEqual([{ kind: 'tool_result', text: 'ok', id: 't1' }])
    expect(m[4].parts).toEqual([{ kind: 'image', src: 'data:image/png;base64,QQ' }])
  })

  it('renders a Responses API request and response', () => {
    const req = requestMessages({
      instructions: 'be kind',
      input: [
        { role: 'user', content: [{ type: 'input_text', text: 'hello' }] },
        { type: 'function_call', name: 'f', arguments: '{}', call_id: 'c' },
        { type: 'function_call_output', call_id: 'c', output: 'done' },
      ],
    })
    expect(req.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool'])
    const res = responseMessages({
      output: [
        { type: 'reasoning', summary: [{ type: 'summary_text', text: 'thought' }] },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'hi' }] },
      ],
    })
    expect(res[0].parts).toEqual([
      { kind: 'thinking', text: 'thought' },
      { kind: 'text', text: 'hi' },
    ])
  })

  it('renders OpenAI and Anthropic JSON responses', () => {
    expect(responseMessages({ choices: [{ message: { role: 'assistant', content: 'yo', reasoning_content: 'r' } }] })[0].parts).toEqual([
      { kind: 'thinking', text: 'r' },
      { kind: 'text', text: 'yo' },
    ])
    expect(responseMessages({ type: 'message', role: 'assistant', content: [{ type: 'text', text: 'a' }] })[0].parts).toEqual([{ kind: 'text', text: 'a' }])
  })

  it('reassembles recorded OpenAI and Anthropic streams', () => {
    const openai = [
      'data: {"choices":[{"delta":{"reasoning_content":"th"}}]}',
      'data: {"choices":[{"delta":{"content":"Hel"}}]}',
      'data: {"choices":[{"delta":{"content":"lo","tool_calls":[{"index":0,"id":"c","function":{"name":"f","arguments":"{\\"a\\""}}]}}]}',
      'data: {"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":":1}"}}]}}]}',
      'data: [DONE]',
    ].join('\n\n')
    expect(streamMessage(openai)?.parts).toEqual([
      { kind: 'thinking', text: 'th' },
      { kind: 'text', text: 'Hello' },
      { kind: 'tool_call', name: 'f', args: '{"a":1}', id: 'c' },
    ])
    const anthropic = [
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"x"}}',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hi"}}',
      'event: content_block_start\ndata: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"t","name":"g"}}',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{}"}}',
    ].join('\n\n')
    expect(responseMessages(anthropic)[0].parts).toEqual([
      { kind: 'thinking', text: 'x' },
      { kind: 'text', text: 'Hi' },
      { kind: 'tool_call', name: 'g', args: '{}', id: 't' },
    ])
    expect(streamMessage('not a stream')).toBeNull()
  })

  it('parses and pretty-prints bodies', () => {
    expect(parseBody('{"a":1}')).toEqual({ a: 1 })
    expect(parseBody('text')).toBe('text')
    expect(parseBody('')).toBeNull()
    expect(prettyBody('{"a":1}')).toBe('{\n  "a": 1\n}')
  })
})

describe('yaml problems', () => {
  const text = ['server:', '  port: 8787', 'providers:', '  openai:', '    keys:', '      - key: a', '      - key: b', '        kye: c', ''].join('\n')
  it('finds the line of a key path', () => {
    expect(splitPath('providers.openai.keys[1].kye')).toEqual(['providers', 'openai', 'keys', 1, 'kye'])
    expect(lineOfPath(text, 'server.port')).toBe(2)
    expect(lineOfPath(text, 'providers.openai.keys[1].kye')).toBe(8)
    // A key that is not written: its nearest parent.
    expect(lineOfPath(text, 'providers.openai.base_url')).toBe(4)
  })
  it('reports syntax errors at their line', () => {
    const p = syntaxProblems('a: 1\nb: [1, 2\nc: 3\n')
    expect(p.length).toBeGreaterThan(0)
    expect(p[0].line).not.toBeNull()
    expect(syntaxProblems(text)).toEqual([])
    expect(syntaxProblems('a: 1\na: 2\n').length).toBe(1)
  })
  it('places the server’s validation messages', () => {
    const p = serverProblems(text, "providers.openai.keys[1].kye: unknown field 'kye'\nsomething else")
    expect(p[0].line).toBe(8)
    expect(p[1]).toEqual({ line: null, message: 'something else' })
  })
})

describe('series', () => {
  it('buckets, fills gaps and drops old buckets', () => {
    const s = new RollingSeries(1000, 3)
    s.add(10_100)
    s.add(10_900)
    s.add(12_500, 5)
    expect(s.points(12_600)).toEqual([
      { t: 10_000, v: 2 },
      { t: 11_000, v: 0 },
      { t: 12_000, v: 5 },
    ])
    s.add(14_000)
    expect(s.points(14_000).map((p) => p.v)).toEqual([5, 0, 1])
    const avg = new RollingSeries(1000, 1)
    avg.add(0, 10)
    avg.add(1, 20)
    expect(avg.points(2, 'avg')).toEqual([{ t: 0, v: 15 }])
  })
  it('draws a path scaled to the box', () => {
    const { d, max } = linePath([{ t: 0, v: 0 }, { t: 1, v: 10 }], 100, 50)
    expect(max).toBe(10)
    expect(d).toBe('M0.0,50.0 L100.0,0.0')
    expect(linePath([], 10, 10).d).toBe('')
  })
})

describe('snippets', () => {
  const input = { openaiBase: 'http://h:1/v1', anthropicBase: 'http://h:1', key: "mr-'x", model: 'm' }
  it('pair the relay URL with the relay key', () => {
    expect(snippet('openai', input)).toContain('base_url="http://h:1/v1"')
    expect(snippet('anthropic', input)).toContain('base_url="http://h:1"')
    expect(snippet('claude', input)).toContain("ANTHROPIC_BASE_URL='http://h:1'")
    // Shell quoting survives a quote in the key.
    expect(snippet('curl', input)).toContain(`'Authorization: Bearer mr-'\\''x'`)
    expect(snippet('curl', input)).toContain("'http://h:1/v1/chat/completions'")
  })
  it('derives base URLs from the page origin', () => {
    expect(baseUrlsFromOrigin('https://r.example/')).toEqual({ openai: 'https://r.example/v1', anthropic: 'https://r.example' })
  })
})

describe('format and helpers', () => {
  it('formats', () => {
    expect(fmtMs(12.4)).toBe('12 ms')
    expect(fmtMs(1500)).toBe('1.50 s')
    expect(fmtMs(null)).toBe('—')
    expect(fmtCost(0.001234)).toBe('$0.0012')
    expect(fmtCost(3)).toBe('$3.00')
    expect(fmtPercent(0.05)).toBe('5.0%')
    expect(statusClass(200)).toBe('success')
    expect(statusClass(429)).toBe('warning')
    expect(statusClass(0)).toBe('error')
    expect(query({ a: 1, b: '', c: undefined, d: 'x y' })).toBe('?a=1&d=x+y')
  })
  it('chooses the first locale', () => {
    expect(initialLocale('en', ['zh-CN'])).toBe('en')
    expect(initialLocale(null, ['zh-TW', 'en'])).toBe('zh')
    expect(initialLocale(null, ['fr', 'en-US'])).toBe('en')
    expect(initialLocale(null, [])).toBe('en')
  })
  it('reads live events in either envelope', () => {
    const entry = { id: 1, status: 200, started_at_ms: 5, latency_ms: 3 }
    expect(kindOf('request', entry)).toBe('request')
    expect(kindOf('message', { type: 'key_state' })).toBe('key_state')
    expect(requestOf({ type: 'request', data: entry })).toEqual(entry)
    expect(requestOf({ type: 'request', data: { entry } })).toEqual(entry)
    expect(requestOf({ type: 'reload', data: { ok: true } })).toBeNull()
  })
})

import { explainRoute, globMatch } from '../src/lib/routing'

describe('routing explanation', () => {
  const rules = {
    aliases: { smart: ['claude@anthropic', 'gpt-4o'] },
    provider_mapping: { 'gpt-*': 'openrouter', 'gpt-4o': 'openai' },
    model_overrides: { 'gpt-4-turbo*': 'gpt-4o' },
    default_provider: 'mock',
  }
  const providers = { local: { models: { include: ['llama*'] } }, off: { enabled: false, models: { include: ['llama3'] } } }
  it('follows the relay order', () => {
    expect(globMatch('gpt-*', 'gpt-4o')).toBe(true)
    expect(globMatch('gpt-?o', 'gpt-4o')).toBe(true)
    expect(globMatch('a.b', 'axb')).toBe(false)
    expect(explainRoute('x@p', rules, providers)).toEqual(['x@p'])
    expect(explainRoute('smart', rules, providers)).toEqual(['claude@anthropic', 'gpt-4o@openai'])
    expect(explainRoute('gpt-4-turbo-2024', rules, providers)).toEqual(['gpt-4o@openai'])
    expect(explainRoute('gpt-3.5', rules, providers)).toEqual(['gpt-3.5@openrouter'])
    expect(explainRoute('llama3', rules, providers)).toEqual(['llama3@local'])
    expect(explainRoute('other', rules, providers)).toEqual(['other@mock'])
    expect(explainRoute('other', {}, {})).toEqual([])
  })
})

import { maskSecrets, unmaskSecrets } from '../src/lib/masked'

describe('masked secrets', () => {
  const shown = 'server:\n  access_key: ***\nproviders:\n  a:\n    keys:\n      - key: *** # main\n      - ***\n    note: "a *** in a string"\n'
  it('parse, edit and come back as shown', () => {
    expect(syntaxProblems(shown)).toEqual([])
    expect(unmaskSecrets(maskSecrets(shown))).toBe(shown)
    expect(lineOfPath(shown, 'providers.a.keys[0].key')).toBe(6)
  })
})
