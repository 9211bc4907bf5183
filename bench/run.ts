/**
 * `npm run bench`: builds the app, then measures the project's performance goals side by side in
 * one run and prints a table per goal plus a summary of every target (met or not). The same
 * figures go to bench/results/latest.json. Nothing here asserts: a missed target is a finding.
 *
 * `npm run bench -- comments scale` measures only the goals named (see GOALS); their figures go to
 * bench/results/partial-<names>.json, so a partial run never replaces the full record.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { coldRenderGoal } from './goals/cold-render.js';
import { commentsGoal, type CommentsFigures } from './goals/comments.js';
import { liveGoal } from './goals/live.js';
import { pageWeightGoal } from './goals/page-weight.js';
import { postgresGoal } from './goals/postgres.js';
import { scaleGoal } from './goals/scale.js';
import { startupGoal } from './goals/startup.js';
import { throughputGoal } from './goals/throughput.js';
import { startAppServer } from './lib/app-server.js';
import { killAllChildren } from './lib/children.js';
import { findTargetArticle, openApp, seedDemoDir, type DemoDir } from './lib/demo-dir.js';
import { buildDist, loadDist } from './lib/dist.js';
import { seconds } from './lib/format.js';
import { DIST, RESULTS_FILE } from './lib/paths.js';
import { formatSection, formatSummary, row, type Section } from './lib/report.js';
import type { Summary } from './lib/stats.js';
import type { App } from '../src/app.js';
import { tuneRuntime } from '../src/runtime.js';

// Goals that time the app in this process (comments, cold render) run it with the server's V8 settings.
tuneRuntime();

const GOALS = ['cold-render', 'page-weight', 'throughput', 'startup', 'scale', 'postgres', 'comments', 'live'] as const;
type GoalName = (typeof GOALS)[number];
const picked = process.argv.slice(2);
const unknown = picked.filter((name) => !(GOALS as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`Unknown goal(s): ${unknown.join(', ')}. Known goals: ${GOALS.join(', ')} (none named: all of them).`);
  process.exit(2);
}
const wanted = (name: GoalName) => picked.length === 0 || picked.includes(name);
// These measure the demo publication's pages, seeded once into a shared data dir.
const needsDemo = (['cold-render', 'page-weight', 'throughput', 'startup'] as const).some(wanted);

const sections: Section[] = [];
const progress = (message: string) => console.log(`» ${message}`);

/** One goal failing (a crash, a missing page) is reported as such; the other goals still run. */
async function goal(id: string, title: string, run: () => Promise<Section>): Promise<Section | null> {
  progress(title);
  try {
    const section = await run();
    // Every figure here moves with what else the machine is doing; say how busy it was.
    section.notes.push(`load average after this goal (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.availableParallelism()} CPU(s)`);
    sections.push(section);
    console.log(formatSection(section));
    return section;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed: Section = { id, title, rows: [row('error', message.split('\n')[0] ?? message, 'completes', false)], notes: message.includes('\n') ? [message] : [], data: { error: message } };
    sections.push(failed);
    console.log(formatSection(failed));
    return null;
  }
}

const environment = {
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cpus: os.availableParallelism(),
  memoryGb: Math.round(os.totalmem() / 1024 ** 3),
  gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  // Other work on the machine skews every figure; the load average says how much there was.
  loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
};

const started = performance.now();
console.log(`StructureCMS bench — ${new Date().toISOString()}`);
console.log(`node ${environment.node}, ${environment.platform}, ${environment.cpus} × ${environment.cpu}, ${environment.memoryGb} GB RAM, load average ${environment.loadAverage.join(' ')}`);

progress('building dist/ (tsc -p tsconfig.build.json)');
const build = buildDist();
console.log(`  build: ${seconds(build.ms)}${build.ok ? '' : ' — tsc reported errors (dist/ was still emitted; measuring it):\n' + build.output}`);

if ((needsDemo || wanted('postgres')) && !fs.existsSync(path.join(DIST, 'modules', 'demo', 'articles', 'index.js'))) {
  console.error('The demo content (src/modules/demo/articles/) is missing; the bench measures demo pages and cannot run without it.');
  process.exit(1);
}

