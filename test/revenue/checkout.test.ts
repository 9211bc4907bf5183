/**
 * /support and POST /support/checkout against a Stripe-compatible test server: the exact form
 * fields the Stripe client sends, every bad amount refused before Stripe is called, the success
 * page, the billing portal, CSRF and rate limits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse, text } from '../helpers/html.js';
import { SECRET_KEY, signedWebhook, startFakeStripe, stripeEnv, stripeEvent, type FakeStripe } from './fake-stripe.js';
import { count, get, post, reader, setCookie } from './support.js';

describe('support checkout with Stripe', () => {
  let app: TestApp;
  let stripe: FakeStripe;

  before(async () => {
    stripe = await startFakeStripe();
    app = await startTestApp({ env: stripeEnv(stripe) });
  });
  after(async () => {
    await app.destroy();
    await stripe.close();
  });

  const checkoutCalls = () => stripe.calls.filter((c) => c.path === '/v1/checkout/sessions' && c.method === 'POST');

  test('the support page offers one-time and monthly, the presets and a custom amount, without a test-mode banner', async () => {
    const response = await get(app, '/support');
    assert.equal(response.statusCode, 200);
    const $ = parse(response.body);
    assert.equal($('form[action="/support/checkout"][method="post"]').length, 1);
    assert.deepEqual($('input[name="frequency"]').map((_, el) => $(el).attr('value')).get(), ['once', 'monthly']);
    assert.deepEqual($('input[name="amount"]').map((_, el) => $(el).attr('value')).get(), ['5', '10', '25', 'custom']);
    assert.equal($('input[name="custom_amount"]').length, 1);
    assert.equal($('input[name="currency"]').attr('value'), 'usd');
    assert.doesNotMatch(text(response.body), /Test mode/u);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal($('meta[name="robots"]').length, 0, 'the support page is for search engines too');
    assert.match($('meta[name="description"]').attr('content') ?? '', /Independent local reporting/u);
  });

  test('a one-time gift creates a payment-mode Checkout Session with the validated amount, then redirects to it', async () => {
    const before = checkoutCalls().length;
    const response = await post(app, '/support/checkout', { frequency: 'once', amount: '10', custom_amount: '', currency: 'usd' });
    assert.equal(response.statusCode, 303);
    const call = checkoutCalls()[before];
    assert.ok(call);
    assert.equal(response.headers.location, `https://checkout.stripe.test/c/pay/${[...stripe.sessions.keys()].at(-1)}`);
    assert.equal(call.authorization, `Bearer ${SECRET_KEY}`);
    assert.equal(call.form.mode, 'payment');
    assert.equal(call.form['line_items[0][price_data][unit_amount]'], '1000');
    assert.equal(call.form['line_items[0][price_data][currency]'], 'usd');
    assert.equal(call.form['line_items[0][quantity]'], '1');
    assert.equal(call.form['line_items[0][price_data][recurring][interval]'], undefined);
    assert.equal(call.form['metadata[kind]'], 'support');
    assert.equal(call.form.success_url, 'http://localhost:3000/support/thanks?session_id={CHECKOUT_SESSION_ID}');
    assert.equal(call.form.cancel_url, 'http://localhost:3000/support?cancelled=1');
    assert.equal(call.form.customer_email, undefined, 'signed out: Stripe asks for the address');
    assert.equal(call.form.client_reference_id, undefined);
  });

  test('monthly support is a subscription with a monthly price; a signed-in reader is named by id and email', async () => {
    const rae = await reader(app, 'rae@example.org');
    const before = checkoutCalls().length;
    const response = await post(app, '/support/checkout', { frequency: 'monthly', amount: 'custom', custom_amount: '7.50', currency: 'usd' }, { token: rae.token });
    assert.equal(response.statusCode, 303);
    const call = checkoutCalls()[before];
    assert.ok(call);
    assert.equal(call.form.mode, 'subscription');
    assert.equal(call.form['line_items[0][price_data][unit_amount]'], '750');
    assert.equal(call.form['line_items[0][price_data][recurring][interval]'], 'month');
    assert.equal(call.form.customer_email, 'rae@example.org');
    assert.equal(call.form.client_reference_id, String(rae.id));
    assert.equal(call.form['subscription_data[metadata][kind]'], 'support');
  });

  test('a filled-in custom amount wins over the chosen preset', async () => {
    const before = checkoutCalls().length;
    await post(app, '/support/checkout', { frequency: 'once', amount: '5', custom_amount: '$1,234.50', currency: 'usd' });
    assert.equal(checkoutCalls()[before]?.form['line_items[0][price_data][unit_amount]'], '123450');
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['zero', { amount: 'custom', custom_amount: '0' }, /more than zero/u],
    ['a negative amount', { amount: 'custom', custom_amount: '-5' }, /more than zero/u],
    ['fractional cents', { amount: 'custom', custom_amount: '5.001' }, /at most 2 digits after the decimal point/u],
    ['below the minimum', { amount: 'custom', custom_amount: '0.50' }, /smallest amount is \$1/u],
    ['an absurdly large amount', { amount: 'custom', custom_amount: '99999999999999999999' }, /most you can give at once is \$10,000/u],
    ['just over the maximum', { amount: 'custom', custom_amount: '10000.01' }, /most you can give at once/u],
    ['not a number', { amount: 'custom', custom_amount: 'ten dollars' }, /is not an amount/u],
    ['an exponent', { amount: 'custom', custom_amount: '1e5' }, /is not an amount/u],
    ['nothing chosen', { amount: 'custom', custom_amount: '' }, /Choose an amount/u],
    ['a tampered preset', { amount: '0.01' }, /smallest amount/u],
    ['another currency', { amount: '10', currency: 'eur' }, /taken in USD only/u],
    ['no frequency', { amount: '10', frequency: '' }, /one time or monthly/u],
    ['an unknown frequency', { amount: '10', frequency: 'yearly' }, /one time or monthly/u],
  ];
  for (const [what, fields, message] of bad) {
    test(`refuses ${what} with a 400 on the form and calls Stripe not at all`, async () => {
      const before = stripe.calls.length;
      const response = await post(app, '/support/checkout', { frequency: 'once', currency: 'usd', custom_amount: '', ...fields });
      assert.equal(response.statusCode, 400);
      const $ = parse(response.body);
      assert.match($('.form-problem[role="alert"]').text(), message);
      assert.equal($('form[action="/support/checkout"]').length, 1, 'the form is shown again');
      assert.equal(stripe.calls.length, before);
    });
  }

  test('a tampered request cannot change the charged amount: price fields from the client are ignored', async () => {
    const before = checkoutCalls().length;
    const response = await post(app, '/support/checkout', {
      frequency: 'once',
      amount: '25',
      custom_amount: '',
      currency: 'usd',
      unit_amount: '1',
      'line_items[0][price_data][unit_amount]': '1',
      price: 'price_cheap',
      mode: 'subscription',
    });
    assert.equal(response.statusCode, 303);
    const call = checkoutCalls()[before];
    assert.equal(call?.form['line_items[0][price_data][unit_amount]'], '2500');
    assert.equal(call?.form.mode, 'payment');
    assert.equal(call?.form['line_items[0][price]'], undefined);
  });

  test('the custom amount keeps what was typed when refused', async () => {
    const response = await post(app, '/support/checkout', { frequency: 'monthly', amount: 'custom', custom_amount: '3.333', currency: 'usd' });
    const $ = parse(response.body);
    assert.equal($('input[name="custom_amount"]').attr('value'), '3.333');
    assert.ok($('input[name="frequency"][value="monthly"]').is(':checked'));
    assert.ok($('input[name="amount"][value="custom"]').is(':checked'));
  });

  test('a Stripe outage answers 502 with a sentence, not a 500', async () => {
    stripe.failNext(500);
    const response = await post(app, '/support/checkout', { frequency: 'once', amount: '5', custom_amount: '', currency: 'usd' });
    assert.equal(response.statusCode, 502);
    assert.match(parse(response.body)('.form-problem').text(), /payment provider did not answer/u);
  });

  test('the thanks page says thanks and remembers the supporter only for a paid session', async () => {
    await post(app, '/support/checkout', { frequency: 'once', amount: '5', custom_amount: '', currency: 'usd' });
    const id = [...stripe.sessions.keys()].at(-1) as string;

    const unpaid = await get(app, `/support/thanks?session_id=${id}`);
    assert.equal(unpaid.statusCode, 402);
    assert.match(text(unpaid.body), /We have not received a payment/u);
    assert.equal(setCookie(unpaid, 'scms_prefs'), null);

    for (const url of ['/support/thanks', '/support/thanks?session_id=cs_test_nosuch', '/support/thanks?session_id=%7BCHECKOUT_SESSION_ID%7D', '/support/thanks?session_id=../../v1/charges']) {
      const response = await get(app, url);
      assert.equal(response.statusCode, 402, url);
      assert.match(text(response.body), /We have not received a payment/u);
    }

    stripe.pay(id);
    const paid = await get(app, `/support/thanks?session_id=${id}`);
    assert.equal(paid.statusCode, 200);
    assert.match(text(paid.body), /Thank you for your support/u);
    assert.match(text(paid.body), /\$5/u);
    assert.equal(setCookie(paid, 'scms_prefs'), 'scms_prefs=s-1');
    assert.equal(await count(app, 'support_payments'), 0, 'the success page grants nothing in the database: the webhook does');
  });

  test('the billing portal: signed out → sign in; no support yet → 404 page; a supporter → Stripe portal for their customer', async () => {
    const signedOut = await post(app, '/support/manage', {});
    assert.equal(signedOut.statusCode, 303);
    assert.equal(signedOut.headers.location, '/account/sign-in?return=%2Fsupport');

    const nina = await reader(app, 'nina@example.org');
    const none = await post(app, '/support/manage', {}, { token: nina.token });
    assert.equal(none.statusCode, 404);
    assert.match(text(none.body), /Nothing to manage/u);

    const created = Math.floor(Date.now() / 1000);
    const event = stripeEvent(
      'checkout.session.completed',
      { id: 'cs_test_nina', object: 'checkout.session', mode: 'subscription', payment_status: 'paid', status: 'complete', amount_total: 500, currency: 'usd', customer: 'cus_nina', subscription: 'sub_nina', client_reference_id: String(nina.id), customer_details: { email: 'nina@example.org', name: 'Nina' }, metadata: { kind: 'support' } },
      created,
    );
    assert.equal((await app.http.inject(signedWebhook(event))).statusCode, 200);
    const response = await post(app, '/support/manage', {}, { token: nina.token });
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), /^https:\/\/billing\.stripe\.test\/p\/session\//u);
    const call = stripe.calls.filter((c) => c.path === '/v1/billing_portal/sessions').at(-1);
    assert.equal(call?.form.customer, 'cus_nina');
    assert.equal(call?.form.return_url, 'http://localhost:3000/support');

    const page = await get(app, '/support', { token: nina.token });
    assert.equal(parse(page.body)('form[action="/support/manage"]').length, 1, 'supporters find the manage button');
  });

  test('test-mode pages do not exist when Stripe keys are set', async () => {
    assert.equal((await get(app, '/support/test-checkout/cs_test_local_abc')).statusCode, 404);
    assert.equal((await get(app, '/support/test-portal')).statusCode, 404);
  });

  test('a cross-site form post is refused with 403 for checkout, remind and manage', async () => {
    for (const url of ['/support/checkout', '/support/remind', '/support/manage']) {
      const before = stripe.calls.length;
      const response = await app.http.inject({
        method: 'POST',
        url,
        payload: 'frequency=once&amount=5&currency=usd',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', cookie: 'scms_session=x' },
      });
      assert.equal(response.statusCode, 403, url);
      assert.equal(stripe.calls.length, before);
    }
    assert.equal(await count(app, 'support_reminders'), 0);
  });

  test('checkout is rate-limited per IP', async () => {
    const fresh = await startTestApp({ env: stripeEnv(stripe) });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) statuses.push((await post(fresh, '/support/checkout', { frequency: 'once', amount: '0', currency: 'usd' })).statusCode);
      assert.deepEqual(statuses.slice(0, 20), Array(20).fill(400));
      assert.equal(statuses[21], 429);
    } finally {
      await fresh.destroy();
    }
  });
});
