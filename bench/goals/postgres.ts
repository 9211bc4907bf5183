/**
 * Goal 6: the same cold article render on PostgreSQL, when a server answers at the usual test
 * address. The demo is seeded into a schema of its own, which is dropped afterwards.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Dist } from '../lib/dist.js';
import { DEMO_IMAGE_WIDTH, findTargetArticle } from '../lib/demo-dir.js';
import { int, ms, ratio, seconds } from '../lib/format.js';
import { row, skipped, type Section } from '../lib/report.js';
import type { Summary } from '../lib/stats.js';
import { contentionNotes } from '../lib/contention.js';
import { COLD_RENDERS, contentionRow, gcRow, P99_TARGET_MS, timeArticleRenders } from './cold-render.js';

export const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const ID = '6 postgres';
const TITLE = '6. Cold render of the long-read on PostgreSQL';

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const result = await client.query<{ version: string }>('select version() as version');
    return result.rows[0]?.version ?? 'PostgreSQL';
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function postgresGoal(dist: Dist, sqlite: Summary | null): Promise<Section> {
  const version = await reachable();
  if (!version) return skipped(ID, TITLE, `no PostgreSQL answered at ${PG_URL}; skipped`);
  const schema = `bench_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'structurecms-bench-pg-'));
  try {
    const seedStart = performance.now();
    const config = dist.config.loadConfig({ DATA_DIR: dataDir, DATABASE_URL: PG_URL, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1:3000' });
    const app = await dist.app.createApp(config, { pgSchema: schema });
    try {
      await (await dist.seed()).seedDemo(app, { imageWidth: DEMO_IMAGE_WIDTH });
      const seedMs = performance.now() - seedStart;
      const target = await findTargetArticle(app);
      const { summary, gc, contention } = await timeArticleRenders(app, target);
      return {
        id: ID,
        title: `${TITLE} (${int(summary.n)} calls, schema ${schema}, dropped afterwards)`,
        rows: [
          row('server', version.split(' on ')[0] ?? version),
          row('demo seeded in', seconds(seedMs)),
          row('article', `${target.path} (${int(target.wordCount)} words)`),
          row('p50', ms(summary.p50)),
          row('p99', ms(summary.p99), `info: SQLite goal ≤ ${P99_TARGET_MS} ms`, null),
          row('mean', ms(summary.mean)),
          gcRow(gc),
          contentionRow(contention),
          ...(sqlite ? [row('p50 / p99 vs SQLite', `${ratio(summary.p50 / sqlite.p50)} / ${ratio(summary.p99 / sqlite.p99)}`)] : []),
        ],
        notes: ['PostgreSQL figures are informational: the p99 target is set for the embedded SQLite database', ...contentionNotes(contention)],
        data: { server: version, schema, seedMs, article: target, renderMs: summary, gc, contention, renders: COLD_RENDERS },
      };
    } finally {
      await app.close();
    }
  } finally {
    await dist.database.dropPostgresSchema(PG_URL, schema);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
