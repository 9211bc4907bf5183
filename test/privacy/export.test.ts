/** Data export: the reader's own data from every source, only for them, for 24 hours. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import { publishArticle } from '../helpers/newsroom.js';
import { browser, reader } from './helpers.js';

interface Exported {
  account: { email: string; displayName: string; consents: { termsOfUseVersion: number | null; privacyPolicyVersion: number | null }[]; notificationPreferences: { replyEmails: boolean }; doNotSellOrShare: { optedOut: boolean } };
  comments: { comments: { text: string }[] };
  supportPayments: { payments: unknown[] };
  emails: unknown[];
}

describe('data export', () => {
  const clock = { now: Date.parse('2026-11-20T10:00:00Z') };
  let app: TestApp;
  let articleId = 0;
  before(async () => {
    app = await startTestApp({ clock: () => clock.now });
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    articleId = (await publishArticle(app, 'news', 'Bridge repairs')).id;
  });
  after(() => app.destroy());

  async function commenter(email: string, name: string, text: string) {
    const person = await reader(app, email, name);
    await app.db.kysely.insertInto('reader_standing').values({ user_id: person.id, kind: 'good', message: '', until: null, approved_count: 1000, updated_at: clock.now, updated_by: null }).execute();
    clock.now += 60_000;
    const posted = await app.http.inject({ method: 'POST', url: '/api/comments', headers: { origin: PUBLIC_URL, cookie: `scms_session=${person.token}` }, payload: { articleId, text } });
    assert.equal(posted.statusCode, 201, posted.body);
    return person;
  }

  it('the account page links to export and deletion', async () => {
    const rae = await reader(app, 'page@example.org', 'Page Reader');
    const $ = parse((await browser(app, { token: rae.token }).get('/account')).body);
    assert.equal($('#your-data form[action="/account/data/export"]').length, 1);
    assert.equal($('#your-data a[href="/account/data/delete"]').length, 1);
    assert.equal($('#your-data a[href="/do-not-sell"]').length, 1);
  });

  it('serves the reader’s own data as a JSON attachment, and never anyone else’s', async () => {
    const ann = await commenter('ann@example.org', 'Ann Export', 'Ann says the bridge is late.');
    await commenter('bob@example.org', 'Bob Other', 'Bob disagrees entirely.');
    await app.db.kysely.insertInto('reader_consents').values({ user_id: ann.id, terms_version: 2, privacy_version: 3, consented_at: clock.now }).execute();
    const annBrowser = browser(app, { token: ann.token });
    await annBrowser.post('/account/notifications', { sent: '1' });
    await annBrowser.post('/do-not-sell', { choice: 'out' });

    const asked = await annBrowser.post('/account/data/export', {});
    assert.equal(asked.statusCode, 303);
    const location = String(asked.headers.location);
    assert.match(location, /^\/account\/data\/exports\/[A-Za-z0-9_-]{32}$/u);

    const download = await annBrowser.get(location);
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-type']), /^application\/json/u);
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="personal-data-\d{4}-\d{2}-\d{2}\.json"$/u);
    assert.equal(download.headers['cache-control'], 'no-store');
    const data = download.json<Exported>();
    assert.equal(data.account.email, 'ann@example.org');
    assert.equal(data.account.displayName, 'Ann Export');
    assert.deepEqual(data.account.consents.map((c) => [c.termsOfUseVersion, c.privacyPolicyVersion]), [[2, 3]]);
    assert.equal(data.account.notificationPreferences.replyEmails, false);
    assert.equal(data.account.doNotSellOrShare.optedOut, true);
    assert.deepEqual(data.comments.comments.map((c) => c.text), ['Ann says the bridge is late.']);
    assert.ok(Array.isArray(data.supportPayments.payments));
    assert.doesNotMatch(download.body, /Bob|bob@example/u, 'nothing of another reader');

    // Bob, signed in, asking for Ann's export: as if it did not exist.
    const bob = await app.db.kysely.selectFrom('users').select('id').where('email', '=', 'bob@example.org').executeTakeFirstOrThrow();
    const bobBrowser = browser(app, { token: await app.accounts.createSession(bob.id, 'test') });
    const refused = await bobBrowser.get(location);
    assert.equal(refused.statusCode, 404);
    assert.doesNotMatch(refused.body, /ann@example/u);
    assert.equal((await bobBrowser.get('/account/data/exports/not-an-id')).statusCode, 404);

    // Signed out: to the sign-in page, nothing served.
    const signedOut = await browser(app).get(location);
    assert.equal(signedOut.statusCode, 303);
    assert.match(String(signedOut.headers.location), /^\/account\/sign-in/u);
  });

  it('an export expires after 24 hours with a message', async () => {
    const cy = await reader(app, 'cy@example.org', 'Cy Reader');
    const cyBrowser = browser(app, { token: cy.token });
    const location = String((await cyBrowser.post('/account/data/export', {})).headers.location);
    clock.now += 23 * 3600_000;
    assert.equal((await cyBrowser.get(location)).statusCode, 200);
    clock.now += 2 * 3600_000;
    const expired = await cyBrowser.get(location);
    assert.equal(expired.statusCode, 410);
    assert.match(parse(expired.body)('.form-problem').text(), /expired/u);
  });

  it('signed out, asking for an export leads to sign-in; a cross-origin post is refused', async () => {
    const signedOut = await browser(app).post('/account/data/export', {});
    assert.equal(signedOut.statusCode, 303);
    assert.match(String(signedOut.headers.location), /^\/account\/sign-in/u);
    const dee = await reader(app, 'dee@example.org', 'Dee Reader');
    const forged = await browser(app, { token: dee.token }).post('/account/data/export', {}, { origin: 'https://evil.example' });
    assert.equal(forged.statusCode, 403);
    const rows = await app.db.kysely.selectFrom('privacy_exports').selectAll().where('user_id', '=', dee.id).execute();
    assert.equal(rows.length, 0);
  });
});
