import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';
import { signingSecret } from '../src/secret.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.dataDir, path.resolve('./data'));
    assert.equal(c.databaseUrl, null);
    assert.equal(c.demo, true);
    assert.equal(c.publicUrl, 'http://localhost:3000');
  });

  it('reads every variable', () => {
    const c = loadConfig({ PORT: '8080', HOST: '127.0.0.1', DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u@h/db', DEMO: 'false', PUBLIC_URL: 'https://news.example.org/', PAGE_CACHE_MB: '64', TRUST_PROXY: 'true', LOG_LEVEL: 'warn', SECRET_KEY: 'k'.repeat(40) });
    assert.deepEqual(
      [c.port, c.host, c.dataDir, c.databaseUrl, c.demo, c.publicUrl, c.pageCacheMb, c.trustProxy, c.logLevel, c.secretKey],
      [8080, '127.0.0.1', '/tmp/x', 'postgres://u@h/db', false, 'https://news.example.org', 64, true, 'warn', 'k'.repeat(40)],
    );
  });

  it('refuses values that would run surprisingly', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), ConfigError);
    assert.throws(() => loadConfig({ DEMO: 'maybe' }), ConfigError);
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /postgres/u);
    assert.throws(() => loadConfig({ PUBLIC_URL: 'news.example.org' }), /PUBLIC_URL/u);
    assert.throws(() => loadConfig({ SECRET_KEY: 'short' }), /SECRET_KEY/u);
    assert.throws(() => loadConfig({ SMTP_URL: 'mail.example.org:25' }), /SMTP_URL/u);
    assert.throws(() => loadConfig({ MAIL_FROM: 'News <news@example.org>' }), /MAIL_FROM/u);
    const mail = loadConfig({ SMTP_URL: 'smtps://u:p@smtp.example.org:465', MAIL_FROM: 'news@example.org', PUBLIC_URL: 'https://news.example.org' });
    assert.equal(mail.smtpUrl, 'smtps://u:p@smtp.example.org:465');
    assert.equal(mail.mailFrom, 'news@example.org');
    assert.equal(loadConfig({ PUBLIC_URL: 'https://news.example.org' }).mailFrom, 'no-reply@news.example.org');
  });

  it('keeps one generated signing secret per data folder when SECRET_KEY is unset', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scms-secret-'));
    try {
      const first = signingSecret(loadConfig({ DATA_DIR: dir }));
      assert.match(first, /^[0-9a-f]{64}$/u);
      assert.equal(signingSecret(loadConfig({ DATA_DIR: dir })), first);
      assert.equal(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777, 0o600);
      assert.equal(signingSecret(loadConfig({ DATA_DIR: dir, SECRET_KEY: 's'.repeat(32) })), 's'.repeat(32));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
