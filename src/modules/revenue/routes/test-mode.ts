/**
 * Test mode's stand-ins for Stripe: the checkout page (pay or cancel) and the billing portal
 * (cancel monthly support). They exist only without STRIPE_SECRET_KEY; with keys they are 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkAddress } from '../../email/address.js';
import { supporterOfUser } from '../supporters.js';
import type { TestStripe } from '../test-gateway.js';
import { testCheckoutPage, testPortalPage } from '../views/test-mode.js';
import { fields, FORM_RATE_LIMIT, html, queryValue, seeOther, SIGN_IN_TO_SUPPORT, type SupportRouteContext } from './context.js';

export function registerTestModeRoutes(app: FastifyInstance, c: SupportRouteContext, test: TestStripe): void {
  const sessionOf = async (request: FastifyRequest) => test.session((request.params as { id: string }).id);

  app.get('/support/test-checkout/:id', async (request, reply) => {
    const session = await sessionOf(request);
    if (!session) return reply.callNotFound();
    return html(reply, 200, testCheckoutPage(await c.frame(request), session));
  });

  app.post('/support/test-checkout/:id/pay', { config: FORM_RATE_LIMIT }, async (request, reply) => {
    const session = await sessionOf(request);
    if (!session) return reply.callNotFound();
    const input = fields(request.body, ['email', 'name']);
    const checked = checkAddress(input.email);
    const name = input.name.replace(/[\u0000-\u001f\u007f]/gu, ' ').trim().slice(0, 200);
    if (checked.problem) return html(reply, 400, testCheckoutPage(await c.frame(request), session, { email: checked.normalised.replace(/[\r\n]/gu, ' '), name, problem: checked.problem }));
    await test.pay(session.id, { email: checked.normalised, name: name || null });
    return seeOther(reply, `/support/thanks?session_id=${encodeURIComponent(session.id)}`);
  });

  async function portal(request: FastifyRequest, reply: FastifyReply, notice: string | null) {
    const user = await c.currentUser(request);
    if (!user) return seeOther(reply, SIGN_IN_TO_SUPPORT);
    const supporter = await supporterOfUser(c.db, user.id);
    const subscriptions = supporter
      ? await c.db.kysely
          .selectFrom('support_subscriptions')
          .select(['stripe_subscription_id as id', 'amount', 'currency', 'status'])
          .where('supporter_id', '=', supporter.id)
          .where('cancelled_at', 'is', null)
          .execute()
      : [];
    return html(reply, 200, testPortalPage(await c.frame(request), subscriptions, notice));
  }

  app.get('/support/test-portal', async (request, reply) => portal(request, reply, queryValue(request, 'notice') === 'cancelled' ? 'Your monthly support is cancelled.' : null));

  app.post('/support/test-portal/cancel', async (request, reply) => {
    const user = await c.currentUser(request);
    if (!user) return seeOther(reply, SIGN_IN_TO_SUPPORT);
    const { subscription } = fields(request.body, ['subscription']);
    const supporter = await supporterOfUser(c.db, user.id);
    // Only the reader's own subscription: another's id is simply not found.
    const own = supporter
      ? await c.db.kysely.selectFrom('support_subscriptions').select('id').where('stripe_subscription_id', '=', subscription).where('supporter_id', '=', supporter.id).executeTakeFirst()
      : undefined;
    if (!own) return html(reply, 404, testPortalPage(await c.frame(request), [], 'There is no such monthly support on your account.'));
    await test.cancelSubscription(subscription);
    return seeOther(reply, '/support/test-portal?notice=cancelled');
  });
}
