// Copy text to the clipboard with a toast saying whether it worked.
import { useI18n } from 'vue-i18n'
import { useMessage } from 'naive-ui'

export function useCopy(): (text: string) => Promise<void> {
  const { t } = useI18n()
  const message = useMessage()
  return async (text: string) => {
    try {
      await navigator.clipboard.writeText(text)
      message.success(t('common.copied'))
    } catch {
      message.error(t('common.copyFailed'))
    }
  }
}
