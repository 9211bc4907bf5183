/**
 * The event bus between app instances (PostgreSQL LISTEN/NOTIFY): messages published in one turn
 * travel together, in order, in as few notifications as PostgreSQL's payload limit allows.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { postgresBus, type EventBus } from '../../src/events/bus.js';

const databaseUrl = process.env.DATABASE_URL || undefined;

describe('the event bus between instances', {
  // On SQLite the app runs as one process with the in-process bus (tested with live comments).
  skip: databaseUrl ? false : 'needs PostgreSQL (DATABASE_URL): the bus between instances is LISTEN/NOTIFY',
}, () => {
  const url = databaseUrl ?? '';
  const scope = `bus-test-${crypto.randomUUID()}`;
  const errors: Error[] = [];
  let a: EventBus;
  let b: EventBus;
  let spy: pg.Client;
  const payloads: string[] = [];

  before(async () => {
    a = await postgresBus(url, scope, (e) => errors.push(e));
    b = await postgresBus(url, scope, (e) => errors.push(e));
    spy = new pg.Client({ connectionString: url });
    await spy.connect();
    spy.on('notification', (note) => {
      if (note.payload?.includes(scope)) payloads.push(note.payload);
    });
    await spy.query('LISTEN structurecms_events');
  });
  after(async () => {
    await Promise.all([a.close(), b.close(), spy.end()]);
  });

  /**
   * The notifications the spy saw for what was published before: a marker sent in a later turn
   * arrives after them (one sender, in order), so once the spy has it, it has them all.
   */
  async function notificationsBefore(): Promise<string[]> {
    const marker = crypto.randomUUID();
    await new Promise((resolve) => setImmediate(resolve));
    a.publish('t.marker', { marker });
    for (let i = 0; i < 200 && !payloads.some((p) => p.includes(marker)); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const seen = payloads.findIndex((p) => p.includes(marker));
    assert.ok(seen >= 0, 'the marker arrived');
    return payloads.slice(0, seen);
  }

  /** Everything B hears on `topic` until `count` messages have come (or two seconds pass). */
  function hear(topic: string, count: number): Promise<unknown[]> {
    const heard: unknown[] = [];
    return new Promise((resolve) => {
      const stop = b.subscribe(topic, (payload) => {
        heard.push(payload);
        if (heard.length === count) done();
      });
      const timer = setTimeout(() => done(), 2000);
      function done() {
        clearTimeout(timer);
        stop();
        resolve(heard);
      }
    });
  }

  it('sends the messages of one turn as one notification, and the other instance gets each in order', async () => {
    payloads.length = 0;
    const heard = hear('t.one', 3);
    const local: unknown[] = [];
    const stop = a.subscribe('t.one', (p) => local.push(p));
    a.publish('t.one', { n: 1 });
    a.publish('t.one', { n: 2 });
    a.publish('t.one', { n: 3 });
    stop();
    assert.deepEqual(local, [{ n: 1 }, { n: 2 }, { n: 3 }], 'the publishing instance hears its own messages at once');
    assert.deepEqual(await heard, [{ n: 1 }, { n: 2 }, { n: 3 }]);
    assert.equal((await notificationsBefore()).length, 1, 'one NOTIFY for the turn');
    assert.deepEqual(errors, []);
  });

  it('splits a turn too big for one notification, keeping every message and their order', async () => {
    payloads.length = 0;
    const big = (n: number) => ({ n, text: 'x'.repeat(3000) });
    const heard = hear('t.big', 5);
    for (let n = 1; n <= 5; n++) a.publish('t.big', big(n));
    assert.deepEqual(await heard, [1, 2, 3, 4, 5].map(big));
    const sent = await notificationsBefore();
    assert.ok(sent.length >= 2 && sent.length < 5, `a few notifications, not one per message (${sent.length})`);
    for (const payload of sent) assert.ok(Buffer.byteLength(payload) < 8000, 'each under PostgreSQL\'s payload limit');
    assert.deepEqual(errors, []);
  });

  it('does not hear its own notifications twice', async () => {
    let times = 0;
    const stop = a.subscribe('t.echo', () => times++);
    const heard = hear('t.echo', 1);
    a.publish('t.echo', {});
    assert.equal((await heard).length, 1);
    // B's answer is committed after A's message, so once A hears it, A has had its echo too.
    const answered = new Promise<void>((resolve) => {
      const off = a.subscribe('t.answer', () => (off(), resolve()));
    });
    b.publish('t.answer', {});
    await answered;
    stop();
    assert.equal(times, 1, 'A heard its message once (locally), not again as an echo');
  });
});
