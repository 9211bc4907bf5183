/**
 * Subscribing with double opt-in, and a subscriber's own changes through their emailed links.
 *
 * A sign-up never says what it found: a new address, a pending one and a subscribed one all get
 * the same answer, and only the mailbox learns more (a confirmation link, or a note that it is
 * already subscribed with a link to manage its lists). Subscriptions become active only through
 * the confirmation link's POST, which also records the consent (legal texts' versions and time).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';
import type { LegalVersions } from '../accounts/readers/consent.js';
import { checkAddress } from '../email/address.js';
import type { Mailer } from '../email/types.js';
import { NewsletterError } from './errors.js';
import { CONFIRM_LIFETIME_MS, claimedSubscriber, isConfirmToken, randomToken, sha256Hex, subscriberToken, tokenMatches } from './links.js';
import type { Lists, NewsletterList } from './lists.js';
import type { SubscriptionStatus } from './tables.js';
import { alreadySubscribedEmail, confirmEmail } from './views/emails.js';

export interface Subscriber {
  id: number;
  email: string;
  /** The manage/unsubscribe token for this subscriber's links. */
  token: string;
}

export interface SignUp {
  email: string;
  /** Empty: the daily briefing. */
  listIds: number[];
  userId: number | null;
  legal: LegalVersions;
}

export interface SubscriptionView {
  list: NewsletterList;
  status: SubscriptionStatus | null;
}

export interface SubscribersDeps {
  db: Database;
  now: () => number;
  secret: string;
  publicUrl: string;
  email: Mailer;
  lists: Lists;
  publication: () => string;
}

export const UNKNOWN_LIST = 'That newsletter does not exist (any more). Choose one of the newsletters offered.';

