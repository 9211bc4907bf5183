import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
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

  it('has a keys page that shows a new key once and revokes', async () => {
    const created = await admin.form('/admin/keys', { name: 'Newsletter', role: 'contributor' });
    assert.equal(created.statusCode, 201);
    const key = parse(created.body)('.shown-once code').text();
    assert.match(key, /^scms_/u);
    assert.ok(await app.accounts.keyUser(key));
    const page = await admin.get('/admin/keys');
    assert.doesNotMatch(page.body, new RegExp(key, 'u'));
    const $ = parse(page.body);
    const row = $('tr').filter((_, el) => $(el).text().includes('Newsletter'));
    const action = row.find('form').attr('action') ?? '';
    assert.match(action, /^\/admin\/keys\/\d+\/revoke$/u);
    assert.equal((await admin.form(action, {})).statusCode, 303);
    assert.equal(await app.accounts.keyUser(key), null);
  });

  it('is for admins only', async () => {
    assert.equal((await editor.api('GET', '/api/admin/keys')).statusCode, 403);
    assert.equal((await editor.api('POST', '/api/admin/keys', { name: 'x', role: 'contributor' })).statusCode, 403);
    assert.equal((await editor.api('DELETE', '/api/admin/keys/1')).statusCode, 403);
    assert.equal((await editor.get('/admin/keys')).statusCode, 403);
    assert.equal((await editor.form('/admin/keys', { name: 'x', role: 'contributor' })).statusCode, 403);
    const anonymous = callerWithCookie(app, '');
    assert.equal((await anonymous.api('GET', '/api/admin/keys')).statusCode, 401);
    assert.equal((await anonymous.get('/admin/keys')).statusCode, 303);
  });
});
