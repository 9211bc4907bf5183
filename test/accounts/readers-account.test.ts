/** /account: what the reader sees, and the display name, email choices and password forms. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse, text } from '../helpers/html.js';
import { readerPreferences } from '../../src/modules/accounts/index.js';
import { browser, PASSWORD } from './readers-browser.js';

describe('the reader account page', () => {
  let app: TestApp;
  let readerId = 0;
  before(async () => {
    app = await startTestApp();
    await app.accounts.createUser({ email: 'ana@example.org', password: PASSWORD, role: 'editor', name: 'Ana Editor' });
    readerId = (await app.accounts.createUser({ email: 'rae@example.org', password: PASSWORD, role: 'reader', name: 'Rae Reader', emailVerified: true })).id;
  });
  after(() => app.destroy());

  async function signedIn(email = 'rae@example.org', address = '127.0.0.1') {
    const person = browser(app, address);
    const response = await person.post('/account/sign-in', { email, password: PASSWORD });
    assert.equal(response.statusCode, 303);
    return person;
  }

  it('shows name, email, email choices, password and sign-out, and an empty comments list', async () => {
    const rae = await signedIn();
    const page = await rae.get('/account');
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    const $ = parse(page.body);
    assert.match($('.account-facts').text(), /Rae Reader/u);
    assert.match($('.account-facts').text(), /rae@example\.org/u);
    assert.equal($('.account-activity h2').text(), 'Your comments and replies');
    assert.equal($('.account-activity').text().includes('You have not commented yet.'), true);
    assert.equal($('input[name="replies"]').prop('checked'), true, 'reply emails on by default');
    assert.equal($('input[name="featured"]').prop('checked'), true, 'featured emails on by default');
    assert.equal($('form[action="/account/password"]').length, 1);
    assert.equal($('form[action="/account/sign-out"]').length, 1);
    assert.equal($('meta[name="robots"]').attr('content'), 'noindex');
  });

  it('stores the email choices', async () => {
    const rae = await signedIn();
    const saved = await rae.post('/account/notifications', { sent: '1', replies: 'on' });
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(await readerPreferences(app.db, readerId), { replyEmails: true, featuredEmails: false });
    const page = parse((await rae.get('/account?notice=notifications')).body);
    assert.equal(page('input[name="replies"]').prop('checked'), true);
    assert.equal(page('input[name="featured"]').prop('checked'), false);
    assert.match(page('.form-notice').text(), /Your email choices are saved/u);
    await rae.post('/account/notifications', { sent: '1' });
    assert.deepEqual(await readerPreferences(app.db, readerId), { replyEmails: false, featuredEmails: false });
  });

  it('changes the display name, refusing look-alikes of staff and invisible characters', async () => {
    const rae = await signedIn();
    for (const name of ['\u0410na Editor', 'Ana\u200DEditor', 'Line\nBreak']) {
      const refused = await rae.post('/account/name', { name });
      assert.equal(refused.statusCode, 400, JSON.stringify(name));
      assert.equal(parse(refused.body)('.form-problem').length, 1);
    }
    assert.equal((await app.accounts.getUser(readerId))?.name, 'Rae Reader');
    const saved = await rae.post('/account/name', { name: '  Rae   the Reader  ' });
    assert.equal(saved.statusCode, 303);
    assert.equal((await app.accounts.getUser(readerId))?.name, 'Rae the Reader');
  });

  it('leaves staff names to the newsroom', async () => {
    const ana = await signedIn('ana@example.org');
    const page = await ana.get('/account');
    assert.match(text(page.body), /Your name is managed in the newsroom/u);
    assert.equal((await ana.post('/account/name', { name: 'Someone Else' })).statusCode, 403);
  });

  it('changes the password, ending the other sessions but keeping this browser signed in', async () => {
    const other = await signedIn('rae@example.org', '10.0.0.2');
    const rae = await signedIn();
    const wrong = await rae.post('/account/password', { current: 'not my password', password: 'a different passphrase' });
    assert.equal(wrong.statusCode, 403);
    assert.ok(await app.accounts.sessionUser(other.session));

    const before = rae.session;
    const changed = await rae.post('/account/password', { current: PASSWORD, password: 'a different passphrase' });
    assert.equal(changed.statusCode, 303);
    assert.equal(changed.headers.location, '/account?notice=password');
    assert.equal(await app.accounts.sessionUser(other.session), null);
    assert.equal(await app.accounts.sessionUser(before), null);
    assert.equal((await app.accounts.sessionUser(rae.session))?.id, readerId);
    assert.ok(await app.accounts.authenticate('rae@example.org', 'a different passphrase'));
    await app.accounts.changePassword(readerId, 'a different passphrase', PASSWORD);
  });

  it('sends strangers to sign in and refuses cross-site posts', async () => {
    const stranger = browser(app);
    for (const url of ['/account/name', '/account/notifications', '/account/password']) {
      const response = await stranger.post(url, { name: 'X Y' });
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, '/account/sign-in?return=%2Faccount');
    }
    const rae = await signedIn();
    const forged = await rae.post('/account/notifications', { sent: '1', replies: 'on', featured: 'on' }, { origin: 'https://evil.example' });
    assert.equal(forged.statusCode, 403);
    const noOrigin = await rae.post('/account/sign-out', {}, {});
    assert.equal(noOrigin.statusCode, 403, 'a cookie-bearing post with neither Origin nor Sec-Fetch-Site');
    assert.ok(await app.accounts.sessionUser(rae.session), 'still signed in');
  });
});
