/**
 * Sections, tags, authors, static pages and redirects (issue 3): the Admin API, the admin pages,
 * and the redirect lookup the public site consults before answering 404.
 */
import type { FastifyInstance } from 'fastify';
import { requireStaff } from '../../accounts/index.js';
import type { NewsroomDeps } from '../../newsroom/deps.js';
import { versionPage } from '../admin/pages-views.js';
import { createPages } from '../pages.js';
import { createRedirects, REDIRECTS_TAG, type RedirectsService } from '../redirects.js';
import { mediaIdsIn, renderBody } from '../render-body.js';
import { createTaxonomy } from '../taxonomy.js';
import { PublishingError } from '../write.js';
import { registerResourceAdmin } from './taxonomy-admin.js';
import { authorsAdmin, pagesAdmin, redirectsAdmin, sectionsAdmin, tagsAdmin } from './taxonomy-admin-resources.js';
import { registerTaxonomyApi } from './taxonomy-api.js';
import { actor, idOf, staffOf } from './taxonomy-http.js';
import { registerPagesApi } from './taxonomy-pages-api.js';
import { registerRedirectsApi } from './taxonomy-redirects-api.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Staff-managed redirects for a request URL; the site's 404 asks it first (site/index.ts). */
    redirectFor?: RedirectsService['resolve'];
  }
}

export async function registerTaxonomyRoutes(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  const redirects = createRedirects({ db: deps.db, audit: deps.audit, now: deps.now, purge: deps.purge, publicUrl: deps.publicUrl });
  const taxonomy = createTaxonomy({ db: deps.db, media: deps.media, audit: deps.audit, purge: deps.purge, redirects });
  const pages = createPages({ db: deps.db, media: deps.media, audit: deps.audit, now: deps.now, purge: deps.purge, redirects });
  app.decorate('redirectFor', redirects.resolve);
  // A redirect changed on some instance (this one or another, over the bus): reload the table now.
  deps.subscribe('cache.purge', (tags) => {
    if (Array.isArray(tags) && tags.includes(REDIRECTS_TAG)) redirects.forget();
  });

  registerTaxonomyApi(app, taxonomy);
  registerPagesApi(app, pages, deps.publicUrl);
  registerRedirectsApi(app, redirects);

  registerResourceAdmin(app, deps, sectionsAdmin(taxonomy));
  registerResourceAdmin(app, deps, tagsAdmin(taxonomy));
  registerResourceAdmin(app, deps, authorsAdmin(taxonomy, deps));
  registerResourceAdmin(app, deps, pagesAdmin(pages, deps.publicUrl));
  registerResourceAdmin(app, deps, redirectsAdmin(redirects));

  // The page history: view one version, restore it.
  const pagesGuard = { preHandler: requireStaff('pages.manage') };
  app.get<{ Params: { id: string; vid: string } }>('/admin/pages/:id/versions/:vid', pagesGuard, async (request, reply) => {
    const id = idOf(request.params.id);
    const vid = idOf(request.params.vid);
    const page = id === null ? null : await pages.get(id);
    const version = page && vid !== null ? await pages.version(page.id, vid) : null;
    if (!page || !version) return reply.callNotFound();
    const rendered = renderBody(version.body, await deps.media.getMany(mediaIdsIn(version.body)));
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(versionPage(await deps.look(), staffOf(request), page, version, rendered));
  });
  app.post<{ Params: { id: string; vid: string } }>('/admin/pages/:id/versions/:vid/restore', pagesGuard, async (request, reply) => {
    const id = idOf(request.params.id);
    const vid = idOf(request.params.vid);
    if (id === null || vid === null) return reply.callNotFound();
    try {
      await pages.restore(actor(request), id, vid);
    } catch (error) {
      if (error instanceof PublishingError && error.status === 404) return reply.callNotFound();
      throw error;
    }
    return reply.header('cache-control', 'no-store').redirect(`/admin/pages/${id}?done=restored`, 303);
  });
}
