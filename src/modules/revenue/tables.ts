import type { Generated } from 'kysely';

export type PaymentKind = 'one-time' | 'recurring';
export type PaymentStatus = 'paid' | 'refunded' | 'partially_refunded';

export interface RevenueTables {
  /** A person who gave: a reader's account, or an email address that joins an account later. */
  supporters: {
    id: Generated<number>;
    /** Null until the supporter has (or signs up for) an account; null again after erasure. */
    user_id: number | null;
    /** Lower-cased checkout address; null after erasure. */
    email: string | null;
    name: string | null;
    /** The latest Stripe customer seen for this supporter (Checkout may make a new one per payment). */
    stripe_customer_id: string | null;
    /**
     * Until when this supporter counts as active (epoch ms): a year after the latest one-time
     * payment, or far in the future while a subscription runs. Kept up to date by every event, so
     * "is this reader a supporter" is one indexed comparison on the hot page path.
     */
    active_until: number;
    created_at: number;
    anonymised_at: number | null;
  };
  support_payments: {
    id: Generated<number>;
    supporter_id: number;
    kind: PaymentKind;
    /** Minor units, as Stripe charged them. */
    amount: number;
    currency: string;
    /** The payment's own id at Stripe (payment intent, invoice or session): unique, so nothing is granted twice. */
    stripe_payment_id: string;
    stripe_payment_intent_id: string | null;
    stripe_session_id: string | null;
    stripe_invoice_id: string | null;
    stripe_subscription_id: string | null;
    status: PaymentStatus;
    amount_refunded: number;
    paid_at: number;
    /** Set before the receipt is handed to the mailer: a retried job never sends a second one. */
    receipt_sent_at: number | null;
  };
  support_subscriptions: {
    id: Generated<number>;
    stripe_subscription_id: string;
    supporter_id: number;
    /** Stripe's status: active, past_due, canceled … */
    status: string;
    amount: number | null;
    currency: string | null;
    stripe_customer_id: string | null;
    started_at: number;
    cancelled_at: number | null;
    /** `created` (seconds) of the newest event applied: older events never overwrite newer state. */
    last_event_created: number;
  };
  /** Every Stripe event processed, inserted in the same transaction as its effect: each counts once. */
  stripe_events: {
    id: string;
    type: string;
    created: number;
    processed_at: number;
  };
  /** "Remind me next month". */
  support_reminders: {
    id: Generated<number>;
    user_id: number | null;
    email: string | null;
    due_at: number;
    created_at: number;
    /** Set before the email goes out: a retried job never sends a second one. */
    sent_at: number | null;
    /** Set when the reader supported before the reminder was due. */
    cancelled_at: number | null;
  };
  /** Test mode (no STRIPE_SECRET_KEY): the checkout sessions Stripe would otherwise keep. */
  support_test_sessions: {
    id: string;
    mode: 'payment' | 'subscription';
    amount: number;
    currency: string;
    email: string | null;
    user_id: number | null;
    status: 'open' | 'complete';
    customer_id: string | null;
    subscription_id: string | null;
    created_at: number;
  };
}
