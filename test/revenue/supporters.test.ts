/**
 * Supporters and reader accounts: a payment joins the account with its (verified) address, now
 * or when the reader signs up later; supporters see no pitch and carry the badge helper's mark.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { publishArticle } from '../helpers/newsroom.js';
import { createSupporterBadges, supporterUserIds } from '../../src/modules/revenue/index.js';
import { startFakeStripe, stripeEnv, stripeEvent, type FakeStripe } from './fake-stripe.js';
import { deliverTo, get, oneTime, reader } from './support.js';

describe('supporters and reader accounts', () => {
  let app: TestApp;
  let stripe: FakeStripe;
  let articleUrl: string;
  let articleId: number;

  before(async () => {
    stripe = await startFakeStripe();
    app = await startTestApp({ env: stripeEnv(stripe) });
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    const article = await publishArticle(app, 'news', 'Library extends hours');
    articleUrl = `/news/${article.slug}`;
    articleId = article.id;
  });
  after(async () => {
    await app.destroy();
    await stripe.close();
  });

  const deliver = (event: unknown) => deliverTo(app, event);

  test('a payment made signed out joins the reader account that has its address', async () => {
    const lee = await reader(app, 'lee@example.org', 'Lee');
    await deliver(stripeEvent('checkout.session.completed', oneTime('cs_lee', { customer_details: { email: 'LEE@example.org', name: 'Lee' } }), Math.floor(Date.now() / 1000)));
    const supporter = await app.db.kysely.selectFrom('supporters').selectAll().where('stripe_customer_id', '=', 'cus_cs_lee').executeTakeFirstOrThrow();
    assert.equal(supporter.user_id, lee.id);
  });

  test('a supporter without an account joins it when the reader signs up later, and then sees no pitch', async () => {
    await deliver(stripeEvent('checkout.session.completed', oneTime('cs_newbie', { customer_details: { email: 'newbie@example.org', name: 'New' } }), Math.floor(Date.now() / 1000)));
    const orphan = await app.db.kysely.selectFrom('supporters').selectAll().where('email', '=', 'newbie@example.org').executeTakeFirstOrThrow();
    assert.equal(orphan.user_id, null);

    const newbie = await reader(app, 'newbie@example.org', 'Newbie');
    assert.deepEqual(await supporterUserIds(app.db, [newbie.id]), new Set([newbie.id]), 'the badge shows even before the first signed-in visit');
    const page = await get(app, articleUrl, { token: newbie.token });
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /class="support-pitch"/u);
    const linked = await app.db.kysely.selectFrom('supporters').selectAll().where('id', '=', orphan.id).executeTakeFirstOrThrow();
    assert.equal(linked.user_id, newbie.id);
  });

  test('an account whose address is not verified does not claim what was given from that address', async () => {
    const squatter = await app.accounts.createUser({ email: 'owner@example.org', password: 'a long enough password', role: 'reader', name: 'Squatter' });
    const token = await app.accounts.createSession(squatter.id, 'test');
    await deliver(stripeEvent('checkout.session.completed', oneTime('cs_owner', { customer_details: { email: 'owner@example.org', name: 'Owner' } }), Math.floor(Date.now() / 1000)));
    assert.deepEqual(await supporterUserIds(app.db, [squatter.id]), new Set());
    assert.match((await get(app, articleUrl, { token })).body, /class="support-pitch"/u);
    const record = await app.db.kysely.selectFrom('supporters').select('user_id').where('email', '=', 'owner@example.org').executeTakeFirstOrThrow();
    assert.equal(record.user_id, null);
  });

  test('the support page thanks a signed-in supporter', async () => {
    const lee = await app.db.kysely.selectFrom('users').select('id').where('email', '=', 'lee@example.org').executeTakeFirstOrThrow();
    const token = await app.accounts.createSession(lee.id, 'test');
    assert.match((await get(app, '/support', { token })).body, /you already support/u);
    assert.doesNotMatch((await get(app, '/support')).body, /you already support/u);
  });

  test('signed-in readers who are not supporters see the pitch; signed-out readers too', async () => {
    const nobody = await reader(app, 'nobody@example.org', 'Nobody');
    assert.match((await get(app, articleUrl, { token: nobody.token })).body, /class="support-pitch"/u);
    assert.match((await get(app, articleUrl)).body, /class="support-pitch"/u);
    assert.match((await get(app, articleUrl, { cookies: ['scms_prefs=s-1'] })).body, /data-x|<\/html>/u);
    assert.doesNotMatch((await get(app, articleUrl, { cookies: ['scms_prefs=s-1'] })).body, /class="support-pitch"/u, 'the browser remembers a completed checkout');
  });

  test('supporterUserIds ignores unknown ids and empty input', async () => {
    assert.deepEqual(await supporterUserIds(app.db, []), new Set());
    assert.deepEqual(await supporterUserIds(app.db, [999_999]), new Set());
  });


  test('the badge keeps its answers a while, shows a lapse on time, and forgets at once when a payment arrives', async () => {
    let clock = Date.now();
    const badges = createSupporterBadges(app.db, () => clock, 60_000);
    const kim = await reader(app, 'kim@example.org', 'Kim');
    assert.deepEqual(await badges.lookup([kim.id]), new Set());
    const row = await app.db.kysely
      .insertInto('supporters')
      .values({ user_id: kim.id, email: null, name: 'Kim', stripe_customer_id: null, active_until: clock + 120_000, created_at: clock, anonymised_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.deepEqual(await badges.lookup([kim.id]), new Set(), 'a kept answer: not asked again within the minute');
    clock += 60_000;
    assert.deepEqual(await badges.lookup([kim.id, kim.id]), new Set([kim.id]), 'asked again once the minute is over');
    clock += 61_000;
    assert.deepEqual(await badges.lookup([kim.id]), new Set(), 'the support ran out: no badge, without asking');
    await app.db.kysely.updateTable('supporters').set({ active_until: clock + 86_400_000 }).where('id', '=', row.id).execute();
    badges.forget();
    assert.deepEqual(await badges.lookup([kim.id]), new Set([kim.id]), 'after forget(), asked again');
  });

  test('the assembled app forgets kept badge answers when a payment event is applied', async () => {
    await app.settings.update({ comments: { moderation: { newReaderApprovals: 0 } } });
    const ria = await app.accounts.getUser((await reader(app, 'ria@example.org', 'Ria')).id);
    assert.ok(ria);
    const before = await app.comments.post(ria, { articleId, text: 'Before I gave' }, { address: '10.9.0.1' });
    assert.equal(before.status, 'approved');
    assert.equal(before.comment.author?.supporter, undefined);
    const delivered = await deliver(stripeEvent('checkout.session.completed', oneTime('cs_ria', { customer_details: { email: 'ria@example.org', name: 'Ria' } }), Math.floor(Date.now() / 1000)));
    assert.deepEqual(delivered, { status: 200, body: { received: true, outcome: 'applied' } });
    const thread = await app.comments.threadForArticleId(articleId);
    const mine = thread?.entries.find((e) => e.comment.id === before.comment.id);
    assert.equal(mine?.comment.author?.supporter, true, 'the badge shows at once on this instance');
  });
});
