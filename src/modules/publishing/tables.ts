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
  };
}
