/**
 * The daily briefing and its sending: content from the day's articles only (publication time
 * zone), preview in the admin, batches from the job queue that resume after a crash without
 * sending anyone twice, one a day at most (by hand or at the briefing hour), and the
 * List-Unsubscribe headers with one-click unsubscribe (RFC 8058).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BATCH_JOB, BRIEFING_JOB } from '../../src/modules/newsletters/index.js';
import { engineName, PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';
import { parse, text } from '../helpers/html.js';
import { publishArticle, userWithSession } from '../helpers/newsroom.js';
import { get, listId, post, statusOf, subscribe } from './support.js';

const at = (iso: string) => Date.parse(iso);
const READERS = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'].map((n) => `${n}@example.org`);

describe(`daily briefing and sending (${engineName()})`, () => {
  let app: TestApp;
  let clock = at('2026-11-30T12:00:00Z');
  let editor: string;

  const issues = async (to?: string) => (await app.email.list({ limit: 200, ...(to ? { to } : {}) })).filter((m) => m.category === 'newsletter.issue');

  before(async () => {
    app = await startTestApp({ clock: () => clock });
    await app.settings.update({ timeZone: 'America/New_York', newsletters: { briefingHour: null, batchSize: 3 } });
    await app.newsletters.briefings.schedule();
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    editor = `scms_session=${(await userWithSession(app, { email: 'ed@example.org', name: 'Ed Editor', role: 'editor' })).token}`;
    for (const [i, email] of READERS.entries()) await subscribe(app, email, [], `10.1.0.${i}`);
    // 23:00 on 30 November in New York (already 1 December in UTC), then two stories on 1 December.
    clock = at('2026-12-01T04:00:00Z');
    await publishArticle(app, 'news', 'Late story from the night before');
    clock = at('2026-12-01T14:00:00Z');
    await publishArticle(app, 'news', 'Council votes on the budget');
    clock = at('2026-12-01T16:00:00Z');
    await publishArticle(app, 'news', 'Bridge <reopens> & traffic flows');
  });
  after(() => app.destroy());

  it("the briefing holds the day's articles only, in the publication's time zone; the admin previews HTML and text", async () => {
    const briefing = await app.newsletters.briefings.build();
    assert.equal(briefing.day, '2026-12-01');
    assert.deepEqual(
      briefing.items.map((i) => i.headline),
      ['Council votes on the budget', 'Bridge <reopens> & traffic flows'],
    );
    const page = await get(app, '/admin/newsletters/briefing', editor);
    assert.equal(page.statusCode, 200);
    const $ = parse(page.body);
    assert.equal($('iframe.newsletter-preview').attr('src'), '/admin/newsletters/briefing/preview.html');
    const framed = await get(app, '/admin/newsletters/briefing/preview.html', editor);
    assert.equal(framed.statusCode, 200);
    assert.match(String(framed.headers['content-security-policy']), /default-src 'none'.*sandbox/u);
    assert.match(framed.body, /Council votes on the budget/u);
    assert.match(framed.body, /Bridge &lt;reopens(&gt;|>) &amp; traffic flows/u, 'headlines escaped in the HTML');
    assert.doesNotMatch(framed.body, /<reopens/u);
    assert.doesNotMatch(framed.body, /Late story/u);
    assert.equal((await get(app, '/admin/newsletters/briefing/preview.html')).statusCode, 303, 'guarded too');
    assert.match($('.newsletter-preview-text').text(), /http:\/\/localhost:3000\/news\//u);
    assert.doesNotMatch(page.body, /Late story from the night before/u);
    assert.equal($('form[action="/admin/newsletters/briefing/send"] input[name="day"]').attr('value'), '2026-12-01');
  });

  it('sends in batches; a crash mid-send resumes and everyone gets exactly one message', async () => {
    const mailer = app.email;
    const send = mailer.send.bind(mailer);
    let calls = 0;
    mailer.send = async (message, options) => {
      if (message.category === 'newsletter.issue' && ++calls === 5) throw new Error('the mail store fell over');
      return send(message, options);
    };
    try {
      const { sendId } = await app.newsletters.briefings.send('2026-12-01', 'test');
      await app.jobs.runDue();
      assert.equal((await issues()).length, 4, 'two batches: three sent, then one before the crash');
      const states = await app.db.kysely.selectFrom('newsletter_send_recipients').select('status').where('send_id', '=', sendId).execute();
      assert.deepEqual(
        states.map((s) => s.status).sort(),
        ['pending', 'pending', 'pending', 'sent', 'sent', 'sent', 'sent'],
      );
    } finally {
      mailer.send = send;
    }
    // The failed batch is retried later by the queue.
    clock += 10 * 60 * 1000;
    await app.jobs.runDue();
    for (const email of READERS) assert.equal((await issues(email)).length, 1, email);
    assert.equal((await issues()).length, READERS.length);
    // A stray repeat of a batch job (a lapsed lease) sends nothing more.
    const row = await app.db.kysely.selectFrom('newsletter_sends').selectAll().executeTakeFirstOrThrow();
    await app.jobs.enqueue(BATCH_JOB, { sendId: row.id });
    await app.jobs.runDue();
    assert.equal((await issues()).length, READERS.length);
    assert.equal(row.recipient_count, READERS.length);
    assert.equal((await app.db.kysely.selectFrom('newsletter_sends').select('status').where('id', '=', row.id).executeTakeFirstOrThrow()).status, 'sent');
    const sent = await app.db.kysely.selectFrom('newsletter_send_recipients').select('status').where('send_id', '=', row.id).where('status', '=', 'sent').execute();
    assert.equal(sent.length, READERS.length);
  });

  it('the same day cannot be sent twice, by hand from the admin either', async () => {
    const response = await post(app, '/admin/newsletters/briefing/send', { day: '2026-12-01' }, { cookie: editor });
    assert.equal(response.statusCode, 409);
    assert.match(text(response.body), /already been sent/u);
    assert.equal((await issues()).length, READERS.length);
    const listing = await get(app, '/admin/newsletters', editor);
    assert.match(text(listing.body), /7 of 7 \(done\)/u);
  });

  it('every issue carries List-Unsubscribe and List-Unsubscribe-Post; one-click POST works with no cookie and no Origin', async () => {
    const [message] = await issues('r1@example.org');
    assert.ok(message);
    const header = message.headers['List-Unsubscribe'] ?? '';
    assert.match(header, /^<http:\/\/localhost:3000\/newsletter\/unsubscribe\?token=[A-Za-z0-9_.%-]{40,}&list=\d+>$/u);
    assert.equal(message.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    assert.match(message.text, /Unsubscribe: http:\/\/localhost:3000\/newsletter\/unsubscribe\?token=/u);
    const url = header.slice(1, -1).replace(PUBLIC_URL, '');

    // Opening the link (a scanner, or the reader) shows a button and changes nothing.
    const opened = await get(app, url);
    assert.equal(opened.statusCode, 200);
    assert.equal(parse(opened.body)('form[method="post"]').attr('action'), url);
    assert.deepEqual(await statusOf(app, 'r1@example.org'), { 'Daily briefing': 'active' });

    // The mail provider's POST: server to server, no cookie, no Origin.
    const oneClick = await app.http.inject({ method: 'POST', url, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(oneClick.statusCode, 200);
    assert.deepEqual(await statusOf(app, 'r1@example.org'), { 'Daily briefing': 'unsubscribed' });
    assert.deepEqual(await statusOf(app, 'r2@example.org'), { 'Daily briefing': 'active' }, 'nobody else');

    // Some providers send the same body as multipart/form-data.
    const [other] = await issues('r2@example.org');
    const otherUrl = (other?.headers['List-Unsubscribe'] ?? '').slice(1, -1).replace(PUBLIC_URL, '');
    const boundary = 'xYz';
    const multipart = await app.http.inject({
      method: 'POST',
      url: otherUrl,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(multipart.statusCode, 200);
    assert.deepEqual(await statusOf(app, 'r2@example.org'), { 'Daily briefing': 'unsubscribed' });
  });

  it('a wrong, tampered or missing unsubscribe token answers 404 and changes nothing', async () => {
    const [message] = await issues('r3@example.org');
    const url = (message?.headers['List-Unsubscribe'] ?? '').slice(1, -1).replace(PUBLIC_URL, '');
    const token = new URL(url, PUBLIC_URL).searchParams.get('token') ?? '';
    const [id, mac] = token.split('.');
    const flipped = `${mac?.slice(0, -1)}${mac?.endsWith('A') ? 'B' : 'A'}`;
    const wrong = [
      '/newsletter/unsubscribe',
      '/newsletter/unsubscribe?token=',
      '/newsletter/unsubscribe?token=nonsense',
      `/newsletter/unsubscribe?token=${id}.${flipped}`,
      `/newsletter/unsubscribe?token=${Number(id) + 1}.${mac}`,
      `/newsletter/unsubscribe?token=${encodeURIComponent(token)}&list=999`,
      `/newsletter/unsubscribe?token=${encodeURIComponent(token)}&list=abc`,
    ];
    for (const bad of wrong) {
      assert.equal((await get(app, bad)).statusCode, 404, bad);
      const response = await app.http.inject({ method: 'POST', url: bad, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(response.statusCode, 404, bad);
    }
    for (const email of READERS.slice(2)) assert.deepEqual(await statusOf(app, email), { 'Daily briefing': 'active' }, email);
  });

  it('the manage link lets a subscriber pick lists', async () => {
    const [message] = await issues('r4@example.org');
    const manage = /http:\/\/localhost:3000(\/newsletters\/manage\?token=\S+)/u.exec(message?.text ?? '')?.[1] ?? '';
    assert.ok(manage);
    const page = await get(app, manage);
    assert.equal(page.statusCode, 200);
    const $ = parse(page.body);
    const briefing = await listId(app, 'Daily briefing');
    const breaking = await listId(app, 'Breaking news');
    assert.equal($(`input[name="lists"][value="${briefing}"]`).attr('checked'), 'checked');
    assert.equal($(`input[name="lists"][value="${breaking}"]`).attr('checked'), undefined);

    assert.equal((await post(app, manage, { lists: [String(breaking)] })).statusCode, 200);
    assert.deepEqual(await statusOf(app, 'r4@example.org'), { 'Daily briefing': 'unsubscribed', 'Breaking news': 'active' });
    const bad = await post(app, manage, { lists: ['999'] });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(await statusOf(app, 'r4@example.org'), { 'Daily briefing': 'unsubscribed', 'Breaking news': 'active' });
    assert.equal((await post(app, manage.replace(/token=\d+/u, 'token=999999'), { lists: [String(briefing)] })).statusCode, 404);
    assert.equal((await post(app, manage, { lists: [String(briefing), String(breaking)] })).statusCode, 200);
    assert.deepEqual(await statusOf(app, 'r4@example.org'), { 'Daily briefing': 'active', 'Breaking news': 'active' });
  });

  it('the automatic briefing goes out at the briefing hour, once, and the next day is scheduled', async () => {
    clock = at('2026-12-01T20:00:00Z');
    await app.settings.update({ newsletters: { briefingHour: 7 } });
    await app.newsletters.briefings.schedule();
    const waiting = (await app.jobs.list({ name: BRIEFING_JOB, status: 'pending' }));
    assert.equal(waiting.length, 1);
    // 07:00 in New York on 2 December.
    assert.equal(waiting[0]?.runAt, at('2026-12-02T12:00:00Z'));

    clock = at('2026-12-02T11:00:00Z');
    await publishArticle(app, 'news', 'Early bird story');
    await app.jobs.runDue();
    assert.equal((await issues('r5@example.org')).length, 1, 'not before the hour');

    clock = at('2026-12-02T12:00:01Z');
    await app.jobs.runDue();
    const latest = await issues('r5@example.org');
    assert.equal(latest.length, 2);
    assert.match(latest[0]?.text ?? '', /Early bird story/u);
    assert.doesNotMatch(latest[0]?.text ?? '', /Council votes/u);
    const next = await app.jobs.list({ name: BRIEFING_JOB, status: 'pending' });
    assert.deepEqual(next.map((j) => j.runAt), [at('2026-12-03T12:00:00Z')]);

    // The same day's job again (a retry, a second instance) sends nothing more.
    await app.jobs.enqueue(BRIEFING_JOB, { day: '2026-12-02' });
    await app.jobs.runDue();
    assert.equal((await issues('r5@example.org')).length, 2);
    const sends = await app.db.kysely.selectFrom('newsletter_sends').select('edition').orderBy('id').execute();
    assert.deepEqual(sends.map((s) => s.edition), ['2026-12-01', '2026-12-02']);

    // A day with no articles sends nothing, and the rhythm goes on.
    clock = at('2026-12-03T12:00:01Z');
    await app.jobs.runDue();
    assert.equal((await issues('r5@example.org')).length, 2);
    assert.deepEqual((await app.jobs.list({ name: BRIEFING_JOB, status: 'pending' })).map((j) => j.runAt), [at('2026-12-04T12:00:00Z')]);
  });
});
