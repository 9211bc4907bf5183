import type { Generated } from 'kysely';

export type ArticleStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';
export type NoteKind = 'update' | 'correction' | 'clarification';

export interface PublishingTables {
  sections: { id: Generated<number>; slug: string; name: string; description: string; position: number };
  tags: { id: Generated<number>; slug: string; name: string };
  authors: {
    id: Generated<number>;
    slug: string;
    name: string;
    title: string;
    bio: string;
    photo_media_id: number | null;
    /** JSON array of { label, url }. */
    links: string;
    /** The staff user this author is (taxonomy migration); null for contributors without an account. */
    user_id: number | null;
  };
  articles: {
    id: Generated<number>;
    slug: string;
    headline: string;
    standfirst: string;
    section_id: number;
    /** The editor's document: JSON of the closed block schema. */
    body: string;
    /** JSON array of { kind, html } per top-level block, rendered once at publish. */
    rendered_body: string | null;
    hero_media_id: number | null;
    dateline: string | null;
    status: ArticleStatus;
    published_at: number | null;
    /** Shown as "Updated"; null until the article changes after publication. */
    updated_at: number | null;
    created_at: number;
    modified_at: number;
    seo_title: string | null;
    seo_description: string | null;
    word_count: number;
    // Workflow (migrations-workflow.ts): times are epoch ms.
    /** When a scheduled article goes live (the article.publish job runs then). */
    publish_at: number | null;
    unpublish_at: number | null;
    /** Before this time the article cannot be published or scheduled to publish. */
    embargo_until: number | null;
    social_title: string | null;
    social_description: string | null;
    /** Who created the article: a staff user, or an API key (contributors and authors see only their own). */
    created_by_user: number | null;
    created_by_key: number | null;
  };
  article_authors: { article_id: number; author_id: number; position: number; role_label: string | null };
  article_tags: { article_id: number; tag_id: number };
  /** Slugs an article used to have, so old links answer with a 301. */
  article_slugs: { slug: string; article_id: number };
  article_notes: { id: Generated<number>; article_id: number; kind: NoteKind; body: string; created_at: number };
  pages: {
    id: Generated<number>;
    slug: string;
    title: string;
    body: string;
    rendered_body: string;
    updated_at: number;
    /** Increments on every save (taxonomy migration): readers' consent records name the version they accepted. */
    version: Generated<number>;
  };
}

// ---- Page history and redirects (migrations-taxonomy.ts) ----
export interface PublishingTables {
  /** Every saved version of a static page, the current one included. */
  page_versions: {
    id: Generated<number>;
    page_id: number;
    version: number;
    slug: string;
    title: string;
    /** The block-schema document as saved. */
    body: string;
    saved_at: number;
    saved_by: string;
  };
  /** Staff-managed redirects, consulted before the site answers 404. */
  redirects: {
    id: Generated<number>;
    from_path: string;
    to_target: string;
    status: number;
    hits: Generated<number>;
    created_at: number;
    updated_at: number;
  };
}

// ---- Revisions and edit locks (migrations-workflow.ts) ----
export interface PublishingTables {
  /** A snapshot after each save; autosaves by one person within 5 minutes share one row. */
  article_revisions: {
    id: Generated<number>;
    article_id: number;
    at: number;
    window_start: number;
    actor_user_id: number | null;
    actor_label: string;
    /** 1 when the row holds autosaves only. */
    autosave: number;
    headline: string;
    standfirst: string;
    body: string;
    /** JSON of RevisionMetadata (revisions.ts). */
    metadata: string;
  };
  /** Who has the article open in the editor, until expires_at (heartbeats extend it). */
  article_locks: { article_id: number; user_id: number; user_name: string; expires_at: number };
  /**
   * Edits to a published article that readers do not see yet: the editor saves here until
   * someone presses Update (working-copy.ts). At most one per article.
   */
  article_working_copies: {
    article_id: number;
    /** JSON of WorkingCopyFields: the article's fields as the editor last saved them. */
    fields: string;
    saved_at: number;
    saved_by_user: number | null;
    saved_by_label: string;
  };
}
