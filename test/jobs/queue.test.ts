import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createJobQueue } from '../../src/modules/jobs/index.js';
import { engineName, startTestApp, type TestApp } from '../helpers/app.js';

describe(`job queue (${engineName()})`, () => {
  let app: TestApp;
  let clock = Date.UTC(2026, 10, 28, 12, 0, 0);
  before(async () => {
    app = await startTestApp({ clock: () => clock });
  });
  after(async () => app?.destroy());

  it('runs a job only once it is due by the clock', async () => {
    const queue = createJobQueue(app.db, { now: () => clock });
    const ran: string[] = [];
    queue.define<{ word: string }>('test.say', async ({ word }) => void ran.push(word));
    await queue.enqueue('test.say', { word: 'later' }, { runAt: clock + 60_000 });
    await queue.enqueue('test.say', { word: 'now' });
    assert.equal(await queue.runDue(), 1);
    assert.deepEqual(ran, ['now']);
    clock += 60_000;
    assert.equal(await queue.runDue(), 1);
    assert.deepEqual(ran, ['now', 'later']);
    assert.equal(await queue.runDue(), 0);
  });

  it('enqueues within the caller’s transaction: the job exists exactly when the change commits', async () => {
    const queue = createJobQueue(app.db, { now: () => clock });
    const ran: string[] = [];
    queue.define<{ word: string }>('test.within', async ({ word }) => void ran.push(word));
    await assert.rejects(
      app.db.kysely.transaction().execute(async (trx) => {
        await queue.enqueue('test.within', { word: 'rolled back' }, { within: trx, key: 'within:1' });
        throw new Error('the change failed');
      }),
      /the change failed/u,
    );
    assert.equal(await queue.find('within:1'), undefined);
    await app.db.kysely.transaction().execute(async (trx) => {
      await queue.enqueue('test.within', { word: 'committed' }, { within: trx, key: 'within:1' });
    });
    assert.equal(await queue.runDue(), 1);
    assert.deepEqual(ran, ['committed']);
  });

  it('keeps one pending job per key: enqueueing again reschedules it', async () => {
    const queue = createJobQueue(app.db, { now: () => clock });
    const ran: number[] = [];
    queue.define<{ n: number }>('test.keyed', async ({ n }) => void ran.push(n));
    await queue.enqueue('test.keyed', { n: 1 }, { key: 'k1', runAt: clock + 10_000 });
    await queue.enqueue('test.keyed', { n: 2 }, { key: 'k1', runAt: clock + 20_000 });
    assert.equal((await queue.find('k1'))?.runAt, clock + 20_000);
    clock += 20_000;
    await queue.runDue();
    assert.deepEqual(ran, [2]);
    await queue.enqueue('test.keyed', { n: 3 }, { key: 'k2', runAt: clock + 1 });
    assert.equal(await queue.cancel('k2'), true);
    assert.equal(await queue.find('k2'), undefined);
  });

  it('keeps one pending job when the same key is enqueued many times at once', async () => {
    const queue = createJobQueue(app.db, { now: () => clock });
    const ran: number[] = [];
    queue.define<{ n: number }>('test.burst', async ({ n }) => void ran.push(n));
    await Promise.all(Array.from({ length: 12 }, (_, n) => queue.enqueue('test.burst', { n }, { key: 'burst', runAt: clock + 1 })));
    clock += 1;
    await queue.runDue();
    assert.equal(ran.length, 1, 'one job ran: every enqueue replaced the pending one');
  });

  it('retries a failing job with backoff, then marks it failed with the reason', async () => {
    const queue = createJobQueue(app.db, { now: () => clock });
    let tries = 0;
    queue.define(
      'test.flaky',
      async () => {
        tries += 1;
        throw new Error(`boom ${tries}`);
      },
      { maxAttempts: 2, backoffMs: () => 5_000 },
    );
    const id = await queue.enqueue('test.flaky', {});
    await queue.runDue();
    assert.equal(tries, 1);
    assert.equal(await queue.runDue(), 0, 'not retried before the backoff passes');
    clock += 5_000;
    await queue.runDue();
    assert.equal(tries, 2);
    const [job] = (await queue.list({ name: 'test.flaky' })).filter((j) => j.id === id);
    assert.equal(job?.status, 'failed');
    assert.equal(job?.lastError, 'boom 2');
  });

  it('takes over a job whose claim lapsed (an instance died mid-job)', async () => {
    const queue = createJobQueue(app.db, { now: () => clock });
    let runs = 0;
    queue.define('test.lease', async () => void (runs += 1), { leaseMs: 1_000 });
    const id = await queue.enqueue('test.lease', {});
    // Simulate a claim by a worker that then vanished.
    await app.db.kysely.updateTable('jobs').set({ status: 'running', attempts: 1, locked_until: clock + 1_000 }).where('id', '=', id).execute();
    assert.equal(await queue.runDue(), 0);
    clock += 1_001;
    assert.equal(await queue.runDue(), 1);
    assert.equal(runs, 1);
  });

  it('runs each job exactly once when several workers poll the same table', async () => {
    const workers = [0, 1, 2].map(() => createJobQueue(app.db, { now: () => clock }));
    const runs = new Map<number, number>();
    for (const worker of workers) {
      worker.define<{ i: number }>('test.race', async ({ i }) => {
        runs.set(i, (runs.get(i) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 1));
      });
    }
    for (let i = 0; i < 60; i += 1) await workers[0]!.enqueue('test.race', { i });
    const counts = await Promise.all(workers.map((worker) => worker.runDue()));
    assert.equal(counts.reduce((a, b) => a + b, 0), 60);
    assert.equal(runs.size, 60);
    assert.ok([...runs.values()].every((n) => n === 1), 'no job ran twice');
  });
});
