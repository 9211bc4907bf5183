/**
 * Commands that change published content. Each runs in one transaction, renders the body HTML
 * once when the article is (re)published, keeps the search index in step, and reports which
 * cache tags went stale so every cached page that showed the old content is purged.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';
import type { MediaService } from '../media/service.js';
import { checkDoc, docText, wordCount, type Block, type Doc } from './body-schema.js';
import { pageRecordOf, storePageVersion } from './pages.js';
import { mediaIdsIn, renderBody } from './render-body.js';
import { indexArticle, unindexArticle } from './search.js';
import type { ArticleStatus, NoteKind } from './tables.js';
import { SLUG_PATTERN, slugify } from './types.js';
import { PublishingError } from './errors.js';

export { PublishingError };

export interface ArticleInput {
  headline: string;
  standfirst?: string;
  slug?: string;
  sectionSlug: string;
  body: Doc;
  authors: { slug: string; role?: string | null }[];
  tags?: string[];
  dateline?: string | null;
  heroMediaId?: number | null;
  status: ArticleStatus;
  publishedAt?: number;
  seoTitle?: string | null;
  seoDescription?: string | null;
  socialTitle?: string | null;
  socialDescription?: string | null;
  /** Workflow times, epoch ms (the workflow module checks them; stored as given). */
  publishAt?: number | null;
  unpublishAt?: number | null;
  embargoUntil?: number | null;
  /** Ownership, set once at creation. */
  createdByUser?: number | null;
  createdByKey?: number | null;
}

export interface UpdateOptions {
  now?: number;
  /** The modifiedAt the editor last saw: a save by someone else in between is a 409, not a silent overwrite. */
  expectedModifiedAt?: number;
}

/** Called with the cache tags that are stale after a change. */
export type ContentChanged = (tags: string[]) => void;

export interface PublishingCommands {
  createSection(input: { slug: string; name: string; description?: string; position?: number }): Promise<number>;
  createTag(input: { slug: string; name?: string }): Promise<number>;
  createAuthor(input: { slug: string; name: string; title?: string; bio?: string; photoMediaId?: number | null; links?: { label: string; url: string }[] }): Promise<number>;
  createArticle(input: ArticleInput): Promise<{ id: number; slug: string }>;
  updateArticle(id: number, patch: Partial<ArticleInput>, options?: UpdateOptions): Promise<void>;
  /** Deletes the article (and its revisions, notes, old slugs) and purges every page that showed it. */
  deleteArticle(id: number): Promise<void>;
  addNote(articleId: number, note: { kind: NoteKind; body: string; at?: number }): Promise<void>;
  upsertPage(input: { slug: string; title: string; body: Block[] }): Promise<number>;
}

type Trx = Transaction<Tables>;

/** The shape checks every article save gets (also used before a working copy is stored). */
export function validateArticleInput(input: Partial<ArticleInput>): void {
  if (input.headline !== undefined && !input.headline.trim()) throw new PublishingError('The headline is empty.', 'headline');
  if (input.headline && input.headline.length > 300) throw new PublishingError('The headline is longer than 300 characters.', 'headline');
  if (input.slug !== undefined && !SLUG_PATTERN.test(input.slug)) {
    throw new PublishingError('A slug is lower-case letters, digits and single hyphens.', 'slug');
  }
  if (input.body !== undefined) {
    const problem = checkDoc(input.body)[0];
    if (problem) throw new PublishingError(`The body does not fit the block schema at ${problem.path}: ${problem.message}.`, 'body');
  }
}

