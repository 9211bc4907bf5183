/** What every public page needs to know about the publication, gathered once per render. */
import type { PublicationSettings } from '../settings/service.js';
import type { MediaItem } from '../media/service.js';
import type { Section } from '../publishing/index.js';

export interface SiteContext {
  settings: PublicationSettings;
  sections: Section[];
  logo: MediaItem | null;
  /** Absolute origin, no trailing slash. */
  publicUrl: string;
  stylesheet: string;
  now: number;
  /** Approved comments per article id, for the cards on this page (absent: none shown). */
  commentCounts?: ReadonlyMap<number, number>;
}

export function absolute(ctx: Pick<SiteContext, 'publicUrl'>, path: string): string {
  return `${ctx.publicUrl}${path}`;
}
