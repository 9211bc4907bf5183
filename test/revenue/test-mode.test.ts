/**
 * Test mode (no Stripe keys): the whole flow runs locally, clearly labelled, through the same
 * event processing as real webhooks — one-time and monthly support, receipts, the thanks page, the
 * local billing portal.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { publishArticle } from '../helpers/newsroom.js';
import { parse, text } from '../helpers/html.js';
import { count, get, post, reader, setCookie } from './support.js';

describe('test mode without Stripe keys', () => {
  let app: TestApp;
  let articleUrl: string;

  before(async () => {
    app = await startTestApp();
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    articleUrl = `/news/${(await publishArticle(app, 'news', 'Harbour reopens')).slug}`;
  });
  after(() => app.destroy());

  /** Starts a checkout and returns the local checkout page's path. */
  async function checkout(fields: Record<string, string>, token?: string): Promise<string> {
    const response = await post(app, '/support/checkout', { currency: 'usd', custom_amount: '', ...fields }, token ? { token } : {});
    assert.equal(response.statusCode, 303);
    const location = String(response.headers.location);
    assert.match(location, /^http:\/\/localhost:3000\/support\/test-checkout\/cs_test_local_[0-9a-f]{24}$/u);
    return new URL(location).pathname;
  }

  test('the support page carries a visible test-mode banner', async () => {
    assert.equal(app.revenue.testMode, true);
    const $ = parse((await get(app, '/support')).body);
    assert.match($('.test-mode-banner').text(), /Test mode — no money moves/u);
  });

  test('a one-time gift: local checkout page, header injection refused, pay, thanks, payment and receipt', async () => {
    const page = await checkout({ frequency: 'once', amount: 'custom', custom_amount: '12' });
    const checkoutPage = await get(app, page);
    assert.equal(checkoutPage.statusCode, 200);
    assert.match(text(checkoutPage.body), /Test mode — no money moves/u);
    assert.match(text(checkoutPage.body), /\$12 once/u);
    const id = page.split('/').at(-1) as string;

    assert.equal((await get(app, `/support/thanks?session_id=${id}`)).statusCode, 402, 'not paid yet');

    const injected = await post(app, `${page}/pay`, { email: 'a@b.com\r\nBcc: victim@example.org', name: '' });
    assert.equal(injected.statusCode, 400);
    assert.match(parse(injected.body)('.form-problem').text(), /must not contain line breaks/u);
    assert.equal(await count(app, 'support_payments'), 0);

    const paid = await post(app, `${page}/pay`, { email: 'Pat@Example.org', name: 'Pat Payer' });
    assert.equal(paid.statusCode, 303);
    assert.equal(paid.headers.location, `/support/thanks?session_id=${id}`);
    const payments = await app.db.kysely.selectFrom('support_payments').selectAll().execute();
    assert.equal(payments.length, 1);
    assert.equal(payments[0]?.amount, 1200);
    assert.equal(payments[0]?.kind, 'one-time');
    const events = await app.db.kysely.selectFrom('stripe_events').select(['id', 'type']).execute();
    assert.deepEqual(events.map((e) => e.type), ['checkout.session.completed']);
    assert.match(events[0]?.id ?? '', /^evt_test_local_/u);

    // Paying twice (a double click, a back button) changes nothing.
    await post(app, `${page}/pay`, { email: 'pat@example.org', name: '' });
    assert.equal(await count(app, 'support_payments'), 1);

    const thanks = await get(app, `/support/thanks?session_id=${id}`);
    assert.equal(thanks.statusCode, 200);
    assert.match(text(thanks.body), /Thank you for your support/u);
    assert.equal(setCookie(thanks, 'scms_prefs'), 'scms_prefs=s-1');

    await app.jobs.runDue();
    const receipts = (await app.email.list({ to: 'pat@example.org' })).filter((m) => m.category === 'support.receipt');
    assert.equal(receipts.length, 1);
    assert.match(receipts[0]?.text ?? '', /Amount: \$12/u);
  });

  test('an unknown local checkout answers 404', async () => {
    assert.equal((await get(app, '/support/test-checkout/cs_test_local_nope')).statusCode, 404);
    assert.equal((await post(app, '/support/test-checkout/cs_test_local_nope/pay', { email: 'a@b.org' })).statusCode, 404);
  });

  /** The "Your support" section of /account: its sentence and its one action. */
  async function supportSection(token: string) {
    const $ = parse((await get(app, '/account', { token })).body);
    const section = $('#your-support');
    const form = section.find('form');
    const action = form.length ? `POST ${form.attr('action')} ${form.text().trim()}` : `GET ${section.find('a').attr('href')} ${section.find('a').text().trim()}`;
    return { text: section.children('p').first().text(), action };
  }

  test('monthly support for a signed-in reader: supporter on every page, managed and cancelled in the local portal', async () => {
    const mo = await reader(app, 'mo@example.org', 'Mo');
    assert.match((await get(app, articleUrl, { token: mo.token })).body, /class="support-pitch"/u);
    assert.deepEqual(await supportSection(mo.token), { text: 'Our reporting is free to read and paid for by readers. Support it, one time or every month, from $1.', action: 'GET /support Support us' });
    const page = await checkout({ frequency: 'monthly', amount: '10' }, mo.token);
    const form = parse((await get(app, page, { token: mo.token })).body);
    assert.equal(form('input[name="email"]').attr('value'), 'mo@example.org');
    assert.equal((await post(app, `${page}/pay`, { email: 'mo@example.org', name: 'Mo' }, { token: mo.token })).statusCode, 303);

    const subscription = await app.db.kysely.selectFrom('support_subscriptions').selectAll().executeTakeFirstOrThrow();
    assert.equal(subscription.status, 'active');
    const payments = await app.db.kysely.selectFrom('support_payments').selectAll().where('kind', '=', 'recurring').execute();
    assert.deepEqual(payments.map((p) => p.amount), [1000]);
    assert.doesNotMatch((await get(app, articleUrl, { token: mo.token })).body, /class="support-pitch"/u, 'supporters see no pitch');
    assert.deepEqual(await supportSection(mo.token), {
      text: 'You support us with $10 every month. Thank you: it keeps our reporting free for everyone.',
      action: 'POST /support/manage Change or cancel your monthly support',
    });

    const manage = await post(app, '/support/manage', {}, { token: mo.token });
    assert.equal(manage.statusCode, 303);
    assert.match(String(manage.headers.location), /^http:\/\/localhost:3000\/support\/test-portal\?customer=cus_test_local_/u);
    const portal = await get(app, '/support/test-portal', { token: mo.token });
    assert.match(text(portal.body), /Monthly support of \$10 \(active\)/u);
    assert.match(text(portal.body), /Test mode — no money moves/u);

    // Another reader cannot cancel Mo's support.
    const eve = await reader(app, 'eve@example.org', 'Eve');
    const foreign = await post(app, '/support/test-portal/cancel', { subscription: subscription.stripe_subscription_id }, { token: eve.token });
    assert.equal(foreign.statusCode, 404);
    assert.equal((await app.db.kysely.selectFrom('support_subscriptions').select('status').executeTakeFirstOrThrow()).status, 'active');

    const cancel = await post(app, '/support/test-portal/cancel', { subscription: subscription.stripe_subscription_id }, { token: mo.token });
    assert.equal(cancel.statusCode, 303);
    assert.equal((await app.db.kysely.selectFrom('support_subscriptions').select('status').executeTakeFirstOrThrow()).status, 'canceled');
    assert.match((await get(app, articleUrl, { token: mo.token })).body, /class="support-pitch"/u, 'the pitch returns after cancelling');
  });

  test('the webhook endpoint is not configured in test mode', async () => {
    const response = await app.http.inject({ method: 'POST', url: '/webhooks/stripe', payload: '{}', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=x' } });
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /not configured/u);
  });
});
