// Turns the recorded bodies of a request (OpenAI chat, Anthropic messages or the Responses API,
// JSON or a recorded SSE stream) into one list of messages the Logs view renders: text, thinking,
// images, tool calls and tool results.

export type Part =
  | { kind: 'text'; text: string }
  | { kind: 'thinking'; text: string }
  | { kind: 'image'; src: string }
  | { kind: 'tool_call'; name: string; args: string; id?: string }
  | { kind: 'tool_result'; text: string; id?: string }

export interface Message {
  role: string
  parts: Part[]
}

type J = Record<string, unknown>

const isObj = (v: unknown): v is J => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v))

function textOf(v: unknown): string {
  if (typeof v === 'string') return v
  if (Array.isArray(v)) return v.map((p) => (isObj(p) ? str(p.text ?? p.content ?? '') : str(p))).join('')
  return str(v)
}

function contentParts(content: unknown): Part[] {
  if (typeof content === 'string') return content ? [{ kind: 'text', text: content }] : []
  if (!Array.isArray(content)) return content === undefined || content === null ? [] : [{ kind: 'text', text: str(content) }]
  const out: Part[] = []
  for (const p of content) {
    if (typeof p === 'string') {
      out.push({ kind: 'text', text: p })
      continue
    }
    if (!isObj(p)) continue
    switch (p.type) {
      case 'text':
      case 'input_text':
      case 'output_text':
        out.push({ kind: 'text', text: str(p.text) })
        break
      case 'thinking':
        out.push({ kind: 'thinking', text: str(p.thinking) })
        break
      case 'redacted_thinking':
        out.push({ kind: 'thinking', text: '[redacted]' })
        break
      case 'image_url': {
        const u = isObj(p.image_url) ? p.image_url.url : p.image_url
        out.push({ kind: 'image', src: str(u) })
        break
      }
      case 'input_image':
        out.push({ kind: 'image', src: str(p.image_url ?? p.file_id) })
        break
      case 'image': {
        const s = isObj(p.source) ? p.source : {}
        const src = s.type === 'base64' ? `data:${str(s.media_type)};base64,${str(s.data)}` : str(s.url)
        out.push({ kind: 'image', src })
        break
      }
      case 'tool_use':
        out.push({ kind: 'tool_call', name: str(p.name), args: JSON.stringify(p.input ?? {}), id: str(p.id) })
        break
      case 'tool_result':
        out.push({ kind: 'tool_result', text: textOf(p.content), id: str(p.tool_use_id) })
        break
      default:
        if (p.text !== undefined) out.push({ kind: 'text', text: str(p.text) })
    }
  }
  return out
}

function openaiMessage(m: J): Message {
  const parts: Part[] = []
  const reasoning = m.reasoning_content ?? m.reasoning
  if (typeof reasoning === 'string' && reasoning) parts.push({ kind: 'thinking', text: reasoning })
  if (m.role === 'tool') {
    parts.push({ kind: 'tool_result', text: textOf(m.content), id: str(m.tool_call_id) })
  } else {
    parts.push(...contentParts(m.content))
  }
  if (Array.isArray(m.tool_calls)) {
    for (const c of m.tool_calls) {
      if (!isObj(c)) continue
      const f = isObj(c.function) ? c.function : {}
      parts.push({ kind: 'tool_call', name: str(f.name), args: str(f.arguments), id: str(c.id) })
    }
  }
  return { role: str(m.role) || 'assistant', parts }
}

function responsesItem(it: unknown): Message | null {
  if (typeof it === 'string') return { role: 'user', parts: [{ kind: 'text', text: it }] }
  if (!isObj(it)) return null
  switch (it.type) {
    case 'function_call':
      return { role: 'assistant', parts: [{ kind: 'tool_call', name: str(it.name), args: str(it.arguments), id: str(it.call_id) }] }
    case 'function_call_output':
      return { role: 'tool', parts: [{ kind: 'tool_result', text: textOf(it.output), id: str(it.call_id) }] }
    case 'reasoning': {
      const s = Array.isArray(it.summary) ? it.summary.map((x) => (isObj(x) ? str(x.text) : '')).join('\n') : ''
      return { role: 'assistant', parts: [{ kind: 'thinking', text: s }] }
    }
    default:
      return { role: str(it.role) || 'assistant', parts: contentParts(it.content) }
  }
}

/** The conversation a request body sends. */
export function requestMessages(body: unknown): Message[] {
  if (!isObj(body)) return []
  const out: Message[] = []
  if (body.system !== undefined) out.push({ role: 'system', parts: contentParts(body.system) })
  if (typeof body.instructions === 'string' && body.instructions)
    out.push({ role: 'system', parts: [{ kind: 'text', text: body.instructions }] })
  if (Array.isArray(body.messages)) {
    for (const m of body.messages) if (isObj(m)) out.push(body.system !== undefined ? { role: str(m.role), parts: contentParts(m.content) } : openaiMessage(m))
  }
  if (body.input !== undefined) {
    const items = Array.isArray(body.input) ? body.input : [body.input]
    for (const it of items) {
      const m = responsesItem(it)
      if (m) out.push(m)
    }
  }
  if (typeof body.prompt === 'string') out.push({ role: 'user', parts: [{ kind: 'text', text: body.prompt }] })
  return out
}

