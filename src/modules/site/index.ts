/** The public site: pages, feeds, sitemaps, search and SEO, behind the page cache. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { makeEntry, type PageCache } from '../../http/page-cache.js';
import { sendPage } from '../../http/send-page.js';
import { COMMENTS_CSS, type CommentsService } from '../comments/index.js';
import type { MediaService } from '../media/service.js';
import type { PublishingQueries } from '../publishing/index.js';
import type { SettingsService } from '../settings/service.js';
import { Assets, themeCss } from './assets.js';
import { faviconSvg, logoPng } from './brand.js';
import { createSiteRenderer, type SiteRenderer } from './render.js';
import { registerSiteRoutes } from './routes.js';
import { registerFeedRoutes } from './feeds/routes.js';
import { createVisitors, type Visitors } from './visitor.js';
import type { User } from '../accounts/index.js';

export interface SiteModuleDeps {
  queries: PublishingQueries;
  settings: SettingsService;
  media: MediaService;
  cache: PageCache;
  publicUrl: string;
  clock?: () => number;
  /** Threads under articles and counts on cards. */
  comments?: CommentsService;
  /** The signed-in person behind a request (null without a session cookie, at no cost). */
  currentUser: (request: FastifyRequest) => Promise<User | null>;
  /** See Config.countryHeader. */
  countryHeader: string | null;
}

export interface SiteModule {
  renderer: SiteRenderer;
  /** The fingerprinted asset store behind /assets/…; other modules add their own files to it. */
  assets: Assets;
  /** Who each page is for; privacy and revenue add what the account says (addHook). */
  visitors: Visitors;
  notFoundPage(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>;
}

export async function registerSiteModule(app: FastifyInstance, deps: SiteModuleDeps): Promise<SiteModule> {
  const assets = new Assets();
  let themed = '';
  const stylesheet = () => {
    // The accent colour is part of the stylesheet, so a new colour is a new fingerprint.
    const accent = deps.settings.get().accentColor;
    if (themed !== accent) {
      assets.load('site.css', themeCss(accent));
      themed = accent;
    }
    return assets.url('site.css');
  };
  stylesheet();

  const comments = deps.comments ? { service: deps.comments, stylesheet: assets.put('comments.css', Buffer.from(COMMENTS_CSS)) } : undefined;
  const visitors = createVisitors({ settings: deps.settings.get, currentUser: deps.currentUser, countryHeader: deps.countryHeader, now: deps.clock ?? Date.now });
  const renderer = createSiteRenderer({ queries: deps.queries, settings: deps.settings, media: deps.media, publicUrl: deps.publicUrl, stylesheet, clock: deps.clock, comments });

  app.get('/favicon.svg', async (_request, reply) => {
    const { name, accentColor } = deps.settings.get();
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(faviconSvg(name, accentColor));
  });
  app.get('/favicon.ico', async (_request, reply) => reply.redirect('/favicon.svg', 301));
  app.get('/logo.png', async (_request, reply) => {
    const { name, accentColor } = deps.settings.get();
    return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(await logoPng(name, accentColor));
  });

  const notFoundPage = async (request: FastifyRequest, reply: FastifyReply) => {
    // Before answering 404, the newsroom's redirects (registered by publishing/http/taxonomy-routes.ts).
    const moved = request.method === 'GET' || request.method === 'HEAD' ? await app.redirectFor?.(request.url) : null;
    if (moved) return reply.code(moved.status).header('location', moved.location).header('cache-control', moved.status === 301 ? 'public, max-age=3600' : 'no-cache').send();
    const page = await renderer.notFound(await visitors.of(request));
    return sendPage(request, reply, makeEntry(404, 'text/html; charset=utf-8', page.html, []), null);
  };

  registerSiteRoutes(app, { renderer, cache: deps.cache, assets, media: deps.media, visitors, notFoundPage });
  registerFeedRoutes(app, { queries: deps.queries, settings: deps.settings, cache: deps.cache, publicUrl: deps.publicUrl });

  return { renderer, assets, visitors, notFoundPage };
}
