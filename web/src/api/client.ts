// The one way the panel talks to the server: JSON over /api with the session cookie and the
// session's CSRF token on every state-changing call. Errors come back as ApiError whatever shape
// the server used ({"error": {"code"|"type", "message"}}).

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    /** For `invalid`: the field or config key path at fault. */
    public path?: string,
  ) {
    super(message)
  }
  /** The route does not exist on this server (an older or smaller build). */
  get unavailable(): boolean {
    return this.status === 404 && this.message.startsWith('no route for')
  }
}

let csrfToken = ''

export function setCsrf(token: string | null | undefined): void {
  csrfToken = token ?? ''
}

export interface RequestOptions {
  /** Authorization: Bearer (only the first-run setup sends the access key). */
  bearer?: string
  signal?: AbortSignal
  /** Answer text instead of JSON. */
  text?: boolean
  /** A raw body with this content type (YAML, CSV, …) instead of JSON. */
  contentType?: string
}

export async function parseError(r: Response): Promise<ApiError> {
  let code = 'http_' + r.status
  let message = r.statusText || 'HTTP ' + r.status
  let path: string | undefined
  try {
    const body = await r.json()
    const e = body?.error
    if (e && typeof e === 'object') {
      code = e.code ?? e.type ?? code
      message = e.message ?? message
      if (typeof e.path === 'string') path = e.path
    } else if (typeof e === 'string') {
      message = e
    }
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(r.status, code, message, path)
}

export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: opts.text ? 'text/plain, application/json' : 'application/json' }
  let payload: BodyInit | undefined
  if (body !== undefined) {
    if (opts.contentType) {
      headers['content-type'] = opts.contentType
      payload = body as string
    } else {
      headers['content-type'] = 'application/json'
      payload = JSON.stringify(body)
    }
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken
  if (opts.bearer) headers['authorization'] = 'Bearer ' + opts.bearer
  let r: Response
  try {
    r = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal: opts.signal })
  } catch (e) {
    throw new ApiError(0, 'network', String((e as Error)?.message ?? e))
  }
  if (!r.ok) throw await parseError(r)
  if (r.status === 204) return undefined as T
  if (opts.text) return (await r.text()) as T
  const ct = r.headers.get('content-type') ?? ''
  return (ct.includes('json') ? await r.json() : await r.text()) as T
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
}

/** `?a=1&b=x` from the defined, non-empty entries. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue
    q.set(k, String(v))
  }
  const s = q.toString()
  return s ? '?' + s : ''
}
