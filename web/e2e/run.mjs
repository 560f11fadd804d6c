// Browser test of the panel against the REAL binary: Debian's chromium driven by playwright-core,
// a loopback OpenAI-compatible upstream (a Node HTTP server on 127.0.0.1), the OpenAI SDK (npm)
// sending through the relay. The flow, at 1280×800 and again at 375×812:
//   first-run setup with the access key → sign in → add a provider pointing at the upstream
//   (POST /api/providers; a bad name shows the API's error beside the form), edit it, disable and
//   enable it, set its include / exclude model lists, verify it → a request through the relay
//   appears live in Logs → its detail shows the conversation and the raw bodies → disable a key
//   and see its state in Providers → create a user and a relay key → the Cherry Studio export with
//   its QR code (after a click; the key masked in the text) → `route` explain → change settings
//   (an invalid value shows the server's message at its field; a valid one is in config.yml and
//   GET /api/settings) → switch language and theme → sign in as the plain user and see their own
//   usage (their request only). Screenshots of every view in both themes and both languages go
//   to e2e/out/ (git-ignored). Any console error or page error fails the run.
import { chromium } from 'playwright-core'
import OpenAI from 'openai'
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '..', '..')
const BIN = process.env.MONORELAY_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'monorelay')
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const OUT = join(HERE, 'out')
const ACCESS_KEY = 'e2e-access-key-0123456789abcdef'
const ADMIN = { name: 'admin', password: 'correct horse battery' }
const REPLY = 'Hello from the loopback upstream'
const THOUGHT = 'The user shows a picture; I should look at it.'
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
// Generous: the machine may be slow; every wait ends as soon as the condition holds.
const WAIT_MS = 30_000

const VIEWS = ['dashboard', 'providers', 'keys', 'routing', 'logs', 'analytics', 'users', 'account', 'settings', 'config', 'sync']

function log(...a) {
  console.log('[e2e]', ...a)
}

