/**
 * Goal 3: does a cold render stay flat as the archive grows? The article page (random articles)
 * and the front page, on 1,000 and on 100,000 published articles, same code, same process.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { App } from '../../src/app.js';
import type { Dist } from '../lib/dist.js';
import { openApp } from '../lib/demo-dir.js';
import { bytes, int, ms, ratio, seconds } from '../lib/format.js';
import { row, type Row, type Section } from '../lib/report.js';
import { summarize, timeCalls, type Summary } from '../lib/stats.js';
import { contentionRow, renderArticleOnce } from './cold-render.js';
import { contentionNotes, watchContention } from '../lib/contention.js';
import { syntheticDb, type SyntheticDb } from '../synthetic/generate.js';
import { prng } from '../synthetic/text.js';

const SMALL = 1_000;
const LARGE = 100_000;
const ARTICLE_RENDERS = 2000;
const ARTICLE_WARMUP = 100;
const FRONT_RENDERS = 1000;
const FRONT_WARMUP = 50;
const RATIO_TARGET = 1.5;
const ROUNDS = 20;

interface ScaleFigures {
  db: SyntheticDb;
  article: Summary;
  front: Summary;
}

/** Random published articles, addressed the way a reader's request addresses them. */
async function randomTargets(app: App, count: number, n: number, seed: number) {
  const random = prng(seed);
  const ids = Array.from({ length: n }, () => 1 + Math.floor(random() * count));
  const rows = await app.db.kysely
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select(['a.id', 'a.slug', 's.slug as sectionSlug'])
    .where('a.id', 'in', [...new Set(ids)])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const found = byId.get(id);
    if (!found) throw new Error(`synthetic article ${id} is missing`);
    return found;
  });
}

function missing(i: number): never {
  throw new Error(`no target for render ${i}`);
}

interface Subject {
  db: SyntheticDb;
  app: App;
  targets: { id: number; slug: string; sectionSlug: string }[];
  articleSamples: number[];
  frontSamples: number[];
}

/**
 * Reads the database file once so both sizes are measured from the OS page cache, as a
 * long-running server's would be; otherwise the first run after generation (or after other
 * work evicted the file) bills disk reads to the 100k database only.
 */
function warmOsCache(file: string): void {
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    while (fs.readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}

async function open(dist: Dist, count: number): Promise<Subject> {
  const db = await syntheticDb(dist, count);
  warmOsCache(path.join(db.dataDir, 'structurecms.db'));
  const app = await openApp(dist, db.dataDir);
  return { db, app, targets: await randomTargets(app, count, ARTICLE_RENDERS, 2), articleSamples: [], frontSamples: [] };
}

/**
 * Both databases are open at once and measured in alternating rounds: whichever went first would
 * otherwise pay for the JIT warming up (measured: the first one's front page looked 2× slower).
 */
async function measureBoth(small: Subject, large: Subject): Promise<void> {
  for (const subject of [small, large]) {
    const warm = await randomTargets(subject.app, subject.db.count, ARTICLE_WARMUP, 1);
    for (const t of warm) await renderArticleOnce(subject.app, t);
    for (let i = 0; i < FRONT_WARMUP; i++) await subject.app.renderer.front();
  }
  const articlesPerRound = ARTICLE_RENDERS / ROUNDS;
  const frontsPerRound = FRONT_RENDERS / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    for (const subject of round % 2 === 0 ? [small, large] : [large, small]) {
      const offset = round * articlesPerRound;
      const { app, targets } = subject;
      subject.articleSamples.push(...(await timeCalls(articlesPerRound, 0, (i) => renderArticleOnce(app, targets[offset + i] ?? missing(offset + i)))));
      subject.frontSamples.push(...(await timeCalls(frontsPerRound, 0, () => app.renderer.front())));
    }
  }
}

function ratioRows(page: string, small: Summary, large: Summary): Row[] {
  const p50 = large.p50 / small.p50;
  const p99 = large.p99 / small.p99;
  return [
    row(`${page}: p50 at 1k / 100k`, `${ms(small.p50)} / ${ms(large.p50)}`),
    row(`${page}: p99 at 1k / 100k`, `${ms(small.p99)} / ${ms(large.p99)}`),
    row(`${page}: p50 ratio 100k ÷ 1k`, ratio(p50), `≤ ${ratio(RATIO_TARGET)}`, p50 <= RATIO_TARGET),
    row(`${page}: p99 ratio 100k ÷ 1k`, ratio(p99), `≤ ${ratio(RATIO_TARGET)}`, p99 <= RATIO_TARGET),
  ];
}

const describe = (db: SyntheticDb) =>
  `${int(db.count)} articles, ${bytes(db.fileBytes)} file, ${db.cached ? `cached (generated earlier in ${seconds(db.generatedMs)})` : `generated now in ${seconds(db.generatedMs)}`}`;

export async function scaleGoal(dist: Dist): Promise<Section> {
  const smallSubject = await open(dist, SMALL);
  const largeSubject = await open(dist, LARGE).catch(async (error: unknown) => {
    await smallSubject.app.close();
    throw error;
  });
  const watch = watchContention();
  try {
    await measureBoth(smallSubject, largeSubject);
  } finally {
    await smallSubject.app.close();
    await largeSubject.app.close();
  }
  const figures = (s: Subject): ScaleFigures => ({ db: s.db, article: summarize(s.articleSamples), front: summarize(s.frontSamples) });
  const contention = watch.stop();
  const small = figures(smallSubject);
  const large = figures(largeSubject);
  return {
    id: '3 scale',
    title: `3. Scale: cold renders with 1,000 vs 100,000 published articles (SQLite; ${ARTICLE_RENDERS} random articles and ${FRONT_RENDERS} front pages each, in ${ROUNDS} alternating rounds)`,
    rows: [
      row('database 1k', describe(small.db)),
      row('database 100k', describe(large.db)),
      ...ratioRows('article', small.article, large.article),
      ...ratioRows('front', small.front, large.front),
      contentionRow(contention),
    ],
    notes: [
      `generated databases are cached under ${path.dirname(small.db.dataDir)}; each file is read once before timing so both sizes are served from the OS page cache`,
      ...contentionNotes(contention),
    ],
    data: {
      small: { count: small.db.count, fileBytes: small.db.fileBytes, generatedMs: small.db.generatedMs, cached: small.db.cached, article: small.article, front: small.front },
      large: { count: large.db.count, fileBytes: large.db.fileBytes, generatedMs: large.db.generatedMs, cached: large.db.cached, article: large.article, front: large.front },
      target: RATIO_TARGET,
      contention,
    },
  };
}
