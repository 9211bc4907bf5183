/**
 * Outgoing email: kept in the outbox without SMTP; over SMTP, delivered from the job queue to a
 * real SMTP server started here (smtp-server), retried when the server refuses, sent once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EmailError } from '../../src/modules/email/index.js';
import { PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import { smtpServer } from '../helpers/smtp.js';
import type { ParsedMail } from 'mailparser';

async function staffCookie(app: TestApp, role: 'admin' | 'editor'): Promise<string> {
  const user = await app.accounts.createUser({ email: `${role}@example.org`, password: 'a long enough password', role, name: `${role} person` });
  return `scms_session=${await app.accounts.createSession(user.id, 'test')}`;
}

describe('email without an SMTP server', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.destroy());

  it('keeps every message in the outbox, newest first, found by recipient', async () => {
    const first = await app.email.send({ to: 'Reader@Example.org', subject: 'Confirm your address', text: 'Follow the link.', category: 'account.verify' });
    await app.email.send({ to: 'other@example.org', subject: 'Hello', text: 'Hi.', category: 'test.other' });
    const mine = await app.email.list({ to: 'reader@example.org' });
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.id, first);
    assert.equal(mine[0]?.status, 'kept');
    assert.equal(mine[0]?.to, 'reader@example.org');
    assert.equal(mine[0]?.text, 'Follow the link.');
    assert.equal((await app.email.list()).length, 2);
  });

  it('refuses header injection in the address, subject and headers, storing nothing', async () => {
    const attempts = [
      { to: 'a@b.com\r\nBcc: victim@example.org', subject: 'x' },
      { to: 'a@b.com', subject: 'Hello\r\nBcc: victim@example.org' },
      { to: 'not an address', subject: 'x' },
    ];
    for (const attempt of attempts) {
      await assert.rejects(app.email.send({ ...attempt, text: 'x', category: 'test.bad' }), (error: unknown) => error instanceof EmailError && error.status === 400);
    }
    await assert.rejects(app.email.send({ to: 'a@b.com', subject: 'x', text: 'x', category: 'test.bad', headers: { 'List-Unsubscribe': '<https://x>\r\nBcc: v@example.org' } }), EmailError);
    await assert.rejects(app.email.send({ to: 'a@b.com', subject: 'x', text: 'x', category: 'test.bad', headers: { Bcc: 'v@example.org' } }), /set by the mailer/u);
    assert.equal((await app.email.list()).filter((m) => m.category === 'test.bad').length, 0);
  });

  it('shows the outbox to admins only, escaped', async () => {
    await app.email.send({ to: 'escape@example.org', subject: '<script>alert(1)</script> subject', text: '<img src=x onerror=alert(1)>', category: 'test.escape' });
    const admin = await staffCookie(app, 'admin');
    const list = await app.http.inject({ url: '/admin/outbox', headers: { cookie: admin } });
    assert.equal(list.statusCode, 200);
    const $ = parse(list.body);
    assert.equal($('script:not([type])').length, 0);
    assert.match($('main').text(), /<script>alert\(1\)<\/script> subject/u);
    assert.match($('main').text(), /no SMTP server is set/iu);
    const id = (await app.email.list({ to: 'escape@example.org' }))[0]?.id;
    const one = await app.http.inject({ url: `/admin/outbox/${id}`, headers: { cookie: admin } });
    assert.equal(one.statusCode, 200);
    assert.equal(parse(one.body)('pre.message-text').text(), '<img src=x onerror=alert(1)>');
    assert.equal(parse(one.body)('img').length, 0);
    assert.equal((await app.http.inject({ url: '/admin/outbox/999999', headers: { cookie: admin } })).statusCode, 404);
    const filtered = await app.http.inject({ url: '/admin/outbox?to=escape@example.org', headers: { cookie: admin } });
    assert.equal(parse(filtered.body)('tbody tr').length, 1);

    const editor = await staffCookie(app, 'editor');
    assert.equal((await app.http.inject({ url: '/admin/outbox', headers: { cookie: editor } })).statusCode, 403);
    assert.equal((await app.http.inject({ url: `/admin/outbox/${id}`, headers: { cookie: editor } })).statusCode, 403);
    const stranger = await app.http.inject({ url: '/admin/outbox' });
    assert.ok([302, 303, 401].includes(stranger.statusCode), `a stranger is sent to sign in (got ${stranger.statusCode})`);
  });
});

describe('email over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let app: TestApp;
  let t = Date.parse('2026-12-01T09:00:00Z');
  before(async () => {
    smtp = await smtpServer(2);
    app = await startTestApp({ clock: () => t, env: { SMTP_URL: smtp.url, MAIL_FROM: 'news@example.org' } });
    await app.settings.update({ name: 'The Harbour Gazette' });
  });
  after(async () => {
    await app.destroy();
    await smtp.close();
  });

  it('delivers from the job queue, retrying a refusing server with backoff, exactly once, then erases the body', async () => {
    const id = await app.email.send({
      to: 'reader@example.org',
      subject: 'Your sign-in link',
      text: `Sign in: ${PUBLIC_URL}/account/magic/abc`,
      html: '<p>Sign in</p>',
      headers: { 'List-Unsubscribe': '<https://example.org/u/1>' },
      category: 'account.magic',
    });
    assert.equal((await app.email.get(id))?.status, 'queued');

    await app.jobs.runDue();
    let message = await app.email.get(id);
    assert.equal(message?.status, 'queued', 'a refused message waits for a retry');
    assert.equal(message?.attempts, 1);
    assert.match(message?.lastError ?? '', /Try again later/u);
    assert.equal(smtp.received.length, 0);

    for (let i = 0; i < 5 && smtp.received.length === 0; i++) {
      t += 60 * 60 * 1000; // past any backoff
      await app.jobs.runDue();
    }
    assert.equal(smtp.received.length, 1, 'delivered once');
    const mail = smtp.received[0] as ParsedMail;
    assert.equal(mail.subject, 'Your sign-in link');
    assert.equal(mail.from?.value[0]?.address, 'news@example.org');
    assert.equal(mail.from?.value[0]?.name, 'The Harbour Gazette');
    assert.equal(mail.text?.trim(), `Sign in: ${PUBLIC_URL}/account/magic/abc`);
    assert.match(mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '', /<https:\/\/example\.org\/u\/1>/u);
    message = await app.email.get(id);
    assert.equal(message?.status, 'sent');
    assert.equal(message?.attempts, 3);
    assert.equal(message?.text, '', 'the body is not kept after delivery');

    t += 24 * 60 * 60 * 1000;
    await app.jobs.runDue();
    assert.equal(smtp.received.length, 1, 'never sent twice');
  });
});
