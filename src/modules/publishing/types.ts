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
