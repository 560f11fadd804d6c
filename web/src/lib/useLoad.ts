// A view's data: loading flag, the value, an error message, and whether the server lacks the
// route (then the view shows "not available" instead of an error).
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { ApiError } from '../api/client'

export interface Loaded<T> {
  data: ShallowRef<T | null>
  loading: Ref<boolean>
  error: Ref<string>
  unavailable: Ref<boolean>
  reload: () => Promise<void>
}

export function useLoad<T>(fetcher: () => Promise<T>): Loaded<T> {
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const error = ref('')
  const unavailable = ref(false)
  async function reload() {
    loading.value = true
    try {
      data.value = await fetcher()
      error.value = ''
      unavailable.value = false
    } catch (e) {
      if (e instanceof ApiError && e.unavailable) unavailable.value = true
      else error.value = e instanceof Error ? e.message : String(e)
    } finally {
      loading.value = false
    }
  }
  return { data, loading, error, unavailable, reload }
}

export function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
