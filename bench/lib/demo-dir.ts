/**
 * A data dir seeded with the demo publication, made fresh for each run in the OS temp dir (the
 * demo content changes while the project grows, so a cached copy could measure stale pages).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App } from '../../src/app.js';
import type { Dist } from './dist.js';

/** Hero width the demo uses on `npm start`: srcset sizes, and so page weight, depend on it. */
export const DEMO_IMAGE_WIDTH = 1600;

export interface DemoDir {
  dataDir: string;
  seedMs: number;
  remove(): void;
}

export async function seedDemoDir(dist: Dist): Promise<DemoDir> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'structurecms-bench-demo-'));
  const start = performance.now();
  const app = await openApp(dist, dataDir);
  try {
    await (await dist.seed()).seedDemo(app, { imageWidth: DEMO_IMAGE_WIDTH });
  } finally {
    await app.close();
  }
  return { dataDir, seedMs: performance.now() - start, remove: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

/** The app in this process, quiet, on a SQLite data dir. */
export function openApp(dist: Dist, dataDir: string, env: Record<string, string> = {}): Promise<App> {
  const config = dist.config.loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1:3000', ...env });
  return dist.app.createApp(config);
}

export interface TargetArticle {
  id: number;
  sectionSlug: string;
  slug: string;
  path: string;
  wordCount: number;
}

/** The long-read the goals are written about, else the longest published demo article. */
export async function findTargetArticle(app: App): Promise<TargetArticle> {
  const k = app.db.kysely;
  const preferred = await k.selectFrom('articles').select('id').where('slug', '=', 'the-long-road-to-the-river').where('status', '=', 'published').executeTakeFirst();
  const longest = await k.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('word_count', 'desc').limit(1).executeTakeFirst();
  const id = preferred?.id ?? longest?.id;
  if (id === undefined) throw new Error('the demo publication has no published article');
  const article = await app.queries.articleById(id);
  if (!article) throw new Error(`article ${id} is not readable`);
  return { id, sectionSlug: article.section.slug, slug: article.slug, path: article.path, wordCount: article.wordCount };
}
