/**
 * Applies Stripe events: the one path by which money becomes support, for real webhooks and for
 * test mode alike. Each event is recorded in stripe_events in the same transaction as its effect,
 * inserted first: a duplicate or a replay finds its id taken and changes nothing. Events can also
 * arrive out of order, so a subscription keeps the `created` time of the newest event applied to
 * it and ignores older news, and a cancelled subscription is never brought back.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';
import type { JobQueue } from '../jobs/index.js';
import { addPayment, applySubscription } from './ledger.js';
import { cancelRemindersOf } from './reminders.js';
import { firstOf, idOf, int, isSupport, obj, path, str, type StripeEventLike } from './stripe-object.js';
import { refreshSupporter, resolveSupporter } from './supporters.js';

export type EventOutcome = 'applied' | 'duplicate' | 'ignored';

export interface EventProcessor {
  process(event: StripeEventLike): Promise<EventOutcome>;
}

type Trx = Transaction<Tables>;
/** What a handler did: changed something (and for whom), or found nothing of ours. */
type Effect = { supporterId: number } | 'ignored';

/** `supportersChanged`: told after an event changed someone's support (the badge's kept answers). */
export function createEventProcessor(deps: { db: Database; jobs: JobQueue; now: () => number; supportersChanged?: () => void }): EventProcessor {
  const handlers: Record<string, (trx: Trx, event: StripeEventLike) => Promise<Effect>> = {
    'checkout.session.completed': checkoutCompleted,
    'checkout.session.async_payment_succeeded': checkoutCompleted,
    'invoice.paid': invoicePaid,
    'customer.subscription.created': subscriptionChanged,
    'customer.subscription.updated': subscriptionChanged,
    'customer.subscription.deleted': subscriptionChanged,
    'charge.refunded': chargeRefunded,
  };

  async function checkoutCompleted(trx: Trx, event: StripeEventLike): Promise<Effect> {
    const session = event.data.object;
    if (!isSupport(session.metadata) || str(session, 'payment_status') !== 'paid') return 'ignored';
    const details = obj(session.customer_details);
    const reference = str(session, 'client_reference_id');
    const supporterId = await resolveSupporter(
      trx,
      {
        userId: reference && /^\d{1,12}$/u.test(reference) ? Number(reference) : null,
        email: str(details, 'email') ?? str(session, 'customer_email'),
        name: str(details, 'name'),
        customerId: idOf(session, 'customer'),
      },
      event.created * 1000,
    );
    const amount = int(session, 'amount_total');
    const currency = str(session, 'currency');
    if (str(session, 'mode') === 'subscription') {
      const subscriptionId = idOf(session, 'subscription');
      if (!subscriptionId) return 'ignored';
      await applySubscription(trx, { id: subscriptionId, supporterId, status: 'active', amount, currency, customerId: idOf(session, 'customer'), created: event.created, canceledAt: null }, deps.now());
      return { supporterId };
    }
    if (amount === null || !currency) return 'ignored';
    const intent = idOf(session, 'payment_intent');
    await addPayment(trx, {
      supporterId,
      kind: 'one-time',
      amount,
      currency,
      paymentId: intent ?? str(session, 'id') ?? event.id,
      intent,
      sessionId: str(session, 'id'),
      invoiceId: null,
      subscriptionId: null,
      paidAt: event.created * 1000,
    }, deps.jobs);
    return { supporterId };
  }

  async function invoicePaid(trx: Trx, event: StripeEventLike): Promise<Effect> {
    const invoice = event.data.object;
    const details = obj(path(invoice, 'parent', 'subscription_details')) ?? obj(invoice.subscription_details);
    const subscriptionId = idOf(invoice, 'subscription') ?? idOf(details, 'subscription');
    const invoiceId = str(invoice, 'id');
    const amount = int(invoice, 'amount_paid');
    const currency = str(invoice, 'currency');
    if (!subscriptionId || !invoiceId || amount === null || !currency) return 'ignored';
    const known = await trx.selectFrom('support_subscriptions').select('supporter_id').where('stripe_subscription_id', '=', subscriptionId).executeTakeFirst();
    if (!known && !isSupport(details?.metadata)) return 'ignored';
    const customerId = idOf(invoice, 'customer');
    const supporterId =
      known?.supporter_id ?? (await resolveSupporter(trx, { userId: null, email: str(invoice, 'customer_email'), name: str(invoice, 'customer_name'), customerId }, event.created * 1000));
    // invoice.paid may come first: the subscription is recorded without a status opinion (created 0).
    if (!known) await applySubscription(trx, { id: subscriptionId, supporterId, status: 'active', amount, currency, customerId, created: 0, canceledAt: null }, deps.now());
    const intent = idOf(invoice, 'payment_intent') ?? idOf(obj(path(firstOf(invoice, 'payments'), 'payment')), 'payment_intent');
    await addPayment(trx, { supporterId, kind: 'recurring', amount, currency, paymentId: invoiceId, intent, sessionId: null, invoiceId, subscriptionId, paidAt: event.created * 1000 }, deps.jobs);
    return { supporterId };
  }

  async function subscriptionChanged(trx: Trx, event: StripeEventLike): Promise<Effect> {
    const subscription = event.data.object;
    const id = str(subscription, 'id');
    const status = event.type === 'customer.subscription.deleted' ? 'canceled' : str(subscription, 'status');
    if (!id || !status) return 'ignored';
    const known = await trx.selectFrom('support_subscriptions').select('supporter_id').where('stripe_subscription_id', '=', id).executeTakeFirst();
    if (!known && !isSupport(subscription.metadata)) return 'ignored';
    const customerId = idOf(subscription, 'customer');
    const supporterId = known?.supporter_id ?? (await resolveSupporter(trx, { userId: null, email: null, name: null, customerId }, event.created * 1000));
    const price = obj(path(firstOf(subscription, 'items'), 'price'));
    const canceledAt = int(subscription, 'canceled_at') ?? int(subscription, 'ended_at');
    await applySubscription(trx, {
      id,
      supporterId,
      status,
      amount: int(price, 'unit_amount'),
      currency: str(price, 'currency') ?? str(subscription, 'currency'),
      customerId,
      created: event.created,
      canceledAt: canceledAt === null ? null : canceledAt * 1000,
    }, deps.now());
    return { supporterId };
  }

  async function chargeRefunded(trx: Trx, event: StripeEventLike): Promise<Effect> {
    const charge = event.data.object;
    const intent = idOf(charge, 'payment_intent');
    const invoice = idOf(charge, 'invoice');
    const refunded = int(charge, 'amount_refunded');
    if ((!intent && !invoice) || refunded === null) return 'ignored';
    let query = trx.selectFrom('support_payments').select(['id', 'supporter_id', 'amount', 'amount_refunded']);
    query = intent ? query.where('stripe_payment_intent_id', '=', intent) : query.where('stripe_invoice_id', '=', invoice);
    const payment = await query.executeTakeFirst();
    // Not one of ours (the account may sell other things), or refunded before we heard of it.
    if (!payment) return 'ignored';
    // amount_refunded only grows, so the larger figure is the newer one whatever the order.
    const total = Math.max(payment.amount_refunded, refunded);
    await trx
      .updateTable('support_payments')
      .set({ amount_refunded: total, status: total >= payment.amount ? 'refunded' : 'partially_refunded' })
      .where('id', '=', payment.id)
      .execute();
    return { supporterId: payment.supporter_id };
  }

  return {
    async process(event) {
      const handler = handlers[event.type];
      const outcome = await deps.db.kysely.transaction().execute(async (trx) => {
        const first = await trx
          .insertInto('stripe_events')
          .values({ id: event.id, type: event.type, created: event.created, processed_at: deps.now() })
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!first) return 'duplicate';
        if (!handler) return 'ignored';
        const effect = await handler(trx, event);
        if (effect === 'ignored') return 'ignored';
        const activeUntil = await refreshSupporter(trx, effect.supporterId);
        if (activeUntil > deps.now()) await cancelRemindersOf(trx, effect.supporterId, deps.now());
        return 'applied' as const;
      });
      // After the commit: a badge read in between would otherwise keep the old answer.
      if (outcome === 'applied') deps.supportersChanged?.();
      return outcome;
    },
  };
}

