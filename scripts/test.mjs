#!/usr/bin/env node
// Runs the whole suite on the embedded SQLite database, then again on PostgreSQL when one is
// reachable (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test). Without
// PostgreSQL it says so plainly and passes; with REQUIRE_POSTGRES=1 (CI) a missing server fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
if (spawnSync(process.execPath, [path.join(root, 'scripts/build-client.mjs'), '--quiet'], { stdio: 'inherit' }).status !== 0) process.exit(1); // the editor bundle the browser tests load
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function testFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return testFiles(full);
      return entry.name.endsWith('.test.ts') || entry.name.endsWith('.test.tsx') ? [full] : [];
    })
    .sort();
}

const files = testFiles(path.join(root, 'test')).filter((f) => only.length === 0 || only.some((o) => f.includes(o)));

function run(label, env) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(result.stdout);
  const count = (name) => Number(new RegExp(`^ℹ ${name} (\\d+)$`, 'mu').exec(result.stdout)?.[1] ?? 0);
  return { ok: result.status === 0, pass: count('pass'), fail: count('fail'), skipped: count('skipped') };
}

async function postgresReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const results = [];
const sqliteEnv = { DATABASE_URL: '' };
if (process.env.DATABASE_URL) {
  // An explicit DATABASE_URL means: run on that database only.
  results.push(run(`PostgreSQL (${process.env.DATABASE_URL.replace(/\/\/[^@]*@/u, '//…@')})`, {}));
} else {
  results.push(run('SQLite (embedded)', sqliteEnv));
  const pgUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  if (process.env.SKIP_POSTGRES === '1') {
    console.log('\nSkipped the PostgreSQL run: SKIP_POSTGRES=1.');
  } else if (await postgresReachable(pgUrl)) {
    results.push(run('PostgreSQL', { DATABASE_URL: pgUrl }));
  } else if (process.env.REQUIRE_POSTGRES === '1') {
    console.log(`\nPostgreSQL is not reachable at ${pgUrl}, and REQUIRE_POSTGRES=1.`);
    results.push({ ok: false, pass: 0, fail: 1, skipped: 0 });
  } else {
    console.log(`\nSkipped the PostgreSQL run: no PostgreSQL server answered at ${pgUrl} (set TEST_DATABASE_URL to use another).`);
  }
}

const total = results.reduce((a, r) => ({ pass: a.pass + r.pass, fail: a.fail + r.fail, skipped: a.skipped + r.skipped }), { pass: 0, fail: 0, skipped: 0 });
const ok = results.every((r) => r.ok);
console.log(`\n${total.pass} passed, ${total.fail} failed, ${total.skipped} skipped`);
process.exit(ok ? 0 : 1);
