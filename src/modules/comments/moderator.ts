/**
 * Moderators' decisions on single comments (the admin queues call these): approve, reject,
 * feature and unfeature; a reader's standing; a story's open/closed and pre-moderation. Every
 * decision goes to the audit log with who made it.
 */
import type { Actor } from '../audit/index.js';
import type { ReaderStanding } from './moderation/types.js';
import { CommentsError } from './errors.js';
import { statusChanged } from './counters.js';
import { countApproval, setStanding } from './standing.js';
import { storyById, storyView, type StoryView } from './stories.js';
import { threadTag } from './events.js';
import type { Shared } from './deps.js';
import type { CommentStatus } from './tables.js';
import { queueNotice } from './notice-jobs.js';

async function commentRow(shared: Shared, id: number) {
  const row = Number.isSafeInteger(id) ? await shared.k.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw new CommentsError(404, 'There is no such comment.');
  return row;
}

/** Moves a comment to approved or rejected; a placeholder left by its author is not the moderators' to revive. */
async function decide(shared: Shared, actor: Actor, id: number, to: 'approved' | 'rejected', note: string | null): Promise<{ changed: boolean }> {
  const row = await commentRow(shared, id);
  if (row.status === 'deleted') throw new CommentsError(409, 'Its author deleted this comment.');
  const at = shared.deps.now();
  const from: CommentStatus = row.status;
  const result = await shared.k.transaction().execute(async (trx) => {
    // Reports are answered by the decision either way: the comment leaves the "reported" queue.
    await trx.updateTable('comment_reports').set({ resolved_at: at }).where('comment_id', '=', id).where('resolved_at', 'is', null).execute();
    if (from === to) {
      await trx.updateTable('comments').set({ report_count: 0 }).where('id', '=', id).execute();
      return { changed: false, countChanged: false };
    }
    const updated = await trx
      .updateTable('comments')
      .set({ status: to, report_count: 0, ...(to === 'rejected' ? { featured_at: null } : {}) })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new CommentsError(409, 'This comment changed meanwhile; reload and decide again.');
    const counted = await statusChanged(trx, row, from, to);
    if (to === 'approved') await countApproval(trx, row.user_id, 1, at);
    else if (from === 'approved') await countApproval(trx, row.user_id, -1, at);
    if (to === 'approved' && row.parent_id !== null) await queueNotice(shared.deps.jobs, trx, 'reply', id);
    return { changed: true, countChanged: counted.countChanged };
  });
  await shared.deps.audit.record(actor, to === 'approved' ? 'comment.approve' : 'comment.reject', { type: 'comment', id }, {
    from,
    storyId: row.story_id,
    userId: row.user_id,
    ...(note ? { note } : {}),
  });
  if (result.changed && (from === 'approved' || to === 'approved')) {
    const story = await storyById(shared.k, row.story_id);
    if (story) shared.announce.changed(story, { storyId: story.id, commentId: id, kind: to === 'approved' ? 'approved' : 'rejected' }, result.countChanged);
  }
  return { changed: result.changed };
}

export const approve = (shared: Shared, actor: Actor, id: number) => decide(shared, actor, id, 'approved', null);
export const reject = (shared: Shared, actor: Actor, id: number, note?: string) => decide(shared, actor, id, 'rejected', note?.slice(0, 1000) ?? null);

export async function setFeatured(shared: Shared, actor: Actor, id: number, featured: boolean): Promise<void> {
  const row = await commentRow(shared, id);
  if (featured && row.status !== 'approved') throw new CommentsError(409, 'Only an approved comment can be featured.');
  if ((row.featured_at !== null) === featured) return;
  await shared.k.transaction().execute(async (trx) => {
    await trx.updateTable('comments').set({ featured_at: featured ? shared.deps.now() : null }).where('id', '=', id).execute();
    if (featured) await queueNotice(shared.deps.jobs, trx, 'featured', id);
  });
  await shared.deps.audit.record(actor, featured ? 'comment.feature' : 'comment.unfeature', { type: 'comment', id }, { storyId: row.story_id, userId: row.user_id });
  shared.announce.changed({ id: row.story_id, article_id: null }, { storyId: row.story_id, commentId: id, kind: featured ? 'featured' : 'unfeatured' }, false);
}

export async function changeStanding(shared: Shared, actor: Actor, userId: number, standing: ReaderStanding): Promise<void> {
  const user = await shared.k.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw new CommentsError(404, 'There is no such reader.');
  await setStanding(shared.k, userId, standing, actor.userId, shared.deps.now());
  await shared.deps.audit.record(actor, 'reader.standing', { type: 'user', id: userId }, { ...standing });
}

export interface StoryPatch {
  open?: boolean;
  premoderated?: boolean;
  /** Epoch ms, or null to never close automatically. */
  closesAt?: number | null;
}

/** Editors' per-story overrides of the publication's defaults. */
export async function updateStory(shared: Shared, actor: Actor, storyId: number, patch: StoryPatch): Promise<StoryView> {
  const story = Number.isSafeInteger(storyId) ? await storyById(shared.k, storyId) : null;
  if (!story) throw new CommentsError(404, 'There is no such discussion.');
  const set = {
    ...(patch.open !== undefined ? { open: patch.open ? 1 : 0 } : {}),
    ...(patch.premoderated !== undefined ? { premoderated: patch.premoderated ? 1 : 0 } : {}),
    ...(patch.closesAt !== undefined ? { closes_at: patch.closesAt } : {}),
  };
  if (Object.keys(set).length > 0) {
    await shared.k.updateTable('comment_stories').set(set).where('id', '=', storyId).execute();
    await shared.deps.audit.record(actor, 'comments.story', { type: 'comment_story', id: storyId }, { ...patch });
    // The thread shows "closed" and hides the form: its page must change.
    shared.deps.purge([threadTag(storyId)]);
  }
  const updated = await storyById(shared.k, storyId);
  return storyView(updated ?? story, shared.deps.now());
}
