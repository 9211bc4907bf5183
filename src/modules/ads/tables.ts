import type { Generated } from 'kysely';

export interface AdsTables {
  /** A house ad: an image that links somewhere, shown in the slots between its start and end. */
  ad_creatives: {
    id: Generated<number>;
    name: string;
    /** An image from the media library, or … */
    media_id: number | null;
    /** … a site-relative image path ("/media/…", "/assets/…"). */
    image_url: string | null;
    alt: string;
    /** Where a click goes (http or https). */
    link_url: string;
    starts_at: number;
    ends_at: number;
    /** Section ids as ",3,7," (so a LIKE finds one); "" for every section. */
    sections: string;
    /** 1–100: a creative with weight 2 is picked twice as often as one with weight 1. */
    weight: number;
    /** 1 running, 0 paused. */
    active: number;
    created_at: number;
    updated_at: number;
  };
  /** Impressions and clicks per creative per UTC day: aggregates only, nothing per visitor. */
  ad_stats: {
    creative_id: number;
    day: string;
    impressions: number;
    clicks: number;
  };
}
