/** JSON calls to /api/comments. Never throws: a network failure is status 0 with a plain message. */

export interface Answer<T> {
  ok: boolean;
  status: number;
  data: T | null;
  /** The server's own sentence when it refused. */
  error: string;
}

export async function call<T>(method: string, url: string, body?: unknown): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, data: null, error: 'The server could not be reached. Check your connection and try again.' };
  }
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  const message = typeof (data as { error?: unknown } | null)?.error === 'string' ? (data as { error: string }).error : '';
  if (response.ok) return { ok: true, status: response.status, data: data as T, error: '' };
  return { ok: false, status: response.status, data: null, error: message || `Something went wrong (the server answered ${response.status}). Please try again.` };
}
