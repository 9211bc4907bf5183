/** The email receipt for each payment, sent from the job queue once the payment is committed. */
import { formatMoney } from './amount.js';
import type { RemindersDeps } from './reminders.js';

export const RECEIPT_JOB = 'support.receipt';

/** What sending a receipt needs: the same as a reminder. */
export type ReceiptDeps = RemindersDeps;

export function defineReceiptJob(deps: ReceiptDeps): void {
  deps.jobs.define<{ paymentId: number }>(RECEIPT_JOB, async ({ paymentId }) => {
    const k = deps.db.kysely;
    const payment = await k
      .selectFrom('support_payments')
      .innerJoin('supporters', 'supporters.id', 'support_payments.supporter_id')
      .leftJoin('users', 'users.id', 'supporters.user_id')
      .select(['support_payments.id', 'kind', 'amount', 'currency', 'paid_at', 'stripe_payment_id', 'receipt_sent_at', 'supporters.email as supporterEmail', 'users.email as userEmail', 'supporters.name'])
      .where('support_payments.id', '=', paymentId)
      .executeTakeFirst();
    const to = payment?.supporterEmail ?? payment?.userEmail;
    if (!payment || payment.receipt_sent_at !== null || !to) return;
    // Marked first: should the job be retried after the hand-over, the reader still gets one receipt.
    const marked = await k.updateTable('support_payments').set({ receipt_sent_at: deps.now() }).where('id', '=', paymentId).where('receipt_sent_at', 'is', null).executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) return;
    const { name, locale, timeZone } = deps.settings.get();
    const amount = formatMoney(payment.amount, payment.currency, locale);
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(payment.paid_at);
    const what = payment.kind === 'recurring' ? 'your monthly support' : 'your support';
    await deps.email.send({
      to,
      subject: `Your receipt: ${amount} to ${name}`,
      text: [
        payment.name ? `Dear ${payment.name},` : 'Hello,',
        '',
        `Thank you for ${what} of ${name}. This is your receipt.`,
        '',
        `Amount: ${amount}`,
        `Date: ${date}`,
        `Kind: ${payment.kind === 'recurring' ? 'Monthly' : 'One-time'}`,
        `Reference: ${payment.stripe_payment_id}`,
        '',
        payment.kind === 'recurring' ? `To change or cancel your monthly support, sign in and visit ${deps.publicUrl}/support` : `Read more: ${deps.publicUrl}/`,
        '',
        `— ${name}`,
      ].join('\n'),
      category: 'support.receipt',
    });
  });
}
