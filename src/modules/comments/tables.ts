import type { Generated } from 'kysely';

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'deleted';
export type StandingKind = 'good' | 'warned' | 'suspended' | 'banned';
export type ReportReason = 'spam' | 'abuse' | 'off-topic' | 'other';

export interface CommentsTables {
  /** One discussion: under an article of ours, or (article_id null) under a page of another site. */
  comment_stories: {
    id: Generated<number>;
    article_id: number | null;
    /** The canonical URL of the page the thread belongs to. */
    url: string;
    title: string;
    open: number;
    /** Epoch ms after which the story no longer takes comments (auto-close); null: never. */
    closes_at: number | null;
    premoderated: number;
    /** Approved comments, replies included: what readers see counted. */
    comment_count: number;
    created_at: number;
  };
  comments: {
    id: Generated<number>;
    story_id: number;
    parent_id: number | null;
    /** The top-level ancestor; null for a top-level comment. */
    root_id: number | null;
    /** 0 for top-level; the real depth, whatever depth it is shown at. */
    depth: number;
    /** Whom a reply answers (the parent's author): "replying to <name>" once indentation stops. */
    reply_to_user_id: number | null;
    user_id: number;
    /** As typed; emptied when deleted. */
    body_text: string;
    /** Rendered and sanitized on write (text.ts). */
    body_html: string;
    /** sha256 of the normalised text, for repeat detection. */
    text_hash: string;
    /** HMAC of the poster's address with the site secret; the address itself is never stored. */
    address_hash: string;
    status: CommentStatus;
    /** JSON array of the pipeline's hold and reject reasons. */
    moderation_reasons: string;
    featured_at: number | null;
    like_count: number;
    /** On a root: its visible replies at any depth (approved, or "[deleted]" kept for its replies). */
    reply_count: number;
    report_count: number;
    created_at: number;
    edited_at: number | null;
    deleted_at: number | null;
  };
  comment_reactions: {
    comment_id: number;
    user_id: number;
    created_at: number;
  };
  comment_reports: {
    id: Generated<number>;
    comment_id: number;
    user_id: number;
    reason: ReportReason;
    detail: string;
    created_at: number;
    resolved_at: number | null;
  };
  /** How moderators judge a reader; no row means good standing and nothing approved yet. */
  reader_standing: {
    user_id: number;
    kind: StandingKind;
    message: string;
    until: number | null;
    approved_count: number;
    updated_at: number;
    updated_by: number | null;
  };
}
