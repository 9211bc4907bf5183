/**
 * Newsletters' part of data export and account erasure: the reader's subscriber record (matched
 * by account or address), its subscriptions, consents and what was sent to it. Erasure deletes
 * all of it; nothing here must be kept by law.
 */
import type { Database } from '../../db/database.js';
import type { DataSubject, PersonalDataSource } from '../privacy/personal-data.js';

export function newsletterPersonalData(db: Database): PersonalDataSource {
  const k = db.kysely;
  const subscribersOf = (subject: DataSubject) =>
    k
      .selectFrom('newsletter_subscribers')
      .selectAll()
      .where((eb) => eb.or([eb('user_id', '=', subject.userId), eb('email', '=', subject.email.trim().toLowerCase())]))
      .orderBy('id')
      .execute();
  const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

  return {
    name: 'newsletters',

    async export(subject) {
      const subscribers = await subscribersOf(subject);
      const ids = subscribers.map((s) => s.id);
      if (ids.length === 0) return { subscribers: [] };
      const subscriptions = await k
        .selectFrom('newsletter_subscriptions as s')
        .innerJoin('newsletter_lists as l', 'l.id', 's.list_id')
        .select(['s.subscriber_id', 'l.name', 's.status', 's.updated_at'])
        .where('s.subscriber_id', 'in', ids)
        .orderBy('s.id')
        .execute();
      const consents = await k.selectFrom('newsletter_consents').selectAll().where('subscriber_id', 'in', ids).orderBy('id').execute();
      const received = await k
        .selectFrom('newsletter_send_recipients as r')
        .innerJoin('newsletter_sends as s', 's.id', 'r.send_id')
        .select(['r.subscriber_id', 's.subject', 'r.sent_at'])
        .where('r.subscriber_id', 'in', ids)
        .where('r.status', '=', 'sent')
        .orderBy('r.id')
        .execute();
      return {
        subscribers: subscribers.map((s) => ({
          email: s.email,
          since: iso(s.created_at),
          confirmedAt: iso(s.confirmed_at),
          subscriptions: subscriptions.filter((x) => x.subscriber_id === s.id).map((x) => ({ list: x.name, status: x.status, changedAt: iso(x.updated_at) })),
          consents: consents.filter((c) => c.subscriber_id === s.id).map((c) => ({ termsVersion: c.terms_version, privacyVersion: c.privacy_version, consentedAt: iso(c.consented_at) })),
          received: received.filter((r) => r.subscriber_id === s.id).map((r) => ({ subject: r.subject, sentAt: iso(r.sent_at) })),
        })),
      };
    },

    async erase(subject) {
      const ids = (await subscribersOf(subject)).map((s) => s.id);
      if (ids.length === 0) return;
      await k.transaction().execute(async (trx) => {
        await trx.deleteFrom('newsletter_send_recipients').where('subscriber_id', 'in', ids).execute();
        await trx.deleteFrom('newsletter_consents').where('subscriber_id', 'in', ids).execute();
        await trx.deleteFrom('newsletter_confirmations').where('subscriber_id', 'in', ids).execute();
        await trx.deleteFrom('newsletter_subscriptions').where('subscriber_id', 'in', ids).execute();
        await trx.deleteFrom('newsletter_subscribers').where('id', 'in', ids).execute();
      });
    },
  };
}
