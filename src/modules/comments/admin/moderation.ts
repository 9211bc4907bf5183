/**
 * What the admin pages and the Admin API both do: read the queues, and decide. Every decision is
 * the core's moderator function (which audits it); the emails a decision calls for are queued
 * right after it, before the answer goes back, so they are in the job table even if this process
 * dies next (the bus would queue them too; the jobs are keyed and the sending is checked).
 */
import type { Actor } from '../../audit/index.js';
import type { NewsroomDeps } from '../../newsroom/deps.js';
import { CommentsError } from '../errors.js';
import type { ReaderStanding } from '../moderation/types.js';
import { createCommentNotifications, type CommentNotifications } from '../notifications.js';
import type { CommentsService } from '../service.js';
import { storyById, storyView, type StoryView } from '../stories.js';
import { createQueueReader, type QueueReader } from './queues.js';
import { decideStanding, parseUntil } from './standing.js';

export type CommentsAdminDeps = NewsroomDeps & { comments: CommentsService };

export const DECISIONS = ['approve', 'reject', 'feature', 'unfeature'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface Moderation {
  queues: QueueReader;
  notifications: CommentNotifications;
  decide(actor: Actor, commentId: number, decision: Decision, note?: string): Promise<{ changed: boolean }>;
  setStanding(actor: Actor, userId: number, standing: ReaderStanding): Promise<void>;
  /** The story with its raw open flag (a story past its closing time is open but not taking comments). */
  story(storyId: number): Promise<{ view: StoryView; open: boolean } | null>;
  updateStory(actor: Actor, storyId: number, patch: { open?: boolean; premoderated?: boolean; closesAt?: string | null }): Promise<{ view: StoryView; open: boolean }>;
}

export function createModeration(deps: CommentsAdminDeps, onError: (error: unknown) => void): Moderation {
  const k = deps.db.kysely;
  const queues = createQueueReader(k, deps.secret, deps.now);
  const notifications = createCommentNotifications({ ...deps, onError });

  async function featuredNow(id: number): Promise<boolean | null> {
    const row = Number.isSafeInteger(id) ? await k.selectFrom('comments').select('featured_at').where('id', '=', id).executeTakeFirst() : undefined;
    return row ? row.featured_at !== null : null;
  }

  const moderation: Moderation = {
    queues,
    notifications,

    async decide(actor, id, decision, note) {
      const { comments } = deps;
      switch (decision) {
        case 'approve': {
          return comments.approve(actor, id);
        }
        case 'reject':
          return comments.reject(actor, id, note?.trim() || undefined);
        case 'feature':
        case 'unfeature': {
          const featured = decision === 'feature';
          const before = await featuredNow(id);
          if (before === null) throw new CommentsError(404, 'There is no such comment.');
          if (featured) await comments.feature(actor, id);
          else await comments.unfeature(actor, id);
          return { changed: before !== featured };
        }
      }
    },

    setStanding: (actor, userId, standing) =>
      decideStanding({ comments: deps.comments, email: deps.email, settings: deps.settings, publicUrl: deps.publicUrl, user: (id) => deps.accounts.getUser(id) }, actor, userId, standing),

    async story(storyId) {
      const row = Number.isSafeInteger(storyId) ? await storyById(k, storyId) : null;
      return row ? { view: storyView(row, deps.now()), open: row.open === 1 } : null;
    },

    async updateStory(actor, storyId, patch) {
      let closesAt: number | null | undefined;
      if (patch.closesAt === null || patch.closesAt?.trim() === '') closesAt = null;
      else if (patch.closesAt !== undefined) {
        const parsed = parseUntil(patch.closesAt);
        if (parsed === null) throw new CommentsError(400, 'The closing time must be a date (2026-12-31) or a date and time (2026-12-31T18:00, UTC).');
        closesAt = parsed;
      }
      await deps.comments.updateStory(actor, storyId, {
        ...(patch.open !== undefined ? { open: patch.open } : {}),
        ...(patch.premoderated !== undefined ? { premoderated: patch.premoderated } : {}),
        ...(closesAt !== undefined ? { closesAt } : {}),
      });
      const updated = await moderation.story(storyId);
      if (!updated) throw new CommentsError(404, 'There is no such discussion.');
      return updated;
    },
  };
  return moderation;
}
