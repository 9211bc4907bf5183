/**
 * Account deletion over real SMTP: a reader with comments, likes, a report, a test-mode support
 * payment, consents, email choices, an opt-out, an export and emailed links deletes the account;
 * then every table and column of the database is searched for their address, name and user id.
 * Also: wrong password, staff, the emailed link for accounts without a password, CSRF.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';
import { smtpServer, type SmtpCatcher } from '../helpers/smtp.js';
import { parse } from '../helpers/html.js';
import { publishArticle } from '../helpers/newsroom.js';
import type { ThreadPage } from '../../src/modules/comments/types.js';
import { tracesOf } from './db-search.js';
import { browser, PASSWORD, reader } from './helpers.js';

const LEAVER = { email: 'zelda.leaver@example.org', name: 'Zelda Quillfeather' };

describe('account deletion', () => {
  const clock = { now: Date.parse('2026-11-20T10:00:00Z') };
  let smtp: SmtpCatcher;
  let app: TestApp;
  let articleId = 0;

  before(async () => {
    smtp = await smtpServer();
    app = await startTestApp({ clock: () => clock.now, env: { SMTP_URL: smtp.url, MAIL_FROM: 'news@example.org' } });
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    articleId = (await publishArticle(app, 'news', 'Harbour reopens')).id;
  });
  after(async () => {
    await app.destroy();
    await smtp.close();
  });

  const mailTo = (address: string) => smtp.received.filter((m) => (m.to as { value: { address: string }[] }).value.some((v) => v.address === address));
  const userRow = (id: number) => app.db.kysely.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();

  async function regular(email: string, name: string) {
    const person = await reader(app, email, name);
    await app.db.kysely.insertInto('reader_standing').values({ user_id: person.id, kind: 'good', message: '', until: null, approved_count: 1000, updated_at: clock.now, updated_by: null }).execute();
    return person;
  }

  async function api(token: string, url: string, payload: object) {
    clock.now += 60_000;
    const response = await app.http.inject({ method: 'POST', url, headers: { origin: PUBLIC_URL, cookie: `scms_session=${token}` }, payload });
    assert.ok(response.statusCode < 300, `${url}: ${response.statusCode} ${response.body}`);
    return response.json<{ comment?: { id: number } }>();
  }

  it('refuses a wrong password with nothing deleted, and staff with a clear 403', async () => {
    const wrong = await reader(app, 'wrong@example.org', 'Wren Wrong');
    const visitor = browser(app, { token: wrong.token });
    const page = await visitor.get('/account/data/delete');
    assert.equal(page.statusCode, 200);
    assert.equal(parse(page.body)('form[action="/account/data/delete"] input[name="password"]').length, 1);
    const refused = await visitor.post('/account/data/delete', { password: 'not the password at all' });
    assert.equal(refused.statusCode, 403);
    assert.match(parse(refused.body)('.form-problem').text(), /not right\. Nothing was deleted/u);
    assert.ok(await userRow(wrong.id));
    assert.equal((await visitor.post('/account/data/delete', { password: '' })).statusCode, 400);
    assert.ok(await userRow(wrong.id));
    const forged = await visitor.post('/account/data/delete', { password: PASSWORD }, { origin: 'https://evil.example' });
    assert.equal(forged.statusCode, 403);
    assert.ok(await userRow(wrong.id), 'a cross-origin post deletes nothing');

    const editor = await app.accounts.createUser({ email: 'ed@example.org', password: PASSWORD, role: 'editor', name: 'Ed Editor' });
    const staff = browser(app, { token: await app.accounts.createSession(editor.id, 'test') });
    const get = await staff.get('/account/data/delete');
    assert.equal(get.statusCode, 403);
    assert.match(parse(get.body)('.form-problem').text(), /Staff accounts cannot be deleted here/u);
    const post = await staff.post('/account/data/delete', { password: PASSWORD });
    assert.equal(post.statusCode, 403);
    assert.ok(await userRow(editor.id));

    const signedOut = await browser(app).post('/account/data/delete', { password: PASSWORD });
    assert.equal(signedOut.statusCode, 303);
    assert.match(String(signedOut.headers.location), /^\/account\/sign-in/u);
  });

  it('an account without a password is deleted through a single-use emailed link', async () => {
    const lin = await reader(app, 'lin@example.org', 'Lin Linkonly', { password: false });
    const visitor = browser(app, { token: lin.token });
    const page = parse((await visitor.get('/account/data/delete')).body);
    assert.equal(page('form[action="/account/data/delete/link"]').length, 1);
    assert.equal(page('input[name="password"]').length, 0);
    assert.equal((await visitor.post('/account/data/delete/link', {})).statusCode, 200);
    await app.jobs.runDue();
    const mail = mailTo('lin@example.org').at(-1);
    const url = (mail?.text ?? '').split(/\s+/u).find((word) => word.startsWith(`${PUBLIC_URL}/account/data/delete/confirm?token=`));
    assert.ok(url, 'the message carries the link');
    const path = url.slice(PUBLIC_URL.length);
    const token = new URL(url).searchParams.get('token') ?? '';

    // Following the link (or a mail scanner doing so) deletes nothing.
    const shown = await browser(app).get(path);
    assert.equal(shown.statusCode, 200);
    assert.equal(shown.headers['referrer-policy'], 'no-referrer');
    assert.ok(await userRow(lin.id));
    assert.equal((await browser(app).post('/account/data/delete/confirm', { token: 'forged-token-forged-token-forged' })).statusCode, 400);
    assert.ok(await userRow(lin.id));

    const confirmed = await visitor.post('/account/data/delete/confirm', { token });
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, '/account/data/deleted');
    assert.equal(visitor.cookie('scms_session'), null, 'signed out');
    assert.equal(await userRow(lin.id), undefined);

    const reused = await browser(app).post('/account/data/delete/confirm', { token });
    assert.equal(reused.statusCode, 400);
    assert.equal((await browser(app).get(path)).statusCode, 400);
  });

  it('leaves no personal data of the reader anywhere in the database', async () => {
    const leaver = await regular(LEAVER.email, LEAVER.name);
    const stayer = await regular('stayer@example.org', 'Sid Stayer');
    const visitor = browser(app, { token: leaver.token });

    // Comments, a reply from someone else, a like and a report.
    const own = await api(leaver.token, '/api/comments', { articleId, text: 'A comment by the leaver.' });
    const other = await api(stayer.token, '/api/comments', { articleId, text: 'A comment by the stayer.' });
    await api(stayer.token, '/api/comments', { articleId, parentId: own.comment?.id, text: 'A reply to the leaver.' });
    await api(leaver.token, `/api/comments/${other.comment?.id}/like`, {});
    await api(leaver.token, `/api/comments/${other.comment?.id}/reports`, { reason: 'other', detail: `Reported by ${LEAVER.name}` });

    // A test-mode support payment (and its receipt email) while signed in.
    const checkout = await visitor.post('/support/checkout', { frequency: 'once', amount: 'custom', custom_amount: '12', currency: 'usd' });
    assert.equal(checkout.statusCode, 303);
    const paid = await visitor.post(`${new URL(String(checkout.headers.location)).pathname}/pay`, { email: LEAVER.email, name: LEAVER.name });
    assert.equal(paid.statusCode, 303);
    assert.equal((await app.db.kysely.selectFrom('support_payments').selectAll().execute()).length, 1);

    // Consents, email choices, an opt-out, an export, a "remind me" and an emailed sign-in link.
    await app.db.kysely.insertInto('reader_consents').values({ user_id: leaver.id, terms_version: 1, privacy_version: 1, consented_at: clock.now }).execute();
    await visitor.post('/account/notifications', { sent: '1', replies: 'on' });
    await visitor.post('/do-not-sell', { choice: 'out' });
    assert.equal((await visitor.post('/account/data/export', {})).statusCode, 303);
    await browser(app).post('/account/sign-in/link', { email: LEAVER.email, return: '/' });
    await app.jobs.runDue();
    assert.ok(mailTo(LEAVER.email).length >= 2, 'receipt and sign-in link delivered');
    assert.ok((await tracesOf(app, { userId: leaver.id, ...LEAVER })).length > 5, 'the search finds the reader before deletion');

    const deleted = await visitor.post('/account/data/delete', { password: PASSWORD });
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/account/data/deleted');
    assert.equal(visitor.cookie('scms_session'), null);
    assert.equal(await app.accounts.sessionUser(leaver.token), null, 'every session ended');
    const done = await visitor.get('/account/data/deleted');
    assert.equal(done.statusCode, 200);

    // The confirmation goes out over SMTP and is not kept.
    const before = mailTo(LEAVER.email).length;
    await app.jobs.runDue();
    const confirmation = mailTo(LEAVER.email).slice(before);
    assert.equal(confirmation.length, 1);
    assert.match(confirmation[0]?.subject ?? '', /account is deleted/u);

    // The comment stays, as a former reader's; the payment stays, anonymised.
    const kept = await app.db.kysely.selectFrom('comments').select(['body_text', 'user_id']).where('id', '=', own.comment?.id ?? 0).executeTakeFirst();
    assert.equal(kept?.body_text, 'A comment by the leaver.');
    const thread = (await browser(app).get(`/api/comments?article=${articleId}`)).json<ThreadPage>();
    const keptView = thread.entries.find((t) => t.comment.id === own.comment?.id);
    assert.deepEqual(keptView?.comment.author, { id: kept?.user_id, name: 'Former reader' });
    assert.deepEqual(keptView?.replies[0]?.replyTo, { id: kept?.user_id, name: 'Former reader' }, 'the reply still answers the same (nameless) author');
    // Moderators can still decide on it: no standing to count for an account that is gone.
    const moe = { userId: null, label: 'Moe Moderator' };
    assert.deepEqual(await app.comments.reject(moe, own.comment?.id ?? 0, 'Off-topic'), { changed: true });
    assert.deepEqual(await app.comments.approve(moe, own.comment?.id ?? 0), { changed: true });
    assert.equal((await app.db.kysely.selectFrom('support_payments').selectAll().execute()).length, 1);
    const audit = await app.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'reader.delete').execute();
    assert.equal(audit.length, 2, 'one entry per deletion (this one and the emailed-link one)');

    const traces = await tracesOf(app, { userId: leaver.id, ...LEAVER });
    assert.deepEqual(
      traces.map((t) => `${t.table}.${t.column} = ${t.value}`),
      [],
      `personal data left in: ${[...new Set(traces.map((t) => t.table))].join(', ')}`,
    );
    // The other reader is untouched.
    assert.ok((await tracesOf(app, { userId: stayer.id, email: 'stayer@example.org', name: 'Sid Stayer' })).length > 0);
  });

  it('removes the comments instead when settings.privacy.deletedComments is "remove"', async () => {
    await app.settings.update({ privacy: { deletedComments: 'remove' } });
    try {
      const ray = await regular('ray@example.org', 'Ray Remover');
      const lonely = await api(ray.token, '/api/comments', { articleId, text: 'A comment that goes with its author.' });
      const visitor = browser(app, { token: ray.token });
      assert.match(parse((await visitor.get('/account/data/delete')).body)('main').text(), /your comments are removed/u);
      assert.equal((await visitor.post('/account/data/delete', { password: PASSWORD })).statusCode, 303);
      assert.equal(await app.db.kysely.selectFrom('comments').select('id').where('id', '=', lonely.comment?.id ?? 0).executeTakeFirst(), undefined);
      assert.equal(await userRow(ray.id), undefined);
    } finally {
      await app.settings.update({ privacy: { deletedComments: 'anonymise' } });
    }
  });
});
