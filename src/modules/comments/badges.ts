/**
 * The "Supporter" badge beside the names of readers who support the publication. Who supports
 * is the revenue module's knowledge; the comments module asks once per page of comments (one
 * indexed query for every author on it) by wrapping its listing.
 */
import type { Listing } from './listing.js';
import type { CommentView, ThreadListing } from './types.js';

/** Of these readers, the ones who are supporters now. */
export type SupporterLookup = (userIds: readonly number[]) => Promise<ReadonlySet<number>>;

/** Whether one reader supports the publication (a new comment's badge, without reading it back). */
export async function isSupporter(supporters: SupporterLookup | undefined, userId: number): Promise<boolean> {
  return supporters ? (await supporters([userId])).has(userId) : false;
}

export function withSupporterBadges(listing: Listing, supporters: SupporterLookup | undefined): Listing {
  if (!supporters) return listing;
  async function mark(comments: CommentView[]): Promise<void> {
    const ids = [...new Set(comments.flatMap((c) => (c.author ? [c.author.id] : [])))];
    if (ids.length === 0) return;
    const found = await supporters!(ids);
    if (found.size === 0) return;
    for (const c of comments) if (c.author && found.has(c.author.id)) c.author.supporter = true;
  }
  const everyComment = (page: ThreadListing) => [...page.featured, ...page.entries.flatMap((e) => [e.comment, ...e.replies])];
  return {
    async thread(storyId, sort, cursor) {
      const page = await listing.thread(storyId, sort, cursor);
      await mark(everyComment(page));
      return page;
    },
    async replies(rootId, cursor) {
      const page = await listing.replies(rootId, cursor);
      if (page) await mark([page.root, ...page.items]);
      return page;
    },
    async comment(id) {
      const comment = await listing.comment(id);
      if (comment) await mark([comment]);
      return comment;
    },
  };
}
