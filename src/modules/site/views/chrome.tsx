/**
 * Page chrome (masthead, footer, support pitch, sign-up boxes) depends only on the settings and
 * the sections, yet it is most of a page's markup. Its inner HTML is rendered once per settings
 * and sections version and reused by every page render, which keeps a render's allocation (and
 * so its garbage-collection pauses) down. A settings change or a sections purge makes new
 * objects, so stale chrome is never served.
 */
import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { SiteContext } from '../context.js';

const bySettings = new WeakMap<object, WeakMap<object, Map<string, string>>>();

export function chromeHtml(ctx: SiteContext, key: string, render: () => JSX.Element): { __html: string } {
  let bySections = bySettings.get(ctx.settings);
  if (!bySections) bySettings.set(ctx.settings, (bySections = new WeakMap()));
  let byKey = bySections.get(ctx.sections);
  if (!byKey) bySections.set(ctx.sections, (byKey = new Map()));
  const fullKey = `${key}|${ctx.logo ? `${ctx.logo.id}:${ctx.logo.version}` : ''}`;
  let html = byKey.get(fullKey);
  if (html === undefined) {
    html = renderToString(render());
    // Keys are few (one per section for the masthead, a handful otherwise); bound them anyway.
    if (byKey.size > 500) byKey.clear();
    byKey.set(fullKey, html);
  }
  return { __html: html };
}
