/** Newsletters' part of export and erasure: the reader's subscriptions, consents and sends, nobody else's. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newsletterPersonalData } from '../../src/modules/newsletters/index.js';
import { engineName, startTestApp, type TestApp } from '../helpers/app.js';
import { publishArticle } from '../helpers/newsroom.js';
import { subscribe } from './support.js';

describe(`newsletter personal data (${engineName()})`, () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
    await app.settings.update({ newsletters: { briefingHour: null } });
    await subscribe(app, 'mia@example.org', [], '10.2.0.1');
    await subscribe(app, 'leo@example.org', [], '10.2.0.2');
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    await publishArticle(app, 'news', 'Today in brief');
    await app.newsletters.briefings.send((await app.newsletters.briefings.build()).day, 'test');
    await app.jobs.runDue();
  });
  after(() => app.destroy());

  it("exports the reader's subscriptions, consents and received issues, matched by address", async () => {
    const source = newsletterPersonalData(app.db);
    assert.equal(source.name, 'newsletters');
    const data = (await source.export({ userId: 12345, email: 'MIA@example.org' })) as { subscribers: { email: string; subscriptions: { list: string; status: string }[]; consents: unknown[]; received: { subject: string }[] }[] };
    assert.equal(data.subscribers.length, 1);
    const [mia] = data.subscribers;
    assert.equal(mia?.email, 'mia@example.org');
    assert.deepEqual(mia?.subscriptions.map((s) => [s.list, s.status]), [['Daily briefing', 'active']]);
    assert.equal(mia?.consents.length, 1);
    assert.equal(mia?.received.length, 1);
    assert.doesNotMatch(JSON.stringify(data), /leo@example\.org/u);
  });

  it('matches by account too, once a signed-in reader signs up with their own address', async () => {
    const user = await app.accounts.createUser({ email: 'ava@example.org', password: 'a long enough password', role: 'reader', name: 'Ava', emailVerified: true });
    await app.newsletters.subscribers.signUp({ email: 'ava@example.org', listIds: [], userId: user.id, legal: { terms: null, privacy: null } });
    const data = (await newsletterPersonalData(app.db).export({ userId: user.id, email: 'changed@example.org' })) as { subscribers: { email: string }[] };
    assert.deepEqual(data.subscribers.map((s) => s.email), ['ava@example.org']);
  });

  it('erases subscriber, subscriptions, consents, confirmations and send recipients; twice is harmless; others stay', async () => {
    const source = newsletterPersonalData(app.db);
    const subject = { userId: 12345, email: 'mia@example.org' };
    await source.erase(subject, { comments: 'anonymise' });
    await source.erase(subject, { comments: 'anonymise' });
    const k = app.db.kysely;
    assert.equal((await k.selectFrom('newsletter_subscribers').select('id').where('email', '=', 'mia@example.org').execute()).length, 0);
    for (const table of ['newsletter_subscriptions', 'newsletter_consents', 'newsletter_confirmations', 'newsletter_send_recipients'] as const) {
      const rows = await k.selectFrom(table).innerJoin('newsletter_subscribers as s', 's.id', `${table}.subscriber_id`).select('s.email').execute();
      assert.ok(rows.every((r) => r.email !== 'mia@example.org'), table);
      assert.ok(rows.some((r) => r.email === 'leo@example.org'), `${table} keeps other readers' rows`);
    }
    const orphans = await k.selectFrom('newsletter_send_recipients as r').leftJoin('newsletter_subscribers as s', 's.id', 'r.subscriber_id').select('r.id').where('s.id', 'is', null).execute();
    assert.equal(orphans.length, 0);
    assert.deepEqual(await source.export(subject), { subscribers: [] });
  });
});
