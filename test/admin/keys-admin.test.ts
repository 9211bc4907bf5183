import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse, text } from '../helpers/html.js';
import { callerWithCookie, keyCaller, staffCaller, type Caller } from '../api/staff-helpers.js';
import { mayGrantKeyRole } from '../../src/modules/api/staff-ops.js';

interface KeyJson {
  id: number;
  name: string;
  role: string;
  prefix: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

describe('API keys admin', () => {
  let app: TestApp;
  let admin: Caller;
  let editor: Caller;
  before(async () => {
    app = await startTestApp();
    admin = await staffCaller(app, 'admin');
    editor = await staffCaller(app, 'editor');
  });
  after(() => app.destroy());

  it('creates a key shown once, lists it by prefix and revokes it', async () => {
    const created = await admin.api('POST', '/api/admin/keys', { name: 'Mobile app', role: 'editor' });
    assert.equal(created.statusCode, 201, created.body);
    const { id, key } = created.json<{ id: number; key: string }>();
    assert.match(key, /^scms_/u);
    const asKey = keyCaller(app, key);
    const me = await asKey.api('GET', '/api/admin/me');
    assert.equal(me.json<{ role: string; via: string }>().role, 'editor');
    const listed = await admin.api('GET', '/api/admin/keys');
    assert.doesNotMatch(listed.body, new RegExp(key, 'u'), 'the key itself is never listed');
    const item = listed.json<{ items: KeyJson[] }>().items.find((k) => k.id === id);
    assert.equal(item?.prefix, key.slice(0, 8));
    assert.ok(item?.lastUsedAt, 'last use is recorded');
    assert.equal(item?.revokedAt, null);
    assert.equal((await admin.api('DELETE', `/api/admin/keys/${id}`)).statusCode, 204);
    assert.equal((await asKey.api('GET', '/api/admin/me')).statusCode, 401, 'a revoked key opens nothing');
    assert.equal((await admin.api('DELETE', '/api/admin/keys/99999')).statusCode, 404);
    const log = await app.audit.list({ subjectType: 'key' });
    assert.deepEqual(log.map((e) => e.action), ['key.revoke', 'key.create']);
    assert.doesNotMatch(JSON.stringify(log), new RegExp(key, 'u'));
  });

  it('keeps roles under a ceiling: an editor key cannot manage keys, the role must be staff', async () => {
    const { key: editorKey } = await app.accounts.createKey({ name: 'Editor bot', role: 'editor' });
    const bot = keyCaller(app, editorKey);
    assert.equal((await bot.api('POST', '/api/admin/keys', { name: 'Escalate', role: 'admin' })).statusCode, 403);
    assert.equal((await bot.api('POST', '/api/admin/keys', { name: 'Sideways', role: 'editor' })).statusCode, 403);
    assert.equal((await bot.api('GET', '/api/admin/keys')).statusCode, 403);
    const { key: adminKey } = await app.accounts.createKey({ name: 'Admin bot', role: 'admin' });
    const made = await keyCaller(app, adminKey).api('POST', '/api/admin/keys', { name: 'Made by a key', role: 'author' });
    assert.equal(made.statusCode, 201);
    const reader = await admin.api('POST', '/api/admin/keys', { name: 'Reader', role: 'reader' });
    assert.equal(reader.statusCode, 400);
    assert.equal(reader.json<{ field: string }>().field, 'role');
    const unnamed = await admin.api('POST', '/api/admin/keys', { name: '', role: 'author' });
    assert.equal(unnamed.json<{ field: string }>().field, 'name');
    // The rule itself, for any role a future policy might let manage keys.
    assert.equal(mayGrantKeyRole({ role: 'editor' }, 'admin'), false);
    assert.equal(mayGrantKeyRole({ role: 'editor' }, 'editor'), true);
    assert.equal(mayGrantKeyRole({ role: 'admin' }, 'admin'), true);
  });

  it('has a keys page that shows a new key once and revokes it after a confirm step', async () => {
    const created = await admin.form('/admin/keys', { name: 'Newsletter', role: 'contributor' });
    assert.equal(created.statusCode, 201);
    const key = parse(created.body)('.shown-once code').text();
    assert.match(key, /^scms_/u);
    assert.ok(await app.accounts.keyUser(key));
    const page = await admin.get('/admin/keys');
    assert.doesNotMatch(page.body, new RegExp(key, 'u'));
    const $ = parse(page.body);
    const row = $('tr').filter((_, el) => $(el).text().includes('Newsletter'));
    const button = row.find('form');
    const action = button.attr('action') ?? '';
    assert.match(action, /^\/admin\/keys\/\d+\/revoke$/u);
    assert.equal(button.attr('method'), 'get', 'the list only leads to the question');

    // The question: says what will happen, changes nothing.
    const asked = await admin.get(action);
    assert.equal(asked.statusCode, 200);
    assert.match(text(asked.body), /Revoke the key “Newsletter”\? Programs using it \(the key starting scms_[^…\s]+…\) will stop working at once\./u);
    const $q = parse(asked.body);
    const confirm = $q('form[method="post"]').filter((_, el) => $q(el).attr('action') === action);
    assert.equal(confirm.find('input[name="confirm"]').attr('value'), 'yes');
    assert.equal(confirm.find('a').attr('href'), `/admin/keys#${row.attr('id') ?? ''}`, 'Cancel leads back to the list');
    assert.ok(await app.accounts.keyUser(key), 'asking revokes nothing');

    // A bare POST (an old page, a stray button) is sent to the question, and revokes nothing.
    const bare = await admin.form(action, {});
    assert.equal(bare.statusCode, 303);
    assert.equal(bare.headers.location, action);
    assert.ok(await app.accounts.keyUser(key));

    // The confirmed POST from another site (CSRF): refused, nothing revoked.
    for (const from of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }]) {
      const forged = await app.http.inject({
        method: 'POST',
        url: action,
        payload: 'confirm=yes',
        headers: { cookie: `scms_session=${admin.token}`, 'content-type': 'application/x-www-form-urlencoded', ...from },
      });
      assert.equal(forged.statusCode, 403, JSON.stringify(from));
    }
    assert.ok(await app.accounts.keyUser(key), 'a forged confirm revokes nothing');

    const revoked = await admin.form(action, { confirm: 'yes' });
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, '/admin/keys?done=revoked');
    assert.equal(await app.accounts.keyUser(key), null);
    assert.equal((await admin.get(action)).statusCode, 409, 'a revoked key is not asked about again');
    assert.equal((await admin.get('/admin/keys/99999/revoke')).statusCode, 404);
    assert.equal((await admin.form('/admin/keys/99999/revoke', { confirm: 'yes' })).statusCode, 404);
  });

  it('escapes the key name on the confirm page', async () => {
    const { id } = await app.accounts.createKey({ name: '<b>Bot</b>', role: 'contributor' });
    const asked = await admin.get(`/admin/keys/${id}/revoke`);
    assert.equal(asked.statusCode, 200);
    assert.doesNotMatch(asked.body, /<b>Bot<\/b>/u);
    assert.match(text(asked.body), /Revoke the key “<b>Bot<\/b>”\?/u);
  });

  it('is for admins only', async () => {
    assert.equal((await editor.api('GET', '/api/admin/keys')).statusCode, 403);
    assert.equal((await editor.api('POST', '/api/admin/keys', { name: 'x', role: 'contributor' })).statusCode, 403);
    assert.equal((await editor.api('DELETE', '/api/admin/keys/1')).statusCode, 403);
    assert.equal((await editor.get('/admin/keys')).statusCode, 403);
    assert.equal((await editor.form('/admin/keys', { name: 'x', role: 'contributor' })).statusCode, 403);
    assert.equal((await editor.get('/admin/keys/1/revoke')).statusCode, 403);
    assert.equal((await editor.form('/admin/keys/1/revoke', { confirm: 'yes' })).statusCode, 403);
    const anonymous = callerWithCookie(app, '');
    assert.equal((await anonymous.api('GET', '/api/admin/keys')).statusCode, 401);
    assert.equal((await anonymous.get('/admin/keys')).statusCode, 303);
  });
});
