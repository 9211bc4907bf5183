/**
 * Goal 2: a cold render of the long-read (page cache bypassed, database read included), timed
 * in-process through the same renderer the routes call on a cache miss.
 */
import type { App } from '../../src/app.js';
import type { TargetArticle } from '../lib/demo-dir.js';
import { int, ms } from '../lib/format.js';
import { row, type Section } from '../lib/report.js';
import { contentionNotes, describeContention, watchContention, type Contention } from '../lib/contention.js';
import { watchGc, type GcPauses } from '../lib/gc-watch.js';
import { summarize, timeCalls, type Summary } from '../lib/stats.js';

export const COLD_RENDERS = 2000;
// A server renders continuously: time the steady state, after the JIT and the heap have settled.
const WARMUP = 1000;
export const P99_TARGET_MS = 3;

/** Renders the article once and checks it is a page, so a redirect or 404 is never timed by mistake. */
export async function renderArticleOnce(app: App, target: Pick<TargetArticle, 'sectionSlug' | 'slug'>): Promise<string> {
  const result = await app.renderer.article(target.sectionSlug, target.slug);
  if (!('html' in result)) throw new Error(`renderer.article(${target.sectionSlug}, ${target.slug}) did not render a page: ${JSON.stringify(result)}`);
  return result.html;
}

export async function timeArticleRenders(app: App, target: TargetArticle, n = COLD_RENDERS): Promise<{ summary: Summary; htmlBytes: number; gc: GcPauses; contention: Contention }> {
  const html = await renderArticleOnce(app, target);
  // Warm-up and timing are split so the GC watch covers only the timed calls.
  await timeCalls(WARMUP, 0, () => app.renderer.article(target.sectionSlug, target.slug));
  const gc = watchGc();
  const contention = watchContention();
  const samples = await timeCalls(n, 0, () => app.renderer.article(target.sectionSlug, target.slug));
  return { summary: summarize(samples), htmlBytes: Buffer.byteLength(html), contention: contention.stop(), gc: await gc.stop() };
}

export const contentionRow = (c: Contention) => row("other processes' CPU during the timed calls", describeContention(c));

export const gcRow = (gc: GcPauses) => row('GC pauses during the timed calls', `${gc.count} (total ${ms(gc.totalMs, 1)}, longest ${ms(gc.maxMs, 2)}; ${gc.forced} forced by the bench, not counted)`);

export async function coldRenderGoal(app: App, target: TargetArticle): Promise<Section> {
  const { summary, htmlBytes, gc, contention } = await timeArticleRenders(app, target);
  return {
    id: '2 cold render',
    title: `2. Cold render of the long-read, SQLite (renderer.article, page cache bypassed, ${int(summary.n)} calls after ${WARMUP} warm-up)`,
    rows: [
      row('article', `${target.path} (id ${target.id})`),
      row('word count (queries.articleById().wordCount)', int(target.wordCount), '~1,500 words', null),
      row('HTML size', `${int(htmlBytes)} B`),
      row('p50', ms(summary.p50)),
      row('p99', ms(summary.p99), `≤ ${P99_TARGET_MS} ms`, summary.p99 <= P99_TARGET_MS),
      row('mean', ms(summary.mean)),
      row('max', ms(summary.max)),
      gcRow(gc),
      contentionRow(contention),
    ],
    notes: contentionNotes(contention),
    data: { article: target, htmlBytes, renderMs: summary, gc, contention },
  };
}
