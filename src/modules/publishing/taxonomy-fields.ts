/**
 * The shapes of sections, tags and authors as the Admin API and admin pages see them, and the
 * field checks they share with static pages (slugs, text, links): each failure is a 400 naming
 * the field.
 */
import { SLUG_PATTERN } from './types.js';
import { PublishingError } from './write.js';

export interface SectionRecord {
  id: number;
  slug: string;
  name: string;
  description: string;
  position: number;
  articleCount: number;
}

export interface TagRecord {
  id: number;
  slug: string;
  name: string;
  articleCount: number;
}

export interface AuthorLink {
  label: string;
  url: string;
}

export interface AuthorRecord {
  id: number;
  slug: string;
  name: string;
  title: string;
  bio: string;
  photoMediaId: number | null;
  links: AuthorLink[];
  userId: number | null;
  articleCount: number;
}

export interface SectionInput {
  slug: string;
  name: string;
  description?: string;
  position?: number;
}

export interface TagInput {
  slug: string;
  name: string;
}

export interface AuthorInput {
  slug: string;
  name: string;
  title?: string;
  bio?: string;
  photoMediaId?: number | null;
  links?: AuthorLink[];
  userId?: number | null;
}

export const RESERVED_SLUGS = new Set(['admin', 'api', 'assets', 'media', 'tag', 'author', 'feeds', 'search', 'healthz', 'sitemaps']);

export function checkSlug(raw: unknown, field = 'slug'): string {
  const slug = typeof raw === 'string' ? raw.trim() : '';
  if (!slug) throw new PublishingError('The slug is empty.', field);
  if (slug.length > 100) throw new PublishingError('The slug is longer than 100 characters.', field);
  if (!SLUG_PATTERN.test(slug)) throw new PublishingError('A slug is lower-case letters, digits and single hyphens (like world-news).', field);
  return slug;
}

export function checkText(raw: unknown, field: string, label: string, max: number, required: boolean): string {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (required && !text) throw new PublishingError(`The ${label} is empty.`, field);
  if (text.length > max) throw new PublishingError(`The ${label} is longer than ${max} characters.`, field);
  return text;
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // SQLite (better-sqlite3) and PostgreSQL (pg) name the same failure differently.
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

export function checkLinks(raw: unknown): AuthorLink[] {
  if (!Array.isArray(raw)) throw new PublishingError('Links are a list of { label, url }.', 'links');
  if (raw.length > 20) throw new PublishingError('An author has at most 20 links.', 'links');
  return raw.map((link: unknown, i) => {
    const { label, url } = (typeof link === 'object' && link !== null ? link : {}) as { label?: unknown; url?: unknown };
    const text = checkText(label, 'links', `label of link ${i + 1}`, 100, true);
    const href = typeof url === 'string' ? url.trim() : '';
    let parsed: URL | null = null;
    try {
      parsed = href.length <= 2048 ? new URL(href) : null;
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
      throw new PublishingError(`Link ${i + 1} (“${text}”) must be a full http:// or https:// address.`, 'links');
    }
    return { label: text, url: href };
  });
}
