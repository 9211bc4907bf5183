import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { cliSandbox } from '../helpers/cli.js';

const sandbox = cliSandbox('accounts-cli');
const { dataDir, pgUrl, schema } = sandbox;
const cli = (args: string[]) => sandbox.run(args);

/** A fresh app on the database the CLI wrote to. */
async function openApp() {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(pgUrl ? { DATABASE_URL: pgUrl } : {}) });
  return createApp(config, pgUrl ? { pgSchema: schema } : {});
}

describe('the users and keys commands', () => {
  after(async () => {
    await sandbox.destroy();
  });

  it('create a user, and refuse bad input with exit code 2', async () => {
    await sandbox.prepare();
    const created = cli(['users', 'create', '--email', 'Admin@Example.org', '--password', 'a long enough password', '--role', 'admin', '--name', 'First Admin']);
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /^Created admin admin@example\.org \(id \d+\)$/mu);

    const duplicate = cli(['users', 'create', '--email', 'admin@example.org', '--password', 'a long enough password', '--role', 'editor']);
    assert.equal(duplicate.status, 2);
    assert.match(duplicate.stderr, /already exists/u);
    const role = cli(['users', 'create', '--email', 'x@example.org', '--password', 'a long enough password', '--role', 'owner']);
    assert.equal(role.status, 2);
    assert.match(role.stderr, /unknown role "owner"/u);
    const short = cli(['users', 'create', '--email', 'x@example.org', '--password', 'short', '--role', 'reader']);
    assert.equal(short.status, 2);
    assert.match(short.stderr, /at least 12 characters/u);
    const missing = cli(['users', 'create', '--email', 'x@example.org']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /needs --email, --password and --role/u);
    const unknownOption = cli(['users', 'create', '--emial', 'x@example.org']);
    assert.equal(unknownOption.status, 2);

    const app = await openApp();
    try {
      const user = await app.accounts.authenticate('admin@example.org', 'a long enough password');
      assert.equal(user?.name, 'First Admin');
      assert.ok(user?.emailVerifiedAt, 'an operator-created account is verified');
    } finally {
      await app.close();
    }
  });

  it('create a verified reader who can sign in on the site at once', async () => {
    const created = cli(['users', 'create', '--email', 'reader@example.org', '--password', 'a long enough password', '--role', 'reader', '--name', 'Imported Reader']);
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /^Created reader reader@example\.org \(id \d+\)$/mu);
    const app = await openApp();
    try {
      const form = new URLSearchParams({ email: 'reader@example.org', password: 'a long enough password' }).toString();
      const signedIn = await app.http.inject({ method: 'POST', url: '/account/sign-in', payload: form, headers: { origin: app.config.publicUrl, 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(signedIn.statusCode, 303);
      const token = signedIn.cookies.find((c) => c.name === 'scms_session')?.value ?? '';
      const user = await app.accounts.sessionUser(token);
      assert.equal(user?.role, 'reader');
      assert.equal(user?.name, 'Imported Reader');
      assert.ok(user?.emailVerifiedAt, 'no confirmation email is due');
      assert.deepEqual(await app.email.list({ to: 'reader@example.org' }), []);
    } finally {
      await app.close();
    }
  });

  it('create a key shown once on the last line, list it and revoke it', async () => {
    const created = cli(['keys', 'create', '--name', 'Wire importer', '--role', 'editor']);
    assert.equal(created.status, 0, created.stderr);
    const lines = created.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /will not be shown again/u);
    const key = lines.at(-1) ?? '';
    assert.match(key, /^scms_[A-Za-z0-9_-]{43}$/u);

    let app = await openApp();
    let keyId: number;
    try {
      const acting = await app.accounts.keyUser(key);
      assert.equal(acting?.role, 'editor');
      assert.equal(acting?.name, 'Wire importer');
      keyId = acting?.keyId ?? 0;
    } finally {
      await app.close();
    }

    const listed = cli(['keys', 'list']);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, /^id\s+name\s+role\s+prefix\s+created\s+last used\s+revoked$/mu);
    const row = listed.stdout.split('\n').find((line) => line.includes('Wire importer')) ?? '';
    assert.match(row, new RegExp(`^${keyId}\\s+Wire importer\\s+editor\\s+${key.slice(0, 8)}\\s`, 'u'));
    assert.ok(!listed.stdout.includes(key), 'the list never shows the whole key');

    assert.equal(cli(['keys', 'create', '--name', 'Reader', '--role', 'reader']).status, 2);
    const unknown = cli(['keys', 'revoke', '--id', '999999']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no API key with id 999999/u);
    const revoked = cli(['keys', 'revoke', '--id', String(keyId)]);
    assert.equal(revoked.status, 0, revoked.stderr);
    assert.match(revoked.stdout, new RegExp(`Revoked API key ${keyId}`, 'u'));

    app = await openApp();
    try {
      assert.equal(await app.accounts.keyUser(key), null);
    } finally {
      await app.close();
    }
    const after = cli(['keys', 'list']).stdout.split('\n').find((line) => line.includes('Wire importer')) ?? '';
    assert.match(after, /\d{4}-\d\d-\d\d \d\d:\d\d$/u, 'the revoked column is filled in');
  });

  it('lists the new commands in the help', () => {
    const help = cli(['help']);
    assert.match(help.stdout, /users create --email E --password P --role R/u);
    assert.match(help.stdout, /keys revoke --id N/u);
  });
});