const dist = await loadDist();
let demo: DemoDir | null = null;
if (needsDemo) {
  progress('seeding the demo publication into a temp data dir');
  const seeded = await seedDemoDir(dist);
  demo = seeded;
  console.log(`  seeded ${seeded.dataDir} in ${seconds(seeded.seedMs)}`);
  // An interrupted run must not leave the seeded copy behind.
  process.once('exit', () => seeded.remove());
}

let sqliteRender: Summary | null = null;
try {
  if (demo) {
    const dataDir = demo.dataDir;
    const withApp = async <T>(use: (app: App) => Promise<T>): Promise<T> => {
      const app = await openApp(dist, dataDir);
      try {
        return await use(app);
      } finally {
        await app.close();
      }
    };
    // Goals 1, 2 and 4 are about the same page: the long-read, found once.
    const target = await withApp((app) => findTargetArticle(app));
    if (wanted('cold-render')) {
      const cold = await goal('2 cold render', 'goal 2: cold render of the long-read (in-process)', () => withApp((app) => coldRenderGoal(app, target)));
      sqliteRender = (cold?.data.renderMs as Summary | undefined) ?? null;
    }

    if (wanted('page-weight') || wanted('throughput')) {
      progress('starting the app in a child process');
      const server = await startAppServer(dataDir);
      try {
        if (wanted('page-weight')) await goal('4 page weight', 'goal 4: page weight', () => pageWeightGoal(server.origin, target.path));
        if (wanted('throughput')) await goal('1 warm throughput', 'goal 1: warm throughput, app vs bare node:http (about 25 s)', () => throughputGoal(server, target.path));
      } finally {
        await server.stop();
      }
    }

    if (wanted('startup')) await goal('5 start-up', 'goal 5: start-up to first served page (3 runs)', () => startupGoal(dataDir));
  }
  if (wanted('scale')) await goal('3 scale', 'goal 3: scale, 1k vs 100k articles (first run generates the 100k database: a few minutes)', () => scaleGoal(dist));
  if (wanted('postgres')) await goal('6 postgres', 'goal 6: cold render on PostgreSQL', () => postgresGoal(dist, sqliteRender));
  if (wanted('comments')) {
    const onSqlite = await goal('7 comments sqlite', 'goal 7: comments at 100k on SQLite (seeds 100,000 comments, then reads and posts: a few minutes)', () => commentsGoal(dist, 'sqlite'));
    const sqliteComments = (onSqlite?.data.figures as CommentsFigures | undefined) ?? null;
    await goal('7 comments postgres', 'goal 7: comments at 100k on PostgreSQL (a few minutes)', () => commentsGoal(dist, 'postgres', sqliteComments));
  }
  if (wanted('live')) {
    await goal('8 live sqlite', 'goal 8: live comments over SSE on SQLite (2,000 readers, then 10,000 open streams: about a minute)', () => liveGoal(dist, 'sqlite'));
    await goal('8 live postgres', 'goal 8: live comments over SSE on PostgreSQL (2,000 readers on one instance, then on a second)', () => liveGoal(dist, 'postgres'));
  }
} finally {
  killAllChildren();
  demo?.remove();
}

const totalMs = performance.now() - started;
console.log(formatSummary(sections));
console.log(`\nBench finished in ${seconds(totalMs)}.`);
const resultsFile = picked.length === 0 ? RESULTS_FILE : path.join(path.dirname(RESULTS_FILE), `partial-${[...new Set(picked)].join('-')}.json`);
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.writeFileSync(resultsFile, JSON.stringify({ generatedAt: new Date().toISOString(), goals: picked.length === 0 ? 'all' : picked, totalMs, environment, build: { ms: build.ms, ok: build.ok }, sections }, null, 2) + '\n');
console.log(`Results written to ${path.relative(process.cwd(), resultsFile)}.`);
process.exit(sections.some((s) => 'error' in s.data) ? 1 : 0);
