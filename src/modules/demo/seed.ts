/**
 * Seeds the demo publication through the modules' own services (the same path the newsroom
 * uses), so the demo exercises real publishing: media ingest, body rendering, search indexing.
 * Illustrations are drawn as SVG and rasterised by sharp; nothing is downloaded.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Ads } from '../ads/index.js';
import type { MediaService } from '../media/service.js';
import type { Block } from '../publishing/body-schema.js';
import type { PublishingCommands } from '../publishing/index.js';
import type { SettingsService } from '../settings/service.js';
import type { PublishingQueries } from '../publishing/index.js';
import { houseAds } from './art/house-ads.js';
import { renderArt, renderPortrait } from './art/index.js';
import { demoArticles } from './articles/index.js';
import { demoPages } from './pages.js';
import { demoAuthors, demoPublication, demoSections } from './publication.js';
import type { DemoBlock, DemoImage } from './types.js';

export interface SeedDeps {
  settings: SettingsService;
  media: MediaService;
  publishing: PublishingCommands;
  queries: PublishingQueries;
  ads: Pick<Ads, 'store' | 'reload'>;
  config: { publicUrl: string };
}

export interface SeedOptions {
  /** Width of generated hero images; tests use a smaller one to seed faster. */
  imageWidth?: number;
  now?: number;
}

const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;

/**
 * Rasterising an illustration takes a few hundred milliseconds; the art is deterministic, so the
 * JPEG is kept in a cache folder keyed by the SVG's hash and reused by later seeds (tests seed
 * many throwaway publications).
 */
const ART_CACHE = path.join(os.tmpdir(), 'structurecms-demo-art');

async function rasterise(svg: string, quality: number): Promise<Buffer> {
  const key = crypto.createHash('sha256').update(`${quality}:${svg}`).digest('hex').slice(0, 32);
  const file = path.join(ART_CACHE, `${key}.jpg`);
  try {
    return await fs.readFile(file);
  } catch {
    const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality, mozjpeg: true }).toBuffer();
    await fs.mkdir(ART_CACHE, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, jpeg);
    await fs.rename(tmp, file);
    return jpeg;
  }
}

/** Runs the rasterisations a few at a time (sharp has its own thread pool) and keeps their order. */
async function rasteriseAll(svgs: string[], quality: number): Promise<Buffer[]> {
  const out: Buffer[] = new Array<Buffer>(svgs.length);
  let next = 0;
  const worker = async () => {
    while (next < svgs.length) {
      const i = next++;
      out[i] = await rasterise(svgs[i] as string, quality);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return out;
}

/** Seeds only into an empty publication; returns false when there was already content. */
export async function seedDemo(deps: SeedDeps, options: SeedOptions = {}): Promise<boolean> {
  if ((await deps.queries.sections()).length > 0) return false;
  const now = options.now ?? Date.now();
  const width = options.imageWidth ?? 1600;
  const height = Math.round((width * 9) / 16);

  await deps.settings.update({
    name: demoPublication.name,
    tagline: demoPublication.tagline,
    description: demoPublication.description,
    accentColor: demoPublication.accentColor,
    timeZone: demoPublication.timeZone,
    locale: demoPublication.locale,
  });

  for (const [position, section] of demoSections.entries()) {
    await deps.publishing.createSection({ ...section, position });
  }

  const portraits = await rasteriseAll(demoAuthors.map((a) => renderPortrait(a.portrait, 640)), 86);
  for (const [i, author] of demoAuthors.entries()) {
    const photo = await deps.media.ingest({ data: portraits[i] as Buffer, originalName: `${author.slug}.jpg`, alt: `Portrait of ${author.name}`, credit: 'Illustration: The Civic Ledger' });
    await deps.publishing.createAuthor({ slug: author.slug, name: author.name, title: author.title, bio: author.bio, links: author.links, photoMediaId: photo.id });
  }

  // Oldest first, so ids grow with publication time like a real archive.
  const ordered = [...demoArticles].sort((a, b) => b.publishedHoursAgo - a.publishedHoursAgo);
  const images: DemoImage[] = ordered.flatMap((article) => [article.hero, ...(article.body as DemoBlock[]).flatMap((b) => (b.type === 'demoImage' ? [b.image] : []))]);
  const jpegs = new Map<DemoImage, Buffer>();
  (await rasteriseAll(images.map((image) => renderArt(image.art, width, height)), 84)).forEach((jpeg, i) => jpegs.set(images[i] as DemoImage, jpeg));
  const ingestImage = (image: DemoImage, name: string) =>
    deps.media.ingest({ data: jpegs.get(image) as Buffer, originalName: `${name}.jpg`, caption: image.caption, credit: image.credit, alt: image.alt, focalX: image.focalX, focalY: image.focalY });

  for (const article of ordered) {
    const hero = await ingestImage(article.hero, article.slug);
    const body: Block[] = [];
    let n = 0;
    for (const block of article.body as DemoBlock[]) {
      if (block.type === 'demoImage') {
        const item = await ingestImage(block.image, `${article.slug}-${++n}`);
        body.push({ type: 'image', attrs: { mediaId: item.id } });
      } else {
        body.push(block);
      }
    }
    const { id } = await deps.publishing.createArticle({
      headline: article.headline,
      standfirst: article.standfirst,
      slug: article.slug,
      sectionSlug: article.section,
      body: { type: 'doc', content: body },
      authors: article.authors,
      tags: article.tags,
      dateline: article.dateline ?? null,
      heroMediaId: hero.id,
      status: 'published',
      publishedAt: now - article.publishedHoursAgo * HOUR,
    });
    if (article.update) {
      await deps.publishing.addNote(id, { kind: article.update.kind, body: article.update.text, at: now - article.update.hoursAgo * HOUR });
    }
  }

  for (const page of demoPages) await deps.publishing.upsertPage(page);

  // House ads, so the article pages' slots show what a small newsroom would run in them.
  const adImages = await rasteriseAll(houseAds.map((ad) => ad.svg(demoPublication.accentColor)), 90);
  for (const [i, ad] of houseAds.entries()) {
    const image = await deps.media.ingest({ data: adImages[i] as Buffer, originalName: `house-ad-${i + 1}.jpg`, alt: ad.alt, credit: demoPublication.name });
    await deps.ads.store.create({
      name: ad.name,
      mediaId: image.id,
      imageUrl: null,
      alt: ad.alt,
      linkUrl: new URL(ad.path, deps.config.publicUrl).href,
      startsAt: now - HOUR,
      endsAt: now + YEAR,
      sectionIds: [],
      weight: 10,
      active: true,
    });
  }
  await deps.ads.reload();
  return true;
}
