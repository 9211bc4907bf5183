import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, passwordProblem, verifyPassword } from '../../src/modules/accounts/passwords.js';

describe('passwords', () => {
  it('hash with Argon2id at OWASP cost and verify round trip', async () => {
    const hashed = await hashPassword('correct horse battery staple');
    assert.ok(hashed.startsWith('$argon2id$'), hashed);
    assert.match(hashed, /\$m=19456,t=2,p=1\$/u);
    assert.equal(await verifyPassword(hashed, 'correct horse battery staple'), true);
    assert.equal(await verifyPassword(hashed, 'correct horse battery stapler'), false);
  });

  it('salt each hash', async () => {
    assert.notEqual(await hashPassword('the same password'), await hashPassword('the same password'));
  });

  it('answer false, never throw, for a hash that cannot be read', async () => {
    for (const bad of ['', 'garbage', '$argon2id$', '$2b$10$abcdefghijklmnopqrstuv', '$argon2id$v=19$m=19456,t=2,p=1$short$x']) {
      assert.equal(await verifyPassword(bad, 'whatever password'), false, bad);
    }
  });

  it('refuse short, overlong and email passwords', () => {
    assert.match(passwordProblem('elevenchars') ?? '', /at least 12/u);
    assert.equal(passwordProblem('twelve chars'), null);
    assert.equal(passwordProblem('x'.repeat(256)), null);
    assert.match(passwordProblem('x'.repeat(257)) ?? '', /at most 256/u);
    assert.match(passwordProblem('Editor@Example.org', 'editor@example.org') ?? '', /email/u);
  });
});
