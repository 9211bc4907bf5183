/**
 * The email module's part of data export and account erasure: the messages sent to the reader's
 * address (the outbox keeps the recipient even after delivery) and finished jobs whose payload
 * carries the address. Erasure deletes both; a message still queued is deleted too, so nothing is
 * sent to an account that no longer exists.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { PersonalDataSource } from '../privacy/personal-data.js';

/** A LIKE pattern matching `text` anywhere, with "!" as the escape character. */
const containing = (text: string) => `%${text.replace(/[!%_]/gu, (c) => `!${c}`)}%`;

export function emailPersonalData(db: Database): PersonalDataSource {
  const k = db.kysely;
  return {
    name: 'emails',

    async export(subject) {
      const rows = await k
        .selectFrom('email_outbox')
        .select(['subject', 'category', 'status', 'created_at', 'sent_at'])
        .where('to_address', '=', subject.email.toLowerCase())
        .orderBy('id')
        .execute();
      const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
      return rows.map((r) => ({ subject: r.subject, category: r.category, status: r.status, createdAt: iso(r.created_at), sentAt: iso(r.sent_at) }));
    },

    async erase(subject) {
      const email = subject.email.toLowerCase();
      // JSON escapes nothing in an address but may keep the case it was typed in.
      const pattern = containing(JSON.stringify(email).slice(1, -1));
      await k.transaction().execute(async (trx) => {
        await trx.deleteFrom('email_outbox').where('to_address', '=', email).execute();
        await trx
          .deleteFrom('jobs')
          .where('status', 'in', ['done', 'failed'])
          .where(sql<boolean>`lower(payload) like ${pattern} escape '!'`)
          .execute();
      });
    },
  };
}
