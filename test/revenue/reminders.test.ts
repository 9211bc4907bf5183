/**
 * "Remind me next month" with an injected clock: one reminder scheduled 30 days ahead, nothing
 * before, exactly one email after, never a second, none once the reader has supported; the pitch
 * hidden meanwhile; signed-out readers give an address, header injection refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse, text } from '../helpers/html.js';
import { publishArticle, START } from '../helpers/newsroom.js';
import { count, get, post, reader, setCookie } from './support.js';

const DAY = 24 * 3600 * 1000;

describe('remind me next month', () => {
  const clock = { t: START };
  let app: TestApp;
  let articleUrl: string;

  before(async () => {
    app = await startTestApp({ clock: () => clock.t });
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    articleUrl = `/news/${(await publishArticle(app, 'news', 'Bridge closes for repairs')).slug}`;
  });
  after(() => app.destroy());

  const reminders = async (to: string) => (await app.email.list({ to })).filter((m) => m.category === 'support.reminder');

  test('a signed-in reader: stored on the account, one job 30 days ahead, one email after, never twice', async () => {
    clock.t = START;
    const rae = await reader(app, 'rae@example.org');
    const response = await post(app, '/support/remind', {}, { token: rae.token });
    assert.equal(response.statusCode, 200);
    assert.match(text(response.body), /We will remind you/u);
    assert.equal(setCookie(response, 'scms_prefs'), `scms_prefs=h-${START + 30 * DAY}`);
    // Pressed twice: still one reminder and one job.
    await post(app, '/support/remind', {}, { token: rae.token });
    const rows = await app.db.kysely.selectFrom('support_reminders').selectAll().where('user_id', '=', rae.id).execute();
    assert.equal(rows.length, 1);
    const job = await app.jobs.find(`support-reminder:${rows[0]?.id}`);
    assert.equal(job?.runAt, START + 30 * DAY);
    assert.equal((await app.jobs.list({ name: 'support.reminder', status: 'pending' })).length, 1);

    // The account remembers: no pitch on any browser of this reader while the reminder waits.
    assert.doesNotMatch((await get(app, articleUrl, { token: rae.token })).body, /class="support-pitch"/u);

    clock.t = START + 29 * DAY;
    await app.jobs.runDue();
    assert.equal((await reminders('rae@example.org')).length, 0, 'nothing before the due date');

    clock.t = START + 30 * DAY + 1000;
    await app.jobs.runDue();
    const sent = await reminders('rae@example.org');
    assert.equal(sent.length, 1);
    assert.match(sent[0]?.text ?? '', /http:\/\/localhost:3000\/support/u);

    clock.t = START + 90 * DAY;
    await app.jobs.runDue();
    assert.equal((await reminders('rae@example.org')).length, 1, 'never a second one');
    assert.match((await get(app, articleUrl, { token: rae.token })).body, /class="support-pitch"/u, 'the pitch is back after the reminder');
  });

  test('a retried job does not send again', async () => {
    clock.t = START;
    const ted = await reader(app, 'ted@example.org', 'Ted');
    await post(app, '/support/remind', {}, { token: ted.token });
    const row = await app.db.kysely.selectFrom('support_reminders').select('id').where('user_id', '=', ted.id).executeTakeFirstOrThrow();
    clock.t = START + 31 * DAY;
    await app.jobs.runDue();
    // As if the lease had lapsed after the email was handed over: the same job runs again.
    await app.jobs.enqueue('support.reminder', { reminderId: row.id });
    await app.jobs.runDue();
    assert.equal((await reminders('ted@example.org')).length, 1);
  });

  test('signed out: the pitch button asks for an address; header injection and nonsense are refused', async () => {
    clock.t = START;
    const ask = await post(app, '/support/remind', {});
    assert.equal(ask.statusCode, 200);
    assert.equal(parse(ask.body)('form[action="/support/remind"] input[name="email"]').length, 1);
    assert.equal(setCookie(ask, 'scms_prefs'), null);

    for (const email of ['a@b.com\r\nBcc: victim@example.org', 'a@b.com\nBcc: x@y.org', 'not an address', '']) {
      const response = await post(app, '/support/remind', { email });
      assert.equal(response.statusCode, 400, JSON.stringify(email));
      assert.ok(parse(response.body)('.form-problem').text().length > 0);
      assert.equal(setCookie(response, 'scms_prefs'), null);
    }
    assert.equal((await app.db.kysely.selectFrom('support_reminders').select('id').where('user_id', 'is', null).execute()).length, 0);

    const ok = await post(app, '/support/remind', { email: ' Sig@Example.org ' });
    assert.equal(ok.statusCode, 200);
    assert.equal(setCookie(ok, 'scms_prefs'), `scms_prefs=h-${START + 30 * DAY}`);
    assert.doesNotMatch((await get(app, articleUrl, { cookies: [`scms_prefs=h-${START + 30 * DAY}`] })).body, /class="support-pitch"/u);

    clock.t = START + 30 * DAY;
    await app.jobs.runDue();
    assert.equal((await reminders('sig@example.org')).length, 1);
  });

  test('no reminder once the reader has supported in the meantime (signed in and by address)', async () => {
    clock.t = START;
    const una = await reader(app, 'una@example.org', 'Una');
    await post(app, '/support/remind', {}, { token: una.token });
    await post(app, '/support/remind', { email: 'vic@example.org' });

    clock.t = START + 10 * DAY;
    for (const [token, email] of [[una.token, 'una@example.org'], [undefined, 'vic@example.org']] as const) {
      const start = await post(app, '/support/checkout', { frequency: 'once', amount: '5', custom_amount: '', currency: 'usd' }, token ? { token } : {});
      const page = new URL(String(start.headers.location)).pathname;
      assert.equal((await post(app, `${page}/pay`, { email, name: '' })).statusCode, 303);
    }

    clock.t = START + 31 * DAY;
    await app.jobs.runDue();
    assert.equal((await reminders('una@example.org')).length, 0);
    assert.equal((await reminders('vic@example.org')).length, 0);
    const cancelled = await app.db.kysely.selectFrom('support_reminders').select(['cancelled_at', 'sent_at']).where((eb) => eb.or([eb('user_id', '=', una.id), eb('email', '=', 'vic@example.org')])).execute();
    assert.equal(cancelled.length, 2);
    assert.ok(cancelled.every((r) => r.cancelled_at !== null && r.sent_at === null));
    assert.ok((await count(app, 'support_reminders')) >= 4);
  });

  test('GET /support/remind asks signed-out readers for an address, and signed-in readers only to confirm', async () => {
    const response = await get(app, '/support/remind');
    assert.equal(response.statusCode, 200);
    assert.match(text(response.body), /Remind me next month/u);
    assert.equal(parse(response.body)('input[name="email"]').length, 1);
    const wes = await reader(app, 'wes@example.org', 'Wes');
    const signedIn = parse((await get(app, '/support/remind', { token: wes.token })).body);
    assert.equal(signedIn('input[name="email"]').length, 0);
    assert.equal(signedIn('form[action="/support/remind"] button').text().trim(), 'Remind me');
  });
});
