/**
 * Public routes. Each reads as: validate the address → serve from the page cache → on a miss,
 * render and store with its tags. Redirects (old slugs) are cached like pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../http/errors.js';
import { makeEntry, type PageCache } from '../../http/page-cache.js';
import { PAGE_POLICY, PRIVATE_POLICY, sendPage } from '../../http/send-page.js';
import { parseSectionQuery } from '../comments/index.js';
import { SLUG_PATTERN } from '../publishing/index.js';
import type { MediaService } from '../media/service.js';
import type { Assets } from './assets.js';
import type { RenderResult, SiteRenderer } from './render.js';
import { variantKey, type Visitor, type Visitors } from './visitor.js';

const HTML = 'text/html; charset=utf-8';
const MAX_PAGE = 100_000;

export interface SiteRouteDeps {
  renderer: SiteRenderer;
  cache: PageCache;
  assets: Assets;
  media: MediaService;
  visitors: Visitors;
  notFoundPage: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
}

/** `?page=` as a whole number from 1 to 100,000; anything else is the reader's mistake (400). */
export function parsePage(raw: unknown): number {
  if (raw === undefined || raw === '') return 1;
  if (typeof raw !== 'string' || !/^\d{1,6}$/u.test(raw)) throw new HttpError(400, `Bad Request: page must be a whole number from 1 to ${MAX_PAGE}.`);
  const page = Number(raw);
  if (page < 1 || page > MAX_PAGE) throw new HttpError(400, `Bad Request: page must be a whole number from 1 to ${MAX_PAGE}.`);
  return page;
}

type Query = Record<string, string | string[] | undefined>;

export function registerSiteRoutes(app: FastifyInstance, deps: SiteRouteDeps): void {
  const { renderer, cache, notFoundPage } = deps;

  /**
   * `key` null: render fresh for this request, neither stored nor shared (no-store). Pages are
   * cached per visitor variant; only the plain variant may be kept by shared caches (CDNs).
   */
  async function serve(request: FastifyRequest, reply: FastifyReply, key: string | null, render: (visitor: Visitor) => Promise<RenderResult>) {
    const visitor = await deps.visitors.of(request);
    const variant = variantKey(visitor);
    const fullKey = key === null ? null : variant ? `${key}#${variant}` : key;
    const policy = variant ? PRIVATE_POLICY : PAGE_POLICY;
    const hit = fullKey === null ? undefined : cache.get(fullKey);
    if (hit) return sendPage(request, reply, hit, policy);
    const generation = cache.generation;
    const result = await render(visitor);
    if ('notFound' in result) return notFoundPage(request, reply);
    if ('redirect' in result) {
      const entry = makeEntry(301, 'text/plain; charset=utf-8', `Moved to ${result.redirect}\n`, ['redirects'], { location: result.redirect });
      return sendPage(request, reply, entry, PAGE_POLICY);
    }
    const entry = makeEntry(200, HTML, result.html, result.tags);
    if (fullKey === null) return sendPage(request, reply, entry, null);
    cache.set(fullKey, entry, generation);
    return sendPage(request, reply, entry, policy);
  }

  const pageOf = (request: FastifyRequest) => parsePage((request.query as Query).page);
  const slugOk = (...slugs: string[]) => slugs.every((s) => s.length <= 200 && SLUG_PATTERN.test(s));

  app.get('/', (request, reply) => serve(request, reply, '/', (visitor) => renderer.front(visitor)));

  app.get('/healthz', async (_request, reply) => {
    await renderer.context();
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });

  app.get('/search', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (request, reply) => {
    const raw = (request.query as Query).q;
    const q = typeof raw === 'string' ? raw.slice(0, 200) : '';
    const page = await renderer.search(q, pageOf(request), await deps.visitors.of(request));
    return reply.code(200).type(HTML).header('cache-control', 'no-store').send(page.html);
  });

  app.get<{ Params: { slug: string } }>('/tag/:slug', (request, reply) => {
    const page = pageOf(request);
    if (!slugOk(request.params.slug)) return notFoundPage(request, reply);
    return serve(request, reply, `/tag/${request.params.slug}?page=${page}`, (visitor) => renderer.tag(request.params.slug, page, visitor));
  });

  app.get<{ Params: { slug: string } }>('/author/:slug', (request, reply) => {
    const page = pageOf(request);
    if (!slugOk(request.params.slug)) return notFoundPage(request, reply);
    return serve(request, reply, `/author/${request.params.slug}?page=${page}`, (visitor) => renderer.author(request.params.slug, page, visitor));
  });

  // One path segment: a section front, else a static page.
  app.get<{ Params: { first: string } }>('/:first', (request, reply) => {
    const { first } = request.params;
    const page = pageOf(request);
    if (!slugOk(first)) return notFoundPage(request, reply);
    return serve(request, reply, `/${first}?page=${page}`, async (visitor) => {
      const section = await renderer.section(first, page, visitor);
      if (!('notFound' in section) || page > 1) return section;
      return renderer.page(first, visitor);
    });
  });

  app.get<{ Params: { section: string; slug: string } }>('/:section/:slug', (request, reply) => {
    const { section, slug } = request.params;
    if (!slugOk(section, slug)) return notFoundPage(request, reply);
    // The comments section's state (sort, next page, a linked comment): sorts are cached as
    // variants of the page, cursors and ids are rendered fresh.
    const comments = parseSectionQuery(request.query);
    const key = comments.cacheSuffix === null ? null : `/${section}/${slug}${comments.cacheSuffix}`;
    return serve(request, reply, key, (visitor) => renderer.article(section, slug, comments.query, visitor));
  });

  app.get<{ Params: { file: string } }>('/assets/:file', (request, reply) => {
    const asset = deps.assets.byUrl(`/assets/${request.params.file}`);
    if (!asset) return notFoundPage(request, reply);
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', asset.etag).type(asset.contentType).header('vary', 'Accept-Encoding');
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    const accept = request.headers['accept-encoding'] ?? '';
    if (/\bbr\b/u.test(accept)) return reply.header('content-encoding', 'br').send(asset.br);
    if (/\bgzip\b/u.test(accept)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  });

  app.get<{ Params: { id: string; version: string; variant: string } }>('/media/:id/:version/:variant', async (request, reply) => {
    const { id, version, variant } = request.params;
    if (!/^\d{1,10}$/u.test(id) || !/^[a-f0-9]{10}$/u.test(version)) return notFoundPage(request, reply);
    const found = await deps.media.variant(Number(id), version, variant);
    if (!found) {
      // An older version (the focal point changed since the page was rendered): send the reader
      // to the current one. A temporary redirect, so it is never cached as immutable.
      const current = (await deps.media.getMany([Number(id)])).get(Number(id));
      if (current && current.version !== version && (await deps.media.variant(current.id, current.version, variant))) {
        return reply.header('cache-control', 'public, max-age=300').redirect(`/media/${current.id}/${current.version}/${variant}`, 302);
      }
      return notFoundPage(request, reply);
    }
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type(found.contentType).send(found.data);
  });
}

export { type Query };
