/**
 * The redirect table is cached in each instance's memory: a change must reach every instance's
 * cache through the event bus (a 'redirects' purge), not wait for the cache's 30 s safety TTL.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { App } from '../../src/app.js';
import { startSharedInstances, startTestApp, type TestApp } from '../helpers/app.js';

const databaseUrl = process.env.DATABASE_URL || undefined;

/** Asks until `ready` holds (a NOTIFY takes a moment to arrive); the last answer, for the assertion. */
async function poll<T>(ask: () => Promise<T>, ready: (answer: T) => boolean, patienceMs = 5000): Promise<T> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    const answer = await ask();
    if (ready(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the redirect cache on one instance', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.destroy());
  const visit = (url: string) => app.http.inject({ method: 'GET', url });

  it('keeps its table until a redirects purge on the bus drops it', async () => {
    assert.equal((await visit('/written-behind')).statusCode, 404, 'the table is loaded, without the redirect');
    // A row the service did not write (as if another instance had): the cached table still lacks it.
    const now = Date.now();
    await app.db.kysely.insertInto('redirects').values({ from_path: '/written-behind', to_target: '/found', status: 301, created_at: now, updated_at: now }).execute();
    assert.equal((await visit('/written-behind')).statusCode, 404, 'served from the cached table');

    app.bus.publish('cache.purge', ['sitemaps']);
    assert.equal((await visit('/written-behind')).statusCode, 404, 'other purges leave the table alone');

    app.bus.publish('cache.purge', ['redirects']);
    const reloaded = await visit('/written-behind');
    assert.equal(reloaded.statusCode, 301, 'the purge dropped the table');
    assert.equal(reloaded.headers.location, '/found');
  });
});

describe('the redirect cache across two instances on one PostgreSQL schema', { skip: databaseUrl ? false : 'needs DATABASE_URL' }, () => {
  let shared: Awaited<ReturnType<typeof startSharedInstances>> | undefined;
  let a: App;
  let b: App;

  before(async () => {
    shared = await startSharedInstances(2);
    [a, b] = shared.apps as [App, App];
  });
  after(async () => {
    await shared?.destroy();
  });

  it('a redirect made or removed through B is served, or no longer, by A at once', async () => {
    const visitA = (url: string) => a.http.inject({ method: 'GET', url });
    const { key } = await b.accounts.createKey({ name: 'Editor bot', role: 'editor' });
    const onB = (method: 'POST' | 'DELETE', url: string, payload?: object) => b.http.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload ? { payload } : {}) });

    assert.equal((await visitA('/old')).statusCode, 404, 'A has loaded its table, without /old');
    const created = await onB('POST', '/api/admin/redirects', { from: '/old', to: '/new' });
    assert.equal(created.statusCode, 201, created.body);

    const followed = await poll(() => visitA('/old'), (r) => r.statusCode === 301);
    assert.equal(followed.statusCode, 301, 'A heard the purge and reloaded its table');
    assert.equal(followed.headers.location, '/new');

    assert.equal((await onB('DELETE', `/api/admin/redirects/${String(created.json<{ id: number }>().id)}`)).statusCode, 204);
    const gone = await poll(() => visitA('/old'), (r) => r.statusCode === 404);
    assert.equal(gone.statusCode, 404, 'A forgot the removed redirect');
  });
});
