/**
 * The revenue admin's figures: per month (in the publication's time zone) the one-time and
 * recurring money received net of refunds, new supporters and cancelled monthly supporters; and
 * the latest payments. Twelve months of payments are summed here rather than in SQL because
 * month boundaries in a time zone are not expressible alike in SQLite and PostgreSQL.
 */
import type { Database } from '../../db/database.js';
import { RUNNING_STATUSES } from './supporters.js';

export interface MonthRow {
  /** "2026-11" */
  month: string;
  oneTime: number;
  recurring: number;
  newSupporters: number;
  cancelled: number;
}

export interface RecentPayment {
  paidAt: number;
  kind: 'one-time' | 'recurring';
  amount: number;
  refunded: number;
  currency: string;
  status: string;
  who: string;
  stripeId: string;
}

export interface RevenueReport {
  currency: string;
  months: MonthRow[];
  recent: RecentPayment[];
  activeSupporters: number;
  /** Sum of running monthly subscriptions in the publication's currency. */
  monthlyRecurring: number;
  /** Payments in other currencies than the setting, left out of the totals. */
  otherCurrencyPayments: number;
}

const MONTHS = 12;

export function monthKey(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(ms);
  return `${parts.find((p) => p.type === 'year')?.value ?? '0000'}-${parts.find((p) => p.type === 'month')?.value ?? '00'}`;
}

/** The last `count` month keys ending with the current one, oldest first. */
export function lastMonths(now: number, timeZone: string, count = MONTHS): string[] {
  const [year = 0, month = 1] = monthKey(now, timeZone).split('-').map(Number);
  const keys: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (month - 1) - i;
    keys.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return keys;
}

export async function revenueReport(db: Database, options: { now: number; timeZone: string; currency: string }): Promise<RevenueReport> {
  const k = db.kysely;
  const keys = lastMonths(options.now, options.timeZone);
  const rows = new Map<string, MonthRow>(keys.map((month) => [month, { month, oneTime: 0, recurring: 0, newSupporters: 0, cancelled: 0 }]));
  // A day of slack either side of the window covers any time zone; keys outside are skipped.
  const since = options.now - (MONTHS * 31 + 1) * 24 * 3600 * 1000;
  const row = (ms: number) => rows.get(monthKey(ms, options.timeZone));

  const payments = await k.selectFrom('support_payments').select(['paid_at', 'kind', 'amount', 'amount_refunded', 'currency']).where('paid_at', '>=', since).execute();
  let otherCurrencyPayments = 0;
  for (const p of payments) {
    const target = row(p.paid_at);
    if (!target) continue;
    if (p.currency !== options.currency) {
      otherCurrencyPayments += 1;
      continue;
    }
    const net = Number(p.amount) - Number(p.amount_refunded);
    if (p.kind === 'recurring') target.recurring += net;
    else target.oneTime += net;
  }
  for (const s of await k.selectFrom('supporters').select('created_at').where('created_at', '>=', since).execute()) {
    const target = row(s.created_at);
    if (target) target.newSupporters += 1;
  }
  for (const s of await k.selectFrom('support_subscriptions').select('cancelled_at').where('cancelled_at', '>=', since).execute()) {
    const target = s.cancelled_at === null ? undefined : row(s.cancelled_at);
    if (target) target.cancelled += 1;
  }

  const recent = await k
    .selectFrom('support_payments')
    .innerJoin('supporters', 'supporters.id', 'support_payments.supporter_id')
    .leftJoin('users', 'users.id', 'supporters.user_id')
    .select(['paid_at', 'kind', 'amount', 'amount_refunded', 'currency', 'status', 'stripe_payment_id', 'supporters.email as email', 'supporters.name as name', 'users.email as userEmail'])
    .orderBy('paid_at', 'desc')
    .orderBy('support_payments.id', 'desc')
    .limit(25)
    .execute();
  const active = await k.selectFrom('supporters').select((eb) => eb.fn.countAll<number>().as('n')).where('active_until', '>', options.now).executeTakeFirst();
  const mrr = await k
    .selectFrom('support_subscriptions')
    .select((eb) => eb.fn.sum<number>('amount').as('total'))
    .where('status', 'in', [...RUNNING_STATUSES])
    .where('currency', '=', options.currency)
    .executeTakeFirst();

  return {
    currency: options.currency,
    months: keys.map((key) => rows.get(key) as MonthRow),
    recent: recent.map((p) => ({
      paidAt: p.paid_at,
      kind: p.kind,
      amount: Number(p.amount),
      refunded: Number(p.amount_refunded),
      currency: p.currency,
      status: p.status,
      who: p.name ? `${p.name} <${p.email ?? p.userEmail ?? ''}>` : (p.email ?? p.userEmail ?? 'Former supporter (erased)'),
      stripeId: p.stripe_payment_id,
    })),
    activeSupporters: Number(active?.n ?? 0),
    monthlyRecurring: Number(mrr?.total ?? 0),
    otherCurrencyPayments,
  };
}
