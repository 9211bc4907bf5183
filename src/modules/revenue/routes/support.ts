/**
 * /support, POST /support/checkout and /support/thanks. The checkout takes the amount the reader
 * chose, validates it on the server, and only that validated amount reaches the provider.
 */
import type { FastifyInstance } from 'fastify';
import { updatePrefs } from '../../site/visitor.js';
import { parseAmount } from '../amount.js';
import { GatewayError } from '../gateway.js';
import { supporterOfUser } from '../supporters.js';
import { notPaidPage, thanksPage } from '../views/pages.js';
import { supportPage, type SupportForm } from '../views/support-page.js';
import { fields, FORM_RATE_LIMIT, html, queryValue, seeOther, type SupportRouteContext } from './context.js';

const NOTICES: Record<string, string> = {
  cancelled: 'Your payment was cancelled. Nothing was charged.',
};

export function registerSupportRoutes(app: FastifyInstance, c: SupportRouteContext): void {
  app.get('/support', async (request, reply) => {
    const user = await c.currentUser(request);
    const supporter = user ? await supporterOfUser(c.db, user.id) : undefined;
    const notice = NOTICES[queryValue(request, 'cancelled') === '1' ? 'cancelled' : ''] ?? null;
    return html(reply, 200, supportPage(await c.frame(request), { notice, canManage: Boolean(supporter?.stripe_customer_id) }));
  });

  app.post('/support/checkout', { config: FORM_RATE_LIMIT }, async (request, reply) => {
    const input = fields(request.body, ['frequency', 'amount', 'custom_amount', 'currency']);
    const form: SupportForm = { frequency: input.frequency, amount: input.amount, customAmount: input.custom_amount.trim() };
    const refuse = async (problem: string) => html(reply, 400, supportPage(await c.frame(request), { form, problem }));

    const { support, name } = c.settings.get();
    if (input.frequency !== 'once' && input.frequency !== 'monthly') return refuse('Choose one time or monthly.');
    if (input.currency !== '' && input.currency.trim().toLowerCase() !== support.currency) {
      return refuse(`Support is taken in ${support.currency.toUpperCase()} only; "${input.currency.slice(0, 10)}" is not accepted.`);
    }
    const typed = form.customAmount !== '' || input.amount === 'custom' ? form.customAmount : input.amount;
    const amount = parseAmount(typed, support);
    if (!amount.ok) return refuse(amount.problem);

    const user = await c.currentUser(request);
    try {
      const session = await c.gateway.createCheckout({
        mode: input.frequency === 'monthly' ? 'subscription' : 'payment',
        amount: amount.minor,
        currency: support.currency,
        productName: input.frequency === 'monthly' ? `Monthly support for ${name}` : `Support for ${name}`,
        email: user?.email ?? null,
        userId: user?.id ?? null,
        successUrl: `${c.publicUrl}/support/thanks?session_id={CHECKOUT_SESSION_ID}`,
        cancelUrl: `${c.publicUrl}/support?cancelled=1`,
      });
      return seeOther(reply, session.url);
    } catch (error) {
      if (error instanceof GatewayError) return html(reply, 502, supportPage(await c.frame(request), { form, problem: error.message }));
      throw error;
    }
  });

  app.get('/support/thanks', async (request, reply) => {
    const id = queryValue(request, 'session_id');
    const session = id ? await c.gateway.retrieveCheckout(id).catch((error: unknown) => (error instanceof GatewayError ? null : Promise.reject(error))) : null;
    if (!session?.paid) return html(reply, 402, notPaidPage(await c.frame(request)));
    // The browser remembers; the account (when there is one) learns it from the webhook.
    updatePrefs(request, reply, { supporter: true });
    return html(reply, 200, thanksPage(await c.frame(request), { amount: session.amount, currency: session.currency, monthly: session.mode === 'subscription' }));
  });
}
