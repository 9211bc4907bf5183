/**
 * Builds a SQLite publication of N synthetic published articles for the scale goal. The schema
 * comes from the app's own migrations; rows are bulk-inserted with SQL in one transaction, since
 * 100k articles through the publishing service would take far too long. The result is cached in
 * the OS temp dir, keyed by a version string and the migrations' source, so reruns reuse it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Dist } from '../lib/dist.js';
import { openApp } from '../lib/demo-dir.js';
import { CACHE_DIR, DIST } from '../lib/paths.js';
import { between, paragraph, pick, prng, sentence, title, wordCountOf, type Random } from './text.js';

/** Bump when the generated content changes shape, so stale caches are not reused. */
const SYNTHETIC_VERSION = 'v1';
const PARAGRAPHS_PER_ARTICLE = 10;
const PARAGRAPH_POOL = 4000;
const YEARS = 5;
const HOUR = 3_600_000;

const SECTIONS = [
  { slug: 'news', name: 'News' },
  { slug: 'politics', name: 'Politics' },
  { slug: 'climate', name: 'Climate' },
  { slug: 'culture', name: 'Culture' },
];
const AUTHORS = ['ana-ruiz', 'ben-okafor', 'chen-li', 'dana-weiss', 'eli-navarro'];
const TAG_COUNT = 60;
const MEDIA_COUNT = 12;
const DATELINES = ['RIVERTON', 'HARBOR CITY', 'MILLBROOK', 'THE CAPITOL', 'EAST VALLEY'];

export interface SyntheticDb {
  dataDir: string;
  count: number;
  /** How long generation took, now or when the cached copy was made. */
  generatedMs: number;
  cached: boolean;
  fileBytes: number;
}

interface Marker {
  count: number;
  generatedMs: number;
  createdAt: string;
}

/** Migrations decide the schema; a change to them must not meet an old cached file. */
function schemaKey(): string {
  const hash = crypto.createHash('sha256');
  for (const file of ['modules/settings/migrations.js', 'modules/media/migrations.js', 'modules/publishing/migrations.js']) {
    hash.update(fs.readFileSync(path.join(DIST, file)));
  }
  return hash.digest('hex').slice(0, 8);
}

export async function syntheticDb(dist: Dist, count: number): Promise<SyntheticDb> {
  const dataDir = path.join(CACHE_DIR, `synthetic-${SYNTHETIC_VERSION}-${schemaKey()}-${count}`);
  const markerFile = path.join(dataDir, 'ready.json');
  const dbFile = path.join(dataDir, 'structurecms.db');
  if (fs.existsSync(markerFile) && fs.existsSync(dbFile)) {
    const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as Marker;
    return { dataDir, count, generatedMs: marker.generatedMs, cached: true, fileBytes: fs.statSync(dbFile).size };
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  const start = performance.now();
  // Migrations and default settings, exactly as a fresh install makes them.
  const app = await openApp(dist, dataDir);
  await app.close();
  fill(dbFile, count);
  const generatedMs = performance.now() - start;
  const marker: Marker = { count, generatedMs, createdAt: new Date().toISOString() };
  fs.writeFileSync(markerFile, JSON.stringify(marker));
  return { dataDir, count, generatedMs, cached: false, fileBytes: fs.statSync(dbFile).size };
}

function fill(file: string, count: number): void {
  const db = new SQLite(file);
  try {
    // A throwaway build: no rollback journal, no fsync; WAL is switched back on at the end like the app runs it.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const random = prng(count);
    db.transaction(() => insertAll(db, random, count))();
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

function insertAll(db: SQLite.Database, random: Random, count: number): void {
  const now = Date.now();
  for (const [position, s] of SECTIONS.entries()) {
    db.prepare('INSERT INTO sections (id, slug, name, description, position) VALUES (?, ?, ?, ?, ?)').run(position + 1, s.slug, s.name, sentence(random), position);
  }
  for (let i = 1; i <= MEDIA_COUNT; i++) {
    db.prepare(
      `INSERT INTO media (id, storage_key, original_name, mime, width, height, bytes, caption, credit, alt, focal_x, focal_y, created_at)
       VALUES (?, ?, ?, 'image/jpeg', 1600, 900, 250000, ?, 'Photo: Synthetic Desk', ?, 0.5, 0.4, ?)`,
    ).run(i, `originals/synthetic-${i}.jpg`, `synthetic-${i}.jpg`, sentence(random), sentence(random), now);
  }
  for (const [i, slug] of AUTHORS.entries()) {
    const name = slug.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(' ');
    db.prepare('INSERT INTO authors (id, slug, name, title, bio, links) VALUES (?, ?, ?, ?, ?, ?)').run(i + 1, slug, name, 'Reporter', paragraph(random), '[]');
  }
  for (let i = 1; i <= TAG_COUNT; i++) db.prepare('INSERT INTO tags (id, slug, name) VALUES (?, ?, ?)').run(i, `topic-${i}`, `Topic ${i}`);

  // A pool of paragraphs keeps generation fast; each article still gets its own sequence of them.
  const pool = Array.from({ length: PARAGRAPH_POOL }, () => paragraph(random));
  const article = db.prepare(
    `INSERT INTO articles (id, slug, headline, standfirst, section_id, body, rendered_body, hero_media_id, dateline, status,
       published_at, updated_at, created_at, modified_at, seo_title, seo_description, word_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, NULL, NULL, ?)`,
  );
  const byline = db.prepare('INSERT INTO article_authors (article_id, author_id, position, role_label) VALUES (?, ?, ?, NULL)');
  const tagged = db.prepare('INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?)');
  const search = db.prepare('INSERT INTO article_search (rowid, headline, standfirst, body) VALUES (?, ?, ?, ?)');

  const span = YEARS * 365 * 24 * HOUR;
  const oldest = now - span;
  for (let id = 1; id <= count; id++) {
    const headline = title(random, 6, 12);
    const standfirst = title(random, 20, 32) + '.';
    const paragraphs = Array.from({ length: PARAGRAPHS_PER_ARTICLE }, () => pick(random, pool));
    const body = { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
    const rendered = paragraphs.map((text) => ({ kind: 'paragraph', html: `<p>${text}</p>` }));
    const slug = `${headline.toLowerCase().split(' ').slice(0, 6).join('-')}-${id}`;
    // Ids grow with publication time, as in a real archive, with a little jitter.
    const publishedAt = Math.min(now - HOUR, Math.round(oldest + (id / count) * span + (random() - 0.5) * 12 * HOUR));
    const updatedAt = random() < 0.05 ? publishedAt + between(random, 1, 48) * HOUR : null;
    article.run(
      id,
      slug,
      headline,
      standfirst,
      between(random, 1, SECTIONS.length),
      JSON.stringify(body),
      JSON.stringify(rendered),
      between(random, 1, MEDIA_COUNT),
      random() < 0.3 ? pick(random, DATELINES) : null,
      publishedAt,
      updatedAt,
      publishedAt - HOUR,
      updatedAt ?? publishedAt,
      paragraphs.reduce((n, p) => n + wordCountOf(p), 0),
    );
    const first = between(random, 1, AUTHORS.length);
    byline.run(id, first, 0);
    if (random() < 0.2) byline.run(id, (first % AUTHORS.length) + 1, 1);
    const tags = new Set(Array.from({ length: between(random, 2, 4) }, () => between(random, 1, TAG_COUNT)));
    for (const tag of tags) tagged.run(id, tag);
    search.run(id, headline, standfirst, paragraphs.join('\n\n'));
  }
}
