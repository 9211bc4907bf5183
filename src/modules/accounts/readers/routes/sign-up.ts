/**
 * Sign-up and the confirmation link: POST /account/sign-up emails a link (or, for an address that
 * has an account, tells its owner), and answers the same either way; the link's page shows a
 * button, and the button's POST creates the account and signs the reader in.
 */
import type { FastifyInstance } from 'fastify';
import { AccountsError } from '../../errors.js';
import { ACCOUNT_HOME, readerReturnPath } from '../return-path.js';
import { accountExistsPage, confirmLinkPage, linkGonePage } from '../views/links.js';
import { checkEmailPage, signUpPage } from '../views/sign-in.js';
import { fields, html, linkPage, queryValue, seeOther, waitFor, type ReaderRouteContext } from './common.js';

const CONFIRM = { title: 'Confirm your email address', lead: 'One more step: press the button to confirm your address and create your account.', button: 'Confirm and create my account', action: '/account/verify' };

export function registerSignUpRoutes(app: FastifyInstance, c: ReaderRouteContext): void {
  app.get('/account/sign-up', async (request, reply) => {
    return html(reply, 200, signUpPage(await c.frame(), readerReturnPath(queryValue(request, 'return'))));
  });

  app.post('/account/sign-up', async (request, reply) => {
    const form = fields(request.body, ['name', 'email', 'password', 'return']);
    const to = readerReturnPath(form.return);
    const again = async (status: number, problem: string) => html(reply, status, signUpPage(await c.frame(), to, { problem, values: { name: form.name, email: form.email } }));
    if (!form.name.trim() || !form.email.trim()) return again(400, 'Fill in a display name and your email address.');
    const wait = waitFor(c.mailThrottle, reply, form.email, request.ip);
    if (wait) return again(429, wait);
    try {
      await c.service.signUp({ email: form.email, name: form.name, password: form.password, returnTo: to });
    } catch (error) {
      if (error instanceof AccountsError) return again(error.status, error.message);
      throw error;
    }
    c.mailThrottle.recordFailure(form.email, request.ip);
    return html(reply, 200, checkEmailPage(await c.frame(), 'sign-up', form.email.trim().toLowerCase()));
  });

  app.get('/account/verify', async (request, reply) => {
    const token = queryValue(request, 'token');
    if (!(await c.service.linkUsable('sign-up', token))) return linkPage(reply, 410, linkGonePage(await c.frame(), 'sign-up'));
    return linkPage(reply, 200, confirmLinkPage(await c.frame(), CONFIRM, token));
  });

  app.post('/account/verify', async (request, reply) => {
    const outcome = await c.service.confirmSignUp(fields(request.body, ['token']).token);
    if (!outcome.ok) {
      if (outcome.reason === 'exists') return html(reply, 409, accountExistsPage(await c.frame()));
      return html(reply, 410, linkGonePage(await c.frame(), 'sign-up'));
    }
    await c.sessions.start(request, reply, outcome.user.id);
    return seeOther(reply, outcome.returnTo === ACCOUNT_HOME ? `${ACCOUNT_HOME}?notice=welcome` : outcome.returnTo);
  });
}
