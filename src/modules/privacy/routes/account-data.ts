/**
 * The reader's own data, from the account page: export (a private download built when fetched)
 * and deletion (confirmed with the password, or with an emailed single-use link for accounts
 * without one). Staff accounts are not deleted here: an administrator removes them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../../accounts/index.js';
import { SESSION_COOKIE } from '../../accounts/http/session.js';
import { deletedPage, deleteLinkPage, deletePage, messagePage } from '../views/pages.js';
import { fields, html, linkPage, MAIL_RATE_LIMIT, queryValue, seeOther, SIGN_IN_TO_ACCOUNT, type PrivacyRouteContext } from './context.js';

const STAFF_REFUSED = 'Staff accounts cannot be deleted here. Ask an administrator to remove your account in the newsroom.';

export function registerAccountDataRoutes(app: FastifyInstance, c: PrivacyRouteContext): void {
  /** The signed-in person, or null after answering with a redirect to the sign-in page. */
  async function who(request: FastifyRequest, reply: FastifyReply): Promise<User | null> {
    const user = await c.currentUser(request);
    if (!user) seeOther(reply, SIGN_IN_TO_ACCOUNT);
    return user;
  }

  const refuseStaff = async (request: FastifyRequest, reply: FastifyReply) =>
    html(reply, 403, messagePage(await c.frame(request), { title: 'Delete your account', path: '/account/data/delete', message: STAFF_REFUSED, link: { href: '/account', text: 'Back to your account' } }));

  async function showDelete(request: FastifyRequest, reply: FastifyReply, status: number, user: User, extra: { problem?: string; notice?: string } = {}) {
    const view = { email: user.email, hasPassword: await c.hasPassword(user.id), comments: c.settings.get().privacy.deletedComments, ...extra };
    return html(reply, status, deletePage(await c.frame(request), view));
  }

  /** After deletion: this browser's session cookie goes too (the session itself is already deleted). */
  const finish = (reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return seeOther(reply, '/account/data/deleted');
  };

  app.post('/account/data/export', async (request, reply) => {
    const user = await who(request, reply);
    if (!user) return reply;
    const id = await c.exports.create(user.id);
    return seeOther(reply, `/account/data/exports/${id}`);
  });

  app.get<{ Params: { id: string } }>('/account/data/exports/:id', async (request, reply) => {
    const user = await who(request, reply);
    if (!user) return reply;
    const found = await c.exports.find(request.params.id, user.id);
    if (found.found !== 'ok') {
      const message =
        found.found === 'expired'
          ? 'This download has expired: exports are kept for 24 hours. Ask for a new one on your account page.'
          : 'There is no such download for your account. Ask for a new one on your account page.';
      const frame = await c.frame(request);
      return html(reply, found.found === 'expired' ? 410 : 404, messagePage(frame, { title: 'Your data', path: '/account', message, link: { href: '/account#your-data', text: 'Back to your account' } }));
    }
    const data = await c.exports.build(user);
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="personal-data-${day}.json"`)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/account/data/delete', async (request, reply) => {
    const user = await who(request, reply);
    if (!user) return reply;
    if (user.role !== 'reader') return refuseStaff(request, reply);
    return showDelete(request, reply, 200, user);
  });

  app.post('/account/data/delete', async (request, reply) => {
    const user = await who(request, reply);
    if (!user) return reply;
    if (user.role !== 'reader') return refuseStaff(request, reply);
    const { password } = fields(request.body, ['password']);
    if (!(await c.hasPassword(user.id))) return showDelete(request, reply, 400, user, { problem: 'Your account has no password: ask for a confirmation link below.' });
    if (!password) return showDelete(request, reply, 400, user, { problem: 'Enter your password to confirm. Nothing was deleted.' });
    // A stolen session must not become a way to guess the password: the sign-in counter applies.
    const wait = c.accounts.throttle.retryAfter(user.email, request.ip);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return showDelete(request, reply, 429, user, { problem: `Too many attempts. Try again in ${Math.ceil(wait / 60)} minutes. Nothing was deleted.` });
    }
    const confirmed = await c.accounts.authenticate(user.email, password);
    if (!confirmed || confirmed.id !== user.id) {
      c.accounts.throttle.recordFailure(user.email, request.ip);
      return showDelete(request, reply, 403, user, { problem: 'That password is not right. Nothing was deleted.' });
    }
    await c.deletion.deleteReader(user);
    return finish(reply);
  });

  app.post('/account/data/delete/link', { config: MAIL_RATE_LIMIT }, async (request, reply) => {
    const user = await who(request, reply);
    if (!user) return reply;
    if (user.role !== 'reader') return refuseStaff(request, reply);
    await c.deletion.sendLink(user);
    return showDelete(request, reply, 200, user, { notice: `We sent a confirmation link to ${user.email}. It works once, for an hour.` });
  });

  // The emailed link: the GET only shows a button (mail scanners follow links), the POST deletes.
  app.get('/account/data/delete/confirm', async (request, reply) => {
    const token = queryValue(request, 'token');
    const usable = await c.deletion.linkUsable(token);
    return linkPage(reply, usable ? 200 : 400, deleteLinkPage(await c.frame(request), { token, usable }));
  });

  app.post('/account/data/delete/confirm', async (request, reply) => {
    const { token } = fields(request.body, ['token']);
    const current = await c.currentUser(request);
    const userId = await c.deletion.useLink(token);
    const user = userId === null ? null : await c.accounts.getUser(userId);
    if (!user) return linkPage(reply, 400, deleteLinkPage(await c.frame(request), { token: '', usable: false }));
    if (user.role !== 'reader') return refuseStaff(request, reply);
    await c.deletion.deleteReader(user);
    if (current?.id === user.id) return finish(reply);
    return seeOther(reply, '/account/data/deleted');
  });

  app.get('/account/data/deleted', async (request, reply) => html(reply, 200, deletedPage(await c.frame(request))));
}
