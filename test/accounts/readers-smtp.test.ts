/**
 * The reader's sign-in link over real SMTP: the app delivers from its job queue to an SMTP server
 * started here (smtp-server), and the test follows the link in the message that server received.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsedMail } from 'mailparser';
import { PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';
import { smtpServer, type SmtpCatcher } from '../helpers/smtp.js';
import { browser, follow, PASSWORD } from './readers-browser.js';

describe('reader sign-in link over SMTP', () => {
  let smtp: SmtpCatcher;
  let app: TestApp;
  before(async () => {
    smtp = await smtpServer();
    app = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'news@example.org' } });
    await app.accounts.createUser({ email: 'reader@example.org', password: PASSWORD, role: 'reader', name: 'Rae Reader', emailVerified: true });
  });
  after(async () => {
    await app.destroy();
    await smtp.close();
  });

  it('emails the link through SMTP, and following it signs the reader in', async () => {
    const reader = browser(app);
    const asked = await reader.post('/account/sign-in/link', { email: 'reader@example.org', return: '/' });
    assert.equal(asked.statusCode, 200);
    assert.equal(smtp.received.length, 0, 'nothing is sent before the job queue runs');
    await app.jobs.runDue();
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0] as ParsedMail;
    assert.equal((mail.to as { value: { address: string }[] }).value[0]?.address, 'reader@example.org');
    const url = (mail.text ?? '').split(/\s+/u).find((word) => word.startsWith(`${PUBLIC_URL}/account/`));
    assert.ok(url, 'the received message carries the link');
    const signedIn = await follow(reader, url.slice(PUBLIC_URL.length));
    assert.equal(signedIn.statusCode, 303);
    assert.equal((await app.accounts.sessionUser(reader.session))?.email, 'reader@example.org');
    const [stored] = await app.email.list({ to: 'reader@example.org' });
    assert.equal(stored?.status, 'sent');
    assert.equal(stored?.text, '', 'the outbox does not keep the sign-in link once delivered');
  });
});
