/**
 * POST /webhooks/stripe: signature and timestamp verification on the raw body, exactly-once
 * processing (duplicates, replays), out-of-order events, refunds and receipts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { publishArticle } from '../helpers/newsroom.js';
import { supporterUserIds } from '../../src/modules/revenue/index.js';
import { signedWebhook, startFakeStripe, stripeEnv, stripeEvent, WEBHOOK_SECRET, type FakeStripe } from './fake-stripe.js';
import { count, deliverTo, oneTime, reader } from './support.js';

const T = 1_795_000_000; // event times (seconds), deliberately not "now": ordering is by `created`

describe('Stripe webhooks', () => {
  let app: TestApp;
  let stripe: FakeStripe;
  let articleUrl: string;

  before(async () => {
    stripe = await startFakeStripe();
    app = await startTestApp({ env: stripeEnv(stripe) });
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    const article = await publishArticle(app, 'news', 'Council votes on the budget');
    articleUrl = `/news/${article.slug}`;
  });
  after(async () => {
    await app.destroy();
    await stripe.close();
  });

  const deliver = (event: unknown) => deliverTo(app, event);

  describe('verification', () => {
    const event = stripeEvent('checkout.session.completed', oneTime('cs_verify'), T);

    test('no signature → 400, nothing changes', async () => {
      const request = signedWebhook(event);
      const response = await app.http.inject({ ...request, headers: { 'content-type': 'application/json' } });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Missing Stripe-Signature header/u);
      assert.equal(await count(app, 'stripe_events'), 0);
    });

    test('a signature made with another secret → 400', async () => {
      const response = await app.http.inject(signedWebhook(event, { secret: 'whsec_someoneElse' }));
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /signature does not match/u);
      assert.equal(await count(app, 'stripe_events'), 0);
    });

    test('a stale timestamp (10 minutes old) → 400 as a possible replay', async () => {
      const response = await app.http.inject(signedWebhook(event, { timestamp: Math.floor(Date.now() / 1000) - 600 }));
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /timestamp is too old/u);
      assert.equal(await count(app, 'stripe_events'), 0);
    });

    test('a body changed by one byte after signing → 400', async () => {
      const request = signedWebhook(event);
      const tampered = request.payload.replace('"amount_total":1500', '"amount_total":1600');
      assert.notEqual(tampered, request.payload);
      const response = await app.http.inject({ ...request, payload: tampered });
      assert.equal(response.statusCode, 400);
      const oneByte = await app.http.inject({ ...request, payload: `${request.payload} ` });
      assert.equal(oneByte.statusCode, 400);
      assert.equal(await count(app, 'stripe_events'), 0);
      assert.equal(await count(app, 'support_payments'), 0);
    });

    test('a garbage signature header → 400', async () => {
      const request = signedWebhook(event);
      const response = await app.http.inject({ ...request, headers: { ...request.headers, 'stripe-signature': 'nonsense' } });
      assert.equal(response.statusCode, 400);
    });

    test('a verified body that is not an event → 400', async () => {
      const response = await app.http.inject(signedWebhook({ id: 'evt_x', type: 'checkout.session.completed', created: T }));
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /no data\.object/u);
    });

    test('the webhook needs no Origin: Stripe posts server to server, even with a stray cookie', async () => {
      const request = signedWebhook(stripeEvent('ping.unknown', { id: 'x' }, T));
      const response = await app.http.inject({ ...request, headers: { ...request.headers, cookie: 'a=b' } });
      assert.equal(response.statusCode, 200);
      assert.equal(JSON.parse(response.body).outcome, 'ignored');
    });
  });

  test('a one-time payment is recorded once with one receipt; duplicates and replays change nothing', async () => {
    const event = stripeEvent('checkout.session.completed', oneTime('cs_once'), T);
    assert.deepEqual((await deliver(event)).body, { received: true, outcome: 'applied' });
    assert.equal((await deliver(event)).body.outcome, 'duplicate');
    // A replay re-signed later, and the same payment under another event id, grant nothing more.
    assert.equal((await deliver({ ...event })).body.outcome, 'duplicate');
    assert.equal((await deliver(stripeEvent('checkout.session.async_payment_succeeded', oneTime('cs_once'), T + 5))).body.outcome, 'applied');
    const payments = await app.db.kysely.selectFrom('support_payments').selectAll().where('stripe_session_id', '=', 'cs_once').execute();
    assert.equal(payments.length, 1);
    assert.equal(payments[0]?.amount, 1500);
    assert.equal(payments[0]?.paid_at, T * 1000);
    await app.jobs.runDue();
    await app.jobs.runDue();
    const receipts = (await app.email.list({ to: 'giver@example.org' })).filter((m) => m.category === 'support.receipt');
    assert.equal(receipts.length, 1);
    assert.match(receipts[0]?.subject ?? '', /\$15/u);
    assert.match(receipts[0]?.text ?? '', /Dear Gia Giver/u);
  });

  test('events that are not support (no metadata kind) and unknown types are acknowledged and ignored', async () => {
    const before = await count(app, 'support_payments');
    assert.equal((await deliver(stripeEvent('checkout.session.completed', oneTime('cs_shop', { metadata: {} }), T))).body.outcome, 'ignored');
    assert.equal((await deliver(stripeEvent('customer.created', { id: 'cus_1' }, T))).body.outcome, 'ignored');
    assert.equal((await deliver(stripeEvent('checkout.session.completed', oneTime('cs_unpaid', { payment_status: 'unpaid' }), T))).body.outcome, 'ignored');
    assert.equal(await count(app, 'support_payments'), before);
  });

  test('monthly support: invoice.paid before checkout.session.completed makes one subscription and one payment for the reader', async () => {
    const sam = await reader(app, 'sam@example.org', 'Sam');
    const invoice = (id: string) => ({
      id,
      object: 'invoice',
      customer: 'cus_sam',
      customer_email: 'sam.billing@example.org',
      amount_paid: 800,
      currency: 'usd',
      parent: { type: 'subscription_details', subscription_details: { subscription: 'sub_sam', metadata: { kind: 'support' } } },
    });
    assert.equal((await deliver(stripeEvent('invoice.paid', invoice('in_sam_1'), T + 1))).body.outcome, 'applied');
    const session = oneTime('cs_sam', { mode: 'subscription', payment_intent: null, subscription: 'sub_sam', customer: 'cus_sam', amount_total: 800, client_reference_id: String(sam.id), customer_details: { email: 'sam.billing@example.org', name: 'Sam' } });
    assert.equal((await deliver(stripeEvent('checkout.session.completed', session, T))).body.outcome, 'applied');

    const supporters = await app.db.kysely.selectFrom('supporters').selectAll().where('stripe_customer_id', '=', 'cus_sam').execute();
    assert.equal(supporters.length, 1, 'the customer record and the reader record are one');
    assert.equal(supporters[0]?.user_id, sam.id);
    const subscription = await app.db.kysely.selectFrom('support_subscriptions').selectAll().where('stripe_subscription_id', '=', 'sub_sam').executeTakeFirstOrThrow();
    assert.equal(subscription.status, 'active');
    const payments = await app.db.kysely.selectFrom('support_payments').selectAll().where('stripe_subscription_id', '=', 'sub_sam').execute();
    assert.deepEqual(payments.map((p) => [p.kind, p.amount]), [['recurring', 800]]);

    // Next month's invoice is a second payment; its replay is not a third.
    const second = stripeEvent('invoice.paid', invoice('in_sam_2'), T + 2_600_000);
    await deliver(second);
    await deliver(second);
    assert.equal((await app.db.kysely.selectFrom('support_payments').select('id').where('stripe_subscription_id', '=', 'sub_sam').execute()).length, 2);
    assert.deepEqual(await supporterUserIds(app.db, [sam.id]), new Set([sam.id]));
  });

  test('out of order: an older subscription.updated after .deleted does not resurrect it, nor does a newer one', async () => {
    const rita = await reader(app, 'rita@example.org', 'Rita');
    const sub = (status: string) => ({ id: 'sub_rita', object: 'subscription', status, customer: 'cus_rita', metadata: { kind: 'support' }, items: { object: 'list', data: [{ price: { unit_amount: 300, currency: 'usd' } }] } });
    await deliver(stripeEvent('checkout.session.completed', oneTime('cs_rita', { mode: 'subscription', subscription: 'sub_rita', customer: 'cus_rita', amount_total: 300, client_reference_id: String(rita.id), payment_intent: null }), T));
    assert.deepEqual(await supporterUserIds(app.db, [rita.id]), new Set([rita.id]));

    await deliver(stripeEvent('customer.subscription.updated', sub('past_due'), T + 100));
    await deliver(stripeEvent('customer.subscription.deleted', { ...sub('canceled'), canceled_at: T + 300 }, T + 300));
    assert.equal((await deliver(stripeEvent('customer.subscription.updated', sub('active'), T + 200))).body.outcome, 'applied');
    await deliver(stripeEvent('customer.subscription.updated', sub('active'), T + 400));
    const row = await app.db.kysely.selectFrom('support_subscriptions').selectAll().where('stripe_subscription_id', '=', 'sub_rita').executeTakeFirstOrThrow();
    assert.equal(row.status, 'canceled');
    assert.equal(row.cancelled_at, (T + 300) * 1000);
    assert.equal(row.last_event_created, T + 300);
    assert.deepEqual(await supporterUserIds(app.db, [rita.id]), new Set(), 'a cancelled monthly supporter without gifts this year is no longer active');
  });

  test('an older status does not overwrite a newer one', async () => {
    const sub = (status: string) => ({ id: 'sub_order', object: 'subscription', status, customer: 'cus_order', metadata: { kind: 'support' } });
    await deliver(stripeEvent('customer.subscription.updated', sub('past_due'), T + 50));
    await deliver(stripeEvent('customer.subscription.created', sub('incomplete'), T + 10));
    const row = await app.db.kysely.selectFrom('support_subscriptions').select(['status']).where('stripe_subscription_id', '=', 'sub_order').executeTakeFirstOrThrow();
    assert.equal(row.status, 'past_due');
  });

  test('a refund marks the payment and ends the supporter status it gave; refunds out of order keep the larger total', async () => {
    const ola = await reader(app, 'ola@example.org', 'Ola');
    await deliver(stripeEvent('checkout.session.completed', oneTime('cs_ola', { client_reference_id: String(ola.id), amount_total: 2000, customer_details: { email: 'ola@example.org', name: 'Ola' } }), Math.floor(Date.now() / 1000)));
    assert.deepEqual(await supporterUserIds(app.db, [ola.id]), new Set([ola.id]));

    const charge = (refunded: number) => ({ id: 'ch_ola', object: 'charge', amount: 2000, amount_refunded: refunded, payment_intent: 'pi_cs_ola', refunded: refunded === 2000 });
    await deliver(stripeEvent('charge.refunded', charge(500), T + 10));
    let payment = await app.db.kysely.selectFrom('support_payments').selectAll().where('stripe_payment_intent_id', '=', 'pi_cs_ola').executeTakeFirstOrThrow();
    assert.equal(payment.status, 'partially_refunded');
    assert.deepEqual(await supporterUserIds(app.db, [ola.id]), new Set([ola.id]));

    await deliver(stripeEvent('charge.refunded', charge(2000), T + 30));
    await deliver(stripeEvent('charge.refunded', charge(500), T + 20));
    payment = await app.db.kysely.selectFrom('support_payments').selectAll().where('stripe_payment_intent_id', '=', 'pi_cs_ola').executeTakeFirstOrThrow();
    assert.equal(payment.status, 'refunded');
    assert.equal(payment.amount_refunded, 2000);
    assert.deepEqual(await supporterUserIds(app.db, [ola.id]), new Set());
    assert.equal((await deliver(stripeEvent('charge.refunded', { id: 'ch_other', amount: 10, amount_refunded: 10, payment_intent: 'pi_not_ours' }, T))).body.outcome, 'ignored');
  });

  test('the endpoint refuses signing with the right secret but the wrong scheme', async () => {
    const request = signedWebhook(stripeEvent('checkout.session.completed', oneTime('cs_scheme'), T));
    const header = request.headers['stripe-signature'].replace('v1=', 'v0=');
    const response = await app.http.inject({ ...request, headers: { ...request.headers, 'stripe-signature': header } });
    assert.equal(response.statusCode, 400);
    assert.ok(WEBHOOK_SECRET.startsWith('whsec_'));
  });
});
