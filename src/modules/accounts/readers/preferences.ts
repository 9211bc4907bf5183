/**
 * A reader's email choices. Stored here, read by the comments module when it is about to send a
 * reply or "your comment was featured" email. No row means the defaults: both on.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { Tables } from '../../../db/tables.js';

export interface NotificationPreferences {
  /** Email me when someone replies to one of my comments. */
  replyEmails: boolean;
  /** Email me when a moderator features one of my comments. */
  featuredEmails: boolean;
}

export const DEFAULT_PREFERENCES: NotificationPreferences = { replyEmails: true, featuredEmails: true };

export async function preferencesOf(db: Database, userId: number): Promise<NotificationPreferences> {
  const row = await db.kysely.selectFrom('reader_preferences').select(['reply_emails', 'featured_emails']).where('user_id', '=', userId).executeTakeFirst();
  return row ? { replyEmails: row.reply_emails === 1, featuredEmails: row.featured_emails === 1 } : { ...DEFAULT_PREFERENCES };
}

export async function savePreferences(k: Kysely<Tables>, userId: number, preferences: NotificationPreferences, at: number): Promise<void> {
  const values = { reply_emails: preferences.replyEmails ? 1 : 0, featured_emails: preferences.featuredEmails ? 1 : 0, updated_at: at };
  await k
    .insertInto('reader_preferences')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}
