/**
 * Every newsroom route refuses people who are not staff: taken from the OpenAPI document (which
 * another test proves lists every /api route) and the newsroom's navigation, so a route added
 * later is checked without anyone remembering to add it here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NAV } from '../../src/modules/newsroom/shell.js';
import { PUBLIC_URL, engineName, startTestApp, type TestApp } from '../helpers/app.js';
import { PASSWORD, userWithSession } from '../helpers/newsroom.js';

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

describe(`newsroom route guards (${engineName()})`, () => {
  let app: TestApp;
  let readerToken: string;
  let operations: { method: string; url: string }[];
  before(async () => {
    app = await startTestApp();
    // An admin exists, so /admin is the dashboard (not the one-time setup form).
    await app.accounts.createUser({ email: 'admin@example.org', password: PASSWORD, role: 'admin', name: 'Admin' });
    ({ token: readerToken } = await userWithSession(app, { email: 'reader@example.org', name: 'Reader', role: 'reader' }));
    const document = (await app.http.inject({ url: '/api/openapi.json' })).json() as OpenApi;
    operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/admin/'))
      .flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((m) => ['get', 'post', 'patch', 'put', 'delete'].includes(m))
          .map((method) => ({ method: method.toUpperCase(), url: path.replace(/\{[^}]+\}/gu, '1') })),
      );
  });
  after(async () => app?.destroy());

  it('answers 401 on every Admin API operation without a session or key, and for a reader', async () => {
    assert.ok(operations.length >= 40, `the document lists the Admin API (${operations.length} operations)`);
    for (const { method, url } of operations) {
      for (const cookie of [undefined, `scms_session=${readerToken}`]) {
        const response = await app.http.inject({
          method: method as 'GET',
          url,
          headers: { origin: PUBLIC_URL, ...(cookie ? { cookie } : {}), ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: '{}' }),
        });
        assert.equal(response.statusCode, 401, `${method} ${url} ${cookie ? 'as a reader' : 'anonymously'}: ${response.body.slice(0, 200)}`);
      }
    }
  });

  it('answers 401 to a wrong or revoked API key', async () => {
    const { key, id } = await app.accounts.createKey({ name: 'gone', role: 'editor' });
    await app.accounts.revokeKey(id);
    for (const authorization of [`Bearer ${key}`, 'Bearer nonsense', 'Basic abc']) {
      const response = await app.http.inject({ url: '/api/admin/articles', headers: { authorization } });
      assert.equal(response.statusCode, 401, authorization);
    }
  });

  it('sends anyone who is not staff from every newsroom page to the sign-in form', async () => {
    const pages = [...NAV.map((item) => item.href), '/admin/articles/new', '/admin/articles/1'];
    for (const url of pages) {
      for (const cookie of [undefined, `scms_session=${readerToken}`]) {
        const response = await app.http.inject({ url, headers: cookie ? { cookie } : {} });
        assert.equal(response.statusCode, 303, `${url} ${cookie ? 'as a reader' : 'anonymously'}`);
        assert.match(String(response.headers.location), /^\/admin\/sign-in\?return=/u, url);
      }
    }
  });
});