export function createSubscribers(deps: SubscribersDeps) {
  const k = deps.db.kysely;
  const tokenOf = (row: { id: number; token_nonce: string }) => subscriberToken(deps.secret, row.id, row.token_nonce);

  /** The open lists asked for, or a sentence for the reader; none asked: the daily briefing. */
  async function resolveLists(ids: number[]): Promise<NewsletterList[]> {
    const open = await deps.lists.open();
    if (ids.length === 0) {
      const briefing = open.find((l) => l.kind === 'briefing') ?? open[0];
      if (!briefing) throw new NewsletterError('There is no newsletter to sign up for at the moment.', 404);
      return [briefing];
    }
    const chosen = [...new Set(ids)].map((id) => open.find((l) => l.id === id));
    if (chosen.some((l) => l === undefined)) throw new NewsletterError(UNKNOWN_LIST);
    return chosen as NewsletterList[];
  }

  async function subscriberRow(trx: Kysely<Tables>, email: string, userId: number | null) {
    const found = await trx.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();
    if (found) {
      if (userId !== null && found.user_id === null) await trx.updateTable('newsletter_subscribers').set({ user_id: userId }).where('id', '=', found.id).execute();
      return found;
    }
    await trx
      .insertInto('newsletter_subscribers')
      .values({ email, user_id: userId, token_nonce: randomToken(24), confirmed_at: null, created_at: deps.now() })
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
    return trx.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  }

  return {
    resolveLists,

    /** Emails a confirmation link (or an "already subscribed" note); throws NewsletterError for bad input. */
    async signUp(input: SignUp): Promise<void> {
      const checked = checkAddress(input.email);
      if (checked.problem) throw new NewsletterError(checked.problem);
      const email = checked.normalised;
      const lists = await resolveLists(input.listIds);
      const at = deps.now();
      await k.transaction().execute(async (trx) => {
        const subscriber = await subscriberRow(trx, email, input.userId);
        const active = await trx
          .selectFrom('newsletter_subscriptions')
          .select('list_id')
          .where('subscriber_id', '=', subscriber.id)
          .where('status', '=', 'active')
          .execute();
        const wanted = lists.filter((l) => !active.some((a) => a.list_id === l.id));
        const links = { manage: `${deps.publicUrl}/newsletters/manage?token=${encodeURIComponent(tokenOf(subscriber))}` };
        if (wanted.length === 0) {
          await deps.email.send(alreadySubscribedEmail(email, deps.publication(), lists, links.manage), { within: trx });
          return;
        }
        for (const list of wanted) {
          await trx
            .insertInto('newsletter_subscriptions')
            .values({ subscriber_id: subscriber.id, list_id: list.id, status: 'pending', updated_at: at })
            .onConflict((oc) => oc.columns(['subscriber_id', 'list_id']).doNothing())
            .execute();
        }
        // Old links are of no use to anyone: swept as new ones are made.
        await trx.deleteFrom('newsletter_confirmations').where('expires_at', '<', at - CONFIRM_LIFETIME_MS).execute();
        const token = randomToken();
        await trx
          .insertInto('newsletter_confirmations')
          .values({
            subscriber_id: subscriber.id,
            token_hash: sha256Hex(token),
            list_ids: JSON.stringify(wanted.map((l) => l.id)),
            terms_version: input.legal.terms,
            privacy_version: input.legal.privacy,
            created_at: at,
            expires_at: at + CONFIRM_LIFETIME_MS,
            used_at: null,
          })
          .execute();
        const confirm = `${deps.publicUrl}/newsletter/confirm?token=${token}`;
        await deps.email.send(confirmEmail(email, deps.publication(), wanted, confirm), { within: trx });
      });
    },

    /** Whether a confirmation link can still be used (what its GET page asks; it spends nothing). */
    async confirmable(token: string): Promise<boolean> {
      if (!isConfirmToken(token)) return false;
      const row = await k
        .selectFrom('newsletter_confirmations')
        .select('id')
        .where('token_hash', '=', sha256Hex(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', deps.now())
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Spends the link and activates its lists with the consent it carried; 410 when unusable. */
    async confirm(token: string): Promise<{ subscriber: Subscriber; lists: NewsletterList[] }> {
      if (!isConfirmToken(token)) throw new NewsletterError('This confirmation link is not valid. Sign up again to get a new one.', 410);
      const at = deps.now();
      // Read before the transaction: SQLite has one connection, and the transaction holds it.
      const openLists = await deps.lists.open();
      return k.transaction().execute(async (trx) => {
        // One conditional update: of two presses racing with the same link, only one gets the row.
        const link = await trx
          .updateTable('newsletter_confirmations')
          .set({ used_at: at })
          .where('token_hash', '=', sha256Hex(token))
          .where('used_at', 'is', null)
          .where('expires_at', '>', at)
          .returningAll()
          .executeTakeFirst();
        if (!link) throw new NewsletterError('This confirmation link has expired or was already used. Sign up again to get a new one.', 410);
        const ids = (JSON.parse(link.list_ids) as unknown[]).filter((id): id is number => typeof id === 'number');
        const open = openLists.filter((l) => ids.includes(l.id));
        for (const list of open) {
          await trx
            .insertInto('newsletter_subscriptions')
            .values({ subscriber_id: link.subscriber_id, list_id: list.id, status: 'active', updated_at: at })
            .onConflict((oc) => oc.columns(['subscriber_id', 'list_id']).doUpdateSet({ status: 'active', updated_at: at }))
            .execute();
        }
        await trx
          .insertInto('newsletter_consents')
          .values({ subscriber_id: link.subscriber_id, terms_version: link.terms_version, privacy_version: link.privacy_version, consented_at: Number(link.created_at) })
          .execute();
        await trx.updateTable('newsletter_subscribers').set({ confirmed_at: at }).where('id', '=', link.subscriber_id).where('confirmed_at', 'is', null).execute();
        const row = await trx.selectFrom('newsletter_subscribers').select(['id', 'email', 'token_nonce']).where('id', '=', link.subscriber_id).executeTakeFirstOrThrow();
        return { subscriber: { id: row.id, email: row.email, token: tokenOf(row) }, lists: open };
      });
    },

    /** The subscriber a manage/unsubscribe token belongs to, or null (checked in constant time). */
    async byToken(token: string): Promise<Subscriber | null> {
      const id = claimedSubscriber(token);
      if (id === null) return null;
      const row = await k.selectFrom('newsletter_subscribers').select(['id', 'email', 'token_nonce']).where('id', '=', id).executeTakeFirst();
      if (!row || !tokenMatches(deps.secret, token, row.id, row.token_nonce)) return null;
      return { id: row.id, email: row.email, token };
    },

    tokenOf,

    /** Every open list, with this subscriber's status on it (null: never asked). */
    async subscriptionsOf(subscriberId: number): Promise<SubscriptionView[]> {
      const rows = await k.selectFrom('newsletter_subscriptions').select(['list_id', 'status']).where('subscriber_id', '=', subscriberId).execute();
      return (await deps.lists.open()).map((list) => ({ list, status: rows.find((r) => r.list_id === list.id)?.status ?? null }));
    },

    /** The manage page's save: exactly the chosen open lists are active, the others unsubscribed. */
    async choose(subscriberId: number, listIds: number[]): Promise<void> {
      const open = await deps.lists.open();
      if (listIds.some((id) => !open.some((l) => l.id === id))) throw new NewsletterError(UNKNOWN_LIST);
      const at = deps.now();
      await k.transaction().execute(async (trx) => {
        for (const list of open) {
          const status: SubscriptionStatus = listIds.includes(list.id) ? 'active' : 'unsubscribed';
          if (status === 'active') {
            await trx
              .insertInto('newsletter_subscriptions')
              .values({ subscriber_id: subscriberId, list_id: list.id, status, updated_at: at })
              .onConflict((oc) => oc.columns(['subscriber_id', 'list_id']).doUpdateSet({ status, updated_at: at }))
              .execute();
          } else {
            await trx.updateTable('newsletter_subscriptions').set({ status, updated_at: at }).where('subscriber_id', '=', subscriberId).where('list_id', '=', list.id).where('status', '!=', status).execute();
          }
        }
      });
    },

    /** Off one list, or (no list) off every list. Unknown list ids change nothing. */
    async unsubscribe(subscriberId: number, listId: number | null): Promise<void> {
      let query = k.updateTable('newsletter_subscriptions').set({ status: 'unsubscribed', updated_at: deps.now() }).where('subscriber_id', '=', subscriberId).where('status', '!=', 'unsubscribed');
      if (listId !== null) query = query.where('list_id', '=', listId);
      await query.execute();
    },
  };
}

export type Subscribers = ReturnType<typeof createSubscribers>;
