/** Impressions and clicks, one row per creative per UTC day, added to by upsert. */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

/** "2026-11-29": the UTC day of a moment (stats, the report and the frequency cap all use it). */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export async function countImpression(db: Database, creativeId: number, day: string): Promise<void> {
  await db.kysely
    .insertInto('ad_stats')
    .values({ creative_id: creativeId, day, impressions: 1, clicks: 0 })
    .onConflict((oc) => oc.columns(['creative_id', 'day']).doUpdateSet({ impressions: sql<number>`ad_stats.impressions + 1` }))
    .execute();
}

export async function countClick(db: Database, creativeId: number, day: string): Promise<void> {
  await db.kysely
    .insertInto('ad_stats')
    .values({ creative_id: creativeId, day, impressions: 0, clicks: 1 })
    .onConflict((oc) => oc.columns(['creative_id', 'day']).doUpdateSet({ clicks: sql<number>`ad_stats.clicks + 1` }))
    .execute();
}

export interface ReportRow {
  creativeId: number;
  name: string;
  day: string;
  impressions: number;
  clicks: number;
}

/** Every creative's counts per day from `from` to `to` (inclusive UTC days), newest day first. */
export async function statsReport(db: Database, from: string, to: string): Promise<ReportRow[]> {
  const rows = await db.kysely
    .selectFrom('ad_stats')
    .innerJoin('ad_creatives', 'ad_creatives.id', 'ad_stats.creative_id')
    .select(['ad_stats.creative_id', 'ad_creatives.name', 'ad_stats.day', 'ad_stats.impressions', 'ad_stats.clicks'])
    .where('ad_stats.day', '>=', from)
    .where('ad_stats.day', '<=', to)
    .orderBy('ad_stats.day', 'desc')
    .orderBy('ad_creatives.name')
    .execute();
  return rows.map((r) => ({ creativeId: Number(r.creative_id), name: r.name, day: r.day, impressions: Number(r.impressions), clicks: Number(r.clicks) }));
}

/** Click-through rate as a percentage with two decimals ("1.25%"), or "–" with no impressions. */
export function ctr(impressions: number, clicks: number): string {
  return impressions > 0 ? `${((clicks / impressions) * 100).toFixed(2)}%` : '–';
}
