/**
 * What the comments module keeps about a reader, for data export and account deletion (the
 * privacy module's contract). Deletion keeps threads whole: the reader's comments are either
 * kept under "Former reader" or removed the way the reader could remove them (a "[deleted]"
 * placeholder where others replied), and their likes come off the counts. A kept comment's
 * author id becomes minus its own id: no account has it, no two former readers share it.
 */
import type { DataSubject, ErasureOptions, PersonalDataSource } from '../privacy/personal-data.js';
import { removeRow } from './posting.js';
import type { Shared } from './deps.js';
import { threadTag } from './events.js';

export function commentsPersonalData(shared: Shared): PersonalDataSource {
  const { k } = shared;
  return {
    name: 'comments',

    async export(subject: DataSubject) {
      const [comments, reactions, reports, standing] = await Promise.all([
        k
          .selectFrom('comments as c')
          .innerJoin('comment_stories as s', 's.id', 'c.story_id')
          .select(['c.id', 'c.parent_id', 'c.status', 'c.body_text', 'c.created_at', 'c.edited_at', 'c.deleted_at', 's.title', 's.url'])
          .where('c.user_id', '=', subject.userId)
          .orderBy('c.id')
          .execute(),
        k.selectFrom('comment_reactions').select(['comment_id', 'created_at']).where('user_id', '=', subject.userId).orderBy('comment_id').execute(),
        k.selectFrom('comment_reports').select(['comment_id', 'reason', 'detail', 'created_at']).where('user_id', '=', subject.userId).orderBy('id').execute(),
        k.selectFrom('reader_standing').select(['kind', 'message', 'until', 'approved_count', 'updated_at']).where('user_id', '=', subject.userId).executeTakeFirst(),
      ]);
      return {
        comments: comments.map((c) => ({
          id: c.id,
          inReplyTo: c.parent_id,
          status: c.status,
          text: c.body_text,
          story: { title: c.title, url: c.url },
          createdAt: iso(c.created_at),
          editedAt: c.edited_at === null ? null : iso(c.edited_at),
          deletedAt: c.deleted_at === null ? null : iso(c.deleted_at),
        })),
        likes: reactions.map((r) => ({ commentId: r.comment_id, createdAt: iso(r.created_at) })),
        reports: reports.map((r) => ({ commentId: r.comment_id, reason: r.reason, detail: r.detail, createdAt: iso(r.created_at) })),
        standing: standing
          ? { kind: standing.kind, message: standing.message, until: standing.until === null ? null : iso(standing.until), approvedComments: standing.approved_count }
          : null,
      };
    },

    async erase(subject: DataSubject, options: ErasureOptions) {
      const stories = new Set<number>();
      // Likes: off the counts, then gone.
      await k.transaction().execute(async (trx) => {
        const liked = await trx.selectFrom('comment_reactions').select('comment_id').where('user_id', '=', subject.userId).execute();
        for (const { comment_id } of liked) {
          await trx.updateTable('comments').set((eb) => ({ like_count: eb('like_count', '-', 1) })).where('id', '=', comment_id).where('like_count', '>', 0).execute();
        }
        await trx.deleteFrom('comment_reactions').where('user_id', '=', subject.userId).execute();
        // Reports stay as a signal for moderators, without who made them or what they wrote.
        await trx
          .updateTable('comment_reports')
          .set((eb) => ({ user_id: eb.neg(eb.ref('id')), detail: '' }))
          .where('user_id', '=', subject.userId)
          .execute();
        await trx.deleteFrom('reader_standing').where('user_id', '=', subject.userId).execute();
        // The hashed address is personal data whatever happens to the text.
        const touched = await trx.updateTable('comments').set({ address_hash: '' }).where('user_id', '=', subject.userId).returning('story_id').execute();
        for (const row of touched) stories.add(row.story_id);
        for (const row of liked) {
          const found = await trx.selectFrom('comments').select('story_id').where('id', '=', row.comment_id).executeTakeFirst();
          if (found) stories.add(found.story_id);
        }
      });
      if (options.comments === 'remove') {
        const rows = await k.selectFrom('comments').selectAll().where('user_id', '=', subject.userId).where('status', '!=', 'deleted').orderBy('id', 'desc').execute();
        for (const row of rows) {
          // Newest first, so replies go before the comments they answer and placeholders are rare.
          const current = await k.selectFrom('comments').selectAll().where('id', '=', row.id).executeTakeFirst();
          if (!current || current.status === 'deleted') continue;
          if (current.status === 'rejected') {
            await k.updateTable('comments').set({ body_text: '', body_html: '' }).where('id', '=', current.id).execute();
          } else {
            await removeRow(shared, current);
          }
        }
      }
      // Last, the account id itself: each kept comment gets an id of its own that names no one
      // (minus the comment's id), and replies to it point at that same id.
      await k.transaction().execute(async (trx) => {
        await trx
          .updateTable('comments')
          .set((eb) => ({ reply_to_user_id: eb.neg(eb.ref('parent_id')) }))
          .where('reply_to_user_id', '=', subject.userId)
          .execute();
        await trx
          .updateTable('comments')
          .set((eb) => ({ user_id: eb.neg(eb.ref('id')) }))
          .where('user_id', '=', subject.userId)
          .execute();
      });
      // Names and likes are on the cached pages of these threads (removals purged their own).
      if (stories.size > 0) shared.deps.purge([...stories].map(threadTag));
    },
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
