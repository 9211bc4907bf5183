/**
 * Signing readers in and out: password, emailed links (a GET never spends one; the button's POST
 * does, once, within 15 minutes), password reset (single use, every other session ended),
 * the same answer for known and unknown addresses, throttling, and the newsroom staying shut.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse, text } from '../helpers/html.js';
import { publishArticle } from '../helpers/newsroom.js';
import { browser, follow, mailTo, PASSWORD, tokenOf } from './readers-browser.js';

const START = Date.parse('2026-12-01T09:00:00Z');
const MINUTE = 60_000;

describe('reader sign-in, links and reset', () => {
  let app: TestApp;
  let clock = START;
  let ip = 0;
  /** A fresh client IP per request burst, so the per-IP throttle only bites where a test means it to. */
  const someone = () => browser(app, `10.9.${Math.floor(++ip / 250)}.${ip % 250}`);

  before(async () => {
    app = await startTestApp({ clock: () => clock });
    await app.accounts.createUser({ email: 'admin@example.org', password: PASSWORD, role: 'admin', name: 'Ada Admin' });
    for (const email of ['rita@example.org', 'mags@example.org', 'reset@example.org', 'guard@example.org', 'page@example.org']) {
      await app.accounts.createUser({ email, password: PASSWORD, role: 'reader', name: `Reader ${email.split('@')[0]}`, emailVerified: true });
    }
  });
  after(() => app.destroy());

  it('signs in with a password back to the article, rotates the session, and signs out', async () => {
    const rita = someone();
    const page = await rita.get('/account/sign-in?return=%2Fnews%2Fa-story%23comments');
    assert.equal(page.statusCode, 200);
    assert.equal(parse(page.body)('form[action="/account/sign-in"] input[name="return"]').attr('value'), '/news/a-story#comments');

    const wrong = await rita.post('/account/sign-in', { email: 'rita@example.org', password: 'not the password', return: '/news/a-story#comments' });
    assert.equal(wrong.statusCode, 401);
    assert.match(text(wrong.body), /The email or password is not right\./u);
    assert.equal(rita.session, '');

    const signedIn = await rita.post('/account/sign-in', { email: 'Rita@Example.org', password: PASSWORD, return: '/news/a-story#comments' });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, '/news/a-story#comments');
    const first = rita.session;
    assert.equal((await app.accounts.sessionUser(first))?.email, 'rita@example.org');
    assert.match(String(signedIn.headers['set-cookie']), /HttpOnly/u);
    assert.match(String(signedIn.headers['set-cookie']), /SameSite=Lax/u);

    // Signed in already: the sign-in page sends the reader straight back.
    const back = await rita.get('/account/sign-in?return=%2Fnews%2Fa-story');
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, '/news/a-story');

    // Signing in again gives a new session and ends the one the browser held.
    await rita.post('/account/sign-in', { email: 'rita@example.org', password: PASSWORD });
    assert.notEqual(rita.session, first);
    assert.equal(await app.accounts.sessionUser(first), null);

    const second = rita.session;
    const out = await rita.post('/account/sign-out', {});
    assert.equal(out.statusCode, 303);
    assert.equal(rita.session, '', 'the cookie is cleared');
    assert.equal(await app.accounts.sessionUser(second), null, 'the session is ended on the server');
    const account = await rita.get('/account');
    assert.equal(account.statusCode, 303);
    assert.equal(account.headers.location, '/account/sign-in?return=%2Faccount');
  });

  it('signs in with an emailed link: the GET does not spend it, the POST does, once', async () => {
    const mags = someone();
    const requested = await mags.post('/account/sign-in/link', { email: 'mags@example.org', return: '/news/a-story#comments' });
    assert.equal(requested.statusCode, 200);
    assert.match(text(requested.body), /Check your email/u);
    const { message, link } = await mailTo(app, 'mags@example.org');
    assert.equal(message.category, 'account.sign-in');
    assert.ok(link.startsWith('/account/magic-link?token='));

    // A link scanner opens it, more than once: nothing is spent, nobody is signed in.
    const scanner = someone();
    for (let i = 0; i < 3; i += 1) {
      const page = await scanner.get(link);
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['referrer-policy'], 'no-referrer');
      assert.equal(parse(page.body)('form[action="/account/magic-link"] button').text().trim(), 'Sign in');
    }
    assert.equal(scanner.session, '');

    const used = await follow(mags, link);
    assert.equal(used.statusCode, 303);
    assert.equal(used.headers.location, '/news/a-story#comments');
    assert.equal((await app.accounts.sessionUser(mags.session))?.email, 'mags@example.org');

    const again = await someone().post('/account/magic-link', { token: tokenOf(link) });
    assert.equal(again.statusCode, 410);
    assert.match(text(again.body), /used already or has expired/u);
    assert.equal((await someone().get(link)).statusCode, 410);
    assert.equal((await someone().post('/account/magic-link', { token: 'not-a-token' })).statusCode, 410);
  });

  it('lets an emailed link expire after 15 minutes', async () => {
    clock = START + 100 * MINUTE;
    await someone().post('/account/sign-in/link', { email: 'mags@example.org' });
    const { link } = await mailTo(app, 'mags@example.org');
    clock += 14 * MINUTE;
    assert.equal((await someone().get(link)).statusCode, 200, 'still good at 14 minutes');
    clock += MINUTE;
    const late = someone();
    assert.equal((await late.get(link)).statusCode, 410);
    assert.equal((await late.post('/account/magic-link', { token: tokenOf(link) })).statusCode, 410);
    assert.equal(late.session, '');
  });

  it('answers link and reset requests for unknown addresses exactly as for known ones', async () => {
    for (const url of ['/account/sign-in/link', '/account/reset']) {
      const known = await someone().post(url, { email: 'rita@example.org' });
      const unknown = await someone().post(url, { email: 'nobody@example.org' });
      assert.equal(known.statusCode, 200, url);
      assert.equal(unknown.statusCode, 200, url);
      assert.equal(known.body.replaceAll('rita@example.org', 'X'), unknown.body.replaceAll('nobody@example.org', 'X'), url);
    }
    assert.deepEqual(await app.email.list({ to: 'nobody@example.org' }), [], 'nothing goes to an address without an account');
    // Staff addresses get no link (their door is the newsroom's password sign-in), only a pointer.
    await someone().post('/account/sign-in/link', { email: 'admin@example.org' });
    const [message] = await app.email.list({ to: 'admin@example.org' });
    assert.equal(message?.category, 'account.staff');
    assert.match(message?.text ?? '', /\/admin\/sign-in/u);
    assert.doesNotMatch(message?.text ?? '', /token=/u);
  });

  it('resets a password once, ending every other session', async () => {
    clock = START + 200 * MINUTE;
    const laptop = someone();
    await laptop.post('/account/sign-in', { email: 'reset@example.org', password: PASSWORD });
    const old = laptop.session;
    assert.ok(await app.accounts.sessionUser(old));

    const phone = someone();
    assert.equal((await phone.post('/account/reset', { email: 'reset@example.org' })).statusCode, 200);
    const { message, link } = await mailTo(app, 'reset@example.org');
    assert.equal(message.category, 'account.reset');
    assert.ok(link.startsWith('/account/reset/confirm?token='));

    // A refused password leaves the link usable.
    const short = await follow(phone, link, { password: 'short' });
    assert.equal(short.statusCode, 400);
    assert.match(text(short.body), /at least 12 characters/u);
    assert.ok(await app.accounts.sessionUser(old), 'nothing changed yet');

    const done = await follow(phone, link, { password: 'a brand new passphrase' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/account?notice=password-reset');
    assert.equal((await app.accounts.sessionUser(phone.session))?.email, 'reset@example.org');
    assert.equal(await app.accounts.sessionUser(old), null, 'the other session is ended');
    assert.equal(await app.accounts.authenticate('reset@example.org', PASSWORD), null);
    assert.ok(await app.accounts.authenticate('reset@example.org', 'a brand new passphrase'));

    const reuse = await someone().post('/account/reset/confirm', { token: tokenOf(link), password: 'yet another passphrase' });
    assert.equal(reuse.statusCode, 410);
    assert.ok(await app.accounts.authenticate('reset@example.org', 'a brand new passphrase'), 'the used link changed nothing');
  });

  it('throttles link requests per address and per IP with 429 and Retry-After', async () => {
    clock = START + 300 * MINUTE;
    // Per address: five requests from five places, then the sixth is refused.
    for (let i = 0; i < 5; i += 1) assert.equal((await someone().post('/account/reset', { email: 'page@example.org' })).statusCode, 200);
    const sixth = await someone().post('/account/reset', { email: 'page@example.org' });
    assert.equal(sixth.statusCode, 429);
    assert.ok(Number(sixth.headers['retry-after']) > 0);
    assert.match(text(sixth.body), /Too many attempts/u);
    assert.equal((await app.email.list({ to: 'page@example.org' })).length, 5, 'the sixth sent nothing');

    // Per IP: twenty addresses from one place, then the next is refused, whatever the address.
    const crowd = browser(app, '10.77.0.1');
    for (let i = 0; i < 20; i += 1) assert.equal((await crowd.post('/account/sign-in/link', { email: `n${i}@example.org` })).statusCode, 200);
    const blocked = await crowd.post('/account/sign-up', { name: 'New Person', email: 'fresh@example.org', password: PASSWORD });
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);

    // Password guessing: the sign-in counter staff use applies to readers too.
    const guesser = someone();
    for (let i = 0; i < 5; i += 1) assert.equal((await guesser.post('/account/sign-in', { email: 'guard@example.org', password: `guess ${i} guess` })).statusCode, 401);
    const locked = await guesser.post('/account/sign-in', { email: 'guard@example.org', password: PASSWORD });
    assert.equal(locked.statusCode, 429);
    assert.ok(Number(locked.headers['retry-after']) > 0);
    assert.equal(guesser.session, '');

    clock += 16 * MINUTE;
    assert.equal((await someone().post('/account/reset', { email: 'page@example.org' })).statusCode, 200, 'allowed again once the window passes');
  });

  it('brings a reader from "Sign in to comment" under an article back to its comments', async () => {
    clock = START + 350 * MINUTE;
    await app.publishing.createSection({ slug: 'news', name: 'News', position: 1 });
    const { slug } = await publishArticle(app, 'news', 'Council votes on the bridge');
    const reader = someone();
    const article = parse((await reader.get(`/news/${slug}`)).body);
    const signIn = article('a').filter((_, el) => article(el).text().trim() === 'Sign in to comment').attr('href') ?? '';
    assert.equal(signIn, `/account/sign-in?return=${encodeURIComponent(`/news/${slug}#comments`)}`);

    const page = parse((await reader.get(signIn)).body);
    const returnTo = page('form[action="/account/sign-in/link"] input[name="return"]').attr('value') ?? '';
    assert.equal(returnTo, `/news/${slug}#comments`);
    await reader.post('/account/sign-in/link', { email: 'mags@example.org', return: returnTo });
    const { link } = await mailTo(app, 'mags@example.org');
    const back = await follow(reader, link);
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, `/news/${slug}#comments`);
  });

  it('never lets a reader into the newsroom', async () => {
    const reader = someone();
    clock = START + 400 * MINUTE;
    await reader.post('/account/sign-in', { email: 'rita@example.org', password: PASSWORD });
    assert.ok(reader.session);
    for (const url of ['/admin', '/admin/articles', '/admin/outbox']) {
      const response = await reader.get(url);
      assert.equal(response.statusCode, 303, url);
      assert.match(String(response.headers.location), /^\/admin\/sign-in\?return=/u, url);
    }
    assert.equal((await reader.get('/api/admin/me')).statusCode, 401);
    // The staff sign-in form refuses a reader's correct password like a wrong one.
    const door = await someone().post('/admin/sign-in', { email: 'rita@example.org', password: PASSWORD });
    assert.equal(door.statusCode, 401);
  });
});
