/**
 * Shapes of the demo publication's source data. The seeder (seed.ts) turns these into real
 * sections, authors, media and published articles through the modules' own services.
 */
import type { Block } from '../publishing/body-schema.js';

/** Parameters of a generated illustration; art.ts renders it to SVG, sharp rasterises it. */
export interface ArtSpec {
  /** Which composition to draw. */
  scene: 'skyline' | 'harbor' | 'fields' | 'river' | 'capitol' | 'market' | 'classroom' | 'forest' | 'stage' | 'transit' | 'storm' | 'library' | 'solar' | 'mountains';
  /** Two to four CSS hex colours the scene is painted with. */
  palette: string[];
  /** Deterministic variation: the same seed always draws the same picture. */
  seed: number;
}

export interface DemoImage {
  art: ArtSpec;
  caption: string;
  credit: string;
  alt: string;
  /** Focal point for crops, 0..1 from the top-left. */
  focalX?: number;
  focalY?: number;
}

/** A body block, or an inline image the seeder uploads and replaces with an `image` block. */
export type DemoBlock = Block | { type: 'demoImage'; image: DemoImage };

export interface DemoSection {
  slug: string;
  name: string;
  description: string;
}

export interface DemoPortrait {
  /** Background, skin, hair and clothing colours. */
  background: string;
  skin: string;
  hair: string;
  clothing: string;
  hairStyle: 'short' | 'long' | 'bun' | 'curly' | 'bald';
  glasses: boolean;
}

export interface DemoAuthor {
  slug: string;
  name: string;
  /** Job title shown under the name, e.g. "Climate reporter". */
  title: string;
  bio: string;
  links: { label: string; url: string }[];
  portrait: DemoPortrait;
}

export interface DemoArticle {
  slug: string;
  headline: string;
  standfirst: string;
  section: string;
  /** Author slugs in byline order, each with an optional role label ("Reporting by"). */
  authors: { slug: string; role?: string }[];
  tags: string[];
  dateline?: string;
  /** Published this many hours before the seed runs (so the demo always looks fresh). */
  publishedHoursAgo: number;
  /** When set, the article was updated this many hours ago and carries the note. */
  update?: { hoursAgo: number; kind: 'update' | 'correction' | 'clarification'; text: string };
  hero: DemoImage;
  body: DemoBlock[];
}

export interface DemoPage {
  slug: string;
  title: string;
  body: Block[];
}
