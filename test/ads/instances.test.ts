/**
 * Two instances on one PostgreSQL database: a creative added through one instance's admin reaches
 * the other's in-memory inventory over the event bus, and its collapsed pages re-render.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from '../../src/app.js';
import { PUBLIC_URL, startSharedInstances } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import { creativeForm } from './helpers.js';

const databaseUrl = process.env.DATABASE_URL || undefined;

describe('ads across instances', { skip: databaseUrl ? false : 'needs PostgreSQL (DATABASE_URL)' }, () => {
  let apps: App[];
  let destroy: () => Promise<void>;
  let path = '';
  before(async () => {
    ({ apps, destroy } = await startSharedInstances(2));
    const [a] = apps as [App, App];
    await a.publishing.createSection({ slug: 'news', name: 'News', position: 1 });
    await a.publishing.createAuthor({ slug: 'rita', name: 'Rita Reporter' });
    const paragraphs = Array.from({ length: 8 }, (_, i) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: `Paragraph ${i + 1}.` }] }));
    const { slug } = await a.publishing.createArticle({ headline: 'Slots everywhere', sectionSlug: 'news', authors: [{ slug: 'rita' }], status: 'published', body: { type: 'doc', content: paragraphs } });
    path = `/news/${slug}`;
    await a.settings.update({ ads: { source: 'house', emptySlots: 'collapse' } });
  });
  after(() => destroy?.());

  async function poll(ask: () => Promise<boolean>): Promise<boolean> {
    const deadline = Date.now() + 5000;
    for (;;) {
      if (await ask()) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const slots = async (app: App) => parse((await app.http.inject({ url: path })).body)('.story-body > .ad-slot').length;

  it('reloads the other instance and purges its cached page', async () => {
    const [a, b] = apps as [App, App];
    // b's settings catch up with a's change over the bus; then its page is collapsed and cached.
    assert.ok(await poll(async () => b.settings.get().ads.emptySlots === 'collapse' && (await slots(b)) === 0));
    const user = await a.accounts.createUser({ email: 'admin@example.org', password: 'a long enough password', role: 'admin', name: 'Admin' });
    const token = await a.accounts.createSession(user.id, 'test');
    const created = await a.http.inject({
      method: 'POST',
      url: '/admin/ads',
      payload: creativeForm({ name: 'Shared', startsAt: '2020-01-01T00:00', endsAt: '2099-01-01T00:00' }),
      headers: { cookie: `scms_session=${token}`, origin: PUBLIC_URL, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(created.statusCode, 303);
    assert.ok((await slots(a)) >= 1, 'at once on the instance that made the change');
    assert.ok(await poll(async () => (await slots(b)) >= 1), 'and soon on the other');
    const frame = parse((await b.http.inject({ url: path })).body)('.ad-slot iframe').attr('src') ?? '';
    assert.match((await b.http.inject({ url: frame })).body, /\/ads\/c\/\d+\?sig=/u, 'the other instance fills its frames with it');
  });
});
