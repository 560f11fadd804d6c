// Every string goes through i18n: zh and en have the same keys, every key the code uses exists,
// and no template holds hard-coded text (English words or CJK) outside {{ }} and bindings.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import en from '../src/i18n/en'
import zh from '../src/i18n/zh'

type Tree = { [k: string]: string | Tree }

function keys(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, prefix + k + '.')))
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : [p]
  })
}

const SRC = join(__dirname, '..', 'src')
const sources = files(SRC).filter((f) => /\.(vue|ts)$/.test(f) && !f.includes('/i18n/'))

/** A template with its {{ }} interpolations, comments, <style>/<script> and attribute bindings removed. */
function templateText(vue: string): string {
  const m = /<template>([\s\S]*)<\/template>/.exec(vue)
  if (!m) return ''
  return m[1]
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\{\{[\s\S]*?\}\}/g, ' ')
}

/** Text between tags, and the values of attributes people read (placeholder, title, label, aria-label, alt). */
function visibleLiterals(template: string): string[] {
  const out: string[] = []
  const noTags = template.replace(/<(?:[^>"']|"[^"]*"|'[^']*')*>/g, (tag) => {
    for (const a of tag.matchAll(/\s(placeholder|title|label|aria-label|alt|tab|content)="([^"]*)"/g)) out.push(a[2])
    return '\n'
  })
  out.push(...noTags.split('\n'))
  return out.map((s) => s.trim()).filter(Boolean)
}

describe('i18n', () => {
  const enKeys = keys(en as Tree).sort()
  const zhKeys = keys(zh as Tree).sort()

  it('zh and en have the same keys', () => {
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([])
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([])
  })

  it('no message is empty and zh is translated where en is prose', () => {
    const flat = (t: Tree) => Object.fromEntries(keys(t).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Tree)[p], t) as string]))
    const e = flat(en as Tree)
    const z = flat(zh as Tree)
    for (const k of enKeys) {
      expect(e[k].trim(), k).not.toBe('')
      expect(z[k].trim(), k).not.toBe('')
    }
    // Long English sentences must not be copied into zh untranslated.
    const copied = enKeys.filter((k) => e[k] === z[k] && (e[k].match(/[A-Za-z]{3,}/g) ?? []).length >= 3)
    expect(copied).toEqual([])
  })

  it('every key the code uses exists in both catalogues', () => {
    const missing: string[] = []
    for (const f of sources) {
      const src = readFileSync(f, 'utf8')
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        if (m[1].endsWith('.')) continue // a prefix completed at run time (its keys are checked by the catalogue test)
        if (!enKeys.includes(m[1]) || !zhKeys.includes(m[1])) missing.push(`${f}: ${m[1]}`)
      }
      for (const m of src.matchAll(/label: '([a-z]+\.[a-zA-Z0-9_.-]+)'/g)) {
        if (!enKeys.includes(m[1])) missing.push(`${f}: ${m[1]}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('templates hold no hard-coded words', () => {
    const found: string[] = []
    for (const f of sources.filter((f) => f.endsWith('.vue'))) {
      for (const lit of visibleLiterals(templateText(readFileSync(f, 'utf8')))) {
        // Allowed: symbols, numbers, punctuation (·, ▲, ☰, ◐ …); not: letters of any script.
        if (/[\p{Script=Han}]/u.test(lit) || /[A-Za-z]{2,}/.test(lit)) found.push(`${f.slice(SRC.length)}: ${lit}`)
      }
    }
    expect(found).toEqual([])
  })

  it('script blocks hold no CJK text outside the catalogues', () => {
    const found = sources.filter((f) => !f.endsWith('PrefsControls.vue')).filter((f) => /[\p{Script=Han}]/u.test(readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '')))
    expect(found).toEqual([])
  })
})
