/**
 * The three kinds of feed — whole site, one section, one author — as channel, entries and the
 * cache tags whose purge makes the feed stale. `null` means there is no such section or author.
 */
import type { ListFilter, PublishingQueries } from '../../publishing/index.js';
import type { PublicationSettings } from '../../settings/service.js';
import type { FeedChannel, FeedEntry } from './feed-builder.js';
import { FEED_SIZE, feedEntries } from './feed-entries.js';

export interface FeedSource {
  channel: FeedChannel;
  entries: FeedEntry[];
  tags: string[];
}

export type FeedScope = { kind: 'site' } | { kind: 'section'; slug: string } | { kind: 'author'; slug: string };

export interface FeedSourceDeps {
  queries: PublishingQueries;
  publicUrl: string;
}

/** Site-relative path of a feed (also its page-cache key). */
export function feedPath(scope: FeedScope, format: 'rss' | 'atom'): string {
  const file = `${format}.xml`;
  return scope.kind === 'site' ? `/feeds/${file}` : `/feeds/${scope.kind}/${scope.slug}/${file}`;
}

export async function loadFeedSource(deps: FeedSourceDeps, settings: PublicationSettings, scope: FeedScope): Promise<FeedSource | null> {
  const { queries, publicUrl } = deps;
  // Every feed names the publication and lists section names, so both purge it.
  const base = ['feeds', 'settings', 'sections'];
  const self = { rss: `${publicUrl}${feedPath(scope, 'rss')}`, atom: `${publicUrl}${feedPath(scope, 'atom')}` };
  const entriesFor = async (filter: ListFilter) => feedEntries(queries, await queries.latest(FEED_SIZE, filter), publicUrl);

  if (scope.kind === 'site') {
    return {
      channel: { title: settings.name, description: settings.description || settings.tagline || settings.name, link: `${publicUrl}/`, self },
      entries: await entriesFor({}),
      tags: base,
    };
  }

  if (scope.kind === 'section') {
    const section = await queries.sectionBySlug(scope.slug);
    if (!section) return null;
    return {
      channel: {
        title: `${section.name} — ${settings.name}`,
        description: section.description || `The latest ${section.name} stories from ${settings.name}.`,
        link: `${publicUrl}/${section.slug}`,
        self,
      },
      entries: await entriesFor({ sectionId: section.id }),
      tags: [...base, `section:${section.id}`],
    };
  }

  const author = await queries.authorBySlug(scope.slug);
  if (!author) return null;
  return {
    channel: {
      title: `${author.name} — ${settings.name}`,
      description: author.title ? `Stories by ${author.name}, ${author.title}, for ${settings.name}.` : `Stories by ${author.name} for ${settings.name}.`,
      link: `${publicUrl}/author/${author.slug}`,
      self,
    },
    entries: await entriesFor({ authorId: author.id }),
    tags: [...base, `author:${author.id}`],
  };
}
