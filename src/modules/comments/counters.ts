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

/** A comment went from one status to another ('none': did not exist, or no longer does). */
export async function statusChanged(k: Kysely<Tables>, comment: { story_id: number; root_id: number | null }, from: Before, to: Before): Promise<{ countChanged: boolean }> {
  const storyDelta = approved(to) - approved(from);
  const rootDelta = visible(to) - visible(from);
  if (storyDelta !== 0) {
    await k.updateTable('comment_stories').set((eb) => ({ comment_count: eb('comment_count', '+', storyDelta) })).where('id', '=', comment.story_id).execute();
  }
  if (rootDelta !== 0 && comment.root_id !== null) {
    await k.updateTable('comments').set((eb) => ({ reply_count: eb('reply_count', '+', rootDelta) })).where('id', '=', comment.root_id).execute();
  }
  return { countChanged: storyDelta !== 0 };
}
