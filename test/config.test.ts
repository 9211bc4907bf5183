import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';

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
    const c = loadConfig({ PORT: '8080', HOST: '127.0.0.1', DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u@h/db', DEMO: 'false', PUBLIC_URL: 'https://news.example.org/', PAGE_CACHE_MB: '64', TRUST_PROXY: 'true', LOG_LEVEL: 'warn' });
    assert.deepEqual(
      [c.port, c.host, c.dataDir, c.databaseUrl, c.demo, c.publicUrl, c.pageCacheMb, c.trustProxy, c.logLevel],
      [8080, '127.0.0.1', '/tmp/x', 'postgres://u@h/db', false, 'https://news.example.org', 64, true, 'warn'],
    );
  });

  it('refuses values that would run surprisingly', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), ConfigError);
    assert.throws(() => loadConfig({ DEMO: 'maybe' }), ConfigError);
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /postgres/u);
    assert.throws(() => loadConfig({ PUBLIC_URL: 'news.example.org' }), /PUBLIC_URL/u);
  });
});
