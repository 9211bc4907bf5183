/**
 * Reader support's part of data export and account erasure. Payment records must be kept for tax
 * law, so erasure anonymises them: amount, date and Stripe ids stay; address, name and the link to
 * the account go. Reminders are simply deleted.
 */
import type { Database } from '../../db/database.js';
import type { DataSubject, PersonalDataSource } from '../privacy/personal-data.js';
import { reminderKey } from './reminders.js';

/** `cancelJob` (jobs.cancel) drops the erased reminders' pending jobs; `now` is the clock. */
export function revenuePersonalData(db: Database, options: { cancelJob?: (key: string) => Promise<unknown>; now?: () => number } = {}): PersonalDataSource {
  const k = db.kysely;
  const supportersOf = (subject: DataSubject) =>
    k
      .selectFrom('supporters')
      .selectAll()
      .where((eb) => eb.or([eb('user_id', '=', subject.userId), eb('email', '=', subject.email.toLowerCase())]))
      .orderBy('id')
      .execute();
  const remindersOf = (subject: DataSubject) =>
    k
      .selectFrom('support_reminders')
      .selectAll()
      .where((eb) => eb.or([eb('user_id', '=', subject.userId), eb('email', '=', subject.email.toLowerCase())]))
      .orderBy('id')
      .execute();

  return {
    name: 'supportPayments',

    async export(subject) {
      const supporters = await supportersOf(subject);
      const ids = supporters.map((s) => s.id);
      const payments = ids.length ? await k.selectFrom('support_payments').selectAll().where('supporter_id', 'in', ids).orderBy('paid_at').execute() : [];
      const subscriptions = ids.length ? await k.selectFrom('support_subscriptions').selectAll().where('supporter_id', 'in', ids).orderBy('started_at').execute() : [];
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      return {
        supporters: supporters.map((s) => ({ email: s.email, name: s.name, stripeCustomerId: s.stripe_customer_id, since: iso(s.created_at), activeUntil: s.active_until > 0 ? iso(Math.min(s.active_until, 8.64e15)) : null })),
        payments: payments.map((p) => ({
          kind: p.kind,
          amount: Number(p.amount),
          currency: p.currency,
          status: p.status,
          amountRefunded: Number(p.amount_refunded),
          paidAt: iso(p.paid_at),
          stripePaymentId: p.stripe_payment_id,
        })),
        subscriptions: subscriptions.map((s) => ({ stripeSubscriptionId: s.stripe_subscription_id, status: s.status, amount: s.amount, currency: s.currency, startedAt: iso(s.started_at), cancelledAt: iso(s.cancelled_at) })),
        reminders: (await remindersOf(subject)).map((r) => ({ dueAt: iso(r.due_at), sentAt: iso(r.sent_at), cancelledAt: iso(r.cancelled_at), email: r.email })),
      };
    },

    async erase(subject) {
      const email = subject.email.toLowerCase();
      const reminders = await remindersOf(subject);
      for (const reminder of reminders) await options.cancelJob?.(reminderKey(reminder.id));
      await k.transaction().execute(async (trx) => {
        if (reminders.length) await trx.deleteFrom('support_reminders').where('id', 'in', reminders.map((r) => r.id)).execute();
        await trx
          .updateTable('supporters')
          .set({ user_id: null, email: null, name: null, anonymised_at: (options.now ?? Date.now)() })
          .where((eb) => eb.or([eb('user_id', '=', subject.userId), eb('email', '=', email)]))
          .execute();
        await trx
          .updateTable('support_test_sessions')
          .set({ user_id: null, email: null })
          .where((eb) => eb.or([eb('user_id', '=', subject.userId), eb('email', '=', email)]))
          .execute();
      });
    },
  };
}
