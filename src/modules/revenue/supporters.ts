/**
 * Who gave: supporter records, how they find their reader account, and whether they count as
 * active. "Active" is kept as one number per supporter (active_until), recomputed whenever a
 * payment, refund or subscription change lands, so the questions asked on every page view are a
 * single indexed comparison.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';

export const YEAR_MS = 365 * 24 * 3600 * 1000;
/** active_until while a subscription runs: the year 9999. */
export const WHILE_SUBSCRIBED = 253_402_300_799_000;
/** Stripe statuses in which a subscription still counts as support. */
export const RUNNING_STATUSES = ['active', 'trialing', 'past_due'] as const;

type Db = Kysely<Tables> | Transaction<Tables>;

export interface SupporterIdentity {
  /** client_reference_id: the reader signed in at checkout. */
  userId: number | null;
  email: string | null;
  name: string | null;
  customerId: string | null;
}

/** The supporter record for a payment: the reader's, the customer's, or the address's; made if none. */
/** `now` is when the payment happened (the event's time): a new record's "supporter since". */
export async function resolveSupporter(db: Db, who: SupporterIdentity, now: number): Promise<number> {
  const email = who.email?.trim().toLowerCase() || null;
  let account = who.userId !== null ? await db.selectFrom('users').select(['id', 'email']).where('id', '=', who.userId).executeTakeFirst() : undefined;
  // A payment made signed out joins the account that already has its address.
  if (!account && email) account = await db.selectFrom('users').select(['id', 'email']).where('email', '=', email).where('email_verified_at', 'is not', null).executeTakeFirst();
  const userId = account?.id ?? null;
  // An address-only record is this person's only if the address is the account's (or there is no account).
  const emailIsTheirs = email !== null && (account === undefined || account.email === email);

  const byUser = userId !== null ? await db.selectFrom('supporters').select(['id', 'user_id', 'created_at']).where('user_id', '=', userId).executeTakeFirst() : undefined;
  const byCustomer = who.customerId ? await db.selectFrom('supporters').select(['id', 'user_id', 'created_at']).where('stripe_customer_id', '=', who.customerId).orderBy('id').executeTakeFirst() : undefined;
  const byEmail =
    !byUser && !byCustomer && email && emailIsTheirs ? await db.selectFrom('supporters').select(['id', 'user_id', 'created_at']).where('user_id', 'is', null).where('email', '=', email).orderBy('id').executeTakeFirst() : undefined;

  // invoice.paid may have made a customer's record before checkout.session.completed named the reader.
  if (byUser && byCustomer && byUser.id !== byCustomer.id && byCustomer.user_id === null) await mergeSupporters(db, byUser.id, byCustomer.id);
  const target = byUser ?? byCustomer ?? byEmail;
  if (!target) {
    const row = await db
      .insertInto('supporters')
      .values({ user_id: userId, email, name: who.name?.slice(0, 300) ?? null, stripe_customer_id: who.customerId, active_until: 0, created_at: now, anonymised_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  await db
    .updateTable('supporters')
    .set((eb) => ({
      user_id: target.user_id ?? userId,
      email: email ?? eb.ref('email'),
      name: who.name ? who.name.slice(0, 300) : eb.ref('name'),
      stripe_customer_id: who.customerId ?? eb.ref('stripe_customer_id'),
      // Events arrive out of order: "supporter since" is the earliest payment seen.
      created_at: Math.min(target.created_at, now),
    }))
    .where('id', '=', target.id)
    .execute();
  return target.id;
}

/** Moves everything of `dropId` onto `keepId` and removes the empty record. */
export async function mergeSupporters(db: Db, keepId: number, dropId: number): Promise<void> {
  await db.updateTable('support_payments').set({ supporter_id: keepId }).where('supporter_id', '=', dropId).execute();
  await db.updateTable('support_subscriptions').set({ supporter_id: keepId }).where('supporter_id', '=', dropId).execute();
  const rows = await db.selectFrom('supporters').select(['id', 'created_at']).where('id', 'in', [keepId, dropId]).execute();
  await db.deleteFrom('supporters').where('id', '=', dropId).execute();
  // The earlier record's start date is when this person first supported.
  const first = Math.min(...rows.map((row) => row.created_at));
  if (rows.length === 2) await db.updateTable('supporters').set({ created_at: first }).where('id', '=', keepId).execute();
}

/** Recomputes active_until from the payments and subscriptions; returns it. */
export async function refreshSupporter(db: Db, supporterId: number): Promise<number> {
  const running = await db
    .selectFrom('support_subscriptions')
    .select('id')
    .where('supporter_id', '=', supporterId)
    .where('status', 'in', [...RUNNING_STATUSES])
    .executeTakeFirst();
  let activeUntil = WHILE_SUBSCRIBED;
  if (!running) {
    const latest = await db
      .selectFrom('support_payments')
      .select((eb) => eb.fn.max('paid_at').as('at'))
      .where('supporter_id', '=', supporterId)
      .where('kind', '=', 'one-time')
      .where('status', '!=', 'refunded')
      .executeTakeFirst();
    activeUntil = latest?.at ? Number(latest.at) + YEAR_MS : 0;
  }
  await db.updateTable('supporters').set({ active_until: activeUntil }).where('id', '=', supporterId).execute();
  return activeUntil;
}

/** The active supporters among these users (for the "Supporter" badge beside comments). */
export async function supporterUserIds(db: Database, userIds: readonly number[], now: number = Date.now()): Promise<Set<number>> {
  const until = await supportedUntil(db, userIds, now);
  return new Set([...until.keys()]);
}

/** Until when each of these users supports the publication (only those who do at `now`). */
async function supportedUntil(db: Database, userIds: readonly number[], now: number): Promise<Map<number, number>> {
  const ids = [...new Set(userIds.filter((id) => Number.isSafeInteger(id)))];
  if (ids.length === 0) return new Map();
  const k = db.kysely;
  // One round trip (it is on every comment thread): supporters linked to the accounts, and someone
  // who gave signed out, with the address their account has, before the account was linked.
  const rows = await k
    .selectFrom('supporters')
    .select(['user_id', 'active_until'])
    .where('user_id', 'in', ids)
    .where('active_until', '>', now)
    .unionAll(
      k
        .selectFrom('users')
        .innerJoin('supporters', (join) => join.onRef('supporters.email', '=', 'users.email').on('supporters.user_id', 'is', null))
        .select(['users.id as user_id', 'supporters.active_until'])
        .where('users.id', 'in', ids)
        .where('users.email_verified_at', 'is not', null)
        .where('supporters.active_until', '>', now),
    )
    .execute();
  const until = new Map<number, number>();
  for (const row of rows) if (row.user_id !== null) until.set(row.user_id, Math.max(until.get(row.user_id) ?? 0, Number(row.active_until)));
  return until;
}

export interface SupporterBadges {
  /** Of these readers, the ones who support the publication now. */
  lookup(userIds: readonly number[]): Promise<ReadonlySet<number>>;
  /** Drops every kept answer (this instance changed who supports). */
  forget(): void;
}

/** Beyond this many readers, the kept answers start over (a bound, not an eviction policy). */
const MAX_KEPT = 50_000;

/**
 * The Supporter badge's answers, kept for a while per reader. The badge is asked for on every page
 * of comments read from the database (each new comment purges the cached page), while who
 * supports changes rarely. A kept answer carries the time the support runs until, so a lapse shows
 * on time; this instance's payment events drop every kept answer at once, and other instances'
 * (or an address confirmed that matches a signed-out gift) show within `keepMs`.
 */
export function createSupporterBadges(db: Database, now: () => number, keepMs = 60_000): SupporterBadges {
  const known = new Map<number, { until: number; at: number }>();
  const fresh = (id: number, at: number) => {
    const entry = known.get(id);
    return entry !== undefined && at >= entry.at && at - entry.at < keepMs;
  };
  return {
    async lookup(userIds) {
      const at = now();
      const missing = [...new Set(userIds.filter((id) => !fresh(id, at)))];
      if (missing.length > 0) {
        const until = await supportedUntil(db, missing, at);
        if (known.size + missing.length > MAX_KEPT) known.clear();
        for (const id of missing) known.set(id, { until: until.get(id) ?? 0, at });
      }
      return new Set(userIds.filter((id) => (known.get(id)?.until ?? 0) > at));
    },
    forget: () => known.clear(),
  };
}

export interface VisitorFacts {
  supporter: boolean;
  /** A reminder is pending until then (epoch ms), or null. */
  remindAt: number | null;
}

/**
 * What pages need to know about a signed-in reader, in one round trip of indexed look-ups. A
 * supporter record with the reader's address but no account yet is linked to the account here.
 */
export async function visitorFacts(db: Database, user: { id: number; email: string; emailVerifiedAt: number | null }, now: number): Promise<VisitorFacts> {
  const k = db.kysely;
  // Only an address the reader has proven is theirs claims what was given from it.
  const claimable = user.emailVerifiedAt !== null ? user.email : '';
  const row = await k
    .selectNoFrom((eb) => [
      eb.selectFrom('supporters').select((s) => s.fn.max('active_until').as('v')).where('user_id', '=', user.id).as('active_until'),
      eb.selectFrom('supporters').select('id').where('user_id', 'is', null).where('email', '=', claimable).limit(1).as('unlinked'),
      eb
        .selectFrom('support_reminders')
        .select((s) => s.fn.max('due_at').as('v'))
        .where('user_id', '=', user.id)
        .where('due_at', '>', now)
        .where('sent_at', 'is', null)
        .where('cancelled_at', 'is', null)
        .as('remind_at'),
    ])
    .executeTakeFirst();
  let activeUntil = row?.active_until === null || row?.active_until === undefined ? 0 : Number(row.active_until);
  if (row?.unlinked !== null && row?.unlinked !== undefined) activeUntil = Math.max(activeUntil, await linkToAccount(db, Number(row.unlinked), user.id));
  return { supporter: activeUntil > now, remindAt: row?.remind_at === null || row?.remind_at === undefined ? null : Number(row.remind_at) };
}

/** Joins an address-only supporter record to the account that signed in with that address. */
async function linkToAccount(db: Database, supporterId: number, userId: number): Promise<number> {
  return db.kysely.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('supporters').select('id').where('user_id', '=', userId).executeTakeFirst();
    if (existing) await mergeSupporters(trx, existing.id, supporterId);
    else await trx.updateTable('supporters').set({ user_id: userId }).where('id', '=', supporterId).where('user_id', 'is', null).execute();
    return refreshSupporter(trx, existing?.id ?? supporterId);
  });
}

/** The supporter record of a signed-in reader, if any. */
export async function supporterOfUser(db: Database, userId: number) {
  return db.kysely.selectFrom('supporters').selectAll().where('user_id', '=', userId).executeTakeFirst();
}
