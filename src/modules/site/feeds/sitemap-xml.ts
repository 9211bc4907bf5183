/** The sitemap protocol's three documents, written by hand: each is a few fixed elements. */
import { escapeXml } from './xml.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  /** W3C datetime. */
  lastmod?: string;
}

export interface NewsUrl {
  loc: string;
  title: string;
  /** W3C datetime in the publication's zone. */
  publishedAt: string;
  keywords: string[];
}

export interface NewsPublication {
  name: string;
  /** ISO 639 code, as Google News wants it ("en", "zh-cn"). */
  language: string;
}

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

export function sitemapIndexXml(sitemaps: SitemapUrl[]): string {
  const entries = sitemaps.map((s) => `  <sitemap>${element('loc', s.loc)}${s.lastmod ? element('lastmod', s.lastmod) : ''}</sitemap>\n`);
  return `${DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join('')}</sitemapindex>\n`;
}

export function urlsetXml(urls: SitemapUrl[]): string {
  const entries = urls.map((u) => `  <url>${element('loc', u.loc)}${u.lastmod ? element('lastmod', u.lastmod) : ''}</url>\n`);
  return `${DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${entries.join('')}</urlset>\n`;
}

export function newsUrlsetXml(publication: NewsPublication, urls: NewsUrl[]): string {
  const publisher = `<news:publication>${element('news:name', publication.name)}${element('news:language', publication.language)}</news:publication>`;
  const entries = urls.map(
    (u) =>
      `  <url>${element('loc', u.loc)}<news:news>${publisher}` +
      `${element('news:publication_date', u.publishedAt)}${element('news:title', u.title)}` +
      `${u.keywords.length ? element('news:keywords', u.keywords.join(', ')) : ''}</news:news></url>\n`,
  );
  return `${DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${entries.join('')}</urlset>\n`;
}

/**
 * Google News takes ISO 639 codes, not full locales — except Chinese, which it splits into
 * zh-cn (simplified) and zh-tw (traditional).
 */
export function newsLanguage(locale: string): string {
  const [language = 'en', ...rest] = locale.toLowerCase().split(/[-_]/u);
  if (language !== 'zh') return language;
  return rest.some((part) => part === 'hant' || part === 'tw' || part === 'hk' || part === 'mo') ? 'zh-tw' : 'zh-cn';
}
