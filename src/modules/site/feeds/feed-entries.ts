/** Published articles shaped as feed entries: full body, absolute links, hero as an enclosure. */
import { fallbackFormat, mediaUrl } from '../../media/urls.js';
import { widthsFor } from '../../media/variants.js';
import type { MediaItem } from '../../media/service.js';
import type { Article, ArticleCard, PublishingQueries } from '../../publishing/index.js';
import type { FeedEntry } from './feed-builder.js';
import { escapeXml } from './xml.js';

/** How many articles a feed carries. */
export const FEED_SIZE = 30;

/** Largest hero rendition offered to readers; enough for a full-width card in any of them. */
const ENCLOSURE_WIDTH = 1280;

/**
 * Cards carry no body, so each article is loaded in full. That is one lookup per entry (30 at
 * most), paid only when the feed is not in the page cache.
 */
export async function feedEntries(queries: PublishingQueries, cards: ArticleCard[], publicUrl: string): Promise<FeedEntry[]> {
  const articles = await Promise.all(cards.map((card) => queries.articleById(card.id)));
  // An article unpublished between the two queries simply drops out.
  return articles.flatMap((article) => (article ? [toEntry(article, publicUrl)] : []));
}

function toEntry(article: Article, publicUrl: string): FeedEntry {
  return {
    guid: tagUri(publicUrl, article),
    headline: article.headline,
    standfirst: article.standfirst,
    link: `${publicUrl}${article.path}`,
    contentHtml: absoluteUrls(article.body.map((part) => part.html).join('\n'), publicUrl),
    publishedAt: article.publishedAt,
    updatedAt: Math.max(article.updatedAt ?? 0, article.publishedAt),
    authors: article.authors.map((a) => ({ name: a.name, link: `${publicUrl}/author/${a.slug}` })),
    section: { slug: article.section.slug, name: article.section.name, link: `${publicUrl}/${article.section.slug}` },
    image: article.hero ? enclosure(article.hero, publicUrl) : null,
  };
}

/**
 * RFC 4151 tag URI from the article id, which survives slug and section changes. The date is the
 * day of first publication: a day the publication certainly held its domain, and one that never
 * changes afterwards.
 */
function tagUri(publicUrl: string, article: Article): string {
  const day = new Date(article.publishedAt).toISOString().slice(0, 10);
  return `tag:${new URL(publicUrl).hostname},${day}:article:${article.id}`;
}

function enclosure(hero: MediaItem, publicUrl: string): { url: string; type: string } {
  const width = widthsFor(hero.width).filter((w) => w <= ENCLOSURE_WIDTH).at(-1) ?? ENCLOSURE_WIDTH;
  const format = fallbackFormat(hero);
  return { url: `${publicUrl}${mediaUrl(hero, { width, ratio: '16x9', format })}`, type: format === 'png' ? 'image/png' : 'image/jpeg' };
}

/**
 * Feed readers resolve relative URLs inconsistently (RSS has no base), so site-relative links and
 * image sources in the body are made absolute. The HTML is Preact's output: text never holds a
 * raw `<`, attribute values are double-quoted and never hold a raw `"`, so a tag is matched
 * exactly and article text that merely looks like an attribute is left alone.
 */
export function absoluteUrls(html: string, publicUrl: string): string {
  const origin = escapeXml(publicUrl);
  const absolute = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? `${origin}${url}` : url);
  const rewriteTag = (tag: string) =>
    tag
      .replace(/(\s(?:href|src|poster))="([^"]*)"/gu, (_m, attr: string, url: string) => `${attr}="${absolute(url)}"`)
      .replace(/(\ssrcset)="([^"]*)"/gu, (_m, attr: string, list: string) => {
        const candidates = list.split(',').map((candidate) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/u);
          return [absolute(url), ...descriptor].join(' ');
        });
        return `${attr}="${candidates.join(', ')}"`;
      });
  return html.replace(/<[a-zA-Z][^<>"]*(?:"[^"]*"[^<>"]*)*>/gu, rewriteTag);
}
