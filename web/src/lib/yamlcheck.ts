// Client-side checks of the config editor's YAML before it is sent: syntax errors with their line
// (the `yaml` parser), and the line of a key path the server names in a validation error
// (`providers.openai.keys[2].key: …`), so both show at their line.
import { parseDocument, isMap, isSeq, LineCounter, type Node } from 'yaml'
import { maskSecrets } from './masked'

export interface Problem {
  line: number | null
  message: string
}

export function syntaxProblems(text: string): Problem[] {
  const lc = new LineCounter()
  const doc = parseDocument(maskSecrets(text), { lineCounter: lc, prettyErrors: false, uniqueKeys: true })
  return [...doc.errors, ...doc.warnings].map((e) => ({
    line: e.pos ? lc.linePos(e.pos[0]).line : null,
    message: e.message.split('\n')[0],
  }))
}

/** `providers.openai.keys[2].key` → ['providers', 'openai', 'keys', 2, 'key']. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = []
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]))
    else out.push(m[1])
  }
  return out
}

/** The 1-based line where `path` is written in `text`, or of its nearest existing parent. */
export function lineOfPath(text: string, path: string): number | null {
  const lc = new LineCounter()
  const doc = parseDocument(maskSecrets(text), { lineCounter: lc })
  let node: unknown = doc.contents
  let found: number | null = null
  for (const seg of splitPath(path)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const k = p.key as Node | null
        return k && 'value' in k ? String((k as { value: unknown }).value) === String(seg) : false
      })
      if (!pair) break
      const k = pair.key as Node | null
      if (k?.range) found = lc.linePos(k.range[0]).line
      node = pair.value
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined
      if (!item) break
      if (item.range) found = lc.linePos(item.range[0]).line
      node = item
    } else break
  }
  return found
}

/** Problems from a server validation message: each line `path: message` gets its line. */
export function serverProblems(text: string, message: string): Problem[] {
  return message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^([A-Za-z0-9_.\-[\]]+):\s+(.*)$/.exec(l)
      if (m && (m[1].includes('.') || m[1].includes('['))) return { line: lineOfPath(text, m[1]), message: l }
      const ln = /line (\d+)/.exec(l)
      return { line: ln ? Number(ln[1]) : null, message: l }
    })
}
