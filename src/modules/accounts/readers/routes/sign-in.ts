/**
 * Signing in and out: with a password (throttled like the staff sign-in, by the same counter),
 * or with an emailed link whose page shows a button that uses it. The link request answers the
 * same whether or not the address has an account.
 */
import type { FastifyInstance } from 'fastify';
import { AccountsError } from '../../errors.js';
import { readerReturnPath } from '../return-path.js';
import { confirmLinkPage, linkGonePage } from '../views/links.js';
import { checkEmailPage, signInPage } from '../views/sign-in.js';
import { fields, html, linkPage, queryValue, seeOther, waitFor, type ReaderRouteContext } from './common.js';

const WRONG = 'The email or password is not right.';
const CONFIRM = { title: 'Sign in', lead: 'Press the button to sign in on this device.', button: 'Sign in', action: '/account/magic-link' };

export function registerSignInRoutes(app: FastifyInstance, c: ReaderRouteContext): void {
  app.get('/account/sign-in', async (request, reply) => {
    const to = readerReturnPath(queryValue(request, 'return'));
    // Already signed in ("Sign in to comment" from a cached page): straight back to where they were.
    if (await c.sessions.current(request)) return seeOther(reply, to);
    return html(reply, 200, signInPage(await c.frame(), to));
  });

  app.post('/account/sign-in', async (request, reply) => {
    const form = fields(request.body, ['email', 'password', 'return']);
    const to = readerReturnPath(form.return);
    const again = async (status: number, problem: string) => html(reply, status, signInPage(await c.frame(), to, { problem, values: { email: form.email } }));
    if (!form.email.trim() || !form.password) return again(400, 'Enter your email address and password.');
    const wait = waitFor(c.accounts.throttle, reply, form.email, request.ip);
    // The password is not even checked while the wait lasts, so guessing on gains nothing.
    if (wait) return again(429, wait);
    const user = await c.accounts.authenticate(form.email, form.password);
    if (!user) {
      c.accounts.throttle.recordFailure(form.email, request.ip);
      return again(401, WRONG);
    }
    c.accounts.throttle.recordSuccess(form.email, request.ip);
    await c.sessions.start(request, reply, user.id);
    return seeOther(reply, to);
  });

  app.post('/account/sign-in/link', async (request, reply) => {
    const form = fields(request.body, ['email', 'return']);
    const to = readerReturnPath(form.return);
    const again = async (status: number, problem: string) => html(reply, status, signInPage(await c.frame(), to, { linkProblem: problem, values: { email: form.email } }));
    if (!form.email.trim()) return again(400, 'Enter your email address.');
    const wait = waitFor(c.mailThrottle, reply, form.email, request.ip);
    if (wait) return again(429, wait);
    try {
      await c.service.requestSignInLink(form.email, to);
    } catch (error) {
      if (error instanceof AccountsError) return again(error.status, error.message);
      throw error;
    }
    c.mailThrottle.recordFailure(form.email, request.ip);
    return html(reply, 200, checkEmailPage(await c.frame(), 'sign-in', form.email.trim().toLowerCase()));
  });

  app.get('/account/magic-link', async (request, reply) => {
    const token = queryValue(request, 'token');
    if (!(await c.service.linkUsable('sign-in', token))) return linkPage(reply, 410, linkGonePage(await c.frame(), 'sign-in'));
    return linkPage(reply, 200, confirmLinkPage(await c.frame(), CONFIRM, token));
  });

  app.post('/account/magic-link', async (request, reply) => {
    const outcome = await c.service.useSignInLink(fields(request.body, ['token']).token);
    if (!outcome.ok) return html(reply, 410, linkGonePage(await c.frame(), 'sign-in'));
    await c.sessions.start(request, reply, outcome.user.id);
    return seeOther(reply, outcome.returnTo);
  });

  app.post('/account/sign-out', async (request, reply) => {
    await c.sessions.end(request, reply);
    return seeOther(reply, '/');
  });
}
