import type { SiteRenderer } from '../site/render.js';
import type { Look } from './shell.js';

/**
 * The publication's name, language and stylesheets for admin pages. Null when they cannot be
 * read: a sign-in page must not fail because the site's settings or sections did.
 */
export function lookOf(renderer: Pick<SiteRenderer, 'context'>, adminStylesheet: () => string): () => Promise<Look | null> {
  return async () => {
    try {
      const ctx = await renderer.context();
      return { siteName: ctx.settings.name, lang: ctx.settings.locale, stylesheets: [ctx.stylesheet, adminStylesheet()] };
    } catch {
      return null;
    }
  };
}