/** Reassemble a recorded SSE stream (OpenAI chunks, Anthropic events or Responses events). */
export function streamMessage(text: string): Message | null {
  let content = ''
  let thinking = ''
  const calls = new Map<string, { name: string; args: string; id?: string }>()
  let seen = false
  for (const line of text.split('\n')) {
    const l = line.trim()
    if (!l.startsWith('data:')) continue
    const data = l.slice(5).trim()
    if (!data || data === '[DONE]') continue
    let ev: J
    try {
      ev = JSON.parse(data)
    } catch {
      continue
    }
    seen = true
    if (Array.isArray(ev.choices)) {
      for (const c of ev.choices) {
        const d = isObj(c) && isObj(c.delta) ? c.delta : {}
        if (typeof d.content === 'string') content += d.content
        const r = d.reasoning_content ?? d.reasoning
        if (typeof r === 'string') thinking += r
        if (Array.isArray(d.tool_calls)) {
          for (const tc of d.tool_calls) {
            if (!isObj(tc)) continue
            const key = 'o' + str(tc.index ?? 0)
            const f = isObj(tc.function) ? tc.function : {}
            const cur = calls.get(key) ?? { name: '', args: '', id: undefined as string | undefined }
            if (typeof f.name === 'string') cur.name += f.name
            if (typeof f.arguments === 'string') cur.args += f.arguments
            if (typeof tc.id === 'string') cur.id = tc.id
            calls.set(key, cur)
          }
        }
      }
    } else if (ev.type === 'content_block_start' && isObj(ev.content_block) && ev.content_block.type === 'tool_use') {
      calls.set('a' + str(ev.index), { name: str(ev.content_block.name), args: '', id: str(ev.content_block.id) })
    } else if (ev.type === 'content_block_delta' && isObj(ev.delta)) {
      const d = ev.delta
      if (d.type === 'text_delta') content += str(d.text)
      else if (d.type === 'thinking_delta') thinking += str(d.thinking)
      else if (d.type === 'input_json_delta') {
        const cur = calls.get('a' + str(ev.index))
        if (cur) cur.args += str(d.partial_json)
      }
    } else if (ev.type === 'response.output_text.delta') {
      content += str(ev.delta)
    } else if (ev.type === 'response.reasoning_summary_text.delta') {
      thinking += str(ev.delta)
    } else if (ev.type === 'response.output_item.done' && isObj(ev.item) && ev.item.type === 'function_call') {
      calls.set('r' + str(ev.item.call_id), { name: str(ev.item.name), args: str(ev.item.arguments), id: str(ev.item.call_id) })
    }
  }
  if (!seen) return null
  const parts: Part[] = []
  if (thinking) parts.push({ kind: 'thinking', text: thinking })
  if (content) parts.push({ kind: 'text', text: content })
  for (const c of calls.values()) parts.push({ kind: 'tool_call', name: c.name, args: c.args, id: c.id })
  return { role: 'assistant', parts }
}

/** The answer a response body carries (JSON or a recorded stream). */
export function responseMessages(body: unknown): Message[] {
  if (typeof body === 'string') {
    const m = streamMessage(body)
    return m ? [m] : body ? [{ role: 'assistant', parts: [{ kind: 'text', text: body }] }] : []
  }
  if (!isObj(body)) return []
  if (Array.isArray(body.choices)) {
    return body.choices.filter(isObj).map((c) => openaiMessage(isObj(c.message) ? c.message : { role: 'assistant', content: c.text }))
  }
  if (Array.isArray(body.content) && (body.type === 'message' || body.role === 'assistant')) {
    return [{ role: 'assistant', parts: contentParts(body.content) }]
  }
  if (Array.isArray(body.output)) {
    const parts: Part[] = []
    for (const it of body.output) {
      const m = responsesItem(it)
      if (m) parts.push(...m.parts)
    }
    return [{ role: 'assistant', parts }]
  }
  return []
}

/** Parse a recorded body: JSON when it is JSON, else the text itself. */
export function parseBody(raw: string | null | undefined): unknown {
  if (raw === null || raw === undefined || raw === '') return null
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

/** Pretty JSON when it is JSON, else the text as recorded. */
export function prettyBody(raw: string | null | undefined): string {
  const v = parseBody(raw)
  if (v === null) return ''
  return typeof v === 'string' ? v : JSON.stringify(v, null, 2)
}
