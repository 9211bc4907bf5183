/**
 * RSS 2.0 and Atom 1.0 documents from prepared entries, written by the `feed` package.
 *
 * The package escapes unevenly (CDATA for titles and content, raw attribute values apart from
 * `"`), so every string is prepared here for the exact place it lands: HTML-escaped where the
 * format says the field is HTML, CDATA-safe where the package wraps it in CDATA, and only URLs
 * and slugs in attributes (the one exception, the Atom category label, is checked). Built once
 * per format, because the two formats want different titles.
 */
import { Feed, type Author, type Category, type Item } from 'feed';
import { escapeXml, htmlForCdata, textForCdata, xmlChars } from './xml.js';

export type FeedFormat = 'rss' | 'atom';

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the page this feed follows (front, section or author page). */
  link: string;
  /** Absolute URLs of this feed in each format, for the self links. */
  self: Record<FeedFormat, string>;
}

export interface FeedPublication {
  name: string;
  locale: string;
  publicUrl: string;
  /** The calendar year in the publication's zone, for the copyright line. */
  year: number;
}

export interface FeedEntry {
  /** Stable across slug and section changes, so readers never show an article twice. */
  guid: string;
  headline: string;
  standfirst: string;
  /** Absolute URL. */
  link: string;
  /** Body HTML with absolute URLs. */
  contentHtml: string;
  publishedAt: number;
  /** Last visible change (update or correction); the publication time when there was none. */
  updatedAt: number;
  authors: { name: string; link: string }[];
  section: { slug: string; name: string; link: string };
  image: { url: string; type: string } | null;
}

export function buildFeed(format: FeedFormat, publication: FeedPublication, channel: FeedChannel, entries: FeedEntry[], now: number): string {
  const newest = entries.reduce((max, e) => Math.max(max, e.updatedAt), 0);
  const feed = new Feed({
    id: channel.link,
    title: xmlChars(channel.title),
    description: xmlChars(channel.description),
    link: channel.link,
    feedLinks: { [format]: channel.self[format] },
    language: publication.locale,
    // The newest entry, not the render time: an unchanged feed then keeps its ETag across renders.
    updated: new Date(newest || now),
    generator: 'StructureCMS',
    image: `${publication.publicUrl}/logo.png`,
    favicon: `${publication.publicUrl}/favicon.svg`,
    copyright: xmlChars(`© ${publication.year} ${publication.name}`),
    // Atom wants an author on the feed unless every entry has one; the publication is a safe answer.
    author: { name: xmlChars(publication.name), link: `${publication.publicUrl}/` },
  });
  for (const entry of entries) feed.addItem(format === 'rss' ? rssItem(entry, publication.locale) : atomItem(entry));
  return format === 'rss' ? feed.rss2() : feed.atom1();
}

function common(entry: FeedEntry): Omit<Item, 'title'> {
  return {
    id: entry.guid,
    guid: entry.guid,
    link: entry.link,
    date: new Date(entry.updatedAt),
    published: new Date(entry.publishedAt),
    // Both formats treat the summary and the content as HTML; the standfirst is plain text.
    description: entry.standfirst ? htmlForCdata(escapeXml(entry.standfirst)) : undefined,
    // Never empty: readers want a body, and the RSS namespaces hang on there being one.
    content: htmlForCdata(entry.contentHtml || `<p>${escapeXml(entry.standfirst || entry.headline)}</p>`),
    ...(entry.image ? { image: { url: entry.image.url, type: entry.image.type } } : {}),
  };
}

function rssItem(entry: FeedEntry, locale: string): Item {
  const names = entry.authors.map((a) => a.name);
  return {
    ...common(entry),
    // RSS titles are plain text in practice (WordPress and most readers treat them so).
    title: textForCdata(entry.headline),
    category: [{ name: xmlChars(entry.section.name) }],
    // RSS <author> must be an e-mail address, so bylines go in dc:creator. The package declares
    // the dc namespace on the root whenever an item has content, and every item has.
    extensions: names.length ? [{ name: 'dc:creator', objects: { _text: xmlChars(joinNames(names, locale)) } }] : [],
  };
}

function atomItem(entry: FeedEntry): Item {
  const category: Category = { term: entry.section.slug, scheme: entry.section.link };
  // The package escapes only `&` and `"` in attribute values, so a label with `<` is left out
  // (readers fall back to the term) rather than breaking the document.
  const label = xmlChars(entry.section.name);
  if (!label.includes('<')) category.name = label;
  return {
    ...common(entry),
    // Atom titles are declared type="html", so the headline is escaped to show as written.
    title: htmlForCdata(escapeXml(entry.headline)),
    author: entry.authors.map((a): Author => ({ name: xmlChars(a.name), link: a.link })),
    category: [category],
  };
}

/** "A", "A and B", "A, B, and C" — in the publication's language. */
function joinNames(names: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}
