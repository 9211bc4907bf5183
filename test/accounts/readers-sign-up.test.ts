/**
 * Reader sign-up as a person does it: the form, the email, the link's page, its button. Consent
 * is stored with the page versions; known and unknown addresses get the same answer; bad names
 * and header injection are refused; a cross-site post changes nothing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';
import { parse, text } from '../helpers/html.js';
import { doc } from '../helpers/newsroom.js';
import { browser, follow, mailTo, PASSWORD, tokenOf } from './readers-browser.js';
import { createPages, createRedirects } from '../../src/modules/publishing/index.js';

const START = Date.parse('2026-12-01T09:00:00Z');

describe('reader sign-up', () => {
  let app: TestApp;
  let clock = START;
  before(async () => {
    app = await startTestApp({ clock: () => clock });
    await app.accounts.createUser({ email: 'ana@example.org', password: PASSWORD, role: 'editor', name: 'Ana Editor' });
    // The Terms of Use at version 2 and the Privacy Policy at version 1: the consent must name these.
    const actor = { userId: null, label: 'test' };
    const deps = { db: app.db, media: app.media, audit: app.audit, now: () => clock, purge: () => {} };
    const pages = createPages({ ...deps, redirects: createRedirects({ ...deps, publicUrl: PUBLIC_URL }) });
    const terms = await pages.create(actor, { slug: 'terms-of-use', title: 'Terms of Use', body: doc('Be kind.') });
    await pages.update(actor, terms.id, { body: doc('Be kind. Really.') });
    await pages.create(actor, { slug: 'privacy-policy', title: 'Privacy Policy', body: doc('We keep little.') });
  });
  after(() => app.destroy());

  it('shows the form with the consent sentence linking to both pages', async () => {
    const page = await browser(app).get('/account/sign-up?return=%2Fnews%2Fa-story%23comments');
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    const $ = parse(page.body);
    assert.match($('.consent').text().replace(/\s+/gu, ' '), /By signing up you agree to our Terms of Use and Privacy Policy/u);
    assert.equal($('.consent a').first().attr('href'), '/terms-of-use');
    assert.equal($('.consent a').last().attr('href'), '/privacy-policy');
    assert.equal($('input[name="return"]').attr('value'), '/news/a-story#comments');
    assert.equal($('link[rel="stylesheet"]').length >= 2, true, 'the site stylesheet and the account one');
    assert.ok($('header.masthead').length && $('footer.site-footer').length, 'in the site layout');
  });

  it('creates a verified reader only when the emailed link is confirmed, with the consent stored', async () => {
    const reader = browser(app);
    clock = START + 1000;
    const sent = await reader.post('/account/sign-up', { name: 'Reader One', email: 'One@Example.org', password: PASSWORD, return: '/news/a-story#comments' });
    assert.equal(sent.statusCode, 200);
    assert.match(text(sent.body), /Check your email/u);
    assert.equal(await app.db.kysely.selectFrom('users').select('id').where('email', '=', 'one@example.org').executeTakeFirst(), undefined, 'no account before the link is used');

    const { message, link } = await mailTo(app, 'one@example.org');
    assert.equal(message.category, 'account.verify');
    assert.ok(link.startsWith('/account/verify?token='));

    // Opening the link (a mail scanner's GET, twice) creates nothing.
    await reader.get(link);
    await reader.get(link);
    assert.equal(await app.db.kysely.selectFrom('users').select('id').where('email', '=', 'one@example.org').executeTakeFirst(), undefined);

    clock = START + 60_000;
    const confirmed = await follow(reader, link);
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, '/news/a-story#comments');
    assert.ok(reader.session, 'signed in by the confirmation');

    const user = await app.accounts.sessionUser(reader.session);
    assert.equal(user?.role, 'reader');
    assert.equal(user?.name, 'Reader One');
    assert.equal(user?.emailVerifiedAt, START + 60_000);
    assert.ok(await app.accounts.authenticate('one@example.org', PASSWORD), 'the password chosen at sign-up works');

    const consents = await app.db.kysely.selectFrom('reader_consents').selectAll().where('user_id', '=', user?.id ?? 0).execute();
    assert.equal(consents.length, 1);
    assert.equal(consents[0]?.terms_version, 2);
    assert.equal(consents[0]?.privacy_version, 1);
    assert.equal(Number(consents[0]?.consented_at), START + 1000, 'the time the reader pressed Sign up');

    const again = await reader.post('/account/verify', { token: tokenOf(link) });
    assert.equal(again.statusCode, 410, 'a used link does nothing');
    assert.equal((await browser(app).get(link)).statusCode, 410);

    const account = await reader.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(text(account.body), /Reader One/u);
    assert.match(text(account.body), /one@example\.org/u);
    assert.match(text(account.body), /Terms of Use \(version 2\) and Privacy Policy \(version 1\)/u);
  });

  it('signs up without a password: the reader then signs in with emailed links', async () => {
    const reader = browser(app);
    assert.equal((await reader.post('/account/sign-up', { name: 'Linda Links', email: 'linda@example.org', password: '' })).statusCode, 200);
    const { link } = await mailTo(app, 'linda@example.org');
    const confirmed = await follow(reader, link);
    assert.equal(confirmed.headers.location, '/account?notice=welcome');
    const account = await reader.get('/account?notice=welcome');
    assert.match(text(account.body), /Welcome! Your account is ready\./u);
    assert.match(text(account.body), /You sign in with links we email you/u);
    assert.equal(await app.accounts.authenticate('linda@example.org', ''), null);
  });

  it('answers a known address exactly as an unknown one, and tells the owner instead', async () => {
    await app.accounts.createUser({ email: 'known@example.org', password: PASSWORD, role: 'reader', name: 'Known', emailVerified: true });
    const known = await browser(app, '10.1.0.1').post('/account/sign-up', { name: 'Somebody', email: 'known@example.org', password: PASSWORD });
    const unknown = await browser(app, '10.1.0.2').post('/account/sign-up', { name: 'Somebody', email: 'stranger@example.org', password: PASSWORD });
    assert.equal(known.statusCode, unknown.statusCode);
    assert.equal(known.body.replaceAll('known@example.org', 'X'), unknown.body.replaceAll('stranger@example.org', 'X'));
    assert.equal(known.headers['set-cookie'], undefined);
    assert.equal(unknown.headers['set-cookie'], undefined);

    const { message, link } = await mailTo(app, 'known@example.org');
    assert.equal(message.category, 'account.exists');
    assert.match(message.text, /already has an account/u);
    // The owner can sign in from it; the password typed by whoever signed up changed nothing.
    const owner = browser(app);
    const signedIn = await follow(owner, link);
    assert.equal(signedIn.statusCode, 303);
    assert.equal((await app.accounts.sessionUser(owner.session))?.email, 'known@example.org');
    assert.equal((await app.accounts.authenticate('known@example.org', PASSWORD))?.name, 'Known');
  });

  it('refuses control characters and look-alikes of staff names, sending nothing', async () => {
    const cases: Array<[string, RegExp]> = [
      ['Ana\u202EEditor', /control or invisible formatting/u],
      ['Bob\u200Bby', /control or invisible formatting/u],
      ['Tab\tName', /control or invisible formatting/u],
      ['\u0410na Editor', /looks like the name of someone on the publication’s staff/u], // Cyrillic А
      ['ANA  EDITOR.', /looks like the name/u],
      ['Ａｎａ Ｅｄｉｔｏｒ', /looks like the name/u], // fullwidth
      ['Áná Editor', /looks like the name/u],
      ['Moderator', /kept for the publication’s staff/u],
      ['Z\u0301\u0302\u0303algo', /too many accents/u],
      ['x', /2 to 50 characters/u],
    ];
    for (const [name, problem] of cases) {
      const response = await browser(app, '10.2.0.1').post('/account/sign-up', { name, email: 'names@example.org', password: PASSWORD });
      assert.equal(response.statusCode, 400, name);
      assert.match(text(response.body), problem, name);
      assert.equal(parse(response.body)('input[name="email"]').attr('value'), 'names@example.org', 'the form comes back filled in');
    }
    assert.deepEqual(await app.email.list({ to: 'names@example.org' }), []);
    const fine = await browser(app, '10.2.0.1').post('/account/sign-up', { name: 'Ana Reader', email: 'names@example.org', password: PASSWORD });
    assert.equal(fine.statusCode, 200);
  });

  it('refuses a line break in the email field with 400 (no header injection)', async () => {
    const bad = 'a@b.com\r\nBcc: x@y.z';
    for (const [url, fields] of [
      ['/account/sign-up', { name: 'Injector', email: bad, password: PASSWORD }],
      ['/account/sign-in/link', { email: bad }],
      ['/account/reset', { email: bad }],
    ] as const) {
      const response = await browser(app, '10.3.0.1').post(url, fields);
      assert.equal(response.statusCode, 400, url);
      assert.match(text(response.body), /must not contain line breaks/u, url);
    }
    assert.deepEqual(await app.email.list({ to: 'x@y.z' }), []);
    assert.deepEqual(await app.email.list({ to: 'a@b.com' }), []);
  });

  it('refuses a cross-site post, and the link stays usable', async () => {
    const reader = browser(app);
    await reader.post('/account/sign-up', { name: 'Csrf Target', email: 'csrf@example.org', password: PASSWORD });
    const { link } = await mailTo(app, 'csrf@example.org');
    const token = tokenOf(link);
    const forged = await reader.post('/account/verify', { token }, { origin: 'https://evil.example' });
    assert.equal(forged.statusCode, 403);
    const fetched = await reader.post('/account/verify', { token }, { 'sec-fetch-site': 'cross-site' });
    assert.equal(fetched.statusCode, 403);
    assert.equal(reader.session, '');
    assert.equal(await app.db.kysely.selectFrom('users').select('id').where('email', '=', 'csrf@example.org').executeTakeFirst(), undefined);
    assert.equal((await follow(reader, link)).statusCode, 303);
  });

  it('does not honour return paths off the site or into the newsroom', async () => {
    for (const target of ['https://evil.example/', '//evil.example/x', '/\\evil.example', '/admin/users']) {
      const page = await browser(app).get(`/account/sign-up?return=${encodeURIComponent(target)}`);
      assert.equal(parse(page.body)('input[name="return"]').attr('value'), '/account', target);
    }
  });
});
