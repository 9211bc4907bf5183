/**
 * After a change to what readers see: purge the cached pages that show it, and tell every app
 * instance (the live-update stream, notifications) on the bus as 'comments.changed'.
 */
import type { CommentsChanged } from './types.js';

export const COMMENTS_CHANGED = 'comments.changed';
/** A new comment waits for a moderator (the admin queue may want to know). */
export const COMMENTS_QUEUED = 'comments.queued';
export const COMMENTS_REPORTED = 'comments.reported';

/** The article page (thread) of a story. */
export const threadTag = (storyId: number) => `comments:${storyId}`;
/** Pages that show an article's card with its comment count. */
export const countTag = (articleId: number) => `comment-count:${articleId}`;

/**
 * How long the cached thread may show an old like count. A popular comment is liked many times a
 * second; one purge per story per interval keeps the page cache useful meanwhile, and open pages
 * get every new count at once over the live stream.
 */
export const LIKES_PURGE_INTERVAL_MS = 5_000;

export interface Announcer {
  changed(story: { id: number; article_id: number | null }, change: CommentsChanged, countChanged: boolean): void;
  /** A like count changed: told at once, the cached page purged at most once per interval. */
  likes(change: CommentsChanged): void;
  tell(topic: string, payload: unknown): void;
}

export function createAnnouncer(purge: (tags: string[]) => void, publish: (topic: string, payload: unknown) => void): Announcer {
  const due = new Set<number>();
  return {
    changed(story, change, countChanged) {
      purge(countChanged && story.article_id !== null ? [threadTag(story.id), countTag(story.article_id)] : [threadTag(story.id)]);
      publish(COMMENTS_CHANGED, change);
    },
    likes(change) {
      publish(COMMENTS_CHANGED, change);
      if (due.has(change.storyId)) return;
      due.add(change.storyId);
      setTimeout(() => {
        due.delete(change.storyId);
        purge([threadTag(change.storyId)]);
      }, LIKES_PURGE_INTERVAL_MS).unref();
    },
    tell: publish,
  };
}
