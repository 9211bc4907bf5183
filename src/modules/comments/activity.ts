/**
 * A reader's own comments and the replies to them, for their account page (/account). Pending
 * comments are included (the reader wrote them); rejected and deleted ones are not.
 */
import type { Database } from '../../db/database.js';
import type { AccountComment } from '../accounts/index.js';

const COMMENTS = 20;
const REPLIES_EACH = 5;

export async function readerActivity(db: Database, userId: number): Promise<AccountComment[]> {
  const k = db.kysely;
  const mine = await k
    .selectFrom('comments as c')
    .innerJoin('comment_stories as s', 's.id', 'c.story_id')
    .select(['c.id', 'c.body_text', 'c.created_at', 's.title'])
    .where('c.user_id', '=', userId)
    .where('c.status', 'in', ['approved', 'pending'])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(COMMENTS)
    .execute();
  if (mine.length === 0) return [];
  const replies = await k
    .selectFrom('comments as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.parent_id', 'r.body_text', 'r.created_at', 'u.name'])
    .where(
      'r.parent_id',
      'in',
      mine.map((c) => c.id),
    )
    .where('r.status', '=', 'approved')
    .where('r.user_id', '!=', userId)
    .orderBy('r.created_at', 'desc')
    // Bounded: a reader with a famous comment must not load thousands of replies here.
    .limit(COMMENTS * REPLIES_EACH * 10)
    .execute();
  return mine.map((c) => ({
    storyTitle: c.title,
    permalink: `/comments/${c.id}`,
    text: c.body_text,
    postedAt: Number(c.created_at),
    replies: replies
      .filter((r) => r.parent_id === c.id)
      .slice(0, REPLIES_EACH)
      .map((r) => ({ author: r.name ?? 'Former reader', text: r.body_text, postedAt: Number(r.created_at), permalink: `/comments/${r.id}` })),
  }));
}
