/** The shapes that leave the publishing module (what views and APIs see). */
import type { MediaItem } from '../media/service.js';
import type { RenderedPart } from './render-body.js';
import type { NoteKind } from './tables.js';

export interface SectionRef {
  id: number;
  slug: string;
  name: string;
}

export interface Section extends SectionRef {
  description: string;
  position: number;
}

export interface TagRef {
  id: number;
  slug: string;
  name: string;
}

export interface Byline {
  id: number;
  slug: string;
  name: string;
  /** "Reporting by", "Photographs by" … or null for a plain byline. */
  role: string | null;
}

export interface Author {
  id: number;
  slug: string;
  name: string;
  title: string;
  bio: string;
  photo: MediaItem | null;
  links: { label: string; url: string }[];
}

export interface ArticleCard {
  id: number;
  slug: string;
  /** Site-relative path: /<section>/<slug>. */
  path: string;
  headline: string;
  standfirst: string;
  section: SectionRef;
  authors: Byline[];
  hero: MediaItem | null;
  dateline: string | null;
  publishedAt: number;
  updatedAt: number | null;
}

export interface ArticleNote {
  kind: NoteKind;
  body: string;
  createdAt: number;
}

export interface Article extends ArticleCard {
  body: RenderedPart[];
  tags: TagRef[];
  notes: ArticleNote[];
  seoTitle: string | null;
  seoDescription: string | null;
  wordCount: number;
  modifiedAt: number;
}

export interface Page {
  id: number;
  slug: string;
  title: string;
  body: RenderedPart[];
  updatedAt: number;
  /** Counts up on every save; the Terms of Use and Privacy Policy show it (readers consent to a version). */
  version: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

export function articlePath(sectionSlug: string, slug: string): string {
  return `/${sectionSlug}/${slug}`;
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** A URL slug from a headline: lower case ASCII words joined by hyphens. */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '')
      .slice(0, 120)
      .replace(/-+$/u, '') || 'untitled'
  );
}

// ---- Admin API shapes (workflow.ts, http/articles-api.ts) ----

export interface LockView {
  userId: number;
  name: string;
  /** ISO 8601. */
  expiresAt: string;
}

export interface NoteView {
  id: number;
  kind: NoteKind;
  body: string;
  /** ISO 8601. */
  at: string;
}

/** An article as the Admin API and the editor see it: drafts too, with the raw block document. */
export interface ArticleView {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  status: string;
  section: { slug: string; name: string };
  authors: { slug: string; name: string; role: string | null }[];
  tags: string[];
  dateline: string | null;
  heroImage: number | null;
  body: import('./body-schema.js').Doc;
  seoTitle: string | null;
  seoDescription: string | null;
  socialTitle: string | null;
  socialDescription: string | null;
  publishAt: string | null;
  unpublishAt: string | null;
  embargoUntil: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  /** The version token: send it back as expectedModifiedAt. */
  modifiedAt: number;
  wordCount: number;
  readingMinutes: number;
  /** Absolute public URL while published, else null. */
  url: string | null;
  createdBy: { name: string } | null;
  notes: NoteView[];
  lock: LockView | null;
  /** Saved changes to a published article that readers do not see until Update. */
  workingCopy: { savedAt: string; savedBy: string; fields: import('./working-copy.js').WorkingCopyFields } | null;
}

export interface ArticleListItem {
  id: number;
  slug: string;
  headline: string;
  status: string;
  section: { slug: string; name: string };
  authors: { slug: string; name: string; role: string | null }[];
  publishAt: string | null;
  publishedAt: string | null;
  modifiedAt: number;
  wordCount: number;
  lock: LockView | null;
}
