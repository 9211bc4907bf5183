/**
 * The public, read-only Content API under /api/content/: published articles, sections, tags and
 * authors as JSON, for apps and partners. Anyone may read it from any origin (no credentials are
 * involved), responses are cacheable for a short while and carry an ETag for cheap revalidation.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NewsroomDeps } from '../newsroom/deps.js';
import { createContentReader } from './content-read.js';
import {
  ArticleDetailSchema,
  ArticleListQuery,
  ArticleListSchema,
  AuthorSchema,
  ErrorSchema,
  listOf,
  PageQuery,
  SectionSchema,
  SlugParams,
  TagSchema,
} from './content-schemas.js';
import { CursorError, cursors } from './cursor.js';

const MAX_AGE = 60;

export async function registerContentApi(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  const reader = createContentReader(deps.db, deps.media, deps.publicUrl);
  const articleCursors = cursors(deps.secret, 'content.articles');
  const tagCursors = cursors(deps.secret, 'content.tags');
  const k = deps.db.kysely;
  const url = (path: string) => `${deps.publicUrl}${path}`;

  await app.register(async (scope) => {
    // Set before anything can fail, so a browser script can read a 400 as well as a 200.
    scope.addHook('onRequest', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', 'etag').header('cross-origin-resource-policy', 'cross-origin');
    });

    scope.options('/api/content/*', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', 'GET, HEAD')
        .header('access-control-allow-headers', 'if-none-match')
        .header('access-control-max-age', '86400')
        .send(),
    );

    const errors = { 400: ErrorSchema, 404: ErrorSchema };

    scope.get<{ Querystring: ArticleListQuery }>(
      '/api/content/articles',
      {
        schema: {
          tags: ['content'],
          summary: 'Published articles, newest first',
          description: 'Filter by section, tag or author slug, a search query, or a start time; page with `cursor` (from `nextCursor`).',
          querystring: ArticleListQuery,
          response: { 200: ArticleListSchema, ...errors },
        },
      },
      async (request, reply) => {
        const query = request.query;
        const filter: Parameters<typeof reader.articles>[0] = {};
        if (query.section) {
          const section = await deps.queries.sectionBySlug(query.section);
          if (!section) return problem(reply, 400, 'section', `there is no section "${query.section}"`);
          filter.sectionId = section.id;
        }
        if (query.tag) {
          const tag = await deps.queries.tagBySlug(query.tag);
          if (!tag) return problem(reply, 400, 'tag', `there is no tag "${query.tag}"`);
          filter.tagId = tag.id;
        }
        if (query.author) {
          const author = await k.selectFrom('authors').select('id').where('slug', '=', query.author).executeTakeFirst();
          if (!author) return problem(reply, 400, 'author', `there is no author "${query.author}"`);
          filter.authorId = author.id;
        }
        if (query.q !== undefined) filter.q = query.q;
        if (query.since !== undefined) {
          const since = Date.parse(query.since);
          if (!Number.isFinite(since)) return problem(reply, 400, 'since', 'must be an ISO 8601 date or time, such as 2026-11-28 or 2026-11-28T09:00:00Z');
          filter.since = since;
        }
        if (query.cursor !== undefined) {
          try {
            const [publishedAt, id] = articleCursors.decode(query.cursor, ['number', 'number']) as [number, number];
            filter.after = { publishedAt, id };
          } catch (error) {
            if (error instanceof CursorError) return problem(reply, 400, 'cursor', error.message.replace(/^cursor: /u, ''));
            throw error;
          }
        }
        const page = await reader.articles(filter, query.limit ?? 20);
        const nextCursor = page.more && page.last ? articleCursors.encode([page.last.publishedAt, page.last.id]) : null;
        return cached(request, reply, { items: page.items, nextCursor });
      },
    );

    scope.get<{ Params: SlugParams }>(
      '/api/content/articles/:slug',
      {
        schema: {
          tags: ['content'],
          summary: 'One published article, with its body',
          params: SlugParams,
          response: { 200: ArticleDetailSchema, ...errors },
        },
      },
      async (request, reply) => {
        const article = await reader.article(request.params.slug);
        if (!article) return problem(reply, 404, undefined, 'There is no published article with this slug.');
        return cached(request, reply, article);
      },
    );

    scope.get(
      '/api/content/sections',
      { schema: { tags: ['content'], summary: 'All sections, in the order of the site navigation', response: { 200: listOf(SectionSchema) } } },
      async (request, reply) => {
        const sections = await deps.queries.sections();
        return cached(request, reply, { items: sections.map((s) => ({ slug: s.slug, name: s.name, description: s.description, url: url(`/${s.slug}`) })) });
      },
    );

    scope.get<{ Params: SlugParams }>(
      '/api/content/sections/:slug',
      { schema: { tags: ['content'], summary: 'One section', params: SlugParams, response: { 200: SectionSchema, ...errors } } },
      async (request, reply) => {
        const s = await deps.queries.sectionBySlug(request.params.slug);
        if (!s) return problem(reply, 404, undefined, 'There is no section with this slug.');
        return cached(request, reply, { slug: s.slug, name: s.name, description: s.description, url: url(`/${s.slug}`) });
      },
    );

    // Only tags on published articles: a tag made for a draft could give the story away.
    const publicTags = () =>
      k
        .selectFrom('tags as t')
        .select(['t.slug', 't.name'])
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('article_tags as at')
              .innerJoin('articles as a', 'a.id', 'at.article_id')
              .select('at.tag_id')
              .whereRef('at.tag_id', '=', 't.id')
              .where('a.status', '=', 'published'),
          ),
        );

    scope.get<{ Querystring: PageQuery }>(
      '/api/content/tags',
      { schema: { tags: ['content'], summary: 'Tags used on published articles, by slug', querystring: PageQuery, response: { 200: listOf(TagSchema, true), ...errors } } },
      async (request, reply) => {
        const limit = request.query.limit ?? 100;
        let query = publicTags().orderBy('t.slug').limit(limit + 1);
        if (request.query.cursor !== undefined) {
          try {
            const [after] = tagCursors.decode(request.query.cursor, ['string']) as [string];
            query = query.where('t.slug', '>', after);
          } catch (error) {
            if (error instanceof CursorError) return problem(reply, 400, 'cursor', error.message.replace(/^cursor: /u, ''));
            throw error;
          }
        }
        const rows = await query.execute();
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        const nextCursor = rows.length > limit && last ? tagCursors.encode([last.slug]) : null;
        return cached(request, reply, { items: page.map((t) => ({ slug: t.slug, name: t.name, url: url(`/tag/${t.slug}`) })), nextCursor });
      },
    );

    scope.get<{ Params: SlugParams }>(
      '/api/content/tags/:slug',
      { schema: { tags: ['content'], summary: 'One tag', params: SlugParams, response: { 200: TagSchema, ...errors } } },
      async (request, reply) => {
        const tag = await publicTags().where('t.slug', '=', request.params.slug).executeTakeFirst();
        if (!tag) return problem(reply, 404, undefined, 'There is no tag with this slug on a published article.');
        return cached(request, reply, { slug: tag.slug, name: tag.name, url: url(`/tag/${tag.slug}`) });
      },
    );

    const authorOf = (a: Awaited<ReturnType<typeof deps.queries.authors>>[number]) => ({
      slug: a.slug,
      name: a.name,
      title: a.title,
      bio: a.bio,
      url: url(`/author/${a.slug}`),
      photo: a.photo ? reader.image(a.photo) : null,
      links: a.links,
    });

    scope.get(
      '/api/content/authors',
      { schema: { tags: ['content'], summary: 'All authors, by name', response: { 200: listOf(AuthorSchema) } } },
      async (request, reply) => cached(request, reply, { items: (await deps.queries.authors()).map(authorOf) }),
    );

    scope.get<{ Params: SlugParams }>(
      '/api/content/authors/:slug',
      { schema: { tags: ['content'], summary: 'One author profile', params: SlugParams, response: { 200: AuthorSchema, ...errors } } },
      async (request, reply) => {
        const author = await deps.queries.authorBySlug(request.params.slug);
        if (!author) return problem(reply, 404, undefined, 'There is no author with this slug.');
        return cached(request, reply, authorOf(author));
      },
    );
  });
}

function problem(reply: FastifyReply, status: number, field: string | undefined, message: string): FastifyReply {
  const body = field ? { error: `${field}: ${message}`, field, reason: message } : { error: message };
  return reply.code(status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/** Sends JSON with a short public max-age and an ETag; a matching If-None-Match gets a 304. */
function cached(request: FastifyRequest, reply: FastifyReply, data: unknown): FastifyReply {
  const body = JSON.stringify(data);
  const etag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('cache-control', `public, max-age=${MAX_AGE}`).header('etag', etag).header('vary', 'Accept-Encoding');
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//u, '') === etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}
