/**
 * /admin/revenue (admins only): totals by month, new and cancelled supporters, a chart with its
 * table, recent payments in the currency. And support data in a reader's export and erasure.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import { staffCaller } from '../helpers/newsroom.js';
import { revenuePersonalData } from '../../src/modules/revenue/index.js';
import { lastMonths } from '../../src/modules/revenue/report.js';
import { signedWebhook, startFakeStripe, stripeEnv, stripeEvent, type FakeStripe } from './fake-stripe.js';
import { post, reader } from './support.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe('revenue admin and personal data', () => {
  let app: TestApp;
  let stripe: FakeStripe;
  let zoe: { id: number; token: string };

  before(async () => {
    stripe = await startFakeStripe();
    app = await startTestApp({ env: stripeEnv(stripe), clock: () => NOW });
    zoe = await reader(app, 'zoe@example.org', 'Zoe');
    const deliver = async (type: string, object: Record<string, unknown>, created: number) => {
      const response = await app.http.inject(signedWebhook(stripeEvent(type, object, created)));
      assert.equal(response.statusCode, 200, response.body);
    };
    const session = (id: string, amount: number, email: string, extra: Record<string, unknown> = {}) => ({
      id,
      object: 'checkout.session',
      mode: 'payment',
      payment_status: 'paid',
      amount_total: amount,
      currency: 'usd',
      customer: `cus_${id}`,
      payment_intent: `pi_${id}`,
      customer_details: { email, name: null },
      metadata: { kind: 'support' },
      ...extra,
    });
    await deliver('checkout.session.completed', session('cs_a', 1000, 'ann@example.org'), at('2026-10-05T10:00:00Z'));
    await deliver('checkout.session.completed', session('cs_b', 2500, 'zoe@example.org', { client_reference_id: String(zoe.id) }), at('2026-11-02T10:00:00Z'));
    await deliver('checkout.session.completed', session('cs_c', 700, 'bob@example.org', { mode: 'subscription', payment_intent: null, subscription: 'sub_bob' }), at('2026-11-03T10:00:00Z'));
    const invoice = (id: string) => ({ id, object: 'invoice', customer: 'cus_cs_c', amount_paid: 700, currency: 'usd', parent: { subscription_details: { subscription: 'sub_bob', metadata: { kind: 'support' } } } });
    await deliver('invoice.paid', invoice('in_bob_1'), at('2026-11-03T10:00:01Z'));
    await deliver('customer.subscription.deleted', { id: 'sub_bob', object: 'subscription', status: 'canceled', metadata: { kind: 'support' } }, at('2026-11-10T10:00:00Z'));
    await deliver('charge.refunded', { id: 'ch_a', object: 'charge', amount: 1000, amount_refunded: 400, payment_intent: 'pi_cs_a' }, at('2026-11-11T10:00:00Z'));
    // A reminder for Zoe, to appear in her export and disappear on erasure.
    await post(app, '/support/remind', {}, { token: zoe.token });
  });
  after(async () => {
    await app.destroy();
    await stripe.close();
  });

  test('twelve months, oldest first, ending with the current one', () => {
    const months = lastMonths(NOW, 'UTC');
    assert.equal(months.length, 12);
    assert.equal(months[0], '2025-12');
    assert.equal(months[11], '2026-11');
    assert.equal(lastMonths(Date.parse('2026-01-15T00:00:00Z'), 'UTC', 3).join(' '), '2025-11 2025-12 2026-01');
  });

  test('an admin sees totals by month, a chart with its table, and recent payments', async () => {
    const admin = await staffCaller(app, 'admin');
    const response = await admin.get('/admin/revenue');
    assert.equal(response.statusCode, 200);
    const $ = parse(response.body);
    const row = (month: string) =>
      $(`#revenue-table tbody tr`)
        .filter((_, el) => $(el).find('th').text() === month)
        .find('td')
        .map((_, el) => $(el).text())
        .get();
    // October: Ann's $10 less the $4 refund. November: Zoe's $25 one-time, Bob's $7 monthly.
    assert.deepEqual(row('2026-10'), ['$6', '$0', '$6', '1', '0']);
    assert.deepEqual(row('2026-11'), ['$25', '$7', '$32', '2', '1']);
    assert.equal($('svg[role="img"]').length, 1);
    assert.equal($('svg').attr('aria-describedby'), 'revenue-table');
    assert.match($('svg title').first().text(), /Money received per month/u);
    assert.equal($('svg rect').length, 24);
    const recent = $('table').last().text();
    assert.match(recent, /zoe@example\.org/u);
    assert.match(recent, /Partly refunded \(\$4\)/u);
    assert.match(recent, /in_bob_1/u);
  });

  test('editors may not read revenue; signed-out visitors are sent to sign in', async () => {
    const editor = await staffCaller(app, 'editor');
    assert.equal((await editor.get('/admin/revenue')).statusCode, 403);
    const anonymous = await app.http.inject({ method: 'GET', url: '/admin/revenue' });
    assert.equal(anonymous.statusCode, 303);
    assert.equal((await app.http.inject({ method: 'GET', url: '/admin/revenue', headers: { cookie: `scms_session=${zoe.token}` } })).statusCode, 303);
  });

  test('export lists only the subject’s supporter record, payments, subscriptions and reminders', async () => {
    const source = revenuePersonalData(app.db);
    assert.equal(source.name, 'supportPayments');
    const data = (await source.export({ userId: zoe.id, email: 'zoe@example.org' })) as Record<string, Record<string, unknown>[]>;
    assert.equal(data.supporters?.length, 1);
    assert.equal(data.supporters?.[0]?.email, 'zoe@example.org');
    assert.deepEqual(data.payments?.map((p) => p.amount), [2500]);
    assert.equal(data.reminders?.length, 1);
    assert.equal(data.subscriptions?.length, 0);
    assert.doesNotMatch(JSON.stringify(data), /ann@|bob@/u);
  });

  test('erasure deletes reminders and anonymises payments, keeping amount, date and Stripe ids', async () => {
    const source = revenuePersonalData(app.db, { cancelJob: (key) => app.jobs.cancel(key) });
    await source.erase({ userId: zoe.id, email: 'zoe@example.org' }, { comments: 'anonymise' });
    await source.erase({ userId: zoe.id, email: 'zoe@example.org' }, { comments: 'anonymise' });
    const k = app.db.kysely;
    assert.equal((await k.selectFrom('support_reminders').select('id').where('user_id', '=', zoe.id).execute()).length, 0);
    assert.equal((await app.jobs.list({ name: 'support.reminder', status: 'pending' })).length, 0);
    assert.equal((await k.selectFrom('supporters').select('id').where((eb) => eb.or([eb('user_id', '=', zoe.id), eb('email', '=', 'zoe@example.org')])).execute()).length, 0);
    const payment = await k.selectFrom('support_payments').selectAll().where('stripe_payment_id', '=', 'pi_cs_b').executeTakeFirstOrThrow();
    assert.equal(payment.amount, 2500);
    assert.equal(payment.paid_at, at('2026-11-02T10:00:00Z') * 1000);
    const supporter = await k.selectFrom('supporters').selectAll().where('id', '=', payment.supporter_id).executeTakeFirstOrThrow();
    assert.deepEqual([supporter.user_id, supporter.email, supporter.name], [null, null, null]);
    assert.notEqual(supporter.anonymised_at, null);
    const exported = (await source.export({ userId: zoe.id, email: 'zoe@example.org' })) as Record<string, unknown[]>;
    assert.deepEqual([exported.supporters?.length, exported.payments?.length, exported.reminders?.length], [0, 0, 0]);
    // Other supporters are untouched.
    assert.equal((await k.selectFrom('supporters').select('email').where('email', '=', 'ann@example.org').execute()).length, 1);
  });
});
