// Routes, each view its own chunk. The guard sends visitors who are not signed in to /login and
// keeps plain users off admin views (the API refuses them anyway; the tabs are hidden too).
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSession } from './stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    admin?: boolean
    super?: boolean
    title?: string
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true, title: 'login.title' } },
  {
    path: '/',
    component: () => import('./components/AppShell.vue'),
    children: [
      { path: '', redirect: '/dashboard' },
      { path: 'dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue'), meta: { title: 'nav.dashboard' } },
      { path: 'providers', name: 'providers', component: () => import('./views/ProvidersView.vue'), meta: { admin: true, title: 'nav.providers' } },
      { path: 'keys', name: 'keys', component: () => import('./views/KeysView.vue'), meta: { title: 'nav.keys' } },
      { path: 'routing', name: 'routing', component: () => import('./views/RoutingView.vue'), meta: { admin: true, title: 'nav.routing' } },
      { path: 'logs', name: 'logs', component: () => import('./views/LogsView.vue'), meta: { title: 'nav.logs' } },
      { path: 'logs/:id', name: 'log', component: () => import('./views/LogDetailView.vue'), meta: { title: 'nav.logs' } },
      { path: 'analytics', name: 'analytics', component: () => import('./views/AnalyticsView.vue'), meta: { admin: true, title: 'nav.analytics' } },
      { path: 'users', name: 'users', component: () => import('./views/UsersView.vue'), meta: { admin: true, title: 'nav.users' } },
      { path: 'account', name: 'account', component: () => import('./views/AccountView.vue'), meta: { title: 'nav.account' } },
      { path: 'settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { admin: true, title: 'nav.settings' } },
      { path: 'config', name: 'config', component: () => import('./views/ConfigView.vue'), meta: { admin: true, super: true, title: 'nav.config' } },
      { path: 'sync', name: 'sync', component: () => import('./views/SyncView.vue'), meta: { admin: true, title: 'nav.sync' } },
      { path: ':rest(.*)*', name: 'notfound', component: () => import('./views/NotFoundView.vue'), meta: { title: 'notFound.title' } },
    ],
  },
]

/** The navigation, in order; `admin` entries are shown to admins only. */
export const NAV: { name: string; label: string; admin?: boolean; super?: boolean }[] = [
  { name: 'dashboard', label: 'nav.dashboard' },
  { name: 'providers', label: 'nav.providers', admin: true },
  { name: 'keys', label: 'nav.keys' },
  { name: 'routing', label: 'nav.routing', admin: true },
  { name: 'logs', label: 'nav.logs' },
  { name: 'analytics', label: 'nav.analytics', admin: true },
  { name: 'users', label: 'nav.users', admin: true },
  { name: 'account', label: 'nav.account' },
  { name: 'settings', label: 'nav.settings', admin: true },
  { name: 'config', label: 'nav.config', admin: true, super: true },
  { name: 'sync', label: 'nav.sync', admin: true },
]

export function makeRouter() {
  const router = createRouter({ history: createWebHistory('/'), routes })
  router.beforeEach(async (to) => {
    const session = useSession()
    try {
      await session.check()
    } catch {
      // the server is unreachable: show the login page, which says so
    }
    if (to.meta.public) return session.signedIn && to.name === 'login' ? { name: 'dashboard' } : true
    if (!session.signedIn) return { name: 'login', query: to.fullPath !== '/dashboard' && to.fullPath !== '/' ? { next: to.fullPath } : {} }
    if (to.meta.super && !session.isSuper) return { name: 'dashboard' }
    if (to.meta.admin && !session.isAdmin) return { name: 'dashboard' }
    return true
  })
  return router
}
