/**
 * Storing a new comment together with the counters it moves (counters.ts keeps them for every
 * later change): an approved comment adds one to its story's count (a reply only while its root is
 * visible), one to its root's reply count, and one to its author's approvals. A held comment moves
 * nothing, so it is a single insert.
 *
 * The writes are the same on both engines; how they travel differs. SQLite runs them one after
 * another in a transaction (each is a function call). PostgreSQL gets them as one statement of
 * data-modifying CTEs, atomic by itself: one round trip instead of five (begin, three writes,
 * commit), which was most of a post's time there. A reply's notification job, queued by the jobs
 * module in the same transaction, makes the PostgreSQL path a transaction of two statements.
 */
import { sql, type Kysely, type QueryCreator, type Selectable } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { Shared } from './deps.js';
import { queueNotice } from './notice-jobs.js';
import { approvalCounted } from './standing.js';
import type { CommentStatus, CommentsTables } from './tables.js';

const NOT_YET = { featured_at: null, like_count: 0, reply_count: 0, report_count: 0, edited_at: null, deleted_at: null } as const;

/** A comment as posted: everything but its id and what only later changes set (NOT_YET). */
export type NewComment = Omit<Selectable<CommentsTables['comments']>, 'id' | 'status' | keyof typeof NOT_YET> & {
  status: Extract<CommentStatus, 'approved' | 'pending'>;
};

export interface Stored {
  id: number;
  /** Whether the story's count changed (its pages show the count). */
  countChanged: boolean;
}

/** The writes, each for any query creator (the database, a transaction, or a CTE). */
function writes(values: NewComment) {
  const rootId = values.root_id;
  return {
    comment: (q: QueryCreator<Tables>) => q.insertInto('comments').values({ ...values, ...NOT_YET }).returning('id'),
    story: (q: QueryCreator<Tables>) =>
      q
        .updateTable('comment_stories')
        .set((eb) => ({ comment_count: eb('comment_count', '+', 1) }))
        .where('id', '=', values.story_id)
        // Replies count only under a visible root (counters.ts).
        .$if(rootId !== null, (u) => u.where((eb) => eb.exists(eb.selectFrom('comments as root').select('root.id').where('root.id', '=', rootId ?? 0).where('root.status', 'in', ['approved', 'deleted']))))
        .returning('comment_stories.id'),
    root: (q: QueryCreator<Tables>) =>
      q
        .updateTable('comments')
        .set((eb) => ({ reply_count: eb('reply_count', '+', 1) }))
        .where('id', '=', rootId ?? 0)
        // A top-level comment has no root: the write matches no row.
        .$if(rootId === null, (u) => u.where(sql<boolean>`false`))
        .returning('comments.id'),
    standing: (q: QueryCreator<Tables>) => approvalCounted(q, values.user_id, 1, values.created_at).returning('reader_standing.user_id'),
  };
}

/**
 * A write as a CTE. A later CTE's creator also knows the earlier CTEs' names, which makes its type
 * a different (invariant) QueryCreator; the writes use only the tables, so the view is safe.
 */
function cte<T>(write: (q: QueryCreator<Tables>) => T) {
  return <DB extends Tables>(q: QueryCreator<DB>): T => write(q as unknown as QueryCreator<Tables>);
}

export async function storeNewComment(shared: Shared, values: NewComment): Promise<Stored> {
  const { k, deps } = shared;
  const w = writes(values);
  if (values.status !== 'approved') {
    const row = await w.comment(k).executeTakeFirstOrThrow();
    return { id: row.id, countChanged: false };
  }
  // An approved reply tells the comment's author (notifications.ts), in the same transaction.
  const notify = values.parent_id !== null && deps.jobs !== undefined;
  if (deps.db.dialect === 'postgres') {
    const together = (q: Kysely<Tables>) =>
      q
        .with('c', w.comment)
        .with('s', cte(w.story))
        .with('r', cte(w.root))
        .with('a', cte(w.standing))
        .selectFrom('c')
        .select((eb) => ['c.id', eb.selectFrom('s').select((s) => s.fn.countAll<number | string>().as('n')).as('counted')])
        .executeTakeFirstOrThrow();
    const send = async (q: Kysely<Tables>) => {
      const row = await together(q);
      if (notify) await queueNotice(deps.jobs, q, 'reply', row.id, true);
      return { id: row.id, countChanged: Number(row.counted) > 0 };
    };
    return notify ? k.transaction().execute(send) : send(k);
  }
  return k.transaction().execute(async (trx) => {
    const { id } = await w.comment(trx).executeTakeFirstOrThrow();
    const counted = await w.story(trx).execute();
    if (values.root_id !== null) await w.root(trx).execute();
    await w.standing(trx).execute();
    if (notify) await queueNotice(deps.jobs, trx, 'reply', id, true);
    return { id, countChanged: counted.length > 0 };
  });
}
