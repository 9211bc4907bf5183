/**
 * The media library's reads: search with a keyset cursor, who uploaded what, and where an image
 * is in use (so it cannot be deleted from under a published article).
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { MediaItem, MediaService } from './service.js';
import { fallbackFormat, mediaUrl } from './urls.js';
import { widthsFor } from './variants.js';

export interface MediaRecord {
  id: number;
  url: string;
  thumbnailUrl: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
  focal: { x: number; y: number };
  mime: string;
  filename: string;
  bytes: number;
  uploadedBy: number | null;
  createdAt: number;
  /** Alt text is required before an article using the image is published. */
  needsAlt: boolean;
}

export interface MediaPage {
  items: MediaRecord[];
  nextCursor: string | null;
}

type Extra = { id: number; original_name: string; bytes: number; uploaded_by: number | null; created_at: number };

export function present(item: MediaItem, extra: Extra): MediaRecord {
  const largest = widthsFor(item.width).at(-1) ?? 320;
  return {
    id: item.id,
    url: mediaUrl(item, { width: largest, ratio: null, format: fallbackFormat(item) }),
    thumbnailUrl: mediaUrl(item, { width: 320, ratio: null, format: 'webp' }),
    alt: item.alt,
    caption: item.caption,
    credit: item.credit,
    width: item.width,
    height: item.height,
    focal: { x: item.focalX, y: item.focalY },
    mime: item.mime,
    filename: extra.original_name,
    bytes: Number(extra.bytes),
    uploadedBy: extra.uploaded_by === null ? null : Number(extra.uploaded_by),
    createdAt: Number(extra.created_at),
    needsAlt: item.alt.trim() === '',
  };
}

export interface MediaLibrary {
  list(options: { q?: string; cursor?: string; limit: number }): Promise<MediaPage>;
  record(id: number): Promise<MediaRecord | null>;
  /** Where the image is used, in words ("hero image of “Budget passes”"); empty when unused. */
  usage(id: number): Promise<string[]>;
  /** Articles that show the image (hero or body), whose cached pages go stale when it changes. */
  articlesUsing(id: number): Promise<number[]>;
}

export class CursorError extends Error {}

export function createMediaLibrary(db: Database, media: MediaService): MediaLibrary {
  const k = db.kysely;
  const extraColumns = ['id', 'original_name', 'bytes', 'uploaded_by', 'created_at'] as const;

  async function records(rows: Extra[]): Promise<MediaRecord[]> {
    const items = await media.getMany(rows.map((r) => r.id));
    return rows.flatMap((r) => {
      const item = items.get(r.id);
      return item ? [present(item, r)] : [];
    });
  }

  // The body is stored as compact JSON, so an image block reads `"mediaId":<id>` followed by , or }.
  const inBody = (id: number) => sql<boolean>`(body like ${`%"mediaId":${id},%`} or body like ${`%"mediaId":${id}}%`})`;

  return {
    async list({ q, cursor, limit }) {
      let query = k.selectFrom('media').select(extraColumns).orderBy('id', 'desc').limit(limit + 1);
      if (cursor !== undefined && cursor !== '') {
        if (!/^\d{1,15}$/u.test(cursor)) throw new CursorError('The cursor is not one this API gave out.');
        query = query.where('id', '<', Number(cursor));
      }
      const words = (q ?? '').trim().toLowerCase().split(/\s+/u).filter(Boolean).slice(0, 8);
      for (const word of words) {
        // Every word must appear in one of the texts; % and _ in the query are literal.
        const pattern = `%${word.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
        query = query.where(
          sql<boolean>`(lower(caption) like ${pattern} escape '\\' or lower(credit) like ${pattern} escape '\\' or lower(alt) like ${pattern} escape '\\' or lower(original_name) like ${pattern} escape '\\')`,
        );
      }
      const rows = await query.execute();
      const page = rows.slice(0, limit);
      return { items: await records(page), nextCursor: rows.length > limit ? String(page.at(-1)?.id) : null };
    },

    async record(id) {
      const row = await k.selectFrom('media').select(extraColumns).where('id', '=', id).executeTakeFirst();
      return row ? ((await records([row]))[0] ?? null) : null;
    },

    async usage(id) {
      const heroes = await k.selectFrom('articles').select('headline').where('hero_media_id', '=', id).limit(5).execute();
      const bodies = await k.selectFrom('articles').select('headline').where(inBody(id)).limit(5).execute();
      const authors = await k.selectFrom('authors').select('name').where('photo_media_id', '=', id).limit(5).execute();
      const pages = await k.selectFrom('pages').select('title').where(inBody(id)).limit(5).execute();
      return [
        ...heroes.map((a) => `the hero image of the article “${a.headline}”`),
        ...bodies.map((a) => `the body of the article “${a.headline}”`),
        ...authors.map((a) => `the photo of the author ${a.name}`),
        ...pages.map((p) => `the page “${p.title}”`),
      ];
    },

    async articlesUsing(id) {
      const rows = await k.selectFrom('articles').select('id').where((eb) => eb.or([eb('hero_media_id', '=', id), inBody(id)])).execute();
      return rows.map((r) => r.id);
    },
  };
}
