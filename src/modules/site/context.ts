/** What every public page needs to know about the publication, gathered once per render. */
import type { PublicationSettings } from '../settings/service.js';
import type { MediaItem } from '../media/service.js';
import type { Section } from '../publishing/index.js';
import type { Visitor } from './visitor.js';

export interface SiteContext {
  settings: PublicationSettings;
  sections: Section[];
  logo: MediaItem | null;
  /** Absolute origin, no trailing slash. */
  publicUrl: string;
  stylesheet: string;
  now: number;
  /** Who the page is for, as far as pages may differ (see visitor.ts); part of the cache key. */
  visitor: Visitor;
  /** Approved comments per article id, for the cards on this page (absent: none shown). */
  commentCounts?: ReadonlyMap<number, number>;
}

export function absolute(ctx: Pick<SiteContext, 'publicUrl'>, path: string): string {
  return `${ctx.publicUrl}${path}`;
}
