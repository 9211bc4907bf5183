/**
 * The Content API's reads: published articles only, newest first, paged by a keyset on
 * (published_at, id) so the thousandth page costs what the first does (the articles_status_published
 * index serves both the filter and the order). Bylines, tags and hero images for a page are
 * loaded in one query each, whatever the page size.
 */
import type { Database } from '../../db/database.js';
import type { MediaItem, MediaService } from '../media/service.js';
import { fallbackFormat, mediaUrl, sizeAt } from '../media/urls.js';
import { widthsFor } from '../media/variants.js';
import { cardColumns, listedArticles, matchingArticleIds, type RenderedPart } from '../publishing/index.js';
import type { ArticleItem } from './content-schemas.js';

export interface ArticleFilter {
  sectionId?: number;
  tagId?: number;
  authorId?: number;
  /** What a reader typed; matched with the site's full-text index. */
  q?: string;
  /** Epoch milliseconds: published at or after. */
  since?: number;
  /** The last item of the previous page. */
  after?: { publishedAt: number; id: number };
}

export interface ArticleDetail extends ArticleItem {
  body: unknown;
  html: string;
  notes: { kind: string; body: string; createdAt: string }[];
}

export interface ContentReader {
  /** One more than `limit` rows are read, to know whether a next page exists. */
  articles(filter: ArticleFilter, limit: number): Promise<{ items: ArticleItem[]; last: { publishedAt: number; id: number } | null; more: boolean }>;
  article(slug: string): Promise<ArticleDetail | null>;
  image(item: MediaItem): ArticleItem['heroImage'];
}

const iso = (ms: number) => new Date(ms).toISOString();

export function createContentReader(db: Database, media: MediaService, publicUrl: string): ContentReader {
  const k = db.kysely;

  /** The site's own card columns and section, tag and author filters (publishing's listedArticles). */
  function published(filter: Pick<ArticleFilter, 'sectionId' | 'tagId' | 'authorId'> = {}) {
    return listedArticles(k, filter).select([...cardColumns, 'a.word_count']);
  }
  type Row = Awaited<ReturnType<ReturnType<typeof published>['execute']>>[number];

  function image(item: MediaItem): ArticleItem['heroImage'] {
    const width = Math.max(...widthsFor(item.width));
    const size = sizeAt(item, width);
    return {
      url: `${publicUrl}${mediaUrl(item, { width, ratio: null, format: fallbackFormat(item) })}`,
      width: size.width,
      height: size.height,
      alt: item.alt,
      caption: item.caption,
      credit: item.credit,
    };
  }

  async function toItems(rows: Row[]): Promise<ArticleItem[]> {
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return [];
    const [bylines, tags, heroes, discussions] = await Promise.all([
      k
        .selectFrom('article_authors as aa')
        .innerJoin('authors as au', 'au.id', 'aa.author_id')
        .select(['aa.article_id', 'aa.role_label', 'au.slug', 'au.name'])
        .where('aa.article_id', 'in', ids)
        .orderBy('aa.article_id')
        .orderBy('aa.position')
        .execute(),
      k
        .selectFrom('article_tags as at')
        .innerJoin('tags as t', 't.id', 'at.tag_id')
        .select(['at.article_id', 't.slug', 't.name'])
        .where('at.article_id', 'in', ids)
        .orderBy('t.name')
        .execute(),
      media.getMany(rows.flatMap((r) => (r.hero_media_id ? [r.hero_media_id] : []))),
      // Approved comments, counted on the story row (no story yet: none).
      k.selectFrom('comment_stories').select(['article_id', 'comment_count']).where('article_id', 'in', ids).execute(),
    ]);
    return rows.map((r) => {
      const hero = r.hero_media_id ? heroes.get(r.hero_media_id) : undefined;
      return {
        id: r.id,
        slug: r.slug,
        url: `${publicUrl}/${r.section_slug}/${r.slug}`,
        headline: r.headline,
        standfirst: r.standfirst,
        section: { slug: r.section_slug, name: r.section_name, url: `${publicUrl}/${r.section_slug}` },
        authors: bylines
          .filter((b) => b.article_id === r.id)
          .map((b) => ({ slug: b.slug, name: b.name, role: b.role_label, url: `${publicUrl}/author/${b.slug}` })),
        tags: tags.filter((t) => t.article_id === r.id).map((t) => ({ slug: t.slug, name: t.name })),
        dateline: r.dateline,
        publishedAt: iso(r.published_at ?? 0),
        updatedAt: r.updated_at === null ? null : iso(r.updated_at),
        heroImage: hero ? image(hero) : null,
        wordCount: r.word_count,
        commentCount: discussions.find((d) => d.article_id === r.id)?.comment_count ?? 0,
      };
    });
  }

  return {
    image,

    async articles(filter, limit) {
      const { sectionId, tagId, authorId } = filter;
      let query = published({ sectionId, tagId, authorId }).orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(limit + 1);
      if (filter.since !== undefined) query = query.where('a.published_at', '>=', filter.since);
      if (filter.q !== undefined) {
        const ids = matchingArticleIds(db.dialect, filter.q);
        if (!ids) return { items: [], last: null, more: false };
        query = query.where('a.id', 'in', ids);
      }
      if (filter.after) {
        const { publishedAt, id } = filter.after;
        // A row-value comparison: one index range scan from the cursor on, never an offset.
        query = query.where((eb) => eb(eb.refTuple('a.published_at', 'a.id'), '<', eb.tuple(publishedAt, id)));
      }
      const rows = await query.execute();
      const more = rows.length > limit;
      const page = rows.slice(0, limit);
      const tail = page.at(-1);
      return { items: await toItems(page), last: tail ? { publishedAt: tail.published_at ?? 0, id: tail.id } : null, more };
    },

    async article(slug) {
      const row = await published().select(['a.body', 'a.rendered_body']).where('a.slug', '=', slug).executeTakeFirst();
      if (!row) return null;
      const [item] = await toItems([row]);
      if (!item) return null;
      const notes = await k.selectFrom('article_notes').select(['kind', 'body', 'created_at']).where('article_id', '=', row.id).orderBy('created_at', 'desc').execute();
      const parts = row.rendered_body ? (JSON.parse(row.rendered_body) as RenderedPart[]) : [];
      return {
        ...item,
        body: JSON.parse(row.body) as unknown,
        html: parts.map((p) => p.html).join('\n'),
        notes: notes.map((n) => ({ kind: n.kind, body: n.body, createdAt: iso(n.created_at) })),
      };
    },
  };
}
