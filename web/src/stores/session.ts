// Who is signed in: the user from /api/auth/me (the session cookie is HttpOnly; the CSRF token
// comes back in the body and is kept in memory only), first-run setup, sign-in and sign-out.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, ApiError, setCsrf } from '../api/client'
import type { Me, Role, SignInOptions, UserView } from '../api/types'

/** A hint (not a credential: the session cookie is HttpOnly) that a session may exist, so a first
 * visit does not ask /api/auth/me and get a 401 logged in the console. */
const HINT = 'signed-in'
function hint(on?: boolean): boolean {
  try {
    if (on === true) localStorage.setItem(HINT, '1')
    else if (on === false) localStorage.removeItem(HINT)
    return localStorage.getItem(HINT) === '1'
  } catch {
    return true
  }
}

const RANK: Record<Role, number> = { user: 0, admin: 1, 'super-admin': 2 }

export function roleAtLeast(role: Role | null | undefined, min: Role): boolean {
  return role ? RANK[role] >= RANK[min] : false
}

export const useSession = defineStore('session', () => {
  const user = ref<UserView | null>(null)
  const role = ref<Role | null>(null)
  const checked = ref(false)
  const needsSetup = ref(false)
  const signIn = ref<SignInOptions>({ providers: [], password_login: true })

  const signedIn = computed(() => role.value !== null)
  const isAdmin = computed(() => roleAtLeast(role.value, 'admin'))
  const isSuper = computed(() => roleAtLeast(role.value, 'super-admin'))

  function apply(me: Me) {
    user.value = me.user
    role.value = me.user?.role ?? me.role ?? null
    setCsrf(me.csrf_token)
  }

  /** Ask the server who we are (once per page load unless forced). Without the hint the answer is
   * "nobody" without asking, unless `ask` (the login page asks when SSO is configured: the IdP's
   * redirect brings a session without the hint). */
  async function check(force = false, ask = false): Promise<void> {
    if (checked.value && !force) return
    if (!hint() && !ask) {
      checked.value = true
      return
    }
    try {
      apply(await api.get<Me>('/api/auth/me'))
      hint(true)
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 503)) throw e
      user.value = null
      role.value = null
      setCsrf(null)
      hint(false)
    }
    checked.value = true
  }

  async function loadSignInOptions(): Promise<void> {
    try {
      needsSetup.value = (await api.get<{ needs_setup: boolean }>('/api/setup/status')).needs_setup
    } catch {
      needsSetup.value = false
    }
    try {
      signIn.value = await api.get<SignInOptions>('/api/auth/providers')
    } catch {
      signIn.value = { providers: [], password_login: true }
    }
  }

  async function login(username: string, password: string): Promise<void> {
    apply(await api.post<Me>('/api/auth/login', { username, password }))
    hint(true)
    checked.value = true
  }

  async function setup(accessKey: string, username: string, password: string, email?: string): Promise<void> {
    await api.post('/api/setup', { username, password, email: email || undefined }, { bearer: accessKey })
    needsSetup.value = false
    await login(username, password)
  }

  async function logout(): Promise<void> {
    try {
      await api.post('/api/auth/logout')
    } finally {
      user.value = null
      role.value = null
      setCsrf(null)
      hint(false)
    }
  }

  return { user, role, checked, needsSetup, signIn, signedIn, isAdmin, isSuper, check, loadSignInOptions, login, setup, logout }
})
