// vue-i18n with the two catalogues; the first locale comes from localStorage, else the browser
// language (zh* → zh), else English.
import { createI18n } from 'vue-i18n'
import en from './en'
import zh from './zh'

export type Locale = 'en' | 'zh'
export const LOCALES: Locale[] = ['en', 'zh']

export function initialLocale(stored: string | null, browser: readonly string[]): Locale {
  if (stored === 'en' || stored === 'zh') return stored
  for (const l of browser) {
    if (l.toLowerCase().startsWith('zh')) return 'zh'
    if (l.toLowerCase().startsWith('en')) return 'en'
  }
  return 'en'
}

export const messages = { en, zh }

export function makeI18n(locale: Locale) {
  return createI18n({ legacy: false, locale, fallbackLocale: 'en', messages, missingWarn: false, fallbackWarn: false })
}
