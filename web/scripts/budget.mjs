// After `vite build`: the JavaScript the first page load fetches (index.html's entry and its
// static imports, gzip-compressed) must stay under the budget. Prints each chunk's size.
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const BUDGET_BYTES = 300 * 1024
const dist = new URL('../../web-dist/', import.meta.url).pathname
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])
const files = readdirSync(join(dist, 'assets'))
const chunk = (name) => files.filter((f) => f.startsWith(name + '-') && f.endsWith('.js')).map((f) => 'assets/' + f)

/** A set of chunks and every chunk they import statically. */
function closure(roots) {
  const seen = new Set(roots)
  const queue = [...roots]
  while (queue.length) {
    const src = readFileSync(join(dist, queue.pop()), 'utf8')
    for (const m of src.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      const dep = 'assets/' + m[1]
      if (!seen.has(dep)) {
        seen.add(dep)
        queue.push(dep)
      }
    }
  }
  return seen
}
const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length
let worst = 0
// The two pages a visit can start on: the sign-in page, and the dashboard inside the shell.
for (const [page, views] of [['/login', ['LoginView']], ['/dashboard', ['AppShell', 'DashboardView']]]) {
  const set = closure([...entry, ...views.flatMap(chunk)])
  const total = [...set].reduce((a, f) => a + gz(f), 0)
  worst = Math.max(worst, total)
  console.log(`first load of ${page}: ${(total / 1024).toFixed(1)} KB gzip JS in ${set.size} files`)
}
const total = worst
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).length
console.log(`first-load JS: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB); ${all} JS chunks in all`)
if (total > BUDGET_BYTES) {
  console.error('over the first-load budget')
  process.exit(1)
}