/** A loopback OpenAI-compatible upstream: chat completions (JSON and stream) and a model list. */
function startUpstream() {
  const seen = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization })
      if (req.method === 'GET' && req.url.endsWith('/models')) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ object: 'list', data: [{ id: 'loop-small', object: 'model' }, { id: 'loop-large', object: 'model' }] }))
        return
      }
      if (req.method === 'POST' && req.url.endsWith('/chat/completions')) {
        const r = JSON.parse(body || '{}')
        const usage = { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 }
        if (r.tools?.length && !r.stream) {
          // With tools: reasoning and a tool call (the Logs detail renders both).
          const message = { role: 'assistant', content: null, reasoning_content: THOUGHT, tool_calls: [{ id: 'call_look_1', type: 'function', function: { name: 'look', arguments: '{"at":"the picture"}' } }] }
          res.writeHead(200, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ id: 'c2', object: 'chat.completion', created: 1, model: r.model, choices: [{ index: 0, message, finish_reason: 'tool_calls' }], usage }))
          return
        }
        if (r.stream) {
          res.writeHead(200, { 'content-type': 'text/event-stream' })
          for (const piece of REPLY.split(' ')) {
            res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: r.model, choices: [{ index: 0, delta: { content: piece + ' ' }, finish_reason: null }] })}\n\n`)
          }
          res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: r.model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage })}\n\n`)
          res.end('data: [DONE]\n\n')
          return
        }
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ id: 'c1', object: 'chat.completion', created: 1, model: r.model, choices: [{ index: 0, message: { role: 'assistant', content: REPLY }, finish_reason: 'stop' }], usage }))
        return
      }
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end('{"error":{"message":"no such route"}}')
    })
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}`, seen })))
}

/** `monorelay serve --port 0` with a fresh config and data dir; resolves with its base URL. */
function startRelay(dir) {
  const cfg = join(dir, 'config.yml')
  writeFileSync(
    cfg,
    [
      '# e2e relay',
      'server:',
      `  access_key: "${ACCESS_KEY}"`,
      'providers:',
      '  mock:',
      '    provider_type: mock',
      'logging:',
      '  enabled: true',
      '  store_bodies: true',
      '',
    ].join('\n'),
  )
  const child = spawn(BIN, ['--config', cfg, '--data-dir', join(dir, 'data'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise((ok, fail) => {
    const rl = createInterface({ input: child.stdout })
    rl.once('line', (line) => {
      const base = line.split('listening on ')[1]?.trim()
      if (!base) fail(new Error('no listen line: ' + line))
      else ok({ child, base })
      rl.on('line', () => {})
    })
    child.once('exit', (code) => fail(new Error(`monorelay exited ${code}: ${stderr}`)))
  })
}

async function main() {
  if (!existsSync(BIN)) throw new Error(`no monorelay binary at ${BIN} (cargo build --bin monorelay, or set MONORELAY_BIN)`)
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  const upstream = await startUpstream()
  const failures = []
  const viewports = [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 375, height: 812 },
  ]
  for (const vp of viewports.filter((v) => !process.env.E2E_ONLY || v.name === process.env.E2E_ONLY)) {
    const dir = mkdtempSync(join(tmpdir(), 'monorelay-e2e-'))
    const relay = await startRelay(dir)
    // A fresh profile (--user-data-dir) for every run: playwright passes it for a persistent context.
    const context = await chromium.launchPersistentContext(join(dir, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: vp.width, height: vp.height },
      locale: 'en-US',
      colorScheme: 'light',
    })
    try {
      log(vp.name, 'relay at', relay.base)
      await flow(context, relay.base, upstream, vp, join(dir, 'config.yml'))
    } catch (e) {
      const page = context.pages().at(-1)
      if (page) {
        await page.screenshot({ path: join(OUT, `${vp.name}-FAILED.png`), fullPage: true }).catch(() => {})
        e.message += '\npage text: ' + (await page.innerText('body').catch(() => '')).slice(0, 2000)
      }
      failures.push(`${vp.name}: ${e.stack ?? e}`)
    } finally {
      await context.close()
      relay.child.kill('SIGTERM')
      await new Promise((r) => relay.child.once('exit', r))
      rmSync(dir, { recursive: true, force: true })
    }
  }
  upstream.server.close()
  if (failures.length) {
    console.error(failures.join('\n\n'))
    process.exit(1)
  }
  log('all flows passed; screenshots in', OUT)
}

async function flow(context, base, upstream, vp, configPath) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
  const page = await context.newPage()
  page.setDefaultTimeout(WAIT_MS)
  const problems = []
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    // The SSO route exists only with SSO built in: its absence is expected and handled. The
    // wrong-password sign-in below is provoked on purpose.
    const url = m.location()?.url ?? ''
    if (url.includes('/api/auth/providers') || (url.endsWith('/api/auth/login') && m.text().includes('401'))) return
    // The bad provider name and the invalid setting below are refused on purpose (400).
    if ((url.endsWith('/api/providers') || url.endsWith('/api/settings')) && m.text().includes('400')) return
    problems.push(`console: ${m.text()} (${m.location()?.url ?? ''})`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  // Which API calls the panel made (the provider edits must use the provider routes).
  const calls = []
  page.on('request', (r) => {
    const u = new URL(r.url())
    if (u.pathname.startsWith('/api/')) calls.push(`${r.method()} ${u.pathname}`)
  })
  page.on('response', async (r) => {
    if ((process.env.E2E_DEBUG || r.status() >= 400) && r.url().includes('/api/')) log(vp.name, r.request().method(), r.url(), r.status(), (await r.text().catch(() => '')).slice(0, 300))
  })
  const shot = (name) => page.screenshot({ path: join(OUT, `${vp.name}-${name}.png`), fullPage: true })
  const phone = vp.width < 768
  const go = async (view) => {
    if (phone) {
      await page.click('[data-test=menu-button]')
      await page.click(`.n-drawer [data-test=nav-${view}]`)
      await page.waitForSelector('.n-drawer', { state: 'detached' })
    } else {
      await page.click(`[data-test=nav-${view}]`)
    }
    await page.waitForURL(`**/${view}`)
  }

  // 1. First run: the login page offers setup; create the first admin with the access key.
  await page.goto(base + '/')
  await page.waitForURL('**/login**')
  await page.waitForSelector('[data-test=setup-form]')
  await shot('setup-en-light')
  await page.fill('input[name=setup-key]', ACCESS_KEY)
  await page.fill('input[name=setup-user]', ADMIN.name)
  await page.fill('input[name=setup-password]', ADMIN.password)
  await page.fill('input[name=setup-password2]', ADMIN.password)
  await page.click('[data-test=setup-submit]')
  await page.waitForURL('**/dashboard')
  assert.equal(await page.textContent('[data-test=who]'), ADMIN.name)
  // Signing out and in again with the password.
  await page.click('[data-test=sign-out]')
  await page.waitForURL('**/login**')
  await page.waitForSelector('[data-test=login-form]')
  await shot('login-en-light')
  await page.fill('input[name=login-user]', ADMIN.name)
  await page.fill('input[name=login-password]', 'wrong password!')
  await page.click('[data-test=login-submit]')
  await page.waitForSelector('[data-test=login-error]')
  await page.fill('input[name=login-password]', ADMIN.password)
  await page.click('[data-test=login-submit]')
  await page.waitForURL('**/dashboard')
  const openaiBase = await page.inputValue('input[name=openai-base]')
  assert.match(openaiBase, /^http:\/\/127\.0\.0\.1:\d+\/v1$/)
  await page.waitForSelector('[data-test=live-dot][aria-label=Live]')

  // 2. Add a provider pointing at the loopback upstream.
  await go('providers')
  await page.click('[data-test=add-provider]')
  // A name the server refuses: its message shows in the form, the field marked.
  await page.fill('input[name=provider-name]', 'bad name!')
  await page.click('[data-test=provider-save]')
  await page.waitForSelector('[data-test=provider-error]')
  assert.match(await page.textContent('[data-test=provider-error]'), /provider name/)
  await page.fill('input[name=provider-name]', 'loop')
  await page.fill('input[name=provider-url]', upstream.url + '/v1')
  await page.fill('input[name=provider-key]', 'sk-loop-upstream-secret')
  await page.click('[data-test=provider-save]')
  await page.waitForSelector('[data-test=provider-loop]')
  await page.waitForSelector('[data-test=keys-loop] [data-state]')
  assert.ok(calls.includes('POST /api/providers'), 'added through POST /api/providers')
  // Edit it: disable in the form (PATCH), then enable with the switch on its card.
  await page.click('[data-test=edit-loop]')
  await page.click('.n-modal [role=switch]')
  await page.click('[data-test=provider-save]')
  await page.waitForSelector('[data-test=provider-loop] [data-test=provider-toggle-loop][aria-checked=false]')
  assert.ok(calls.includes('PATCH /api/providers/loop'), 'edited through PATCH /api/providers/{name}')
  await page.click('[data-test=provider-toggle-loop]')
  await page.waitForSelector('[data-test=provider-loop] [data-test=provider-toggle-loop][aria-checked=true]')
  // Model filter: include loop-small from the upstream's list, exclude loop-large.
  await page.click('[data-test=models-loop]')
  await page.click('.n-modal .n-checkbox:has-text("loop-small")')
  await page.fill('textarea[name=models-exclude]', 'loop-large')
  await page.click('[data-test=models-save]')
  await page.waitForFunction(() => document.querySelector('[data-test=exclude-loop]')?.textContent.includes('loop-large'))
  assert.ok(calls.includes('PUT /api/providers/loop/models'), 'models through PUT /api/providers/{name}/models')
  assert.ok(!calls.includes('PUT /api/config'), 'no whole-config writes')
  assert.match(readFileSync(configPath, 'utf8'), /# e2e relay/, 'the config keeps its comments')
  // Verify: the three probes' results show.
  await page.click('[data-test=verify-loop]')
  await page.waitForSelector('[data-test=verify-results] tbody tr:nth-child(3)')
  await shot('providers-verify-en-light')

  // 3. A request through the relay with the OpenAI SDK appears live in Logs, with its bodies.
  await go('logs')
  await page.waitForSelector('[data-test=logs-table]')
  const before = await page.locator('[data-test=log-row]').count()
  const client = new OpenAI({ baseURL: openaiBase, apiKey: ACCESS_KEY })
  const question = `What is the e2e question ${vp.name}?`
  const answer = await client.chat.completions.create({ model: 'loop-small@loop', messages: [{ role: 'user', content: question }] })
  assert.equal(answer.choices[0].message.content, REPLY)
  assert.ok(upstream.seen.some((s) => s.auth === 'Bearer sk-loop-upstream-secret'), 'the upstream got its key')
  await page.waitForFunction((n) => document.querySelectorAll('[data-test=log-row]').length > n, before)
  const row = page.locator('[data-test=log-row]').first()
  assert.match(await row.textContent(), /loop-small/)
  await shot('logs-live-en-light')
  await row.click()
  await page.waitForURL('**/logs/*')
  await page.waitForSelector('[data-test=conversation]')
  await page.waitForFunction((q) => document.body.innerText.includes(q), question)
  await page.waitForFunction((r) => document.body.innerText.includes(r), REPLY)
  await shot('log-detail-en-light')
  await page.click('[data-test=log-tabs] .n-tabs-tab:nth-child(2)').catch(() => page.getByRole('tab').nth(1).click())
  await page.waitForSelector('[data-test=raw-bodies]')
  const raw = await page.textContent('[data-test=raw-bodies]')
  assert.ok(raw.includes('"loop-small@loop"') || raw.includes('loop-small'), 'the client request body')
  assert.ok(raw.includes(REPLY), 'the response body')
  assert.ok(!raw.includes('sk-loop-upstream-secret'), 'no upstream key in the bodies')

  // 3b. A request with an image and tools, answered with reasoning and a tool call: the detail
  // renders the image, the thinking and the tool call.
  await go('logs')
  await page.waitForSelector('[data-test=logs-table]')
  const before2 = await page.locator('[data-test=log-row]').count()
  const tooled = await client.chat.completions.create({
    model: 'loop-small@loop',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'What is in this picture?' }, { type: 'image_url', image_url: { url: PIXEL } }] }],
    tools: [{ type: 'function', function: { name: 'look', description: 'Look at something', parameters: { type: 'object', properties: { at: { type: 'string' } } } } }],
  })
  assert.equal(tooled.choices[0].message.tool_calls?.[0]?.function.name, 'look')
  await page.waitForFunction((n) => document.querySelectorAll('[data-test=log-row]').length > n, before2)
  await page.locator('[data-test=log-row]').first().click()
  await page.waitForURL('**/logs/*')
  await page.waitForSelector('[data-test=conversation] .img img')
  assert.equal(await page.getAttribute('[data-test=conversation] .img img', 'src'), PIXEL)
  await page.waitForFunction(() => document.querySelector('[data-test=conversation]')?.textContent.includes('look'))
  assert.match(await page.textContent('[data-test=conversation]'), /the picture/)
  assert.ok((await page.locator('[data-test=conversation] .n-collapse').count()) >= 1, 'the thinking is shown (folded)')
  await page.click('[data-test=conversation] .n-collapse-item__header')
  await page.waitForFunction((t) => document.querySelector('[data-test=conversation]')?.textContent.includes(t), THOUGHT)
  await shot('log-detail-tools-en-light')

  // 4. Disable the key: its state shows in Providers.
  await go('providers')
  const toggle = page.locator('[data-test="key-toggle-loop-main"]')
  await toggle.click()
  await page.waitForSelector('[data-test=keys-loop] [data-state=disabled]')
  await toggle.click()
  await page.waitForSelector('[data-test=keys-loop] [data-state=available], [data-test=keys-loop] [data-state=unknown]')

  // 5. Create a user and a relay key for them.
  await go('users')
  await page.click('[data-test=add-user]')
  await page.fill('input[name=user-name]', 'alice')
  await page.fill('input[name=user-password]', 'alice password 123')
  await page.click('[data-test=user-save]')
  await page.waitForSelector('[data-test=user-keys-alice]')
  await page.click('[data-test=user-keys-alice]')
  await page.fill('input[name=relay-key-label]', 'laptop')
  await page.click('[data-test=relay-key-create]')
  await page.waitForSelector('[data-test=relay-key-created]')
  const relayKey = await page.inputValue('input[name=relay-key-value]')
  assert.match(relayKey, /^mr-/)
  // The new relay key works against the relay.
  const alice = new OpenAI({ baseURL: openaiBase, apiKey: relayKey })
  const r2 = await alice.chat.completions.create({ model: 'loop-small@loop', messages: [{ role: 'user', content: 'hi from alice' }] })
  assert.equal(r2.choices[0].message.content, REPLY)

  // 5b. Cherry Studio export: the QR code only after a click; the key masked in the text.
  await go('keys')
  await page.click('[data-test=export-format]')
  await page.click('.n-base-select-option:has-text("Cherry Studio")')
  await page.fill('[data-test=export-key] input', relayKey)
  await page.click('[data-test=export-run]')
  await page.waitForSelector('[data-test=export-result]')
  assert.equal(await page.locator('[data-test=cherry-qr]').count(), 0, 'no QR before the click')
  assert.ok(!(await page.textContent('[data-test=export-result] pre')).includes(relayKey), 'the key is masked in the text')
  await page.click('[data-test=cherry-qr-show]')
  await page.waitForSelector('svg[data-test=cherry-qr] path')
  assert.ok((await page.getAttribute('svg[data-test=cherry-qr] path', 'd')).length > 100, 'the QR code is drawn')
  await shot('keys-cherry-qr-en-light')

  // 5c. Routing: `route` explain for a typed model name.
  await go('routing')
  await page.fill('input[name=route-model]', 'loop-small@loop')
  await page.click('[data-test=route-explain]')
  await page.waitForFunction(() => document.querySelector('[data-test=route-result]')?.textContent.includes('loop'))

  // 5d. Settings: an invalid value shows the server's message at its field; valid ones persist.
  await go('settings')
  await page.waitForSelector('[data-test=settings-form]')
  await page.fill('[data-test=setting-server-max-connections] input', '0')
  await page.click('[data-test=settings-save]')
  await page.waitForSelector('[data-test=settings-error]')
  assert.match(await page.textContent('[data-test=settings-error]'), /max_connections/)
  await page.fill('[data-test=setting-server-max-connections] input', '2048')
  await page.fill('[data-test=setting-logging-max-age-days] input', '14')
  await page.fill('input[name="server.public_host"]', base)
  await page.click('[data-test=settings-save]')
  await page.waitForSelector('[data-test=settings-error]', { state: 'detached' })
  await page.waitForSelector('[data-test=settings-save][disabled]')
  const saved = await page.evaluate(async () => (await fetch('/api/settings')).json())
  assert.equal(saved.logging.max_age_days, 14)
  assert.equal(saved.server.max_connections, 2048)
  assert.equal(saved.server.public_host, base)
  const text = readFileSync(configPath, 'utf8')
  assert.match(text, /^# e2e relay\n/)
  assert.match(text, /max_age_days: 14/)
  assert.ok(calls.includes('PATCH /api/settings'))
  await shot('settings-saved-en-light')

  // 6. Every view in both languages and both themes.
  for (const lang of ['en', 'zh']) {
    await setLanguage(page, lang)
    for (const theme of ['light', 'dark']) {
      await setTheme(page, theme)
      for (const view of VIEWS) {
        await go(view)
        await page.waitForLoadState('networkidle').catch(() => {})
        await shot(`${view}-${lang}-${theme}`)
      }
    }
  }
  const zhTitle = await page.evaluate(() => document.documentElement.lang)
  assert.equal(zhTitle, 'zh-CN')
  // The page speaks Chinese now.
  assert.match(await page.textContent('[data-test=sign-out]'), /退出登录/)
  assert.match(await page.textContent('h1'), /同步/)
  // Keyboard: focus is visible (an outline) on the first focusable element.
  await page.evaluate(() => {
    document.activeElement?.blur()
    window.scrollTo(0, 0)
  })
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  const focused = await page.evaluate(() => {
    const el = document.activeElement
    return { tag: el?.tagName, outline: el ? getComputedStyle(el).outlineStyle : 'none' }
  })
  assert.ok(focused.tag && focused.tag !== 'BODY', 'Tab moves the focus')
  assert.notEqual(focused.outline, 'none', `focus is visible on ${focused.tag}`)

  // 7. The plain user: their own usage in Account and on the Dashboard — their one request, not
  // the access key's.
  await page.click('[data-test=sign-out]')
  await page.waitForURL('**/login**')
  await page.fill('input[name=login-user]', 'alice')
  await page.fill('input[name=login-password]', 'alice password 123')
  await page.click('[data-test=login-submit]')
  await page.waitForURL('**/dashboard')
  const usageValue = (card) => page.evaluate((c) => document.querySelector(`[data-test=${c}] .n-statistic-value`)?.textContent.trim(), card)
  await page.waitForSelector('[data-test=own-usage] [data-test=usage-requests]')
  await go('account')
  await page.waitForSelector('[data-test=own-usage]')
  await page.waitForFunction(() => document.querySelector('[data-test=usage-requests] .n-statistic-value')?.textContent.trim() === '1')
  assert.equal(await usageValue('usage-tokens-in'), '11')
  assert.match(await page.textContent('[data-test=usage-by-model]'), /loop-small/)
  await shot('account-user-zh-dark')

  if (problems.length) throw new Error(problems.join('\n'))
  log(vp.name, 'flow passed')
}

async function setLanguage(page, lang) {
  const target = lang === 'zh' ? 'zh-CN' : 'en'
  if ((await page.evaluate(() => document.documentElement.lang)) === target) return
  await page.click('[data-test=lang-select]')
  await page.click(`.n-base-select-option:has-text("${lang === 'zh' ? '中文' : 'English'}")`)
  await page.waitForFunction((t) => document.documentElement.lang === t, target)
}

async function setTheme(page, theme) {
  for (let i = 0; i < 3; i++) {
    if ((await page.evaluate(() => document.documentElement.dataset.theme)) === theme) {
      const pref = await page.evaluate(() => localStorage.getItem('theme'))
      if (pref === theme) return
    }
    await page.click('[data-test=theme-toggle]')
  }
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
