/** Shared setup for the taxonomy, pages and redirects tests: staff keys and sessions, JSON and form requests. */
import assert from 'node:assert/strict';
import { PUBLIC_URL, type TestApp } from '../helpers/app.js';
import type { StaffRole } from '../../src/modules/accounts/index.js';
import type { Doc } from '../../src/modules/publishing/index.js';

export const PASSWORD = 'a long enough password';
const FORM = 'application/x-www-form-urlencoded';

export interface Json {
  status: number;
  body: Record<string, unknown> & { items?: Record<string, unknown>[] };
  headers: Record<string, unknown>;
}

/** JSON calls to the Admin API with an API key of a role (or none). */
export function apiClient(app: TestApp, key?: string) {
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<Json> => {
    const response = await app.http.inject({
      method,
      url,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
    return { status: response.statusCode, body: response.body ? (JSON.parse(response.body) as Json['body']) : {}, headers: response.headers };
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload: unknown = {}) => call('POST', url, payload),
    patch: (url: string, payload: unknown) => call('PATCH', url, payload),
    del: (url: string) => call('DELETE', url),
  };
}

export async function keyFor(app: TestApp, role: StaffRole): Promise<string> {
  return (await app.accounts.createKey({ name: `${role} key ${Math.random()}`, role })).key;
}

/** A signed-in staff member's session token (through the real sign-in form). */
export async function sessionFor(app: TestApp, role: StaffRole, email: string): Promise<string> {
  await app.accounts.createUser({ email, password: PASSWORD, role, name: `${role} person` });
  const response = await app.http.inject({
    method: 'POST',
    url: '/admin/sign-in',
    payload: new URLSearchParams({ email, password: PASSWORD }).toString(),
    headers: { origin: PUBLIC_URL, 'content-type': FORM },
  });
  assert.equal(response.statusCode, 303, 'signed in');
  const raw = response.headers['set-cookie'];
  const cookie = (Array.isArray(raw) ? raw : [raw]).map(String).find((c) => c.startsWith('scms_session='));
  assert.ok(cookie);
  return cookie.slice('scms_session='.length).split(';')[0] ?? '';
}

/** Browser-like page requests with a session cookie: GETs and same-origin form POSTs. */
export function browser(app: TestApp, token?: string) {
  const cookie = token ? { cookie: `scms_session=${token}` } : {};
  return {
    get: (url: string) => app.http.inject({ method: 'GET', url, headers: cookie }),
    post: (url: string, form: Record<string, string>) =>
      app.http.inject({ method: 'POST', url, payload: new URLSearchParams(form).toString(), headers: { ...cookie, origin: PUBLIC_URL, 'content-type': FORM } }),
  };
}

export const doc = (...paragraphs: string[]): Doc => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] })) });

/** A published article in a section, by a new author. */
export async function publishArticle(app: TestApp, sectionSlug: string, headline: string, authorSlug = 'rita'): Promise<{ id: number; slug: string }> {
  if (!(await app.db.kysely.selectFrom('authors').select('id').where('slug', '=', authorSlug).executeTakeFirst())) {
    await app.publishing.createAuthor({ slug: authorSlug, name: 'Rita Reporter' });
  }
  return app.publishing.createArticle({ headline, sectionSlug, authors: [{ slug: authorSlug }], status: 'published', body: doc('Words.') });
}
