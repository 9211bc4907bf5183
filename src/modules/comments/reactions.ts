/**
 * Likes (one per reader per comment, the count kept on the comment) and reports (once per reader,
 * with a reason; the count kept on the comment feeds the moderators' "reported" queue).
 */
import { CommentsError } from './errors.js';
import { COMMENTS_REPORTED } from './events.js';
import { ensureMayWrite } from './posting.js';
import type { Commenter, Shared } from './deps.js';
import type { ReportReason } from './tables.js';

export const REPORT_REASONS: readonly ReportReason[] = ['spam', 'abuse', 'off-topic', 'other'];
const MAX_DETAIL = 1000;

async function visibleComment(shared: Shared, commentId: number) {
  const row = Number.isSafeInteger(commentId)
    ? await shared.k.selectFrom('comments').select(['id', 'story_id', 'user_id', 'status']).where('id', '=', commentId).executeTakeFirst()
    : undefined;
  if (!row || row.status !== 'approved') throw new CommentsError(404, 'There is no such comment.');
  return row;
}

async function afterLikes(shared: Shared, storyId: number, commentId: number): Promise<number> {
  const row = await shared.k.selectFrom('comments').select('like_count').where('id', '=', commentId).executeTakeFirst();
  const likeCount = row?.like_count ?? 0;
  shared.announce.likes({ storyId, commentId, kind: 'likes', likeCount });
  return likeCount;
}

export async function like(shared: Shared, who: Commenter | null, commentId: number): Promise<{ liked: true; likeCount: number }> {
  ensureMayWrite(who);
  const comment = await visibleComment(shared, commentId);
  if (comment.user_id === who.id) throw new CommentsError(403, 'You cannot like your own comment.');
  const added = await shared.k.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('comment_reactions')
      .values({ comment_id: comment.id, user_id: who.id, created_at: shared.deps.now() })
      .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
      .executeTakeFirst();
    // A second like from the same reader inserts nothing and counts nothing.
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await trx.updateTable('comments').set((eb) => ({ like_count: eb('like_count', '+', 1) })).where('id', '=', comment.id).execute();
    return true;
  });
  if (!added) {
    const row = await shared.k.selectFrom('comments').select('like_count').where('id', '=', comment.id).executeTakeFirst();
    return { liked: true, likeCount: row?.like_count ?? 0 };
  }
  return { liked: true, likeCount: await afterLikes(shared, comment.story_id, comment.id) };
}

export async function unlike(shared: Shared, who: Commenter | null, commentId: number): Promise<{ liked: false; likeCount: number }> {
  ensureMayWrite(who);
  const comment = await visibleComment(shared, commentId);
  const removed = await shared.k.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('comment_reactions').where('comment_id', '=', comment.id).where('user_id', '=', who.id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return false;
    await trx.updateTable('comments').set((eb) => ({ like_count: eb('like_count', '-', 1) })).where('id', '=', comment.id).execute();
    return true;
  });
  if (!removed) {
    const row = await shared.k.selectFrom('comments').select('like_count').where('id', '=', comment.id).executeTakeFirst();
    return { liked: false, likeCount: row?.like_count ?? 0 };
  }
  return { liked: false, likeCount: await afterLikes(shared, comment.story_id, comment.id) };
}

/** Which of these comments the reader has liked (the browser script marks them). */
export async function likedAmong(shared: Shared, who: Commenter, commentIds: number[]): Promise<number[]> {
  const ids = commentIds.filter((id) => Number.isSafeInteger(id)).slice(0, 500);
  if (ids.length === 0) return [];
  const rows = await shared.k.selectFrom('comment_reactions').select('comment_id').where('user_id', '=', who.id).where('comment_id', 'in', ids).execute();
  return rows.map((r) => r.comment_id);
}

export async function report(shared: Shared, who: Commenter | null, commentId: number, input: { reason: unknown; detail?: unknown }): Promise<{ reported: true }> {
  ensureMayWrite(who);
  const reason = input.reason;
  if (typeof reason !== 'string' || !(REPORT_REASONS as readonly string[]).includes(reason)) {
    throw new CommentsError(400, `Choose why you are reporting this comment: ${REPORT_REASONS.join(', ')}.`);
  }
  const detail = input.detail === undefined || input.detail === null ? '' : input.detail;
  if (typeof detail !== 'string' || detail.length > MAX_DETAIL) throw new CommentsError(400, `The details of a report are limited to ${MAX_DETAIL} characters.`);
  const comment = await visibleComment(shared, commentId);
  if (comment.user_id === who.id) throw new CommentsError(400, 'You cannot report your own comment; you can delete it instead.');
  const filed = await shared.k.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('comment_reports')
      .values({ comment_id: comment.id, user_id: who.id, reason: reason as ReportReason, detail: detail.trim(), created_at: shared.deps.now(), resolved_at: null })
      .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await trx.updateTable('comments').set((eb) => ({ report_count: eb('report_count', '+', 1) })).where('id', '=', comment.id).execute();
    return true;
  });
  if (!filed) throw new CommentsError(409, 'You have already reported this comment. Thank you: a moderator will look at it.');
  shared.announce.tell(COMMENTS_REPORTED, { storyId: comment.story_id, commentId: comment.id, reason });
  return { reported: true };
}
