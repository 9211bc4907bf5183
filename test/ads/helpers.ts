/** An app with the demo content, a movable clock, an admin, and articles that carry ad slots. */
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { staffCaller, type Caller } from '../helpers/newsroom.js';
import type { Article } from '../../src/modules/publishing/index.js';

export const START = Date.parse('2026-12-01T09:00:00Z');
export const HOUR = 3_600_000;

export interface AdsFixture {
  app: TestApp;
  admin: Caller;
  clock: { now: number };
  /** Two articles with ad slots, in different sections. */
  first: Article;
  second: Article;
}

/** The demo seeds two house ads; the ads tests start from none, so every creative is their own. */
export async function withoutHouseAds(app: TestApp): Promise<void> {
  for (const creative of await app.ads.store.list()) await app.ads.store.remove(creative.id);
  await app.ads.reload();
}

export async function startAdsApp(): Promise<AdsFixture> {
  const clock = { now: START };
  const app = await startTestApp({ seed: true, clock: () => clock.now });
  await withoutHouseAds(app);
  const admin = await staffCaller(app, 'admin');
  const cards = await app.queries.latest(100);
  const articles = (await Promise.all(cards.map((c) => app.queries.articleById(c.id)))).filter(
    (a): a is Article => a !== null && a.body.filter((p) => p.kind === 'paragraph').length >= 6,
  );
  const first = articles[0];
  const second = articles.find((a) => a.section.id !== first?.section.id);
  assert.ok(first && second, 'the demo has articles with ad slots in two sections');
  return { app, admin, clock, first, second };
}

export const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16);

export interface CreativeFields {
  name: string;
  imageUrl?: string;
  mediaId?: string;
  alt?: string;
  linkUrl?: string;
  startsAt?: string;
  endsAt?: string;
  weight?: string;
  active?: string;
  sections?: string[];
}

/** The form as a browser sends it (repeated `sections` fields). */
export function creativeForm(fields: CreativeFields): string {
  const params = new URLSearchParams({
    name: fields.name,
    mediaId: fields.mediaId ?? '',
    imageUrl: fields.imageUrl ?? '/logo.png',
    alt: fields.alt ?? `${fields.name} image`,
    linkUrl: fields.linkUrl ?? 'https://advertiser.example/landing?from=ad',
    startsAt: fields.startsAt ?? utc(START - 24 * HOUR),
    endsAt: fields.endsAt ?? utc(START + 30 * 24 * HOUR),
    weight: fields.weight ?? '10',
  });
  if (fields.active !== '') params.set('active', fields.active ?? '1');
  for (const s of fields.sections ?? []) params.append('sections', s);
  return params.toString();
}

export async function postCreative(fx: AdsFixture, fields: CreativeFields, url = '/admin/ads') {
  return fx.app.http.inject({
    method: 'POST',
    url,
    payload: creativeForm(fields),
    headers: { cookie: `scms_session=${fx.admin.token}`, origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** Adds a creative through the admin and answers its id. */
export async function addCreative(fx: AdsFixture, fields: CreativeFields): Promise<number> {
  const response = await postCreative(fx, fields);
  assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  const row = await fx.app.db.kysely.selectFrom('ad_creatives').select('id').where('name', '=', fields.name).executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The frame URLs of an article page's house-ad slots. */
export function frameUrls(html: string): string[] {
  return [...html.matchAll(/<iframe class="ad-frame" src="([^"]+)"/gu)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
}

/** The creative a frame document shows (its click link's id), or null for an empty frame. */
export function shownCreative(html: string): number | null {
  const m = /href="\/ads\/c\/(\d+)\?sig=/u.exec(html);
  return m ? Number(m[1]) : null;
}

export const link = (html: string, pattern: RegExp) => (pattern.exec(html)?.[1] ?? '').replaceAll('&amp;', '&');
