/**
 * Do Not Sell or Share and Global Privacy Control: the cookie for signed-out visitors, the account
 * for signed-in readers (so the choice survives signing out and follows them to another browser),
 * Sec-GPC applied to the account, "Opt-out request honored", opting back in, and gpc.json.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import { browser, reader } from './helpers.js';

const HONORED = /Opt-out request honored/u;

describe('Do Not Sell or Share and GPC', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
    await app.publishing.createSection({ slug: 'news', name: 'News' });
  });
  after(() => app.destroy());

  const optOutRow = (userId: number) => app.db.kysely.selectFrom('privacy_opt_outs').selectAll().where('user_id', '=', userId).executeTakeFirst();
  const footer = async (visitor: ReturnType<typeof browser>) => parse((await visitor.get('/')).body)('.site-footer').text();

  it('the footer links to /do-not-sell, which explains and offers one button', async () => {
    const $ = parse((await browser(app).get('/')).body);
    assert.equal($('.site-footer a:contains("Do Not Sell or Share My Personal Information")').attr('href'), '/do-not-sell');
    const page = await browser(app).get('/do-not-sell');
    assert.equal(page.statusCode, 200);
    const p = parse(page.body);
    assert.equal(p('h1').text(), 'Do Not Sell or Share My Personal Information');
    assert.equal(p('form[action="/do-not-sell"] button').length, 1);
    assert.doesNotMatch(p('main').text(), HONORED);
    assert.doesNotMatch(await footer(browser(app)), HONORED);
  });

  it('signed out: one click sets the cookie, and every page says the opt-out is honored', async () => {
    const visitor = browser(app);
    const answer = await visitor.post('/do-not-sell', { choice: 'out' });
    assert.equal(answer.statusCode, 303);
    assert.equal(visitor.cookie('scms_prefs'), 'o-1');
    assert.match(parse((await visitor.get('/do-not-sell')).body)('main').text(), HONORED);
    assert.match(await footer(visitor), HONORED);
  });

  it('signed in: stored on the account, surviving sign-out and a sign-in on another browser', async () => {
    const rae = await reader(app, 'rae@example.org');
    const first = browser(app, { token: rae.token });
    assert.equal((await first.post('/do-not-sell', {})).statusCode, 303, 'the button alone is enough');
    assert.equal(first.cookie('scms_prefs'), 'o-1', 'the browser remembers too');
    assert.equal((await optOutRow(rae.id))?.source, 'form');
    // Signed out on that browser: its cookie still says so.
    assert.equal((await first.post('/account/sign-out', {})).statusCode, 303);
    assert.equal(first.cookie('scms_session'), null);
    assert.match(await footer(first), HONORED);
    // Another browser, no cookie: signing in brings the account's opt-out along.
    const other = browser(app);
    assert.doesNotMatch(await footer(other), HONORED);
    const signedIn = await other.post('/account/sign-in', { email: 'rae@example.org', password: 'a long enough password' });
    assert.equal(signedIn.statusCode, 303);
    assert.match(await footer(other), HONORED);
    assert.match(parse((await other.get('/do-not-sell')).body)('main').text(), HONORED);
  });

  it('a signed-in browser whose cookie says opt out records it on the account', async () => {
    const sam = await reader(app, 'sam@example.org', 'Sam Reader');
    const visitor = browser(app);
    await visitor.post('/do-not-sell', { choice: 'out' });
    visitor.jar.set('scms_session', sam.token);
    assert.equal(await optOutRow(sam.id), undefined);
    await visitor.get('/');
    assert.equal((await optOutRow(sam.id))?.source, 'form');
  });

  it('Sec-GPC: 1 is an opt-out, applied to the account, honored on later requests without it', async () => {
    const gus = await reader(app, 'gus@example.org', 'Gus Reader');
    const withGpc = browser(app, { token: gus.token, gpc: true });
    const page = await withGpc.get('/do-not-sell');
    assert.equal(page.statusCode, 200);
    const $ = parse(page.body);
    assert.match($('main').text(), HONORED);
    assert.match($('.site-footer').text(), HONORED);
    assert.equal((await optOutRow(gus.id))?.source, 'gpc');
    // Signed out with GPC: honored for the request, nothing stored anywhere.
    const anonymousGpc = browser(app, { gpc: true });
    const front = await anonymousGpc.get('/');
    assert.match(parse(front.body)('.site-footer').text(), HONORED);
    assert.equal(front.headers['set-cookie'], undefined);
    assert.match(String(front.headers.vary), /Sec-GPC/u);
    // Another browser without GPC, signed in later: the account remembers.
    const laptop = browser(app, { token: await app.accounts.createSession(gus.id, 'laptop') });
    assert.match(await footer(laptop), HONORED);
  });

  it('opting back in clears the cookie and the account, but a browser sending GPC still wins', async () => {
    const ola = await reader(app, 'ola@example.org', 'Ola Reader');
    const visitor = browser(app, { token: ola.token });
    await visitor.post('/do-not-sell', { choice: 'out' });
    assert.ok(await optOutRow(ola.id));
    const back = await visitor.post('/do-not-sell', { choice: 'in' });
    assert.equal(back.statusCode, 303);
    assert.equal(visitor.cookie('scms_prefs'), null);
    assert.equal(await optOutRow(ola.id), undefined);
    assert.doesNotMatch(await footer(visitor), HONORED);
    assert.equal(await optOutRow(ola.id), undefined, 'nothing re-recorded without a signal');

    const gpc = browser(app, { token: ola.token, gpc: true });
    await gpc.post('/do-not-sell', { choice: 'in' });
    const page = parse((await gpc.get('/do-not-sell')).body);
    assert.match(page('main').text(), HONORED);
    assert.match(page('main').text(), /Global Privacy Control signal wins/u);
    assert.equal(page('form[action="/do-not-sell"]').length, 0, 'no opt-in button while the signal is sent');
  });

  it('refuses an unknown choice with a 400 and a cross-origin post with a 403', async () => {
    const visitor = browser(app);
    const bad = await visitor.post('/do-not-sell', { choice: 'maybe' });
    assert.equal(bad.statusCode, 400);
    assert.equal(visitor.cookie('scms_prefs'), null);
    const forged = await visitor.post('/do-not-sell', { choice: 'out' }, { origin: 'https://evil.example' });
    assert.equal(forged.statusCode, 403);
    assert.equal(visitor.cookie('scms_prefs'), null);
  });

  it('serves /.well-known/gpc.json', async () => {
    const answer = await app.http.inject({ method: 'GET', url: '/.well-known/gpc.json' });
    assert.equal(answer.statusCode, 200);
    assert.match(String(answer.headers['content-type']), /^application\/json/u);
    const body = answer.json<{ gpc: boolean; lastUpdate: string }>();
    assert.equal(body.gpc, true);
    assert.match(body.lastUpdate, /^\d{4}-\d{2}-\d{2}$/u);
    assert.deepEqual(Object.keys(body), ['gpc', 'lastUpdate']);
  });
});
