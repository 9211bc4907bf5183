/**
 * Password reset: ask for a link (same answer for any address), open it, choose a new password.
 * The new password is checked before the link is spent, so a refused one can be tried again;
 * a reset ends every session of the account, then signs this browser in afresh.
 */
import type { FastifyInstance } from 'fastify';
import { AccountsError } from '../../errors.js';
import { linkGonePage, newPasswordPage } from '../views/links.js';
import { checkEmailPage, resetRequestPage } from '../views/sign-in.js';
import { fields, html, linkPage, queryValue, seeOther, waitFor, type ReaderRouteContext } from './common.js';

export function registerResetRoutes(app: FastifyInstance, c: ReaderRouteContext): void {
  app.get('/account/reset', async (_request, reply) => html(reply, 200, resetRequestPage(await c.frame())));

  app.post('/account/reset', async (request, reply) => {
    const form = fields(request.body, ['email']);
    const again = async (status: number, problem: string) => html(reply, status, resetRequestPage(await c.frame(), { problem, values: { email: form.email } }));
    if (!form.email.trim()) return again(400, 'Enter your email address.');
    const wait = waitFor(c.mailThrottle, reply, form.email, request.ip);
    if (wait) return again(429, wait);
    try {
      await c.service.requestReset(form.email);
    } catch (error) {
      if (error instanceof AccountsError) return again(error.status, error.message);
      throw error;
    }
    c.mailThrottle.recordFailure(form.email, request.ip);
    return html(reply, 200, checkEmailPage(await c.frame(), 'reset', form.email.trim().toLowerCase()));
  });

  app.get('/account/reset/confirm', async (request, reply) => {
    const token = queryValue(request, 'token');
    if (!(await c.service.linkUsable('reset', token))) return linkPage(reply, 410, linkGonePage(await c.frame(), 'reset'));
    return linkPage(reply, 200, newPasswordPage(await c.frame(), token));
  });

  app.post('/account/reset/confirm', async (request, reply) => {
    const form = fields(request.body, ['token', 'password']);
    try {
      const outcome = await c.service.useReset(form.token, form.password);
      if (!outcome.ok) return html(reply, 410, linkGonePage(await c.frame(), 'reset'));
      await c.sessions.start(request, reply, outcome.user.id);
      return seeOther(reply, '/account?notice=password-reset');
    } catch (error) {
      if (error instanceof AccountsError) return linkPage(reply, error.status, newPasswordPage(await c.frame(), form.token, error.message));
      throw error;
    }
  });
}