export function createPublishingCommands(db: Database, media: MediaService, changed: ContentChanged, clock: () => number = Date.now): PublishingCommands {
  const k = db.kysely;
  /** modifiedAt is the editors' version token: it must move on every save, even within one millisecond. */
  const nextModified = (now: number, previous: number) => Math.max(now, previous + 1);

  async function render(doc: Doc): Promise<string> {
    const items = await media.getMany(mediaIdsIn(doc));
    return JSON.stringify(renderBody(doc, items));
  }

  async function sectionId(trx: Trx, slug: string): Promise<number> {
    const row = await trx.selectFrom('sections').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!row) throw new PublishingError(`There is no section "${slug}".`, 'section');
    return row.id;
  }

  async function setAuthors(trx: Trx, articleId: number, authors: ArticleInput['authors']): Promise<number[]> {
    if (authors.length === 0) throw new PublishingError('An article needs at least one author.', 'authors');
    const rows = await trx.selectFrom('authors').select(['id', 'slug']).where('slug', 'in', authors.map((a) => a.slug)).execute();
    const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
    await trx.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
    const ids: number[] = [];
    for (const [position, author] of authors.entries()) {
      const authorId = bySlug.get(author.slug);
      if (!authorId) throw new PublishingError(`There is no author "${author.slug}".`, 'authors');
      if (ids.includes(authorId)) continue;
      ids.push(authorId);
      await trx.insertInto('article_authors').values({ article_id: articleId, author_id: authorId, position, role_label: author.role?.trim() || null }).execute();
    }
    return ids;
  }

  async function setTags(trx: Trx, articleId: number, tags: string[]): Promise<number[]> {
    await trx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
    const ids: number[] = [];
    for (const raw of tags) {
      const slug = slugify(raw);
      let row = await trx.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
      if (!row) row = await trx.insertInto('tags').values({ slug, name: raw.includes('-') ? raw.replace(/-/gu, ' ') : raw }).returning('id').executeTakeFirstOrThrow();
      if (ids.includes(row.id)) continue;
      ids.push(row.id);
      await trx.insertInto('article_tags').values({ article_id: articleId, tag_id: row.id }).execute();
    }
    return ids;
  }

  function staleTags(articleId: number, sectionIds: number[], authorIds: number[], tagIds: number[]): string[] {
    return [
      `article:${articleId}`,
      ...sectionIds.map((id) => `section:${id}`),
      ...authorIds.map((id) => `author:${id}`),
      ...tagIds.map((id) => `tag:${id}`),
      'front',
      'feeds',
      'sitemaps',
      'search',
    ];
  }

  async function linkedIds(trx: Trx, articleId: number) {
    const [authors, tags] = await Promise.all([
      trx.selectFrom('article_authors').select('author_id').where('article_id', '=', articleId).execute(),
      trx.selectFrom('article_tags').select('tag_id').where('article_id', '=', articleId).execute(),
    ]);
    return { authorIds: authors.map((a) => a.author_id), tagIds: tags.map((t) => t.tag_id) };
  }

  return {
    async createSection(input) {
      if (!SLUG_PATTERN.test(input.slug)) throw new PublishingError('A slug is lower-case letters, digits and single hyphens.', 'slug');
      const row = await k
        .insertInto('sections')
        .values({ slug: input.slug, name: input.name, description: input.description ?? '', position: input.position ?? 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      changed(['front', 'sections', 'sitemaps']);
      return row.id;
    },

    async createTag(input) {
      const row = await k.insertInto('tags').values({ slug: input.slug, name: input.name ?? input.slug }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    async createAuthor(input) {
      if (!SLUG_PATTERN.test(input.slug)) throw new PublishingError('A slug is lower-case letters, digits and single hyphens.', 'slug');
      const row = await k
        .insertInto('authors')
        .values({
          slug: input.slug,
          name: input.name,
          title: input.title ?? '',
          bio: input.bio ?? '',
          photo_media_id: input.photoMediaId ?? null,
          links: JSON.stringify(input.links ?? []),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      changed(['sitemaps']);
      return row.id;
    },

    async createArticle(input) {
      validateArticleInput(input);
      const slug = input.slug ?? slugify(input.headline);
      const now = clock();
      const published = input.status === 'published';
      // Rendering reads media; done before the transaction, whose connection SQLite would make it wait for.
      const rendered = published ? await render(input.body) : null;
      const result = await k.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
        if (taken) throw new PublishingError(`Another article already uses the slug "${slug}".`, 'slug', 409);
        const section = await sectionId(trx, input.sectionSlug);
        const row = await trx
          .insertInto('articles')
          .values({
            slug,
            headline: input.headline.trim(),
            standfirst: input.standfirst?.trim() ?? '',
            section_id: section,
            body: JSON.stringify(input.body),
            rendered_body: rendered,
            hero_media_id: input.heroMediaId ?? null,
            dateline: input.dateline?.trim() || null,
            status: input.status,
            published_at: published ? (input.publishedAt ?? now) : null,
            updated_at: null,
            created_at: now,
            modified_at: now,
            seo_title: input.seoTitle ?? null,
            seo_description: input.seoDescription ?? null,
            social_title: input.socialTitle ?? null,
            social_description: input.socialDescription ?? null,
            publish_at: input.publishAt ?? null,
            unpublish_at: input.unpublishAt ?? null,
            embargo_until: input.embargoUntil ?? null,
            created_by_user: input.createdByUser ?? null,
            created_by_key: input.createdByKey ?? null,
            word_count: wordCount(input.body),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const authorIds = await setAuthors(trx, row.id, input.authors);
        const tagIds = await setTags(trx, row.id, input.tags ?? []);
        if (published) {
          await indexArticle(trx, db.dialect, row.id, { headline: input.headline, standfirst: input.standfirst ?? '', body: docText(input.body) });
        }
        return { id: row.id, tags: staleTags(row.id, [section], authorIds, tagIds) };
      });
      if (published) changed(result.tags);
      return { id: result.id, slug };
    },

    async updateArticle(id, patch, options = {}) {
      validateArticleInput(patch);
      const now = options.now ?? clock();
      const loaded = await k.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
      if (!loaded) throw new PublishingError('There is no such article.', undefined, 404);
      if (options.expectedModifiedAt !== undefined && options.expectedModifiedAt !== loaded.modified_at) {
        throw new PublishingError('Someone else saved this article since you opened it; reload to see their changes.', 'expectedModifiedAt', 409);
      }
      const body: Doc = patch.body ?? (JSON.parse(loaded.body) as Doc);
      const status = patch.status ?? loaded.status;
      // Rendered outside the transaction (it reads media); the transaction then checks that
      // nobody saved in between, so the rendered HTML always matches the stored body.
      const rendered = status === 'published' ? await render(body) : loaded.rendered_body;
      const tags = await k.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
        if (!current) throw new PublishingError('There is no such article.', undefined, 404);
        if (current.modified_at !== loaded.modified_at) {
          throw new PublishingError('The article was changed by someone else while saving; reload and try again.', undefined, 409);
        }
        const before = await linkedIds(trx, id);
        const headline = patch.headline?.trim() ?? current.headline;
        const standfirst = patch.standfirst?.trim() ?? current.standfirst;
        const section = patch.sectionSlug ? await sectionId(trx, patch.sectionSlug) : current.section_id;
        const wasPublished = current.status === 'published';
        const isPublished = status === 'published';
        if (patch.slug && patch.slug !== current.slug) {
          const taken = await trx.selectFrom('articles').select('id').where('slug', '=', patch.slug).executeTakeFirst();
          if (taken) throw new PublishingError(`Another article already uses the slug "${patch.slug}".`, 'slug', 409);
          // Old links keep working: the old slug answers with a 301 to the new one.
          if (wasPublished) {
            await trx.deleteFrom('article_slugs').where('slug', '=', current.slug).execute();
            await trx.insertInto('article_slugs').values({ slug: current.slug, article_id: id }).execute();
          }
          await trx.deleteFrom('article_slugs').where('slug', '=', patch.slug).execute();
        }
        await trx
          .updateTable('articles')
          .set({
            slug: patch.slug ?? current.slug,
            headline,
            standfirst,
            section_id: section,
            body: JSON.stringify(body),
            rendered_body: rendered,
            hero_media_id: patch.heroMediaId === undefined ? current.hero_media_id : patch.heroMediaId,
            dateline: patch.dateline === undefined ? current.dateline : patch.dateline?.trim() || null,
            status,
            published_at: isPublished ? (current.published_at ?? patch.publishedAt ?? now) : current.published_at,
            updated_at: wasPublished && isPublished ? now : current.updated_at,
            modified_at: nextModified(now, current.modified_at),
            seo_title: patch.seoTitle === undefined ? current.seo_title : patch.seoTitle,
            seo_description: patch.seoDescription === undefined ? current.seo_description : patch.seoDescription,
            social_title: patch.socialTitle === undefined ? current.social_title : patch.socialTitle,
            social_description: patch.socialDescription === undefined ? current.social_description : patch.socialDescription,
            publish_at: patch.publishAt === undefined ? current.publish_at : patch.publishAt,
            unpublish_at: patch.unpublishAt === undefined ? current.unpublish_at : patch.unpublishAt,
            embargo_until: patch.embargoUntil === undefined ? current.embargo_until : patch.embargoUntil,
            word_count: wordCount(body),
          })
          .where('id', '=', id)
          .execute();
        if (patch.authors) await setAuthors(trx, id, patch.authors);
        if (patch.tags) await setTags(trx, id, patch.tags);
        if (isPublished) await indexArticle(trx, db.dialect, id, { headline, standfirst, body: docText(body) });
        else await unindexArticle(trx, db.dialect, id);
        const after = await linkedIds(trx, id);
        return staleTags(
          id,
          [...new Set([current.section_id, section])],
          [...new Set([...before.authorIds, ...after.authorIds])],
          [...new Set([...before.tagIds, ...after.tagIds])],
        );
      });
      changed(tags);
    },

    async addNote(articleId, note) {
      const at = note.at ?? clock();
      if (!note.body.trim()) throw new PublishingError('The note is empty.', 'body');
      await k.transaction().execute(async (trx) => {
        const article = await trx.selectFrom('articles').select(['id', 'status', 'modified_at']).where('id', '=', articleId).executeTakeFirst();
        if (!article) throw new PublishingError('There is no such article.', undefined, 404);
        await trx.insertInto('article_notes').values({ article_id: articleId, kind: note.kind, body: note.body.trim(), created_at: at }).execute();
        // A correction or update is a change readers must be able to see: it moves dateModified.
        await trx.updateTable('articles').set({ updated_at: at, modified_at: nextModified(at, article.modified_at) }).where('id', '=', articleId).execute();
      });
      changed([`article:${articleId}`, 'feeds', 'sitemaps']);
    },

    async deleteArticle(id) {
      const tags = await k.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('articles').select(['id', 'section_id']).where('id', '=', id).executeTakeFirst();
        if (!current) throw new PublishingError('There is no such article.', undefined, 404);
        const linked = await linkedIds(trx, id);
        await unindexArticle(trx, db.dialect, id);
        await trx.deleteFrom('articles').where('id', '=', id).execute();
        return staleTags(id, [current.section_id], linked.authorIds, linked.tagIds);
      });
      changed(tags);
    },

    async upsertPage(input) {
      const doc: Doc = { type: 'doc', content: input.body };
      const problem = checkDoc(doc)[0];
      if (problem) throw new PublishingError(`The page body does not fit the block schema at ${problem.path}: ${problem.message}.`, 'body');
      const values = { slug: input.slug, title: input.title, body: doc };
      const save = { html: await render(doc), now: clock(), savedBy: '' };
      // Saved as a version, like every save in the pages service (pages.ts), so the history starts here.
      const { id, stored } = await k.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('pages').select(['id', 'slug', 'title', 'body', 'version', 'updated_at']).where('slug', '=', input.slug).executeTakeFirst();
        const current = row ? pageRecordOf(row) : null;
        // The same text again (a repeated seed) is not a new version.
        if (current && current.title === values.title && JSON.stringify(current.body) === JSON.stringify(doc)) return { id: current.id, stored: false };
        return { id: (await storePageVersion(trx, current, values, save)).id, stored: true };
      });
      if (stored) changed([`page:${input.slug}`, 'sitemaps']);
      return id;
    },
  };
}
