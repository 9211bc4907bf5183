/**
 * RSS and Atom feeds (site, section, author), sitemaps and robots.txt, all served from the page
 * cache with ETag/304, compression and CDN cache headers. Cache keys are the route paths, never
 * the request URL, so a query string cannot mint new cache entries.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PageCache } from '../../../http/page-cache.js';
import { SLUG_PATTERN, type PublishingQueries } from '../../publishing/index.js';
import type { SettingsService } from '../../settings/service.js';
import { yearInZone } from '../time.js';
import { cachedDocuments, notFound, type Document } from './cached-response.js';
import { buildFeed, type FeedFormat } from './feed-builder.js';
import { feedPath, loadFeedSource, type FeedScope } from './feed-sources.js';
import { robotsTxt } from './robots.js';
import { articlesSitemap, authorsSitemap, newsSitemap, sectionsSitemap, sitemapIndex } from './sitemaps.js';

export interface FeedRouteDeps {
  queries: PublishingQueries;
  settings: SettingsService;
  cache: PageCache;
  publicUrl: string;
}

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};
const SITEMAP_TYPE = 'application/xml; charset=utf-8';
const SITEMAP_TAGS = ['sitemaps', 'settings', 'sections'];
/** Nothing but the calendar changes a feed unprompted (the copyright year); a day is soon enough. */
const FEED_MAX_AGE_MS = 86_400_000;
const ARTICLES_FILE = /^articles-([1-9]\d{0,5})\.xml$/u;

export function registerFeedRoutes(app: FastifyInstance, deps: FeedRouteDeps): void {
  const serve = cachedDocuments(deps.cache);
  const sources = { queries: deps.queries, publicUrl: deps.publicUrl };

  function serveFeed(request: FastifyRequest, reply: FastifyReply, scope: FeedScope, format: FeedFormat) {
    return serve(request, reply, feedPath(scope, format), async (): Promise<Document | null> => {
      const settings = deps.settings.get();
      const source = await loadFeedSource(sources, settings, scope);
      if (!source) return null;
      const now = Date.now();
      const publication = { name: settings.name, locale: settings.locale, publicUrl: deps.publicUrl, year: yearInZone(now, settings.timeZone) };
      const body = buildFeed(format, publication, source.channel, source.entries, now);
      return { contentType: CONTENT_TYPES[format], body, tags: source.tags, expiresAt: now + FEED_MAX_AGE_MS };
    });
  }

  const slugOk = (slug: string) => slug.length <= 200 && SLUG_PATTERN.test(slug);

  for (const format of ['rss', 'atom'] as const) {
    app.get(`/feeds/${format}.xml`, (request, reply) => serveFeed(request, reply, { kind: 'site' }, format));
    for (const kind of ['section', 'author'] as const) {
      app.get<{ Params: { slug: string } }>(`/feeds/${kind}/:slug/${format}.xml`, async (request, reply) => {
        const { slug } = request.params;
        if (!slugOk(slug)) return notFound(reply);
        return serveFeed(request, reply, { kind, slug }, format);
      });
    }
  }

  const sitemap = (body: string | null): Document | null => (body === null ? null : { contentType: SITEMAP_TYPE, body, tags: SITEMAP_TAGS });

  app.get('/sitemap.xml', (request, reply) => serve(request, reply, '/sitemap.xml', async () => sitemap(await sitemapIndex(sources))));

  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) => {
    const { file } = request.params;
    const key = `/sitemaps/${file}`;
    const settings = () => deps.settings.get();
    if (file === 'sections.xml') return serve(request, reply, key, async () => sitemap(await sectionsSitemap(sources, settings())));
    if (file === 'authors.xml') return serve(request, reply, key, async () => sitemap(await authorsSitemap(sources)));
    if (file === 'news.xml') {
      return serve(request, reply, key, async () => {
        const news = await newsSitemap(sources, settings(), Date.now());
        return { contentType: SITEMAP_TYPE, body: news.xml, tags: SITEMAP_TAGS, expiresAt: news.expiresAt };
      });
    }
    const page = ARTICLES_FILE.exec(file)?.[1];
    if (!page) return notFound(reply);
    return serve(request, reply, key, async () => sitemap(await articlesSitemap(sources, settings(), Number(page))));
  });

  app.get('/robots.txt', (request, reply) =>
    serve(request, reply, '/robots.txt', async () => ({ contentType: 'text/plain; charset=utf-8', body: robotsTxt(deps.publicUrl), tags: ['settings'] })),
  );
}
