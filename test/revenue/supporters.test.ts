/**
 * Supporters and reader accounts: a payment joins the account with its (verified) address, now
 * or when the reader signs up later; supporters see no pitch and carry the badge helper's mark.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { publishArticle } from '../helpers/newsroom.js';
import { supporterUserIds } from '../../src/modules/revenue/index.js';
import { startFakeStripe, stripeEnv, stripeEvent, type FakeStripe } from './fake-stripe.js';
import { deliverTo, get, oneTime, reader } from './support.js';

describe('supporters and reader accounts', () => {
  let app: TestApp;
  let stripe: FakeStripe;
  let articleUrl: string;

  before(async () => {
    stripe = await startFakeStripe();
    app = await startTestApp({ env: stripeEnv(stripe) });
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    articleUrl = `/news/${(await publishArticle(app, 'news', 'Library extends hours')).slug}`;
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

});
