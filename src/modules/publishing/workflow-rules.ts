/**
 * The pure parts of the article workflow: the request fields, the allowed status moves, time
 * parsing, and what a status change means (audit action, outside event). No I/O here.
 */
import type { Doc } from './body-schema.js';
import type { ArticleEventType } from './events.js';
import type { ArticleStatus } from './tables.js';
import { PublishingError, type ArticleInput } from './write.js';

export type AuthorRef = string | { slug: string; role?: string | null };
export type TimeInput = string | number | null;

/** The fields of POST /api/admin/articles; PATCH takes any subset. */
export interface ArticleFields {
  headline?: string;
  standfirst?: string;
  slug?: string;
  html?: string;
  body?: unknown;
  section?: string;
  tags?: string[];
  authors?: AuthorRef[];
  dateline?: string | null;
  heroImage?: number | null;
  status?: ArticleStatus;
  publishAt?: TimeInput;
  unpublishAt?: TimeInput;
  embargoUntil?: TimeInput;
  seoTitle?: string | null;
  seoDescription?: string | null;
  socialTitle?: string | null;
  socialDescription?: string | null;
}

export interface PatchFields extends ArticleFields {
  expectedModifiedAt?: number;
  autosave?: boolean;
  /** On a published article: keep these changes in its working copy, off the site, until Update. */
  workingCopy?: boolean;
}

export interface ListQuery {
  status?: ArticleStatus;
  section?: string;
  author?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

export const LIVE: ArticleStatus[] = ['scheduled', 'published', 'unpublished'];
export const NEXT: Record<ArticleStatus, ArticleStatus[]> = {
  draft: ['draft', 'review', 'scheduled', 'published'],
  review: ['draft', 'review', 'scheduled', 'published'],
  scheduled: ['draft', 'review', 'scheduled', 'published'],
  published: ['published', 'unpublished'],
  unpublished: ['unpublished', 'draft', 'review', 'scheduled', 'published'],
};

export const fail = (message: string, field?: string, status = 400): never => {
  throw new PublishingError(message, field, status);
};
export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/iu;

/** ISO 8601 with an offset, or epoch ms; null clears; undefined leaves as is. */
export function parseTime(value: TimeInput | undefined, field: string): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) fail(`${field}: must be an ISO 8601 time or milliseconds since 1970.`, field);
    return value;
  }
  if (!ISO_WITH_OFFSET.test(value.trim())) fail(`${field}: must be an ISO 8601 time with a time zone offset, such as 2026-12-01T09:00:00+01:00.`, field);
  const ms = Date.parse(value.trim());
  if (!Number.isFinite(ms)) fail(`${field}: is not a real date.`, field);
  return ms;
}

export const rawHtmlBlocks = (doc: Doc) => JSON.stringify(doc.content.filter((b) => b.type === 'rawHtml'));
export const readingMinutes = (words: number) => (words === 0 ? 0 : Math.max(1, Math.round(words / 230)));

/** The event a status change means for the outside world, if any. */
export function eventFor(before: ArticleStatus | null, after: ArticleStatus): ArticleEventType | null {
  if (after === 'published') return before === 'published' ? 'article.updated' : 'article.published';
  if (before === 'published') return 'article.unpublished';
  return null;
}

export function actionFor(before: ArticleStatus | null, after: ArticleStatus): string {
  if (before === after) return 'article.update';
  if (after === 'published') return 'article.publish';
  if (after === 'scheduled') return 'article.schedule';
  if (after === 'unpublished' || before === 'published') return 'article.unpublish';
  return 'article.update';
}

export function authorsOf(refs: AuthorRef[]): ArticleInput['authors'] {
  return refs.map((a) => (typeof a === 'string' ? { slug: a } : { slug: a.slug, role: a.role ?? null }));
}
