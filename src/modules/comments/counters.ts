/**
 * The counts readers see are kept on rows, changed in the same transaction as the status they
 * count: story.comment_count (approved comments) and root.reply_count (visible replies, which
 * includes "[deleted]" placeholders kept for their replies). Nothing on a hot path counts rows.
 */
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { CommentStatus } from './tables.js';

type Before = CommentStatus | 'none';

const approved = (status: Before) => (status === 'approved' ? 1 : 0);
const visible = (status: Before) => (status === 'approved' || status === 'deleted' ? 1 : 0);

/**
 * A comment went from one status to another ('none': did not exist, or no longer does).
 * Replies show only under a visible root, so they count only while it is visible, and a root
 * that stops (or starts) showing takes its approved replies out of (or back into) the count.
 */
export async function statusChanged(
  k: Kysely<Tables>,
  comment: { id?: number; story_id: number; root_id: number | null },
  from: Before,
  to: Before,
): Promise<{ countChanged: boolean }> {
  let storyDelta = approved(to) - approved(from);
  const rootDelta = visible(to) - visible(from);
  if (comment.root_id === null) {
    if (rootDelta !== 0 && comment.id !== undefined) storyDelta += rootDelta * (await approvedReplies(k, comment.id));
  } else if (storyDelta !== 0) {
    const root = await k.selectFrom('comments').select('status').where('id', '=', comment.root_id).executeTakeFirst();
    if (!root || visible(root.status) === 0) storyDelta = 0;
  }
  if (storyDelta !== 0) {
    await k.updateTable('comment_stories').set((eb) => ({ comment_count: eb('comment_count', '+', storyDelta) })).where('id', '=', comment.story_id).execute();
  }
  if (rootDelta !== 0 && comment.root_id !== null) {
    await k.updateTable('comments').set((eb) => ({ reply_count: eb('reply_count', '+', rootDelta) })).where('id', '=', comment.root_id).execute();
  }
  return { countChanged: storyDelta !== 0 };
}

async function approvedReplies(k: Kysely<Tables>, rootId: number): Promise<number> {
  // The partial replies index (root_id, visible) covers this.
  const row = await k
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('root_id', '=', rootId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
