/** What readers (the page, the JSON API, the browser script) get to see of comments. */
import type { CommentStatus } from './tables.js';
import type { StoryView } from './stories.js';

export const SORTS = ['newest', 'oldest', 'liked'] as const;
export type Sort = (typeof SORTS)[number];

export const isSort = (value: unknown): value is Sort => typeof value === 'string' && (SORTS as readonly string[]).includes(value);

/** How deep replies indent; deeper ones are shown at this depth with "replying to <name>". */
export const MAX_DISPLAY_DEPTH = 3;
export const PAGE_SIZE = 50;
export const REPLIES_PREVIEW = 3;

export interface CommentView {
  id: number;
  storyId: number;
  parentId: number | null;
  rootId: number | null;
  /** The real depth (0: top-level). */
  depth: number;
  /** Null for a "[deleted]" placeholder. `supporter`: present (true) for readers who support the publication. */
  author: { id: number; name: string; supporter?: true } | null;
  /** The author of the comment this one answers. */
  replyTo: { id: number; name: string } | null;
  /** Sanitized on write; empty for a placeholder. */
  html: string;
  /** Visible comments are 'approved' or 'deleted' (placeholder); a reader's own may be 'pending'. */
  status: CommentStatus;
  createdAt: number;
  editedAt: number | null;
  likeCount: number;
  /** On a top-level comment: its visible replies at any depth. */
  replyCount: number;
  featured: boolean;
  /** Site-relative link that redirects to the comment in its article. */
  permalink: string;
}

/** A top-level comment with its first replies (chronological) and what is left to load. */
export interface ThreadEntry {
  comment: CommentView;
  replies: CommentView[];
  moreReplies: number;
  /** For GET /api/comments/:rootId/replies?cursor= to continue after the shown replies. */
  repliesCursor: string | null;
}

export interface ThreadPage {
  story: StoryView;
  sort: Sort;
  featured: CommentView[];
  entries: ThreadEntry[];
  /** The next page of top-level comments in this sort; null on the last page. */
  nextCursor: string | null;
}

/** A thread page without its story: what the listing reads. */
export type ThreadListing = Omit<ThreadPage, 'story'>;

export interface RepliesPage {
  root: CommentView;
  items: CommentView[];
  nextCursor: string | null;
}

/** Published on the bus as 'comments.changed' for every change to what readers see. */
export interface CommentsChanged {
  storyId: number;
  commentId: number;
  kind: 'approved' | 'edited' | 'deleted' | 'rejected' | 'featured' | 'unfeatured' | 'likes';
  likeCount?: number;
  commentCount?: number;
}
