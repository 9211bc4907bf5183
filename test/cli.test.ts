import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { dropPostgresSchema } from '../src/db/database.js';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'structurecms-cli-'));
const pgUrl = process.env.DATABASE_URL || '';
const schema = `cli_${process.pid}`;
// On PostgreSQL the CLI gets a schema of its own through the connection's search_path.
const databaseUrl = pgUrl ? `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}` : '';

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ...env },
    timeout: 120_000,
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('the structurecms command', () => {
  after(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (pgUrl) await dropPostgresSchema(pgUrl, schema);
  });

  it('prints help and refuses unknown commands', () => {
    const help = cli(['help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /start\s+Apply migrations/u);
    const unknown = cli(['frobnicate']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command "frobnicate"/u);
  });

  it('names a bad environment variable instead of starting', () => {
    const bad = cli(['migrate'], { PORT: 'eighty' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /PORT must be a whole number/u);
  });

  it('migrates, seeds the demo once, then serves it', async () => {
    if (pgUrl) {
      const pg = await import('pg');
      const client = new pg.default.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.end();
    }
    const migrate = cli(['migrate']);
    assert.equal(migrate.status, 0, migrate.stderr);
    assert.match(migrate.stdout, /Applied \d+ migration/u);
    assert.match(cli(['migrate']).stdout, /up to date/u);
    const seed = cli(['seed-demo']);
    assert.equal(seed.status, 0, seed.stderr);
    assert.match(seed.stdout, /Seeded the demo publication "The Civic Ledger"/u);
    assert.match(cli(['seed-demo']).stdout, /nothing was seeded/u);

    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    try {
      let body = '';
      for (let i = 0; i < 300 && !body; i++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/`);
          if (res.status === 200) body = await res.text();
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      assert.match(body, /The Civic Ledger/u);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  });
});
