/** Shared fixtures for the privacy tests: readers with sessions, a browser with a cookie jar, form posts. */
import type { LightMyRequestResponse } from 'fastify';
import { PUBLIC_URL, type TestApp } from '../helpers/app.js';
import { PASSWORD } from '../helpers/newsroom.js';

export { PASSWORD };
const FORM = 'application/x-www-form-urlencoded';

export async function reader(app: TestApp, email: string, name = 'Rae Reader', options: { password?: boolean } = {}): Promise<{ id: number; token: string }> {
  const user = await app.accounts.createUser({ email, password: PASSWORD, role: 'reader', name, emailVerified: true });
  // Accounts made for link-only sign-in have no password at all.
  if (options.password === false) await app.db.kysely.updateTable('users').set({ password_hash: null }).where('id', '=', user.id).execute();
  return { id: user.id, token: await app.accounts.createSession(user.id, 'test') };
}

/**
 * A browser: keeps the cookies the app sets, sends them back, and can send Sec-GPC. Posts are
 * same-origin form posts.
 */
export function browser(app: TestApp, options: { token?: string; gpc?: boolean } = {}) {
  const jar = new Map<string, string>();
  if (options.token) jar.set('scms_session', options.token);
  const keep = (response: LightMyRequestResponse) => {
    const raw = response.headers['set-cookie'];
    for (const cookie of (Array.isArray(raw) ? raw : raw ? [raw] : []).map(String)) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      // Cleared cookies come back empty or already expired.
      if (!value || /expires=Thu, 01 Jan 1970/iu.test(cookie) || /max-age=0\b/iu.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  const headers = (extra: Record<string, string> = {}) => ({
    ...(jar.size ? { cookie: [...jar].map(([n, v]) => `${n}=${v}`).join('; ') } : {}),
    ...(options.gpc ? { 'sec-gpc': '1' } : {}),
    ...extra,
  });
  return {
    jar,
    cookie: (name: string) => jar.get(name) ?? null,
    get: async (url: string, extra: Record<string, string> = {}) => keep(await app.http.inject({ method: 'GET', url, headers: headers(extra) })),
    post: async (url: string, fields: Record<string, string>, extra: Record<string, string> = {}) =>
      keep(await app.http.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: headers({ 'content-type': FORM, origin: PUBLIC_URL, ...extra }) })),
  };
}
