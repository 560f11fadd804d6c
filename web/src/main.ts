// The panel's entry: pinia, i18n, the router, then the root component.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { makeI18n } from './i18n'
import { makeRouter } from './router'
import { usePrefs } from './stores/prefs'
import './style.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
const prefs = usePrefs(pinia)
app.use(makeI18n(prefs.locale))
app.use(makeRouter())
app.mount('#app')
