/**
 * Signing up as a reader does it: the form on the site, the answer that reveals nothing, the
 * confirmation email, the link's page (a button, so scanners confirm nothing), the button, the
 * consent kept with the legal pages' versions; and every kind of bad input refused with a 4xx.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPages, createRedirects } from '../../src/modules/publishing/index.js';
import { engineName, PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';
import { parse, text } from '../helpers/html.js';
import { doc } from '../helpers/newsroom.js';
import { get, lastMail, linkIn, listId, post, statusOf, subscribe, tokenOf } from './support.js';

const START = Date.parse('2026-12-01T09:00:00Z');
const HOUR = 3600 * 1000;

describe(`newsletter sign-up (${engineName()})`, () => {
  let app: TestApp;
  let clock = START;
  const count = async (table: 'newsletter_subscribers' | 'newsletter_consents' | 'email_outbox') =>
    Number((await app.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    app = await startTestApp({ clock: () => clock });
    // Terms at version 2, Privacy Policy at version 1: the consent must name these.
    const actor = { userId: null, label: 'test' };
    const deps = { db: app.db, media: app.media, audit: app.audit, now: () => clock, purge: () => {} };
    const pages = createPages({ ...deps, redirects: createRedirects({ ...deps, publicUrl: PUBLIC_URL }) });
    const terms = await pages.create(actor, { slug: 'terms-of-use', title: 'Terms of Use', body: doc('Be kind.') });
    await pages.update(actor, terms.id, { body: doc('Be kind. Really.') });
    await pages.create(actor, { slug: 'privacy-policy', title: 'Privacy Policy', body: doc('We keep little.') });
  });
  after(() => app.destroy());

  it('the front page form posts to /newsletter with the consent line and its links', async () => {
    const $ = parse((await get(app, '/')).body);
    const form = $('form[action="/newsletter"]');
    assert.equal(form.attr('method'), 'post');
    assert.equal(form.find('input[name="email"]').length, 1);
    assert.match(form.find('.consent').text().replace(/\s+/gu, ' '), /By signing up you agree to our Terms of Use and Privacy Policy/u);
    assert.deepEqual(form.find('.consent a').map((_, a) => $(a).attr('href')).get(), ['/terms-of-use', '/privacy-policy']);
  });

  it('double opt-in: an email with a single-use link; its GET only shows a button; the POST confirms and records consent', async () => {
    clock = START;
    const response = await post(app, '/newsletter', { email: ' Nia@Example.org ' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(text(response.body), /Check your inbox/u);
    assert.deepEqual(await statusOf(app, 'nia@example.org'), { 'Daily briefing': 'pending' });

    const mail = await lastMail(app, 'nia@example.org', 'newsletter.confirm');
    const link = linkIn(mail.text, '/newsletter/confirm');
    clock = START + HOUR;
    // A mail scanner (or the reader) opens the link: a button, and nothing confirmed yet.
    const opened = await get(app, link);
    assert.equal(opened.statusCode, 200);
    assert.equal(opened.headers['referrer-policy'], 'no-referrer');
    const $ = parse(opened.body);
    assert.equal($('form[action="/newsletter/confirm"] input[name="token"]').attr('value'), tokenOf(link));
    assert.deepEqual(await statusOf(app, 'nia@example.org'), { 'Daily briefing': 'pending' });

    const confirmed = await post(app, '/newsletter/confirm', { token: tokenOf(link) });
    assert.equal(confirmed.statusCode, 200);
    assert.match(text(confirmed.body), /You are subscribed/u);
    assert.match(parse(confirmed.body)('a[href^="/newsletters/manage?token="]').attr('href') ?? '', /token=/u);
    assert.deepEqual(await statusOf(app, 'nia@example.org'), { 'Daily briefing': 'active' });
    const consent = await app.db.kysely
      .selectFrom('newsletter_consents as c')
      .innerJoin('newsletter_subscribers as s', 's.id', 'c.subscriber_id')
      .select(['c.terms_version', 'c.privacy_version', 'c.consented_at'])
      .where('s.email', '=', 'nia@example.org')
      .execute();
    assert.deepEqual(consent, [{ terms_version: 2, privacy_version: 1, consented_at: START }], 'the versions on the page when the form was sent, and that moment');

    // Single use: the same link again does nothing.
    assert.equal((await get(app, link)).statusCode, 410);
    const again = await post(app, '/newsletter/confirm', { token: tokenOf(link) });
    assert.equal(again.statusCode, 410);
    assert.match(text(again.body), /expired or was already used/u);
    assert.equal(await count('newsletter_consents'), 1);
  });

  it('an expired, unknown or malformed confirmation token confirms nothing (410)', async () => {
    clock = START;
    await post(app, '/newsletter', { email: 'late@example.org' }, { ip: '10.0.0.2' });
    const link = linkIn((await lastMail(app, 'late@example.org', 'newsletter.confirm')).text, '/newsletter/confirm');
    clock = START + 25 * HOUR;
    assert.equal((await get(app, link)).statusCode, 410);
    assert.equal((await post(app, '/newsletter/confirm', { token: tokenOf(link) })).statusCode, 410);
    for (const token of ['', 'x'.repeat(43), 'not a token', tokenOf(link).slice(1)]) {
      assert.equal((await post(app, '/newsletter/confirm', { token })).statusCode, 410, token);
    }
    assert.deepEqual(await statusOf(app, 'late@example.org'), { 'Daily briefing': 'pending' });
  });

  it('reveals nothing: a new, a pending and a subscribed address get the same status and the same page', async () => {
    clock = START + 30 * HOUR;
    await subscribe(app, 'old@example.org', [], '10.0.1.1');
    await post(app, '/newsletter', { email: 'waiting@example.org' }, { ip: '10.0.1.2' });
    const answers = [];
    for (const [i, email] of ['fresh@example.org', 'waiting@example.org', 'old@example.org'].entries()) {
      answers.push(await post(app, '/newsletter', { email }, { ip: `10.0.2.${i}` }));
    }
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      [200, 200, 200],
    );
    assert.equal(answers[1]?.body, answers[0]?.body);
    assert.equal(answers[2]?.body, answers[0]?.body);
    // Only the mailbox learns more: the subscribed address is told it already receives the briefing.
    const note = await lastMail(app, 'old@example.org', 'newsletter.already');
    assert.match(note.text, /already receive/u);
    assert.deepEqual(await statusOf(app, 'old@example.org'), { 'Daily briefing': 'active' });
  });

  it('the sign-up page offers every open newsletter, the briefing ticked, and needs at least one', async () => {
    const $ = parse((await get(app, '/newsletter')).body);
    const boxes = $('form[action="/newsletter"] input[name="lists"]');
    assert.deepEqual(
      boxes.map((_, box) => `${$(box).closest('label').find('strong').text()}:${$(box).attr('checked') === undefined ? 'off' : 'on'}`).get(),
      ['Daily briefing:on', 'Breaking news:off'],
    );
    assert.equal($('form[action="/newsletter"] input[name="choosing"]').attr('value'), '1');
    const before = await count('newsletter_subscribers');
    const none = await post(app, '/newsletter', { email: 'undecided@example.org', choosing: '1' }, { ip: '10.0.3.9' });
    assert.equal(none.statusCode, 400);
    assert.match(text(none.body), /Tick at least one newsletter/u);
    assert.equal(parse(none.body)('input[name="email"]').attr('value'), 'undecided@example.org');
    assert.equal(await count('newsletter_subscribers'), before);
  });

  it("the reader's account page shows their newsletters and leads to choosing them", async () => {
    const user = await app.accounts.createUser({ email: 'acct@example.org', password: 'a long enough password', role: 'reader', name: 'Ada Account', emailVerified: true });
    const cookie = `scms_session=${await app.accounts.createSession(user.id, 'test')}`;
    const section = async () => {
      const $ = parse((await get(app, '/account', cookie)).body);
      return { text: $('#your-newsletters > p').first().text(), link: $('#your-newsletters a').attr('href') ?? '' };
    };
    assert.deepEqual(await section(), { text: 'You receive none of our newsletters.', link: '/newsletter' });
    // Signed up signed out, with the account's address: still the account's newsletters.
    await subscribe(app, 'acct@example.org', [String(await listId(app, 'Breaking news'))], '10.0.3.10');
    const shown = await section();
    assert.equal(shown.text, 'You receive: Breaking news.');
    assert.match(shown.link, /^\/newsletters\/manage\?token=/u);
    const manage = parse((await get(app, shown.link)).body);
    assert.equal(manage('input[name="lists"][checked]').closest('label').find('strong').text(), 'Breaking news');
    // Another reader's page says nothing about this address.
    const other = await app.accounts.createUser({ email: 'other@example.org', password: 'a long enough password', role: 'reader', name: 'Otto Other', emailVerified: true });
    const $ = parse((await get(app, '/account', `scms_session=${await app.accounts.createSession(other.id, 'test')}`)).body);
    assert.equal($('#your-newsletters > p').first().text(), 'You receive none of our newsletters.');
  });

  it('a chosen list: only that one', async () => {
    const breaking = await listId(app, 'Breaking news');
    await subscribe(app, 'pick@example.org', [String(breaking)], '10.0.3.1');
    assert.deepEqual(await statusOf(app, 'pick@example.org'), { 'Breaking news': 'active' });
  });

  it('refuses a missing, malformed or header-injected address and unknown lists with a 400 and changes nothing', async () => {
    const before = { subscribers: await count('newsletter_subscribers'), mail: await count('email_outbox') };
    const cases: [Record<string, string | string[]>, RegExp][] = [
      [{}, /Enter your email address/u],
      [{ email: '   ' }, /Enter your email address/u],
      [{ email: 'not-an-address' }, /is not an email address/u],
      [{ email: 'a@b.com\r\nBcc: x@y.com' }, /must not contain line breaks/u],
      [{ email: 'a@b.com\nBcc: x@y.com' }, /must not contain line breaks/u],
      [{ email: 'ok@example.org', lists: '999' }, /newsletter does not exist/u],
      [{ email: 'ok@example.org', lists: 'abc' }, /newsletter does not exist/u],
      [{ email: 'ok@example.org', lists: ['1', '-1'] }, /newsletter does not exist/u],
    ];
    for (const [i, [form, message]] of cases.entries()) {
      const response = await post(app, '/newsletter', form, { ip: `10.0.4.${i}` });
      assert.equal(response.statusCode, 400, JSON.stringify(form));
      assert.match(text(response.body), message);
      // The address comes back in the field without its line breaks.
      assert.doesNotMatch(parse(response.body)('input[name="email"]').attr('value') ?? '', /[\r\n]/u);
    }
    assert.deepEqual({ subscribers: await count('newsletter_subscribers'), mail: await count('email_outbox') }, before);
  });

  it('an archived list takes no sign-ups', async () => {
    const breaking = await listId(app, 'Breaking news');
    await app.newsletters.lists.setArchived(breaking, true);
    try {
      const response = await post(app, '/newsletter', { email: 'arch@example.org', lists: String(breaking) }, { ip: '10.0.5.1' });
      assert.equal(response.statusCode, 400);
    } finally {
      await app.newsletters.lists.setArchived(breaking, false);
    }
  });

  it('limits sign-ups per address (429 with Retry-After), sending no more mail', async () => {
    clock = START + 40 * HOUR;
    for (let i = 0; i < 3; i++) assert.equal((await post(app, '/newsletter', { email: 'many@example.org' }, { ip: `10.0.6.${i}` })).statusCode, 200);
    const mail = await count('email_outbox');
    const limited = await post(app, '/newsletter', { email: 'MANY@example.org' }, { ip: '10.0.6.9' });
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal(await count('email_outbox'), mail);
  });

  it('limits sign-ups per IP', async () => {
    clock = START + 50 * HOUR;
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await post(app, '/newsletter', { email: `ip${i}@example.org` }, { ip: '10.9.9.9' })).statusCode;
    assert.equal(last, 429);
  });

  it('a cross-site post to the confirm and sign-up forms is refused (CSRF)', async () => {
    const response = await app.http.inject({
      method: 'POST',
      url: '/newsletter',
      payload: 'email=csrf@example.org',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', cookie: 'scms_session=x' },
    });
    assert.equal(response.statusCode, 403);
  });
});
