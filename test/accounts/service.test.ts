import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AccountsError, createAccountsService, type AccountsService } from '../../src/modules/accounts/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const PASSWORD = 'a long enough password';

async function refusal(promise: Promise<unknown>, status: number, message: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AccountsError, String(error));
    assert.equal(error.status, status);
    assert.match(error.message, message);
    return true;
  });
}

describe('accounts', () => {
  let app: TestApp;
  let accounts: AccountsService;
  let time = Date.UTC(2026, 10, 28, 12);
  before(async () => {
    app = await startTestApp();
    // A service on the same database with a clock the tests move.
    accounts = createAccountsService(app.db, { now: () => time });
  });
  after(() => app.destroy());

  it('creates users with a lower-cased unique email', async () => {
    const user = await accounts.createUser({ email: ' Editor@Example.ORG ', password: PASSWORD, role: 'editor', name: 'Ed Itor' });
    assert.equal(user.email, 'editor@example.org');
    assert.equal(user.role, 'editor');
    assert.equal(user.emailVerifiedAt, null);
    assert.deepEqual(await app.accounts.getUser(user.id), user);
    const verified = await accounts.createUser({ email: 'reader@example.org', password: PASSWORD, role: 'reader', emailVerified: true });
    assert.equal(verified.emailVerifiedAt, time);
    await refusal(accounts.createUser({ email: 'EDITOR@example.org', password: PASSWORD, role: 'admin' }), 409, /already exists/u);
  });

  it('refuses bad input with a message a person can act on', async () => {
    await refusal(accounts.createUser({ email: 'a@example.org\r\nBcc: victim@example.org', password: PASSWORD, role: 'reader' }), 400, /line breaks/u);
    await refusal(accounts.createUser({ email: 'a@example.org\n', password: PASSWORD, role: 'reader' }), 400, /line breaks/u);
    await refusal(accounts.createUser({ email: 'not-an-address', password: PASSWORD, role: 'reader' }), 400, /not an email address/u);
    await refusal(accounts.createUser({ email: 'short@example.org', password: 'too short', role: 'reader' }), 400, /at least 12/u);
    await refusal(accounts.createUser({ email: 'same@example.org', password: 'same@example.org', role: 'reader' }), 400, /email/u);
    await refusal(accounts.createUser({ email: 'role@example.org', password: PASSWORD, role: 'owner' as never }), 400, /Unknown role/u);
  });

  it('authenticates the right password only, unknown addresses alike', async () => {
    await accounts.createUser({ email: 'author@example.org', password: PASSWORD, role: 'author' });
    assert.equal((await accounts.authenticate('Author@example.org', PASSWORD))?.role, 'author');
    assert.equal(await accounts.authenticate('author@example.org', 'a wrong but long password'), null);
    assert.equal(await accounts.authenticate('nobody@example.org', PASSWORD), null);
    assert.equal(await accounts.authenticate('not an address', PASSWORD), null);
  });

  it('takes about as long for an unknown address as for a wrong password', async () => {
    const timed = async (email: string) => {
      const started = performance.now();
      for (let i = 0; i < 3; i++) await accounts.authenticate(email, 'a wrong but long password');
      return performance.now() - started;
    };
    await timed('author@example.org');
    const wrong = await timed('author@example.org');
    const unknown = await timed('nobody@example.org');
    // Both pay for one Argon2id verification; a skipped one would be ~100x faster.
    assert.ok(unknown > wrong / 3, `unknown ${unknown.toFixed(1)} ms vs wrong password ${wrong.toFixed(1)} ms`);
  });

  it('refuses a disabled account both at sign-in and for its sessions', async () => {
    const user = await accounts.createUser({ email: 'gone@example.org', password: PASSWORD, role: 'contributor' });
    const token = await accounts.createSession(user.id, 'test');
    await app.db.kysely.updateTable('users').set({ disabled_at: time }).where('id', '=', user.id).execute();
    assert.equal(await accounts.authenticate('gone@example.org', PASSWORD), null);
    assert.equal(await accounts.sessionUser(token), null);
  });

  it('creates, looks up, slides and revokes sessions', async () => {
    const user = await accounts.createUser({ email: 'session@example.org', password: PASSWORD, role: 'author' });
    const token = await accounts.createSession(user.id, 'Firefox');
    assert.match(token, /^[A-Za-z0-9_-]{43}$/u);
    assert.equal((await accounts.sessionUser(token))?.id, user.id);
    assert.equal(await accounts.sessionUser(`${token}x`), null);
    assert.equal(await accounts.sessionUser(''), null);

    const lastSeen = async () => (await app.db.kysely.selectFrom('sessions').select('last_seen_at').where('user_id', '=', user.id).executeTakeFirstOrThrow()).last_seen_at;
    const createdAt = time;
    time += 30_000;
    await accounts.sessionUser(token);
    assert.equal(await lastSeen(), createdAt, 'not written again within a minute');
    time += 31_000;
    await accounts.sessionUser(token);
    assert.equal(await lastSeen(), time);

    await accounts.revokeSession(token);
    assert.equal(await accounts.sessionUser(token), null);
  });

  it('expires sessions', async () => {
    const user = await accounts.createUser({ email: 'expiry@example.org', password: PASSWORD, role: 'reader' });
    const token = await accounts.createSession(user.id, '');
    time += 29 * 24 * 60 * 60 * 1000;
    assert.equal((await accounts.sessionUser(token))?.id, user.id);
    time += 2 * 24 * 60 * 60 * 1000;
    assert.equal(await accounts.sessionUser(token), null);
  });

  it('changes a password only with the current one, and ends every session', async () => {
    const user = await accounts.createUser({ email: 'change@example.org', password: PASSWORD, role: 'editor' });
    const phone = await accounts.createSession(user.id, 'phone');
    const laptop = await accounts.createSession(user.id, 'laptop');
    await refusal(accounts.changePassword(user.id, 'not the current one', 'a brand new password'), 403, /current password/u);
    await refusal(accounts.changePassword(user.id, PASSWORD, 'short'), 400, /at least 12/u);
    assert.equal((await accounts.sessionUser(phone))?.id, user.id, 'a refused change ends nothing');

    await accounts.changePassword(user.id, PASSWORD, 'a brand new password');
    assert.equal(await accounts.sessionUser(phone), null);
    assert.equal(await accounts.sessionUser(laptop), null);
    assert.equal(await accounts.authenticate('change@example.org', PASSWORD), null);
    assert.equal((await accounts.authenticate('change@example.org', 'a brand new password'))?.id, user.id);
  });

  it('creates API keys that act as a staff role until revoked', async () => {
    const { id, key } = await accounts.createKey({ name: 'Wire importer', role: 'author' });
    assert.match(key, /^scms_[A-Za-z0-9_-]{43}$/u);
    assert.deepEqual(await accounts.keyUser(key), { keyId: id, name: 'Wire importer', role: 'author' });
    assert.equal(await accounts.keyUser(`${key}x`), null);
    assert.equal(await accounts.keyUser('not a key'), null);

    const listed = (await accounts.listKeys()).find((k) => k.id === id);
    assert.equal(listed?.prefix, key.slice(0, 8));
    assert.equal(listed?.lastUsedAt, time);
    assert.equal(listed?.revokedAt, null);

    assert.equal(await accounts.revokeKey(id), true);
    assert.equal(await accounts.keyUser(key), null);
    assert.equal((await accounts.listKeys()).find((k) => k.id === id)?.revokedAt, time);
    assert.equal(await accounts.revokeKey(999_999), false);
    await refusal(accounts.createKey({ name: 'Reader key', role: 'reader' as never }), 400, /staff/u);
    await refusal(accounts.createKey({ name: '  ', role: 'editor' }), 400, /name/u);
  });

  it('stores only hashes of session tokens, API keys and passwords', async () => {
    const user = await accounts.createUser({ email: 'hashes@example.org', password: PASSWORD, role: 'admin' });
    const token = await accounts.createSession(user.id, 'agent');
    const { key } = await accounts.createKey({ name: 'Hash check', role: 'editor', createdBy: user.id });
    const stored = JSON.stringify([
      await app.db.kysely.selectFrom('users').selectAll().execute(),
      await app.db.kysely.selectFrom('sessions').selectAll().execute(),
      await app.db.kysely.selectFrom('api_keys').selectAll().execute(),
    ]);
    for (const secret of [token, key, key.slice(5), PASSWORD]) assert.equal(stored.includes(secret), false, `${secret.slice(0, 8)}… is stored`);
    assert.ok(stored.includes('$argon2id$'));
  });
});
