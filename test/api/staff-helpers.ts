/** Signing staff in and calling pages and the Admin API, for the settings/users/keys/audit tests. */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { PUBLIC_URL, type TestApp } from '../helpers/app.js';

type Answer = Promise<LightMyRequestResponse>;

export const PASSWORD = 'a long enough password';

export interface Caller {
  token: string;
  get(url: string): Answer;
  api(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Answer;
  form(url: string, fields: Record<string, string>): Answer;
}

export async function signIn(app: TestApp, email: string, password = PASSWORD): Promise<string> {
  const response = await app.http.inject({
    method: 'POST',
    url: '/admin/sign-in',
    payload: new URLSearchParams({ email, password }).toString(),
    headers: { origin: PUBLIC_URL, 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(response.statusCode, 303, `sign-in of ${email}`);
  const raw = response.headers['set-cookie'];
  const header = (Array.isArray(raw) ? raw : [raw]).map(String).find((c) => c.startsWith('scms_session='));
  return header?.slice('scms_session='.length).split(';')[0] ?? '';
}

/** A staff member with a session; `role` also names them (admin@example.org …) unless `email` is given. */
export async function staffCaller(app: TestApp, role: 'contributor' | 'author' | 'editor' | 'admin', email = `${role}@example.org`): Promise<Caller & { id: number }> {
  const user = await app.accounts.createUser({ email, password: PASSWORD, role, name: `${role[0]?.toUpperCase()}${role.slice(1)} Person` });
  return { id: user.id, ...callerWithCookie(app, await signIn(app, email)) };
}

export function callerWithCookie(app: TestApp, token: string): Caller {
  const cookie = token ? { cookie: `scms_session=${token}` } : {};
  return {
    token,
    get: (url) => app.http.inject({ method: 'GET', url, headers: cookie }),
    api: (method, url, payload) =>
      app.http.inject({ method, url, headers: { ...cookie, origin: PUBLIC_URL }, ...(payload !== undefined ? { payload: payload as object } : {}) }),
    form: (url, fields) =>
      app.http.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { ...cookie, origin: PUBLIC_URL, 'content-type': 'application/x-www-form-urlencoded' } }),
  };
}

export function keyCaller(app: TestApp, key: string): Pick<Caller, 'api'> {
  return {
    api: (method, url, payload) =>
      app.http.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload !== undefined ? { payload: payload as object } : {}) }),
  };
}
