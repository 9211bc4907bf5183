import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse, text } from '../helpers/html.js';
import { PASSWORD, callerWithCookie, signIn, staffCaller, type Caller } from '../api/staff-helpers.js';

interface UserJson {
  id: number;
  email: string;
  role: string;
  disabled: boolean;
}

describe('users admin', () => {
  let app: TestApp;
  let admin: Caller & { id: number };
  let contributor: Caller;
  before(async () => {
    app = await startTestApp();
    admin = await staffCaller(app, 'admin');
    contributor = await staffCaller(app, 'contributor');
    await app.accounts.createUser({ email: 'reader@example.org', password: PASSWORD, role: 'reader', name: 'Rea Der' });
  });
  after(() => app.destroy());

  it('lists staff and readers, filtered by role, without passwords', async () => {
    const all = await admin.api('GET', '/api/admin/users');
    assert.equal(all.statusCode, 200);
    assert.doesNotMatch(all.body, /password|argon/iu);
    assert.deepEqual(all.json<{ items: UserJson[] }>().items.map((u) => u.email).sort(), ['admin@example.org', 'contributor@example.org', 'reader@example.org']);
    const readers = await admin.api('GET', '/api/admin/users?role=reader');
    assert.deepEqual(readers.json<{ items: UserJson[] }>().items.map((u) => u.email), ['reader@example.org']);
    assert.equal((await admin.api('GET', '/api/admin/users?role=king')).statusCode, 400);
  });

  it('creates staff with a role, generating a password shown once', async () => {
    const created = await admin.api('POST', '/api/admin/users', { email: 'new@example.org', name: 'New Person', role: 'author' });
    assert.equal(created.statusCode, 201, created.body);
    const { user, password } = created.json<{ user: UserJson; password: string }>();
    assert.equal(user.role, 'author');
    assert.ok(password.length >= 12);
    assert.ok(await app.accounts.authenticate('new@example.org', password), 'the generated password works');
    const chosen = await admin.api('POST', '/api/admin/users', { email: 'chosen@example.org', name: 'Chosen', role: 'editor', password: PASSWORD });
    assert.equal(chosen.statusCode, 201);
    assert.equal(chosen.json<{ password?: string }>().password, undefined, 'a chosen password is never echoed');
    const duplicate = await admin.api('POST', '/api/admin/users', { email: 'NEW@example.org', name: 'Again', role: 'author' });
    assert.equal(duplicate.statusCode, 409);
    const short = await admin.api('POST', '/api/admin/users', { email: 'short@example.org', name: 'S', role: 'author', password: 'short' });
    assert.equal(short.statusCode, 400);
    assert.equal(short.json<{ field: string }>().field, 'password');
    const reader = await admin.api('POST', '/api/admin/users', { email: 'r2@example.org', name: 'R', role: 'reader' });
    assert.equal(reader.statusCode, 400);
    const log = await app.audit.list({ subjectType: 'user' });
    assert.ok(log.some((e) => e.action === 'user.create' && e.detail.email === 'new@example.org'));
    assert.doesNotMatch(JSON.stringify(log), new RegExp(`${password}|${PASSWORD}`, 'u'), 'no password in the audit log');
  });

  it('changes roles, ending the sessions of the account', async () => {
    const eve = await staffCaller(app, 'editor', 'eve@example.org');
    assert.equal((await eve.get('/api/admin/me')).statusCode, 200);
    const changed = await admin.api('PATCH', `/api/admin/users/${eve.id}`, { role: 'contributor' });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.json<{ user: UserJson }>().user.role, 'contributor');
    assert.equal((await eve.get('/api/admin/me')).statusCode, 401, 'signed out by the role change');
    const [entry] = await app.audit.list({ subjectType: 'user', subjectId: String(eve.id) });
    assert.deepEqual(entry?.detail, { role: { from: 'editor', to: 'contributor' } });
  });

  it('resets passwords and disables accounts, ending their sessions', async () => {
    const pat = await staffCaller(app, 'author', 'pat@example.org');
    const reset = await admin.api('PATCH', `/api/admin/users/${pat.id}`, { password: 'a brand new password' });
    assert.equal(reset.statusCode, 200);
    assert.equal(reset.json<{ password?: string }>().password, undefined);
    assert.equal((await pat.get('/api/admin/me')).statusCode, 401, 'the old session is gone');
    assert.equal(await app.accounts.authenticate('pat@example.org', PASSWORD), null);
    const token = await signIn(app, 'pat@example.org', 'a brand new password');
    const again = callerWithCookie(app, token);
    assert.equal((await again.get('/api/admin/me')).statusCode, 200);
    const generated = await admin.api('PATCH', `/api/admin/users/${pat.id}`, { generatePassword: true });
    const fresh = generated.json<{ password: string }>().password;
    assert.ok(await app.accounts.authenticate('pat@example.org', fresh));
    assert.equal((await again.get('/api/admin/me')).statusCode, 401);
    const newToken = await signIn(app, 'pat@example.org', fresh);
    const disabled = await admin.api('PATCH', `/api/admin/users/${pat.id}`, { disabled: true });
    assert.equal(disabled.json<{ user: UserJson }>().user.disabled, true);
    assert.equal((await callerWithCookie(app, newToken).get('/api/admin/me')).statusCode, 401);
    assert.equal(await app.accounts.authenticate('pat@example.org', fresh), null);
    await admin.api('PATCH', `/api/admin/users/${pat.id}`, { disabled: false });
    assert.ok(await app.accounts.authenticate('pat@example.org', fresh));
    const log = JSON.stringify(await app.audit.list({ subjectType: 'user', subjectId: String(pat.id) }));
    assert.doesNotMatch(log, new RegExp(`${fresh}|a brand new password`, 'u'));
  });

  it('never lets the last active admin be demoted, disabled or deleted', async () => {
    for (const [method, body] of [['PATCH', { role: 'editor' }], ['PATCH', { disabled: true }], ['DELETE', undefined]] as const) {
      const response = await admin.api(method, `/api/admin/users/${admin.id}`, body);
      assert.equal(response.statusCode, 409, `${method} ${JSON.stringify(body)}`);
      assert.match(response.json<{ error: string }>().error, /(last active administrator|your own account)/u);
    }
    const other = await staffCaller(app, 'admin', 'second-admin@example.org');
    // With a second admin, the first may step down; then the second is the last.
    assert.equal((await admin.api('PATCH', `/api/admin/users/${admin.id}`, { disabled: true })).statusCode, 200);
    const demote = await other.api('PATCH', `/api/admin/users/${other.id}`, { role: 'editor' });
    assert.equal(demote.statusCode, 409);
    assert.match(demote.json<{ error: string }>().error, /last active administrator/u);
    assert.equal((await other.api('PATCH', `/api/admin/users/${admin.id}`, { disabled: false })).statusCode, 200);
    admin = { ...admin, ...callerWithCookie(app, await signIn(app, 'admin@example.org')) };
  });

  it('deletes accounts', async () => {
    const gone = await app.accounts.createUser({ email: 'gone@example.org', password: PASSWORD, role: 'contributor', name: 'Gone' });
    assert.equal((await admin.api('DELETE', `/api/admin/users/${gone.id}`)).statusCode, 204);
    assert.equal(await app.accounts.getUser(gone.id), null);
    assert.equal((await admin.api('DELETE', `/api/admin/users/${gone.id}`)).statusCode, 404);
    assert.equal((await admin.api('PATCH', '/api/admin/users/999999', { role: 'author' })).statusCode, 404);
    assert.equal((await admin.api('PATCH', '/api/admin/users/abc', { role: 'author' })).json<{ field: string }>().field, 'id');
  });

  it('has a users page that creates, changes roles and resets passwords', async () => {
    const page = await admin.get('/admin/users?role=reader');
    assert.equal(page.statusCode, 200);
    const $ = parse(page.body);
    assert.deepEqual($('tbody tr td:nth-child(2)').map((_, el) => $(el).text()).get(), ['reader@example.org']);
    const created = await admin.form('/admin/users', { name: 'Form Made', email: 'form@example.org', role: 'author', password: '' });
    assert.equal(created.statusCode, 201);
    const shown = parse(created.body)('.shown-once code').text();
    assert.ok(await app.accounts.authenticate('form@example.org', shown), 'the password shown once works');
    const user = (await app.db.kysely.selectFrom('users').select('id').where('email', '=', 'form@example.org').executeTakeFirstOrThrow()).id;
    assert.equal((await admin.form(`/admin/users/${user}/role`, { role: 'editor' })).statusCode, 303);
    assert.equal((await app.accounts.getUser(user))?.role, 'editor');
    const reset = await admin.form(`/admin/users/${user}/password`, {});
    assert.equal(reset.statusCode, 200);
    assert.ok(await app.accounts.authenticate('form@example.org', parse(reset.body)('.shown-once code').text()));
  });

  it('asks before disabling or deleting an account, and only the confirmed post acts', async () => {
    const robin = await app.accounts.createUser({ email: 'robin@example.org', password: PASSWORD, role: 'author', name: 'Robin <Author>' });
    const $ = parse((await admin.get('/admin/users')).body);
    const buttons = $(`#user-${robin.id} form`)
      .toArray()
      .map((el) => `${$(el).attr('method') ?? ''} ${$(el).attr('action') ?? ''}`);
    assert.ok(buttons.includes(`get /admin/users/${robin.id}/disable`), buttons.join(', '));
    assert.ok(buttons.includes(`get /admin/users/${robin.id}/delete`), buttons.join(', '));
    const forged = (url: string, from: Record<string, string>) =>
      app.http.inject({ method: 'POST', url, payload: 'confirm=yes', headers: { cookie: `scms_session=${admin.token}`, 'content-type': 'application/x-www-form-urlencoded', ...from } });
    const steps: [string, RegExp, () => Promise<boolean>][] = [
      [
        'disable',
        /Disable the account of Robin <Author> \(robin@example\.org\)\? They are signed out everywhere at once and cannot sign in until an administrator enables the account again\./u,
        async () => (await app.accounts.getUser(robin.id))?.disabledAt !== null,
      ],
      ['delete', /Delete the account of Robin <Author> \(robin@example\.org\)\? They are signed out at once and can never sign in again; .*This cannot be undone\./u, async () => (await app.accounts.getUser(robin.id)) === null],
    ];
    for (const [action, question, done] of steps) {
      const url = `/admin/users/${robin.id}/${action}`;
      const asked = await admin.get(url);
      assert.equal(asked.statusCode, 200, action);
      assert.match(text(asked.body), question);
      assert.doesNotMatch(asked.body, /<Author>/u, 'the name is escaped');
      const $q = parse(asked.body);
      const confirm = $q('form[method="post"]').filter((_, el) => $q(el).attr('action') === url);
      assert.equal(confirm.find('input[name="confirm"]').attr('value'), 'yes', action);
      assert.equal(confirm.find('a').attr('href'), `/admin/users#user-${robin.id}`, 'Cancel leads back to the list');
      assert.equal(await done(), false, `asking to ${action} changes nothing`);

      const bare = await admin.form(url, {});
      assert.equal(bare.statusCode, 303);
      assert.equal(bare.headers.location, url, 'a bare post only asks');
      assert.equal((await forged(url, { origin: 'https://evil.example' })).statusCode, 403);
      assert.equal((await forged(url, { 'sec-fetch-site': 'cross-site' })).statusCode, 403);
      assert.equal(await done(), false, `no ${action} without the confirmed same-site post`);

      const confirmed = await admin.form(url, { confirm: 'yes' });
      assert.equal(confirmed.statusCode, 303);
      assert.equal(confirmed.headers.location, `/admin/users?done=${action}`);
      assert.equal(await done(), true, `${action} after the confirmed post`);
    }
    assert.equal((await admin.get(`/admin/users/${robin.id}/delete`)).statusCode, 404, 'a deleted account is not asked about');
    const log = await app.audit.list({ subjectType: 'user', subjectId: String(robin.id) });
    assert.deepEqual(log.map((e) => e.action), ['user.delete', 'user.disable']);

    // Your own account: no delete button, and the question refuses.
    assert.equal($(`#user-${admin.id} form[action$="/delete"]`).length, 0);
    const own = await admin.get(`/admin/users/${admin.id}/delete`);
    assert.equal(own.statusCode, 409);
    assert.match(text(own.body), /cannot delete your own account/u);
  });

  it('is for admins only', async () => {
    assert.equal((await contributor.api('GET', '/api/admin/users')).statusCode, 403);
    assert.equal((await contributor.api('POST', '/api/admin/users', { email: 'x@example.org', name: 'X', role: 'admin' })).statusCode, 403);
    assert.equal((await contributor.api('PATCH', `/api/admin/users/${admin.id}`, { role: 'contributor' })).statusCode, 403);
    assert.equal((await contributor.api('DELETE', `/api/admin/users/${admin.id}`)).statusCode, 403);
    assert.equal((await contributor.get('/admin/users')).statusCode, 403);
    assert.equal((await contributor.form(`/admin/users/${admin.id}/disable`, {})).statusCode, 403);
    assert.equal((await contributor.form(`/admin/users/${admin.id}/delete`, { confirm: 'yes' })).statusCode, 403);
    assert.equal((await contributor.get(`/admin/users/${admin.id}/disable`)).statusCode, 403);
    const anonymous = callerWithCookie(app, '');
    assert.equal((await anonymous.api('GET', '/api/admin/users')).statusCode, 401);
    assert.equal((await anonymous.get('/admin/users')).statusCode, 303);
    assert.equal((await app.accounts.getUser(admin.id))?.role, 'admin');
  });
});
