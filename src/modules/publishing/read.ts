/**
 * Read-side queries for published content. Listings are shaped as cards in a fixed number of
 * queries (articles, then their bylines and heroes in one query each), whatever the page size.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';
import { prepared } from '../../db/prepared.js';
import type { MediaService } from '../media/service.js';
import type { RenderedPart } from './render-body.js';
import { searchArticles, type SearchHit } from './search.js';
import {
  articlePath,
  type Article,
  type ArticleCard,
  type Author,
  type Byline,
  type Page,
  type Paged,
  type Section,
  type TagRef,
} from './types.js';

export interface ListFilter {
  sectionId?: number;
  tagId?: number;
  authorId?: number;
  excludeId?: number;
}

/** What a listing shows of an article (a card), selected from listedArticles. */
export const cardColumns = [
  'a.id',
  'a.slug',
  'a.headline',
  'a.standfirst',
  'a.hero_media_id',
  'a.dateline',
  'a.published_at',
  'a.updated_at',
  's.id as section_id',
  's.slug as section_slug',
  's.name as section_name',
] as const;

/**
 * Published articles (`a`, with their section as `s`) narrowed by a listing filter, nothing
 * selected yet. The site's listings and the Content API both start here, so a section, tag or
 * author filter means the same in both.
 */
export function listedArticles(k: Kysely<Tables>, filter: ListFilter = {}) {
  let q = k.selectFrom('articles as a').innerJoin('sections as s', 's.id', 'a.section_id').where('a.status', '=', 'published');
  if (filter.sectionId !== undefined) q = q.where('a.section_id', '=', filter.sectionId);
  if (filter.excludeId !== undefined) q = q.where('a.id', '!=', filter.excludeId);
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    q = q.where((eb) => eb.exists(eb.selectFrom('article_tags as t').select('t.article_id').whereRef('t.article_id', '=', 'a.id').where('t.tag_id', '=', tagId)));
  }
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('article_authors as aa').select('aa.article_id').whereRef('aa.article_id', '=', 'a.id').where('aa.author_id', '=', authorId)),
    );
  }
  return q;
}

export type ArticleLookup = { found: Article; related: ArticleCard[] } | { redirect: string } | null;

export interface PublishingQueries {
  sections(): Promise<Section[]>;
  sectionBySlug(slug: string): Promise<Section | null>;
  tagBySlug(slug: string): Promise<TagRef | null>;
  authors(): Promise<Author[]>;
  authorBySlug(slug: string): Promise<Author | null>;
  /**
   * An article by section and slug, with the latest `related` stories of its section; an old
   * slug or the wrong section answers with a redirect.
   */
  article(sectionSlug: string, slug: string, related?: number): Promise<ArticleLookup>;
  articleById(id: number): Promise<Article | null>;
  list(filter: ListFilter, page: number, pageSize: number): Promise<Paged<ArticleCard>>;
  latest(limit: number, filter?: ListFilter): Promise<ArticleCard[]>;
  search(query: string, page: number, pageSize: number): Promise<Paged<ArticleCard & { hit: SearchHit }>>;
  page(slug: string): Promise<Page | null>;
  pages(): Promise<{ slug: string; title: string; updatedAt: number }[]>;
  /** Everything a sitemap needs, oldest first, in slices. */
  sitemapArticles(offset: number, limit: number): Promise<{ path: string; modifiedAt: number }[]>;
  newsSitemapArticles(since: number): Promise<{ path: string; headline: string; publishedAt: number; tags: string[] }[]>;
  countPublished(): Promise<number>;
}

