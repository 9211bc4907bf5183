import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { freePort } from './helpers/app.js';
import { ROOT, cliSandbox } from './helpers/cli.js';

const sandbox = cliSandbox('cli');
const cli = (args: string[], env: Record<string, string> = {}) => sandbox.run(args, env);


describe('the structurecms command', () => {
  after(async () => {
    await sandbox.destroy();
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
    await sandbox.prepare();
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
      cwd: ROOT,
      env: sandbox.env({ PORT: String(port), HOST: '127.0.0.1' }),
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
