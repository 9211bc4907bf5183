/**
 * POST /support/manage: a signed-in supporter goes to the billing portal (Stripe's, or in test
 * mode the local stand-in) to change or cancel monthly support.
 */
import type { FastifyInstance } from 'fastify';
import { GatewayError } from '../gateway.js';
import { RUNNING_STATUSES, supporterOfUser } from '../supporters.js';
import { nothingToManagePage } from '../views/pages.js';
import { supportPage } from '../views/support-page.js';
import { html, seeOther, SIGN_IN_TO_SUPPORT, type SupportRouteContext } from './context.js';

export function registerManageRoutes(app: FastifyInstance, c: SupportRouteContext): void {
  app.post('/support/manage', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
    const user = await c.currentUser(request);
    if (!user) return seeOther(reply, SIGN_IN_TO_SUPPORT);
    const customer = await customerOf(c, user.id);
    if (!customer) return html(reply, 404, nothingToManagePage(await c.frame(request)));
    try {
      return seeOther(reply, await c.gateway.createPortal(customer, `${c.publicUrl}/support`));
    } catch (error) {
      if (error instanceof GatewayError) return html(reply, 502, supportPage(await c.frame(request), { problem: error.message, canManage: true }));
      throw error;
    }
  });
}

/** The Stripe customer to manage: the one paying a running subscription, else the latest seen. */
async function customerOf(c: SupportRouteContext, userId: number): Promise<string | null> {
  const supporter = await supporterOfUser(c.db, userId);
  if (!supporter) return null;
  const running = await c.db.kysely
    .selectFrom('support_subscriptions')
    .select('stripe_customer_id')
    .where('supporter_id', '=', supporter.id)
    .where('status', 'in', [...RUNNING_STATUSES])
    .where('stripe_customer_id', 'is not', null)
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
  return running?.stripe_customer_id ?? supporter.stripe_customer_id;
}
