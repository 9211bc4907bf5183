/**
 * The two records events write: subscriptions, whose state only moves forward in event time and
 * never back from cancelled; and payments, each stored once by its Stripe id with its receipt
 * queued in the same transaction.
 */
import type { Transaction } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { JobQueue } from '../jobs/index.js';
import { RECEIPT_JOB } from './receipts.js';
import type { PaymentKind } from './tables.js';

type Trx = Transaction<Tables>;

export interface SubscriptionState {
  id: string;
  supporterId: number;
  status: string;
  amount: number | null;
  currency: string | null;
  customerId: string | null;
  /** Event time in seconds; 0 for a source that says nothing about status. */
  created: number;
  canceledAt: number | null;
}

export async function applySubscription(trx: Trx, state: SubscriptionState, now: number): Promise<void> {
  const at = state.created > 0 ? state.created * 1000 : now;
  const existing = await trx.selectFrom('support_subscriptions').selectAll().where('stripe_subscription_id', '=', state.id).executeTakeFirst();
  const cancelled = state.status === 'canceled' || state.status === 'incomplete_expired';
  if (!existing) {
    await trx
      .insertInto('support_subscriptions')
      .values({
        stripe_subscription_id: state.id,
        supporter_id: state.supporterId,
        status: state.status,
        amount: state.amount,
        currency: state.currency,
        stripe_customer_id: state.customerId,
        started_at: at,
        cancelled_at: cancelled ? (state.canceledAt ?? at) : null,
        last_event_created: state.created,
      })
      .execute();
    return;
  }
  // Older news than what was applied, or an attempt to revive a cancelled subscription: ignored.
  const stale = state.created < existing.last_event_created || (existing.cancelled_at !== null && !cancelled) || state.created === 0;
  await trx
    .updateTable('support_subscriptions')
    .set({
      supporter_id: existing.supporter_id,
      amount: existing.amount ?? state.amount,
      currency: existing.currency ?? state.currency,
      stripe_customer_id: existing.stripe_customer_id ?? state.customerId,
      ...(stale
        ? {}
        : {
            status: state.status,
            last_event_created: state.created,
            ...(state.amount !== null ? { amount: state.amount } : {}),
            cancelled_at: cancelled ? (existing.cancelled_at ?? state.canceledAt ?? at) : null,
          }),
    })
    .where('id', '=', existing.id)
    .execute();
}

export interface NewPayment {
  supporterId: number;
  kind: PaymentKind;
  amount: number;
  currency: string;
  paymentId: string;
  intent: string | null;
  sessionId: string | null;
  invoiceId: string | null;
  subscriptionId: string | null;
  paidAt: number;
}

/** Records a payment once (its Stripe id is unique) and queues its receipt in the same transaction. */
export async function addPayment(trx: Trx, p: NewPayment, jobs: JobQueue): Promise<void> {
  const row = await trx
    .insertInto('support_payments')
    .values({
      supporter_id: p.supporterId,
      kind: p.kind,
      amount: p.amount,
      currency: p.currency,
      stripe_payment_id: p.paymentId,
      stripe_payment_intent_id: p.intent,
      stripe_session_id: p.sessionId,
      stripe_invoice_id: p.invoiceId,
      stripe_subscription_id: p.subscriptionId,
      status: 'paid',
      amount_refunded: 0,
      paid_at: p.paidAt,
      receipt_sent_at: null,
    })
    .onConflict((oc) => oc.column('stripe_payment_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) await jobs.enqueue(RECEIPT_JOB, { paymentId: row.id }, { within: trx });
}
