/** JSON calls to the Admin API from the editor. Never throws: a network failure is status 0. */

export interface ApiResult<T> {
  status: number;
  ok: boolean;
  data: T | null;
  /** The server's message, or a plain one for network failures. */
  error: string;
  /** The parsed answer whatever the status (a 423 names the lock's holder). */
  body: unknown;
}

export async function api<T>(method: string, url: string, body?: unknown, init: RequestInit = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined || body instanceof FormData ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      ...init,
    });
  } catch {
    return { status: 0, ok: false, data: null, error: 'The server could not be reached. Check your connection.', body: null };
  }
  let data: unknown = null;
  try {
    data = response.status === 204 ? null : await response.json();
  } catch {
    data = null;
  }
  const message = data && typeof data === 'object' && 'error' in data && typeof (data as { error: unknown }).error === 'string' ? (data as { error: string }).error : '';
  return {
    status: response.status,
    ok: response.ok,
    data: response.ok ? (data as T) : null,
    error: response.ok ? '' : message || `The server answered ${response.status}.`,
    body: data,
  };
}
