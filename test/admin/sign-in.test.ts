import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';
import { PASSWORD, sessionCookie } from '../helpers/newsroom.js';
import { requireStaff } from '../../src/modules/accounts/http/guard.js';
import { safeReturnPath } from '../../src/modules/accounts/http/return-path.js';
import { registerStaffSession } from '../../src/modules/accounts/http/session.js';

const FORM = 'application/x-www-form-urlencoded';

interface PostOptions {
  cookie?: string;
  origin?: string;
  address?: string;
}

describe('staff sign-in', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.destroy());

  const post = (url: string, form: Record<string, string>, options: PostOptions = {}) =>
    app.http.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(form).toString(),
      remoteAddress: options.address ?? '127.0.0.1',
      headers: { origin: options.origin ?? PUBLIC_URL, 'content-type': FORM, ...(options.cookie ? { cookie: `scms_session=${options.cookie}` } : {}) },
    });
  const get = (url: string, token?: string, headers: Record<string, string> = {}) =>
    app.http.inject({ method: 'GET', url, headers: { ...headers, ...(token ? { cookie: `scms_session=${token}` } : {}) } });

  const signIn = async (email: string, password = PASSWORD, extra: Record<string, string> = {}, address?: string) =>
    post('/admin/sign-in', { email, password, ...extra }, { address });
  const sessionCount = async () => Number((await app.db.kysely.selectFrom('sessions').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);

  it('offers a one-time setup that creates the first admin and signs them in', async () => {
    const page = await get('/admin');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Create the first administrator/u);
    assert.match(page.body, /<html lang="en-US">/u);
    assert.match(page.body, /<title>[^<]+<\/title>/u);
    assert.doesNotMatch(page.body, /<script/u);

    const created = await post('/admin/setup', { name: 'Ada <Admin>', email: 'ada@example.org', password: PASSWORD });
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, '/admin');
    const { token, header } = sessionCookie(created);
    assert.match(header, /HttpOnly/u);
    assert.match(header, /SameSite=Lax/u);
    assert.match(header, /Path=\//u);
    assert.match(header, /Max-Age=2592000/u);
    assert.doesNotMatch(header, /Secure/u, 'http PUBLIC_URL: no Secure flag');

    const dashboard = await get('/admin', token);
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /Ada &lt;Admin>/u, 'the name is shown, escaped');
    assert.match(dashboard.body, /\(admin\)/u);
    assert.match(dashboard.body, /No articles yet/u);
    assert.match(dashboard.body, /action="\/admin\/sign-out"/u);

    const again = await post('/admin/setup', { name: 'Mallory', email: 'mallory@example.org', password: PASSWORD });
    assert.equal(again.statusCode, 403);
    assert.equal(again.headers['set-cookie'], undefined);
    const admins = await app.db.kysely.selectFrom('users').select('email').where('role', '=', 'admin').execute();
    assert.deepEqual(admins, [{ email: 'ada@example.org' }]);
  });

  it('signs staff in with the right password, and shows the dashboard', async () => {
    await app.accounts.createUser({ email: 'eddie@example.org', password: PASSWORD, role: 'editor', name: 'Eddie Editor' });
    const form = await get('/admin/sign-in');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /autocomplete="current-password"/u);
    assert.match(form.body, /<label for="email">/u);
    const response = await signIn('Eddie@example.org');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/admin');
    const dashboard = await get('/admin', sessionCookie(response).token);
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /Eddie Editor/u);
    assert.match(dashboard.body, /\(editor\)/u);
  });

  it('counts articles by status on the dashboard', async () => {
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    await app.publishing.createAuthor({ slug: 'rita', name: 'Rita Reporter' });
    for (const [headline, status] of [['One', 'draft'], ['Two', 'draft'], ['Three', 'published']] as const) {
      await app.publishing.createArticle({ headline, sectionSlug: 'news', authors: [{ slug: 'rita' }], status, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Words.' }] }] } });
    }
    const token = sessionCookie(await signIn('eddie@example.org')).token;
    const page = (await get('/admin', token)).body;
    assert.match(page, /status=draft">draft<\/a><\/td><td>2<\/td>/u);
    assert.match(page, /status=published">published<\/a><\/td><td>1<\/td>/u);
  });

  it('gives a wrong password and an unknown email the same answer', async () => {
    const wrong = await signIn('eddie@example.org', 'not the right password', {}, '10.0.0.2');
    const unknown = await signIn('nobody@example.org', PASSWORD, {}, '10.0.0.2');
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, wrong.statusCode);
    assert.match(wrong.body, /The email or password is not right\./u);
    // The form keeps the typed address; apart from that the pages are the same.
    assert.equal(unknown.body.replace('nobody@example.org', 'EMAIL'), wrong.body.replace('eddie@example.org', 'EMAIL'));
    assert.equal(wrong.headers['set-cookie'], undefined);
  });

  it('makes guessers wait after five failures, without checking the password', async () => {
    await app.accounts.createUser({ email: 'tess@example.org', password: PASSWORD, role: 'author', name: 'Tess' });
    for (let i = 0; i < 5; i++) assert.equal((await signIn('tess@example.org', `wrong password ${i}`, {}, '10.0.0.3')).statusCode, 401);
    const sixth = await signIn('tess@example.org', 'wrong password 6', {}, '10.0.0.3');
    assert.equal(sixth.statusCode, 429);
    assert.ok(Number(sixth.headers['retry-after']) > 0);
    assert.match(sixth.body, /Too many attempts/u);
    const right = await signIn('tess@example.org', PASSWORD, {}, '10.0.0.4');
    assert.equal(right.statusCode, 429, 'the account is throttled from any address');
    assert.equal(right.headers['set-cookie'], undefined);
  });

  it('creates a new session at each sign-in; sign-out revokes only its own', async () => {
    const first = sessionCookie(await signIn('eddie@example.org')).token;
    const second = sessionCookie(await signIn('eddie@example.org')).token;
    assert.notEqual(first, second);
    assert.equal((await get('/api/admin/me', first)).statusCode, 200);
    assert.equal((await get('/api/admin/me', second)).statusCode, 200);

    const out = await post('/admin/sign-out', {}, { cookie: first });
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/admin/sign-in');
    assert.match(sessionCookie(out).header, /Max-Age=0|Expires=Thu, 01 Jan 1970/u);

    const after = await get('/admin', first);
    assert.equal(after.statusCode, 303);
    assert.equal(after.headers.location, '/admin/sign-in?return=%2Fadmin');
    assert.equal((await get('/api/admin/me', first)).statusCode, 401);
    assert.equal((await get('/admin', second)).statusCode, 200);
  });

  it('ends sessions when the password changes', async () => {
    const user = await app.accounts.createUser({ email: 'pat@example.org', password: PASSWORD, role: 'contributor', name: 'Pat' });
    const token = sessionCookie(await signIn('pat@example.org')).token;
    assert.equal((await get('/admin', token)).statusCode, 200);
    await app.accounts.changePassword(user.id, PASSWORD, 'another long password');
    assert.equal((await get('/admin', token)).statusCode, 303);
  });

  it('returns to admin paths only', async () => {
    assert.equal((await signIn('eddie@example.org', PASSWORD, { return: '/admin/x?y=1' })).headers.location, '/admin/x?y=1');
    assert.equal((await signIn('eddie@example.org', PASSWORD, { return: 'https://evil.example/' })).headers.location, '/admin');
    assert.equal((await signIn('eddie@example.org', PASSWORD, { return: '//evil.example' })).headers.location, '/admin');
    for (const bad of ['/\\evil.example', '/adminx', '/admin\r\nx', 'admin', '/', '']) assert.equal(safeReturnPath(bad), '/admin', bad);
    const form = await get(`/admin/sign-in?return=${encodeURIComponent('//evil.example')}`);
    assert.match(form.body, /name="return" value="\/admin"/u);
  });

  it('refuses a sign-in posted from another site', async () => {
    const before = await sessionCount();
    const response = await post('/admin/sign-in', { email: 'eddie@example.org', password: PASSWORD }, { origin: 'https://evil.example' });
    assert.equal(response.statusCode, 403);
    assert.equal(response.headers['set-cookie'], undefined);
    assert.equal(await sessionCount(), before);
  });

  it('answers /api/admin/me for API keys with the key role, and 401 otherwise', async () => {
    const { id, key } = await app.accounts.createKey({ name: 'Importer', role: 'author' });
    const ok = await get('/api/admin/me', undefined, { authorization: `Bearer ${key}` });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { name: 'Importer', email: null, role: 'author', via: 'key' });
    await app.accounts.revokeKey(id);
    const revoked = await get('/api/admin/me', undefined, { authorization: `Bearer ${key}` });
    assert.equal(revoked.statusCode, 401);
    assert.deepEqual(revoked.json(), { error: 'Sign in or send an API key.' });
    const none = await get('/api/admin/me');
    assert.equal(none.statusCode, 401);
    assert.deepEqual(none.json(), { error: 'Sign in or send an API key.' });
  });

  it('guards routes by the policy table', async () => {
    // Routes cannot be added to the app once it is ready, so the guard gets a small server of its own.
    const server = Fastify();
    const cookies = await registerStaffSession(server, { accounts: app.accounts, publicUrl: 'https://news.example' });
    server.get('/admin/cookie', async (_request, reply) => {
      cookies.set(reply, 't');
      return reply.send('ok');
    });
    server.get('/api/admin/keys', { preHandler: requireStaff('keys.manage') }, async () => ({ ok: true }));
    server.get('/admin/keys', { preHandler: requireStaff('keys.manage') }, async () => 'keys');
    try {
      const contributor = (await app.accounts.createKey({ name: 'Wire', role: 'contributor' })).key;
      const admin = (await app.accounts.createKey({ name: 'Ops', role: 'admin' })).key;
      const call = (url: string, key?: string) => server.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });
      const denied = await call('/api/admin/keys', contributor);
      assert.equal(denied.statusCode, 403);
      assert.deepEqual(denied.json(), { error: 'Your role does not allow this.' });
      assert.equal((await call('/api/admin/keys', admin)).statusCode, 200);
      const page = await call('/admin/keys', contributor);
      assert.equal(page.statusCode, 403);
      assert.match(String(page.headers['content-type']), /text\/html/u);
      assert.match(page.body, /<title>Not allowed<\/title>/u);
      const anonymous = await call('/admin/keys?tab=2');
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, '/admin/sign-in?return=%2Fadmin%2Fkeys%3Ftab%3D2');

      // An https site marks the cookie Secure.
      const secure = await server.inject({ method: 'GET', url: '/admin/cookie' });
      assert.match(String(secure.headers['set-cookie']), /scms_session=t; Max-Age=2592000; Path=\/; HttpOnly; Secure; SameSite=Lax/u);
    } catch (error) {
      await server.close();
      throw error;
    }
    await server.close();
  });
});
