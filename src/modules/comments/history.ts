/**
 * What the moderation pipeline may ask about the past, answered from the comments table through
 * the per-reader and per-address indexes. An edit is checked as if the comment being edited did
 * not exist yet, so editing is not "a repeat of itself" or one more post against the rate limit.
 *
 * The phases that ask run side by side (pipeline.ts), so their questions arrive in the same turn;
 * they are sent as one statement, a sub-select per question. On PostgreSQL each statement costs a
 * round trip and a socket write, which is most of what posting a comment costs there.
 *
 * A history serves one post: an answer is kept and the same question is not asked twice, so the
 * questions a post sends ahead of the pipeline (askAhead) are answered once for both runs.
 */
import type { Expression, ExpressionBuilder, Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { ModerationHistory } from './moderation/types.js';

type Question = (eb: ExpressionBuilder<Tables, never>) => Expression<unknown>;

interface Pending {
  question: Question;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function moderationHistory(k: Kysely<Tables>, excludeCommentId: number | null = null): ModerationHistory {
  const others = excludeCommentId ?? 0;
  let waiting: Pending[] = [];
  const answered = new Map<string, Promise<unknown>>();

  async function send(batch: Pending[]): Promise<void> {
    try {
      const row = (await k.selectNoFrom((eb) => batch.map((p, i) => eb.parens(p.question(eb)).as(`q${i}`))).executeTakeFirstOrThrow()) as Record<string, unknown>;
      batch.forEach((p, i) => p.resolve(row[`q${i}`]));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  function ask(key: string, question: Question): Promise<unknown> {
    const known = answered.get(key);
    if (known) return known;
    const answer = new Promise((resolve, reject) => {
      waiting.push({ question, resolve, reject });
      if (waiting.length > 1) return;
      // Once the asking phases have all started (they start in one synchronous run).
      queueMicrotask(() => {
        const batch = waiting;
        waiting = [];
        void send(batch);
      });
    });
    answered.set(key, answer);
    return answer;
  }

  const count = async (column: 'user_id' | 'address_hash', value: number | string, since: number) =>
    Number(
      await ask(`count ${column} ${value} ${since}`, (eb) =>
        eb
          .selectFrom('comments')
          .select((s) => s.fn.countAll<number | string>().as('n'))
          .where(column, '=', value)
          .where('created_at', '>=', since)
          .where('id', '!=', others),
      ),
    );
  return {
    countByReaderSince: (readerId, since) => count('user_id', readerId, since),
    countByAddressSince: (addressHash, since) => count('address_hash', addressHash, since),
    async hasRepeat(readerId, textHash, since) {
      const found = await ask(`repeat ${readerId} ${textHash} ${since}`, (eb) =>
        eb.exists(
          eb
            .selectFrom('comments')
            .select('id')
            .where('user_id', '=', readerId)
            .where('created_at', '>=', since)
            .where('text_hash', '=', textHash)
            .where('id', '!=', others),
        ),
      );
      // SQLite answers 1 or 0, PostgreSQL true or false.
      return found === true || Number(found) === 1;
    },
  };
}
