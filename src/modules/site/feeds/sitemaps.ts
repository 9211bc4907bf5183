/**
 * What each sitemap lists: every published article (in files of 10,000, the protocol allows
 * 50,000 but smaller files are cheaper to rebuild after each purge), the fronts and static
 * pages, the author pages, and the Google News sitemap of the last 48 hours.
 */
import type { PublishingQueries } from '../../publishing/index.js';
import type { PublicationSettings } from '../../settings/service.js';
import { isoInZone } from '../time.js';
import { newsLanguage, newsUrlsetXml, sitemapIndexXml, urlsetXml, type SitemapUrl } from './sitemap-xml.js';

export const ARTICLES_PER_SITEMAP = 10_000;
/** Google News only takes articles from the last two days. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;

export interface SitemapDeps {
  queries: PublishingQueries;
  publicUrl: string;
}

/** Always at least one file, so a new site's index still points at a valid (empty) urlset. */
export async function articleSitemapCount(queries: PublishingQueries): Promise<number> {
  return Math.max(1, Math.ceil((await queries.countPublished()) / ARTICLES_PER_SITEMAP));
}

export async function sitemapIndex({ queries, publicUrl }: SitemapDeps): Promise<string> {
  const count = await articleSitemapCount(queries);
  const files = [
    ...Array.from({ length: count }, (_, i) => `articles-${i + 1}.xml`),
    'sections.xml',
    'authors.xml',
    'news.xml',
  ];
  // No <lastmod>: an honest one for an article file would mean reading the whole archive.
  return sitemapIndexXml(files.map((file) => ({ loc: `${publicUrl}/sitemaps/${file}` })));
}

/** `null` past the last file. */
export async function articlesSitemap({ queries, publicUrl }: SitemapDeps, settings: PublicationSettings, page: number): Promise<string | null> {
  if (page > (await articleSitemapCount(queries))) return null;
  const rows = await queries.sitemapArticles((page - 1) * ARTICLES_PER_SITEMAP, ARTICLES_PER_SITEMAP);
  return urlsetXml(rows.map((r) => ({ loc: `${publicUrl}${r.path}`, lastmod: isoInZone(r.modifiedAt, settings.timeZone) })));
}

/** The front page, each section front and each static page. */
export async function sectionsSitemap({ queries, publicUrl }: SitemapDeps, settings: PublicationSettings): Promise<string> {
  const zone = settings.timeZone;
  // A front last changed when its newest story did; none yet means no <lastmod> rather than a guess.
  const newestChange = async (sectionId?: number) => {
    const [card] = await queries.latest(1, sectionId === undefined ? {} : { sectionId });
    return card ? isoInZone(Math.max(card.updatedAt ?? 0, card.publishedAt), zone) : undefined;
  };
  const [sections, pages] = await Promise.all([queries.sections(), queries.pages()]);
  const urls: SitemapUrl[] = [
    { loc: `${publicUrl}/`, lastmod: await newestChange() },
    ...(await Promise.all(sections.map(async (s) => ({ loc: `${publicUrl}/${s.slug}`, lastmod: await newestChange(s.id) })))),
    ...pages.map((p) => ({ loc: `${publicUrl}/${p.slug}`, lastmod: isoInZone(p.updatedAt, zone) })),
  ];
  return urlsetXml(urls);
}

export async function authorsSitemap({ queries, publicUrl }: SitemapDeps): Promise<string> {
  const authors = await queries.authors();
  return urlsetXml(authors.map((a) => ({ loc: `${publicUrl}/author/${a.slug}` })));
}

/**
 * The news sitemap changes with the clock as well as with content: it is stale when its oldest
 * article leaves the 48-hour window, which `expiresAt` reports.
 */
export async function newsSitemap({ queries, publicUrl }: SitemapDeps, settings: PublicationSettings, now: number): Promise<{ xml: string; expiresAt: number | null }> {
  const rows = await queries.newsSitemapArticles(now - NEWS_WINDOW_MS);
  const xml = newsUrlsetXml(
    { name: settings.name, language: newsLanguage(settings.locale) },
    rows.map((r) => ({ loc: `${publicUrl}${r.path}`, title: r.headline, publishedAt: isoInZone(r.publishedAt, settings.timeZone), keywords: r.tags })),
  );
  const oldest = rows.reduce((min, r) => Math.min(min, r.publishedAt), Infinity);
  return { xml, expiresAt: Number.isFinite(oldest) ? oldest + NEWS_WINDOW_MS : null };
}