export function createPublishingQueries(db: Database, media: MediaService): PublishingQueries {
  const k = db.kysely;

  const published = () => listedArticles(k);
  const filtered = (filter: ListFilter) => listedArticles(k, filter);

  type CardRow = {
    id: number;
    slug: string;
    headline: string;
    standfirst: string;
    hero_media_id: number | null;
    dateline: string | null;
    published_at: number | null;
    updated_at: number | null;
    section_id: number;
    section_slug: string;
    section_name: string;
  };

  async function bylines(ids: number[]): Promise<Map<number, Byline[]>> {
    const result = new Map<number, Byline[]>();
    if (ids.length === 0) return result;
    const rows = await k
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .select(['aa.article_id', 'aa.role_label', 'au.id', 'au.slug', 'au.name'])
      .where('aa.article_id', 'in', ids)
      .orderBy('aa.article_id')
      .orderBy('aa.position')
      .execute();
    for (const row of rows) {
      const list = result.get(row.article_id) ?? [];
      list.push({ id: row.id, slug: row.slug, name: row.name, role: row.role_label });
      result.set(row.article_id, list);
    }
    return result;
  }

  async function toCards(rows: CardRow[]): Promise<ArticleCard[]> {
    const ids = rows.map((r) => r.id);
    const [byArticle, heroes] = await Promise.all([
      bylines(ids),
      media.getMany(rows.flatMap((r) => (r.hero_media_id ? [r.hero_media_id] : []))),
    ]);
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      path: articlePath(r.section_slug, r.slug),
      headline: r.headline,
      standfirst: r.standfirst,
      section: { id: r.section_id, slug: r.section_slug, name: r.section_name },
      authors: byArticle.get(r.id) ?? [],
      hero: r.hero_media_id ? (heroes.get(r.hero_media_id) ?? null) : null,
      dateline: r.dateline,
      publishedAt: r.published_at ?? 0,
      updatedAt: r.updated_at,
    }));
  }

  async function latest(limit: number, filter: ListFilter = {}, offset = 0): Promise<ArticleCard[]> {
    const rows = await filtered(filter).select(cardColumns).orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(limit).offset(offset).execute();
    return toCards(rows);
  }

  type ArticleRow = CardRow & { rendered_body: string | null; seo_title: string | null; seo_description: string | null; word_count: number; modified_at: number };

  /** The article and any extra cards share the byline and media queries (the hot article page). */
  async function fullArticle(row: ArticleRow, extra: CardRow[] = []): Promise<{ article: Article; extra: ArticleCard[] }> {
    const [card, ...others] = await toCards([row, ...extra]);
    const [tags, notes] = await Promise.all([tagsOf(row.id), notesOf(row.id)]);
    const article: Article = {
      ...(card as ArticleCard),
      body: row.rendered_body ? (JSON.parse(row.rendered_body) as RenderedPart[]) : [],
      tags,
      notes: notes.map((n) => ({ kind: n.kind, body: n.body, createdAt: n.created_at })),
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      wordCount: row.word_count,
      modifiedAt: row.modified_at,
    };
    return { article, extra: others };
  }

  const articleColumns = [...cardColumns, 'a.rendered_body', 'a.seo_title', 'a.seo_description', 'a.word_count', 'a.modified_at'] as const;

  // The article page's queries, compiled once (see db/prepared.ts). Samples are arbitrary unique values.
  const articleBySlug = prepared(k, (slug: string) => published().select(articleColumns).where('a.slug', '=', slug).limit(1), ['\u0000slug']);
  const relatedTo = prepared(
    k,
    (sectionId: number, excludeId: number, limit: number) =>
      filtered({ sectionId, excludeId }).select(cardColumns).orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(limit),
    [-101, -102, -103],
  );
  const tagsOf = prepared(
    k,
    (articleId: number) => k.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').select(['t.id', 't.slug', 't.name']).where('at.article_id', '=', articleId).orderBy('t.name'),
    [-104],
  );
  const notesOf = prepared(
    k,
    (articleId: number) => k.selectFrom('article_notes').select(['kind', 'body', 'created_at']).where('article_id', '=', articleId).orderBy('created_at', 'desc'),
    [-105],
  );

  async function author(row: { id: number; slug: string; name: string; title: string; bio: string; photo_media_id: number | null; links: string }, photos: Map<number, Awaited<ReturnType<MediaService['get']>> & object>): Promise<Author> {
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      title: row.title,
      bio: row.bio,
      photo: row.photo_media_id ? (photos.get(row.photo_media_id) ?? null) : null,
      links: JSON.parse(row.links) as Author['links'],
    };
  }

  return {
    async sections() {
      return k.selectFrom('sections').select(['id', 'slug', 'name', 'description', 'position']).orderBy('position').orderBy('name').execute();
    },

    async sectionBySlug(slug) {
      return (await k.selectFrom('sections').select(['id', 'slug', 'name', 'description', 'position']).where('slug', '=', slug).executeTakeFirst()) ?? null;
    },

    async tagBySlug(slug) {
      return (await k.selectFrom('tags').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst()) ?? null;
    },

    async authors() {
      const rows = await k.selectFrom('authors').selectAll().orderBy('name').execute();
      const photos = await media.getMany(rows.flatMap((r) => (r.photo_media_id ? [r.photo_media_id] : [])));
      return Promise.all(rows.map((r) => author(r, photos)));
    },

    async authorBySlug(slug) {
      const row = await k.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
      if (!row) return null;
      const photos = await media.getMany(row.photo_media_id ? [row.photo_media_id] : []);
      return author(row, photos);
    },

    async article(sectionSlug, slug, related = 0) {
      const [row] = await articleBySlug(slug);
      if (row) {
        if (row.section_slug !== sectionSlug) return { redirect: articlePath(row.section_slug, row.slug) };
        const relatedRows = related > 0 ? await relatedTo(row.section_id, row.id, related) : [];
        const { article, extra } = await fullArticle(row, relatedRows);
        return { found: article, related: extra };
      }
      const old = await k
        .selectFrom('article_slugs as o')
        .innerJoin('articles as a', 'a.id', 'o.article_id')
        .innerJoin('sections as s', 's.id', 'a.section_id')
        .select(['a.slug', 's.slug as section_slug'])
        .where('o.slug', '=', slug)
        .where('a.status', '=', 'published')
        .executeTakeFirst();
      return old ? { redirect: articlePath(old.section_slug, old.slug) } : null;
    },

    async articleById(id) {
      const row = await published().select(articleColumns).where('a.id', '=', id).executeTakeFirst();
      return row ? (await fullArticle(row)).article : null;
    },

    async list(filter, page, pageSize) {
      const countRow = await filtered(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const total = Number(countRow?.n ?? 0);
      const items = await latest(pageSize, filter, (page - 1) * pageSize);
      return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
    },

    latest,

    async search(query, page, pageSize) {
      const { hits, total } = await searchArticles(db, query, pageSize, (page - 1) * pageSize);
      const rows = hits.length ? await published().select(cardColumns).where('a.id', 'in', hits.map((h) => h.articleId)).execute() : [];
      const cards = new Map((await toCards(rows)).map((c) => [c.id, c]));
      const items = hits.flatMap((hit) => {
        const card = cards.get(hit.articleId);
        return card ? [{ ...card, hit }] : [];
      });
      return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
    },

    async page(slug) {
      const row = await k.selectFrom('pages').select(['id', 'slug', 'title', 'rendered_body', 'updated_at', 'version']).where('slug', '=', slug).executeTakeFirst();
      if (!row) return null;
      return { id: row.id, slug: row.slug, title: row.title, body: JSON.parse(row.rendered_body) as RenderedPart[], updatedAt: row.updated_at, version: Number(row.version) };
    },

    async pages() {
      const rows = await k.selectFrom('pages').select(['slug', 'title', 'updated_at']).orderBy('slug').execute();
      return rows.map((r) => ({ slug: r.slug, title: r.title, updatedAt: r.updated_at }));
    },

    async sitemapArticles(offset, limit) {
      const rows = await published()
        .select(['a.slug', 's.slug as section_slug', 'a.modified_at'])
        // Oldest first: a new story lands in the last file, so earlier files stay byte-stable for crawlers.
        .orderBy('a.published_at', 'asc')
        .orderBy('a.id', 'asc')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map((r) => ({ path: articlePath(r.section_slug, r.slug), modifiedAt: r.modified_at }));
    },

    async newsSitemapArticles(since) {
      const rows = await published()
        .select(['a.id', 'a.slug', 's.slug as section_slug', 'a.headline', 'a.published_at'])
        .where('a.published_at', '>=', since)
        .orderBy('a.published_at', 'desc')
        .limit(1000)
        .execute();
      const tagRows = rows.length
        ? await k.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').select(['at.article_id', 't.name']).where('at.article_id', 'in', rows.map((r) => r.id)).execute()
        : [];
      return rows.map((r) => ({
        path: articlePath(r.section_slug, r.slug),
        headline: r.headline,
        publishedAt: r.published_at ?? 0,
        tags: tagRows.filter((t) => t.article_id === r.id).map((t) => t.name),
      }));
    },

    async countPublished() {
      const row = await sql<{ n: number }>`SELECT count(*) AS n FROM articles WHERE status = 'published'`.execute(k);
      return Number(row.rows[0]?.n ?? 0);
    },
  };
}
