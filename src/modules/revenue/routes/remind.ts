/**
 * "Remind me next month" (the pitch's second button). Signed in: stored on the account. Signed
 * out: a small page asks for an address, checked so nothing can ride along into mail headers.
 * Either way the browser hides the pitch for 30 days.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkAddress } from '../../email/address.js';
import { updatePrefs } from '../../site/visitor.js';
import { remindedPage, remindEmailPage } from '../views/pages.js';
import { fields, FORM_RATE_LIMIT, html, type SupportRouteContext } from './context.js';

export function registerRemindRoutes(app: FastifyInstance, c: SupportRouteContext): void {
  async function done(request: FastifyRequest, reply: FastifyReply, who: { userId: number } | { email: string }) {
    const { dueAt } = await c.reminders.schedule(who);
    updatePrefs(request, reply, { pitchHiddenUntil: dueAt });
    return html(reply, 200, remindedPage(await c.frame(request), dueAt));
  }

  app.get('/support/remind', async (request, reply) => html(reply, 200, remindEmailPage(await c.frame(request), { signedIn: (await c.currentUser(request)) !== null })));

  app.post('/support/remind', { config: FORM_RATE_LIMIT }, async (request, reply) => {
    const user = await c.currentUser(request);
    if (user) return done(request, reply, { userId: user.id });
    const source = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
    // The pitch's button sends no address: ask for one.
    if (!('email' in source)) return html(reply, 200, remindEmailPage(await c.frame(request), {}));
    const { email } = fields(request.body, ['email']);
    const checked = checkAddress(email);
    if (checked.problem) return html(reply, 400, remindEmailPage(await c.frame(request), { email: checked.normalised.replace(/[\r\n]/gu, ' '), problem: checked.problem }));
    return done(request, reply, { email: checked.normalised });
  });
}
