/**
 * Test mode: Stripe's part played locally, so a publication without keys (the demo, a developer's
 * laptop) runs the whole support flow. Sessions live in support_test_sessions; "paying" on the
 * local checkout page builds the events Stripe would send and hands them to the same event
 * processor as real webhooks, so test mode exercises the real path. No money moves.
 */
import crypto from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { EventProcessor } from './events.js';
import type { CheckoutSummary, PaymentGateway } from './gateway.js';
import type { StripeEventLike, StripeObject } from './stripe-object.js';

export const TEST_SESSION_PREFIX = 'cs_test_local_';
const newId = (prefix: string) => `${prefix}${crypto.randomBytes(12).toString('hex')}`;

export interface TestSession {
  id: string;
  mode: 'payment' | 'subscription';
  amount: number;
  currency: string;
  email: string | null;
  userId: number | null;
  status: 'open' | 'complete';
}

export interface TestStripe extends PaymentGateway {
  session(id: string): Promise<TestSession | null>;
  /** Completes a session as Stripe would after a successful payment; false if it was not open. */
  pay(id: string, payer: { email: string; name: string | null }): Promise<boolean>;
  /** Cancels a subscription as the billing portal would. */
  cancelSubscription(subscriptionId: string): Promise<void>;
}

export function testGateway(deps: { db: Database; publicUrl: string; now: () => number; events: EventProcessor }): TestStripe {
  const k = deps.db.kysely;
  const seconds = () => Math.floor(deps.now() / 1000);
  const event = (type: string, object: StripeObject, created = seconds()): StripeEventLike => ({ id: newId('evt_test_local_'), type, created, data: { object } });

  async function session(id: string): Promise<TestSession | null> {
    if (!id.startsWith(TEST_SESSION_PREFIX)) return null;
    const row = await k.selectFrom('support_test_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? { id: row.id, mode: row.mode, amount: row.amount, currency: row.currency, email: row.email, userId: row.user_id, status: row.status } : null;
  }

  return {
    testMode: true,
    session,

    async createCheckout(request) {
      const id = newId(TEST_SESSION_PREFIX);
      await k
        .insertInto('support_test_sessions')
        .values({ id, mode: request.mode, amount: request.amount, currency: request.currency, email: request.email, user_id: request.userId, status: 'open', customer_id: null, subscription_id: null, created_at: deps.now() })
        .execute();
      return { id, url: `${deps.publicUrl}/support/test-checkout/${id}` };
    },

    async retrieveCheckout(id): Promise<CheckoutSummary | null> {
      const found = await session(id);
      return found ? { id: found.id, paid: found.status === 'complete', mode: found.mode, amount: found.amount, currency: found.currency } : null;
    },

    async createPortal(customerId) {
      return `${deps.publicUrl}/support/test-portal?customer=${encodeURIComponent(customerId)}`;
    },

    async pay(id, payer) {
      const found = await session(id);
      if (!found || found.status !== 'open') return false;
      const customer = newId('cus_test_local_');
      const subscription = found.mode === 'subscription' ? newId('sub_test_local_') : null;
      const claimed = await k
        .updateTable('support_test_sessions')
        .set({ status: 'complete', email: payer.email, customer_id: customer, subscription_id: subscription })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      const metadata = { kind: 'support', ...(found.userId !== null ? { user_id: String(found.userId) } : {}) };
      await deps.events.process(
        event('checkout.session.completed', {
          id,
          object: 'checkout.session',
          mode: found.mode,
          status: 'complete',
          payment_status: 'paid',
          amount_total: found.amount,
          currency: found.currency,
          customer,
          customer_email: found.email,
          customer_details: { email: payer.email, name: payer.name },
          client_reference_id: found.userId !== null ? String(found.userId) : null,
          payment_intent: subscription ? null : newId('pi_test_local_'),
          subscription,
          metadata,
        }),
      );
      if (subscription) {
        await deps.events.process(
          event('invoice.paid', {
            id: newId('in_test_local_'),
            object: 'invoice',
            customer,
            customer_email: payer.email,
            customer_name: payer.name,
            amount_paid: found.amount,
            currency: found.currency,
            status: 'paid',
            parent: { type: 'subscription_details', subscription_details: { subscription, metadata } },
          }),
        );
      }
      return true;
    },

    async cancelSubscription(subscriptionId) {
      await deps.events.process(event('customer.subscription.deleted', { id: subscriptionId, object: 'subscription', status: 'canceled', canceled_at: seconds(), metadata: { kind: 'support' } }));
    },
  };
}
