// The viewer's preferences: theme (system / light / dark, following the system's setting live)
// and language, both kept in localStorage.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { initialLocale, type Locale } from '../i18n'

export type ThemePref = 'system' | 'light' | 'dark'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

export const usePrefs = defineStore('prefs', () => {
  const s = storage()
  const stored = s?.getItem('theme')
  const theme = ref<ThemePref>(stored === 'light' || stored === 'dark' ? stored : 'system')
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null
  const systemDark = ref(media?.matches ?? false)
  media?.addEventListener('change', (e) => (systemDark.value = e.matches))
  const dark = computed(() => (theme.value === 'system' ? systemDark.value : theme.value === 'dark'))
  const locale = ref<Locale>(
    initialLocale(s?.getItem('locale') ?? null, typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]),
  )

  function setTheme(t: ThemePref) {
    theme.value = t
    s?.setItem('theme', t)
  }
  function cycleTheme() {
    setTheme(theme.value === 'system' ? (dark.value ? 'light' : 'dark') : theme.value === 'dark' ? 'light' : 'dark')
  }
  function setLocale(l: Locale) {
    locale.value = l
    s?.setItem('locale', l)
  }
  return { theme, dark, locale, setTheme, cycleTheme, setLocale }
})
