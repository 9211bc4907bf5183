/**
 * The reader's sign-in link over real SMTP: the app delivers from its job queue to an SMTP server
 * started here (smtp-server), and the test follows the link in the message that server received.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';
import { browser, follow, PASSWORD } from './readers-browser.js';

describe('reader sign-in link over SMTP', () => {
  const received: ParsedMail[] = [];
  let server: SMTPServer;
  let app: TestApp;
  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    app = await startTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'news@example.org' } });
    await app.accounts.createUser({ email: 'reader@example.org', password: PASSWORD, role: 'reader', name: 'Rae Reader', emailVerified: true });
  });
  after(async () => {
    await app.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('emails the link through SMTP, and following it signs the reader in', async () => {
    const reader = browser(app);
    const asked = await reader.post('/account/sign-in/link', { email: 'reader@example.org', return: '/' });
    assert.equal(asked.statusCode, 200);
    assert.equal(received.length, 0, 'nothing is sent before the job queue runs');
    await app.jobs.runDue();
    assert.equal(received.length, 1);
    const mail = received[0] as ParsedMail;
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
