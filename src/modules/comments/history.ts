/**
 * What the moderation pipeline may ask about the past, answered from the comments table through
 * the per-reader and per-address indexes. An edit is checked as if the comment being edited did
 * not exist yet, so editing is not "a repeat of itself" or one more post against the rate limit.
 */
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { ModerationHistory } from './moderation/types.js';

export function moderationHistory(k: Kysely<Tables>, excludeCommentId: number | null = null): ModerationHistory {
  const others = excludeCommentId ?? 0;
  const count = async (column: 'user_id' | 'address_hash', value: number | string, since: number) => {
    const row = await k
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(column, '=', value)
      .where('created_at', '>=', since)
      .where('id', '!=', others)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    countByReaderSince: (readerId, since) => count('user_id', readerId, since),
    countByAddressSince: (addressHash, since) => count('address_hash', addressHash, since),
    async hasRepeat(readerId, textHash, since) {
      const row = await k
        .selectFrom('comments')
        .select('id')
        .where('user_id', '=', readerId)
        .where('created_at', '>=', since)
        .where('text_hash', '=', textHash)
        .where('id', '!=', others)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
