/**
 * Goal 7: comments at scale (issue 4, "Speed"). A story with 100,000 comments, and one with 1,000
 * beside it, are seeded straight into the comments tables in the shape the comments service itself
 * leaves them (every counter consistent, checked). Then: the first page of the thread as the JSON
 * API and the article page ask for it, and posting through the whole pipeline (moderation,
 * Markdown, insert, counters, events). Once on SQLite and, when a server answers, on PostgreSQL.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, sql, type Insertable, type RawBuilder } from 'kysely';
import pg from 'pg';
import type { App } from '../../src/app.js';
import type { Tables } from '../../src/db/tables.js';
import { threadTag, type Commenter, type Sort, type ThreadPage } from '../../src/modules/comments/index.js';
import type { Dist } from '../lib/dist.js';
import { openApp } from '../lib/demo-dir.js';
import { int, ms, ratio, seconds } from '../lib/format.js';
import { row, skipped, type Row, type Section } from '../lib/report.js';
import { contentionNotes, watchContention } from '../lib/contention.js';
import { watchGc } from '../lib/gc-watch.js';
import { collectGarbage, summarize, timeCalls, type Summary } from '../lib/stats.js';
import { between, pick, prng, sentence, words, type Random } from '../synthetic/text.js';
import { contentionRow, gcRow } from './cold-render.js';
import { PG_URL } from './postgres.js';

/** BENCH_COMMENTS=<n> seeds a smaller thread for a quick trial run (the targets are about 100,000). */
const LARGE = Number(process.env.BENCH_COMMENTS ?? 100_000);
const SMALL = 1_000;
const READERS = 2_000;
const TOP_LEVEL_SHARE = 0.25;
const READS = 1_000;
const READ_WARMUP = 200;
const ROUNDS = 10;
const DEEP_PAGE = 400;
const PAGE_RENDERS = 200;
const POSTS = 2_000;
const POST_WARMUP = 200;
const REPLY_POSTS = 500;
const CONCURRENCY = 8;
const PAGE_P99_TARGET = { sqlite: 5, postgres: 10 } as const;
const POST_P50_TARGET = 5;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Seeded comments end this long before the run, outside every moderation window (repeats: 60 min). */
const SEED_END_BEFORE = 2 * HOUR;
const MAX_REPLY_DEPTH = 12;
const PASSWORD = 'a long enough bench password';

type Engine = 'sqlite' | 'postgres';
const ENGINE_NAME: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

// --- Seeding -------------------------------------------------------------------------------------

interface PoolText {
  text: string;
  html: string;
  hash: string;
}

interface Seeded {
  total: number;
  topLevel: number;
  replies: number;
  approved: number;
  pending: number;
  rejected: number;
  deleted: number;
  featured: number;
  reactions: number;
  maxDepth: number;
  /** Replies at depth 4 or deeper (shown flat with "replying to"). */
  deep: number;
  /** Visible replies under the busiest top-level comment. */
  biggestRoot: number;
}

interface Node {
  order: number;
  parent: Node | null;
  root: Node | null;
  depth: number;
  user: number;
  at: number;
  children: number;
  status: 'approved' | 'pending' | 'rejected' | 'deleted';
  likes: number;
  text: PoolText;
  address: string;
  id: number;
}

/** Comments as readers write them: a sentence or a few, sometimes bold, italics, a link or a quote. */
function commentText(random: Random, suffix = ''): string {
  const paragraphs = Array.from({ length: random() < 0.7 ? 1 : between(random, 2, 3) }, () =>
    Array.from({ length: between(random, 1, 3) }, () => sentence(random)).join(' '),
  );
  const roll = random();
  if (roll < 0.1) paragraphs[0] = `**${words(random, 2).join(' ')}** ${paragraphs[0]}`;
  else if (roll < 0.18) paragraphs.push(`*${words(random, 3).join(' ')}*`);
  else if (roll < 0.24) paragraphs.push(`See [the report](https://example.org/reports/${between(random, 1, 999)}) on this.`);
  else if (roll < 0.28) paragraphs.unshift(`> ${sentence(random)}`);
  return paragraphs.join('\n\n') + suffix;
}

/**
 * Generates one thread in memory (so parent ids are known before any insert), then writes it in
 * multi-row batches inside one transaction. Replies pile onto a few top-level comments (a skewed
 * choice) and often answer the latest replies there, so some chains run deep.
 */
async function seedThread(app: App, storyId: number, total: number, readers: number[], pool: PoolText[], addresses: string[], random: Random, now: number, approvedBy: Map<number, number>): Promise<Seeded> {
  const k = app.db.kysely;
  const end = now - SEED_END_BEFORE;
  const start = end - 7 * DAY;
  // Some readers write a lot, most a little.
  const reader = () => readers[Math.floor(readers.length * random() ** 2)] ?? 0;
  const nodes: Node[] = [];
  const make = (parent: Node | null, at: number): Node => {
    const node: Node = { order: nodes.length, parent, root: parent ? (parent.root ?? parent) : null, depth: parent ? parent.depth + 1 : 0, user: reader(), at, children: 0, status: 'approved', likes: 0, text: pick(random, pool), address: pick(random, addresses), id: 0 };
    if (parent) parent.children++;
    nodes.push(node);
    return node;
  };
  const topCount = Math.max(1, Math.round(total * TOP_LEVEL_SHARE));
  const roots = Array.from({ length: topCount }, () => make(null, start + Math.floor(random() * (end - start))));
  // Popularity rank → root, shuffled so the busiest threads are not simply the oldest.
  const byRank = [...roots];
  for (let i = byRank.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [byRank[i], byRank[j]] = [byRank[j]!, byRank[i]!];
  }
  const under = new Map<Node, Node[]>();
  for (let i = topCount; i < total; i++) {
    const root = byRank[Math.floor(topCount * random() ** 3)] ?? roots[0]!;
    const list = under.get(root) ?? [];
    let parent: Node = root;
    if (list.length > 0 && random() >= 0.45) {
      const candidate = list[list.length - 1 - Math.floor(random() * Math.min(8, list.length))]!;
      if (candidate.depth < MAX_REPLY_DEPTH) parent = candidate;
    }
    const delay = 1 + Math.floor(-Math.log(1 - random()) * 90 * MINUTE);
    const reply = make(parent, Math.max(parent.at + 1, Math.min(parent.at + delay, end)));
    list.push(reply);
    under.set(root, list);
  }

  // Ids grow with time, as they do when comments arrive; a reply is always later than its parent.
  nodes.sort((a, b) => a.at - b.at || a.order - b.order);
  const first = Number((await k.selectFrom('comments').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst())?.max ?? 0) + 1;
  nodes.forEach((node, i) => (node.id = first + i));

  // Held and rejected comments take no replies (nobody can answer them); "[deleted]" is kept only
  // for a comment that has replies.
  for (const node of nodes) {
    const roll = random();
    if (node.children === 0) node.status = roll < 0.01 ? 'pending' : roll < 0.015 ? 'rejected' : 'approved';
    else if (roll < 0.006) node.status = 'deleted';
    if (node.status === 'approved' && random() < 0.3) node.likes = Math.min(readers.length - 1, Math.floor(1 / (1 - random())));
  }
  const featuredIds = new Set(roots.filter((r) => r.status === 'approved' && r.likes >= 5).slice(0, 5).map((r) => r.id));

  const visible = (n: Node) => n.status === 'approved' || n.status === 'deleted';
  const replyCounts = new Map<Node, number>();
  for (const node of nodes) if (node.root && visible(node)) replyCounts.set(node.root, (replyCounts.get(node.root) ?? 0) + 1);

  const rows: Insertable<Tables['comments']>[] = nodes.map((n) => {
    const deleted = n.status === 'deleted';
    return {
      id: n.id,
      story_id: storyId,
      parent_id: n.parent?.id ?? null,
      root_id: n.root?.id ?? null,
      depth: n.depth,
      reply_to_user_id: n.parent?.user ?? null,
      user_id: n.user,
      body_text: deleted ? '' : n.text.text,
      body_html: deleted ? '' : n.text.html,
      text_hash: n.text.hash,
      address_hash: n.address,
      status: n.status,
      moderation_reasons: n.status === 'pending' ? JSON.stringify([{ phase: 'suspect-words', action: 'hold', reason: 'Contains words the moderators review.' }]) : '[]',
      featured_at: featuredIds.has(n.id) ? Math.min(n.at + HOUR, end) : null,
      like_count: n.likes,
      reply_count: n.root === null ? (replyCounts.get(n) ?? 0) : 0,
      report_count: 0,
      created_at: n.at,
      edited_at: n.status === 'approved' && random() < 0.02 ? n.at + Math.floor(random() * 9 * MINUTE) : null,
      deleted_at: deleted ? Math.min(n.at + DAY, end) : null,
    };
  });
  const reactions: Insertable<Tables['comment_reactions']>[] = [];
  for (const n of nodes) {
    // Distinct readers, never the author (one like per reader per comment; none on one's own).
    let next = Math.floor(random() * readers.length);
    for (let given = 0; given < n.likes; next++) {
      const user = readers[next % readers.length] ?? 0;
      if (user === n.user) continue;
      reactions.push({ comment_id: n.id, user_id: user, created_at: Math.min(n.at + 1 + given * 1000, end) });
      given++;
    }
  }

  const approved = nodes.filter((n) => n.status === 'approved').length;
  // A reader's approved_count counts every approval, including comments later deleted by their author.
  for (const n of nodes) if (visible(n)) approvedBy.set(n.user, (approvedBy.get(n.user) ?? 0) + 1);
  await k.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('comments').values(rows.slice(i, i + 1000)).execute();
    for (let i = 0; i < reactions.length; i += 5000) await trx.insertInto('comment_reactions').values(reactions.slice(i, i + 5000)).execute();
    await trx.updateTable('comment_stories').set({ comment_count: approved }).where('id', '=', storyId).execute();
  });

  return {
    total,
    topLevel: topCount,
    replies: total - topCount,
    approved,
    pending: nodes.filter((n) => n.status === 'pending').length,
    rejected: nodes.filter((n) => n.status === 'rejected').length,
    deleted: nodes.filter((n) => n.status === 'deleted').length,
    featured: featuredIds.size,
    reactions: reactions.length,
    maxDepth: nodes.reduce((max, n) => Math.max(max, n.depth), 0),
    deep: nodes.filter((n) => n.depth >= 4).length,
    biggestRoot: [...replyCounts.values()].reduce((max, n) => Math.max(max, n), 0),
  };
}

/** Readers: one made by the accounts service, the rest copied from it in bulk (same password hash). */
async function makeReaders(app: App, now: number, random: Random): Promise<number[]> {
  const k = app.db.kysely;
  const firstNames = ['Ana', 'Ben', 'Chen', 'Dana', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jo', 'Kofi', 'Lena', 'Mo', 'Nora', 'Omar', 'Pia', 'Quinn', 'Rosa', 'Sam', 'Tariq'];
  const lastNames = ['Ruiz', 'Okafor', 'Li', 'Weiss', 'Navarro', 'Haddad', 'Berg', 'Sato', 'Petrov', 'Kim', 'Mensah', 'Novak', 'Ali', 'Costa', 'Nguyen', 'Brown'];
  const name = () => `${pick(random, firstNames)} ${pick(random, lastNames)}`;
  const first = await app.accounts.createUser({ email: 'reader-1@bench.example', password: PASSWORD, role: 'reader', name: name(), emailVerified: true });
  const model = await k.selectFrom('users').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
  const rows = Array.from({ length: READERS - 1 }, (_, i) => {
    const created = now - 400 * DAY + i * 3 * HOUR;
    return { email: `reader-${i + 2}@bench.example`, name: name(), password_hash: model.password_hash, role: model.role, email_verified_at: created + MINUTE, created_at: created, disabled_at: null };
  });
  await k.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('users').values(rows.slice(i, i + 500)).execute();
  });
  const ids = await k.selectFrom('users').select('id').where('role', '=', 'reader').orderBy('id').execute();
  return ids.map((r) => r.id);
}

async function writeStandings(app: App, approvedBy: Map<number, number>, now: number): Promise<void> {
  const rows = [...approvedBy].map(([user_id, approved_count]) => ({ user_id, kind: 'good' as const, message: '', until: null, approved_count, updated_at: now, updated_by: null }));
  await app.db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('reader_standing').values(rows.slice(i, i + 1000)).execute();
  });
}

/**
 * Every counter the comments service keeps, recomputed from the rows: the seed must leave what the
 * service would, and posting through the service must keep it so. Returns the mismatches.
 */
async function inconsistencies(app: App): Promise<Record<string, number>> {
  const k = app.db.kysely;
  const count = async (query: RawBuilder<{ n: number | string }>) => Number((await query.execute(k)).rows[0]?.n ?? 0);
  return {
    'story comment_count': await count(sql`select count(*) as n from comment_stories s where s.comment_count <> (select count(*) from comments c where c.story_id = s.id and c.status = 'approved')`),
    'root reply_count': await count(sql`select count(*) as n from comments r where r.parent_id is null and r.reply_count <> (select count(*) from comments c where c.root_id = r.id and c.status in ('approved', 'deleted'))`),
    'like_count': await count(sql`select count(*) as n from comments c where c.like_count <> (select count(*) from comment_reactions x where x.comment_id = c.id)`),
    'root_id, depth, reply_to': await count(
      sql`select count(*) as n from comments c join comments p on p.id = c.parent_id where c.depth <> p.depth + 1 or c.root_id <> coalesce(p.root_id, p.id) or c.story_id <> p.story_id or c.reply_to_user_id <> p.user_id`,
    ),
    'reader approved_count': await count(
      sql`select count(*) as n from users u left join reader_standing s on s.user_id = u.id where u.role = 'reader' and coalesce(s.approved_count, 0) <> (select count(*) from comments c where c.user_id = u.id and c.status in ('approved', 'deleted'))`,
    ),
  };
}

const describeMismatches = (found: Record<string, number>) => {
  const bad = Object.entries(found).filter(([, n]) => n > 0);
  return bad.length === 0 ? 'all consistent' : bad.map(([what, n]) => `${int(n)} × ${what}`).join(', ');
};

// --- Query plans ---------------------------------------------------------------------------------

/** One statement of the listing, run alone as the listing runs it (placeholders numbered for PostgreSQL). */
/** A listing statement alone, run the way the listing runs it (prepared). */
function rawQuery(app: App, text: string, parameters: unknown[]) {
  return () => app.db.rawQuery(text, parameters);
}

async function explain(app: App, text: string, parameters: unknown[]): Promise<string[]> {
  let n = 0;
  const postgres = app.db.dialect === 'postgres';
  const query = postgres ? `explain (analyze, buffers, costs off) ${text.replace(/\?/gu, () => `$${++n}`)}` : `explain query plan ${text}`;
  const rows = (await app.db.kysely.executeQuery<Record<string, unknown>>(CompiledQuery.raw(query, parameters))).rows;
  return rows.map((r) => String(postgres ? r['QUERY PLAN'] : r.detail));
}

/** The lines of a plan that say how rows are found (index, scan, sort), for a one-line note. */
const planGist = (lines: string[]) =>
  lines
    .map((l) => l.trim().replace(/^->\s*/u, ''))
    .filter((l) => /scan|search|index|sort|temp b-tree|planning time|execution time/iu.test(l) && !/^(Sort Key|Index Cond|Buffers|Heap Blocks)/u.test(l))
    .join(' | ');

// --- Measuring -----------------------------------------------------------------------------------

interface Story {
  storyId: number;
  articleId: number;
  sectionSlug: string;
  slug: string;
}

function checkFirstPage(page: ThreadPage | null, what: string): ThreadPage {
  if (!page) throw new Error(`${what}: no thread`);
  if (page.entries.length === 0) throw new Error(`${what}: an empty first page`);
  if (page.entries.some((e) => e.replies.length > 3)) throw new Error(`${what}: more than 3 replies shown under a top-level comment`);
  return page;
}

async function time(n: number, warmup: number, fn: (i: number) => Promise<unknown>): Promise<Summary> {
  return summarize(await timeCalls(n, warmup, fn));
}

/** Posts `n` comments from `workers` posters at once; returns each post's latency and the wall time. */
async function postMany(n: number, workers: number, postOne: (i: number) => Promise<unknown>): Promise<{ samples: number[]; wallMs: number }> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await postOne(i);
        samples.push(performance.now() - t);
      }
    }),
  );
  return { samples, wallMs: performance.now() - started };
}

export interface CommentsFigures {
  firstPage: Summary;
  http: Summary;
  post: Summary;
  postsPerSecond: number;
}

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return (await client.query<{ version: string }>('select version() as version')).rows[0]?.version ?? 'PostgreSQL';
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function commentsGoal(dist: Dist, engine: Engine, sqlite: CommentsFigures | null = null): Promise<Section> {
  const id = `7 comments ${engine}`;
  const title = `7. Comments at ${int(LARGE)}, ${ENGINE_NAME[engine]}`;
  const version = engine === 'postgres' ? await probePostgres() : null;
  if (engine === 'postgres' && !version) return skipped(id, title, `no PostgreSQL answered at ${PG_URL}; skipped`);
  const schema = `bench_comments_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `structurecms-bench-comments-${engine}-`));
  try {
    const open = () =>
      engine === 'sqlite'
        ? openApp(dist, dataDir)
        : dist.app.createApp(dist.config.loadConfig({ DATA_DIR: dataDir, DATABASE_URL: PG_URL, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1:3000' }), { pgSchema: schema });
    return await measure(dist, open, engine, { id, title, server: version ?? `SQLite (better-sqlite3), data dir ${dataDir}`, schema: engine === 'postgres' ? schema : null }, sqlite);
  } finally {
    if (engine === 'postgres') await dist.database.dropPostgresSchema(PG_URL, schema);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface Publication {
  large: Story;
  small: Story;
  readers: number[];
  big: Seeded;
  little: Seeded;
  seedMs: number;
  seedCommentsMs: number;
  now: number;
}

/** Everything the goal measures on, in a fresh app: also handy for looking into a figure by hand. */
export async function seedPublication(dist: Dist, app: App, total = LARGE): Promise<Publication> {
  const { module: comments } = await dist.comments();
  const k = app.db.kysely;
  const random = prng(7);
  const now = Date.now();

  // --- The publication: a section, an author, two published articles and their stories.
  const seedStart = performance.now();
  // Rate limits stay on (their count queries are part of posting) at ceilings no run reaches;
  // new readers are not held; a few banned and suspect words make the matchers do real work.
  await app.settings.update({
    comments: {
      moderation: {
        perReaderPerMinute: 1000,
        perAddressPerMinute: 10_000,
        newReaderApprovals: 0,
        bannedWords: ['casino bonus', 'buy followers', 'crypto giveaway', 'cheap pills', 'click here now'],
        suspectWords: ['idiot', 'moron', 'liar', 'scam', 'fraud', 'traitor'],
      },
    },
  });
  await app.publishing.createSection({ slug: 'news', name: 'News', position: 1 });
  await app.publishing.createAuthor({ slug: 'rita', name: 'Rita Reporter' });
  const story = async (slug: string): Promise<Story> => {
    const created = await app.publishing.createArticle({
      headline: `A story readers argue about (${slug})`,
      slug,
      sectionSlug: 'news',
      authors: [{ slug: 'rita' }],
      status: 'published',
      publishedAt: now - 8 * DAY,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `The body of ${slug}.` }] }] },
    });
    const article = await app.queries.articleById(created.id);
    if (!article) throw new Error(`article ${created.id} is not readable`);
    const view = await app.comments.storyForArticle(article);
    return { storyId: view.id, articleId: created.id, sectionSlug: article.section.slug, slug: article.slug };
  };
  const large = await story('the-big-thread');
  const small = await story('the-small-thread');
  const readers = await makeReaders(app, now, random);
  const pool = Array.from({ length: 1500 }, () => comments.renderCommentText(commentText(random)));
  const addresses = Array.from({ length: 3000 }, (_, i) => crypto.createHash('sha256').update(`address ${i}`).digest('hex'));
  const approvedBy = new Map<number, number>();
  const seedCommentsStart = performance.now();
  const big = await seedThread(app, large.storyId, total, readers, pool, addresses, random, now, approvedBy);
  const little = await seedThread(app, small.storyId, SMALL, readers, pool, addresses, random, now, approvedBy);
  await writeStandings(app, approvedBy, now);
  if (app.db.dialect === 'postgres') await sql`select setval(pg_get_serial_sequence('comments', 'id'), (select max(id) from comments))`.execute(k);
  const seedCommentsMs = performance.now() - seedCommentsStart;
  const seedMs = performance.now() - seedStart;
  return { large, small, readers, big, little, seedMs, seedCommentsMs, now };
}

/**
 * Seeds, times the first page while the database has no statistics (how the app runs on SQLite,
 * which never ANALYZEs; PostgreSQL's autovacuum analyzes sooner or later), then runs ANALYZE
 * (on PostgreSQL, VACUUM ANALYZE).
 */
async function seedAndAnalyze(dist: Dist, app: App, engine: Engine) {
  const k = app.db.kysely;
  const publication = await seedPublication(dist, app);
  const seededConsistency = await inconsistencies(app);
  const newest = () => app.comments.thread(publication.large.storyId, { sort: 'newest' });
  checkFirstPage(await newest(), 'first page');
  const withoutStatistics = await time(READS, READ_WARMUP, newest);
  const analyzeStart = performance.now();
  // Only this schema's tables: other schemas in the test database are not ours to analyze. VACUUM
  // too: a running site's autovacuum has long processed its rows, while here the 100,000 rows just
  // loaded would set autovacuum off in the middle of the timed calls.
  if (engine === 'postgres') await sql`vacuum (analyze) comment_stories, comments, comment_reactions, reader_standing, users`.execute(k);
  else {
    await sql`analyze`.execute(k);
    await sql`pragma optimize`.execute(k);
  }
  return { publication, seededConsistency, withoutStatistics, analyzeMs: performance.now() - analyzeStart };
}

async function measure(dist: Dist, open: () => Promise<App>, engine: Engine, meta: { id: string; title: string; server: string; schema: string | null }, sqlite: CommentsFigures | null): Promise<Section> {
  const seeding = await open();
  const { publication, seededConsistency, withoutStatistics, analyzeMs } = await seedAndAnalyze(dist, seeding, engine).finally(() => seeding.close());
  // A fresh app on the analyzed database, so every statement is prepared with the statistics in
  // place (SQLite keeps a statement prepared earlier on its old plan, which would favour the
  // statements timed before ANALYZE over the others).
  const app = await open();
  try {
    return await measureReadsAndPosts(dist, app, engine, meta, sqlite, { publication, seededConsistency, withoutStatistics, analyzeMs });
  } finally {
    await app.close();
  }
}

async function measureReadsAndPosts(
  dist: Dist,
  app: App,
  engine: Engine,
  meta: { id: string; title: string; server: string; schema: string | null },
  sqlite: CommentsFigures | null,
  seeded: Awaited<ReturnType<typeof seedAndAnalyze>>,
): Promise<Section> {
  const { listing } = await dist.comments();
  const k = app.db.kysely;
  const { seededConsistency, withoutStatistics, analyzeMs } = seeded;
  const { large, small, readers, big, little, seedMs, seedCommentsMs } = seeded.publication;
  const thread = (target: Story, sort: Sort = 'newest', cursor?: string) => app.comments.thread(target.storyId, cursor ? { sort, cursor } : { sort });

  // --- Reading the first page.
  const first = checkFirstPage(await thread(large), 'first page (newest)');
  for (const sort of ['oldest', 'liked'] as const) checkFirstPage(await thread(large, sort), `first page (${sort})`);
  const article = await app.queries.articleById(large.articleId);
  if (!article) throw new Error('the big thread article vanished');
  const apiUrl = `/api/comments?story=${large.storyId}`;
  const firstJson = await app.http.inject({ method: 'GET', url: apiUrl });
  if (firstJson.statusCode !== 200) throw new Error(`GET ${apiUrl} answered ${firstJson.statusCode}: ${firstJson.body.slice(0, 200)}`);
  const inject = async () => {
    const response = await app.http.inject({ method: 'GET', url: apiUrl });
    if (response.statusCode !== 200) throw new Error(`GET ${apiUrl} answered ${response.statusCode}`);
  };
  // The same request just after the thread changed: read, built and serialised anew.
  const injectCold = async () => {
    app.cache.purge([threadTag(large.storyId)]);
    await inject();
  };
  // The cursor of a page far down the thread, by walking there as a reader clicking "more" would.
  let cursor = first.nextCursor;
  let fetched = 1;
  while (cursor && fetched < DEEP_PAGE - 1) {
    const next: ThreadPage | null = await thread(large, 'newest', cursor);
    fetched++;
    cursor = next?.nextCursor ?? null;
  }
  // The cursor in hand leads to the page after the last one fetched.
  const deepPage = fetched + 1;
  const deepCursor = cursor ?? undefined;

  const readGc = watchGc();
  const readContention = watchContention();
  const variants = {
    newest: () => thread(large),
    small: () => thread(small),
    oldest: () => thread(large, 'oldest'),
    liked: () => thread(large, 'liked'),
    section: () => app.comments.section(article, { sort: 'newest' }),
    http: inject,
    httpCold: injectCold,
    deep: () => thread(large, 'newest', deepCursor),
  };
  for (const fn of Object.values(variants)) await timeCalls(0, READ_WARMUP, fn);
  // The two sizes in alternating rounds, so neither pays alone for the JIT or a neighbour's burst.
  const largeSamples: number[] = [];
  const smallSamples: number[] = [];
  // One collection before the rounds, none between them (timeCalls).
  const timeLarge = async () => largeSamples.push(...(await timeCalls(READS / ROUNDS, 0, () => thread(large), { collect: false })));
  const timeSmall = async () => smallSamples.push(...(await timeCalls(READS / ROUNDS, 0, () => thread(small), { collect: false })));
  collectGarbage();
  for (let round = 0; round < ROUNDS; round++) {
    for (const timeOne of round % 2 === 0 ? [timeLarge, timeSmall] : [timeSmall, timeLarge]) await timeOne();
  }
  const newest = summarize(largeSamples);
  const smallNewest = summarize(smallSamples);
  const oldest = await time(READS, 0, variants.oldest);
  const liked = await time(READS, 0, variants.liked);
  const section = await time(READS, 0, variants.section);
  const http = await time(READS, 0, variants.http);
  const httpCold = await time(READS, 0, variants.httpCold);
  const deep = deepCursor ? await time(READS, 0, variants.deep) : null;
  const readPauses = await readGc.stop();
  const readCpu = readContention.stop();
  // The whole article page (page cache bypassed), with the thread under it: informational.
  const render = () => app.renderer.article(large.sectionSlug, large.slug);
  const pageRender = await time(PAGE_RENDERS, 50, render);

  // Where a first page's time goes: each of its statements alone.
  const statements = {
    topLevel: await time(300, 50, rawQuery(app, listing.listingSql.topLevel('newest', false), [large.storyId])),
    page: await time(300, 50, rawQuery(app, listing.listingSql.page(app.db.dialect, 'newest', false), [large.storyId])),
    featured: await time(300, 50, rawQuery(app, listing.listingSql.featured, [large.storyId])),
  };

  const plans = {
    newest: await explain(app, listing.listingSql.topLevel('newest', false), [large.storyId]),
    liked: await explain(app, listing.listingSql.topLevel('liked', false), [large.storyId]),
    page: await explain(app, listing.listingSql.page(app.db.dialect, 'newest', false), [large.storyId]),
    featured: await explain(app, listing.listingSql.featured, [large.storyId]),
  };

  // --- Posting through the whole pipeline.
  const posters: Commenter[] = [];
  for (const readerId of readers) {
    const user = await app.accounts.getUser(readerId);
    if (user) posters.push(user);
  }
  const postRandom = prng(11);
  let serial = 0;
  const statuses = { approved: 0, pending: 0 };
  const postOne = async (parentId?: number) => {
    const i = serial++;
    const who = posters[i % posters.length]!;
    // 4,096 addresses in rotation: a busy story's readers come from many networks.
    const address = `10.0.${(i % 4096) >> 8}.${i % 256}`;
    const text = commentText(postRandom, ` (${i})`);
    const result = await app.comments.post(who, { articleId: large.articleId, parentId: parentId ?? null, text }, { address });
    statuses[result.status]++;
  };
  const parents = (await k.selectFrom('comments').select('id').where('story_id', '=', large.storyId).where('status', '=', 'approved').execute()).map((r) => r.id);
  const postGc = watchGc();
  const postContention = watchContention();
  for (let i = 0; i < POST_WARMUP; i++) await postOne();
  collectGarbage();
  const sequential = await postMany(POSTS, 1, () => postOne());
  const replies = await postMany(REPLY_POSTS, 1, () => postOne(pick(postRandom, parents)));
  const concurrent = await postMany(POSTS, CONCURRENCY, () => postOne());
  const postPauses = await postGc.stop();
  const postCpu = postContention.stop();
  const post = summarize(sequential.samples);
  const reply = summarize(replies.samples);
  const concurrentLatency = summarize(concurrent.samples);
  const postsPerSecond = (POSTS / sequential.wallMs) * 1000;
  const concurrentPerSecond = (POSTS / concurrent.wallMs) * 1000;
  const postedConsistency = await inconsistencies(app);

  const pageTarget = PAGE_P99_TARGET[engine];
  const shown = first.entries.reduce((n, e) => n + e.replies.length, 0);
  const versus = (mine: number, theirs: number | undefined) => (theirs ? ratio(mine / theirs) : 'n/a');
  const rows: Row[] = [
    row('server', meta.server.split(' on ')[0] ?? meta.server),
    row('seeded', `${int(big.total)} comments on one story (${int(big.topLevel)} top-level, ${int(big.replies)} replies), ${int(little.total)} on another, ${int(READERS)} readers`),
    row('seeded shape', `${int(big.approved)} approved, ${int(big.pending)} pending, ${int(big.rejected)} rejected, ${int(big.deleted)} "[deleted]"; ${int(big.reactions)} likes; ${big.featured} featured; deepest reply ${big.maxDepth}, ${int(big.deep)} at depth ≥ 4; busiest top-level comment has ${int(big.biggestRoot)} replies`),
    row('seed time', `${seconds(seedMs)} in all (comments and likes: ${seconds(seedCommentsMs)}); ANALYZE ${seconds(analyzeMs)}`),
    row('counters after seeding', describeMismatches(seededConsistency), 'all consistent', Object.values(seededConsistency).every((n) => n === 0)),
    row('first page', `${first.entries.length} top-level, ${shown} replies shown, ${first.featured.length} featured, JSON ${int(Buffer.byteLength(firstJson.body))} B`),
    row('first page, newest (comments.thread): p50', ms(newest.p50)),
    row('first page, newest (comments.thread): p99', ms(newest.p99), `≤ ${pageTarget} ms`, newest.p99 <= pageTarget),
    row('first page, newest (comments.thread): mean', ms(newest.mean)),
    row('first page, HTTP in process (GET /api/comments?story=), kept page: p50 / p99 / mean', `${ms(http.p50)} / ${ms(http.p99)} / ${ms(http.mean)}`, `p99 ≤ ${pageTarget} ms`, http.p99 <= pageTarget),
    row('first page, HTTP in process, just after a change (read, built, serialised): p50 / p99 / mean', `${ms(httpCold.p50)} / ${ms(httpCold.p99)} / ${ms(httpCold.mean)}`, `info: ≤ ${pageTarget} ms`, null),
    row('first page, article page data (comments.section): p50 / p99', `${ms(section.p50)} / ${ms(section.p99)}`, `info: ≤ ${pageTarget} ms`, null),
    row('first page, oldest: p50 / p99', `${ms(oldest.p50)} / ${ms(oldest.p99)}`, `info: ≤ ${pageTarget} ms`, null),
    row('first page, most liked: p50 / p99', `${ms(liked.p50)} / ${ms(liked.p99)}`, `info: ≤ ${pageTarget} ms`, null),
    row(`first page at 1k vs ${int(LARGE / 1000)}k comments: p50`, `${ms(smallNewest.p50)} / ${ms(newest.p50)} (${ratio(newest.p50 / smallNewest.p50)})`),
    row(`first page at 1k vs ${int(LARGE / 1000)}k comments: p99`, `${ms(smallNewest.p99)} / ${ms(newest.p99)} (${ratio(newest.p99 / smallNewest.p99)})`),
    ...(deep ? [row(`page ${deepPage} of newest (cursor): p50 / p99`, `${ms(deep.p50)} / ${ms(deep.p99)} (${ratio(deep.p50 / newest.p50)} of page 1 at p50)`)] : []),
    row(
      'first page statements alone, p50 / p99 (300 calls each)',
      `top-level alone ${ms(statements.topLevel.p50)} / ${ms(statements.topLevel.p99)}; page with its replies (one statement) ${ms(statements.page.p50)} / ${ms(statements.page.p99)}; featured ${ms(statements.featured.p50)} / ${ms(statements.featured.p99)}`,
    ),
    row(
      `first page, newest, before ANALYZE (no statistics${engine === 'sqlite' ? ': how the app runs, it never ANALYZEs' : ''}): p50 / p99`,
      `${ms(withoutStatistics.p50)} / ${ms(withoutStatistics.p99)}`,
      `info: ≤ ${pageTarget} ms`,
      null,
    ),
    row('whole article page with the thread (renderer.article, no page cache): p50 / p99', `${ms(pageRender.p50)} / ${ms(pageRender.p99)}`),
    row('reads: GC pauses', `${readPauses.count} (total ${ms(readPauses.totalMs, 1)}, longest ${ms(readPauses.maxMs, 2)}; ${readPauses.forced} forced by the bench, not counted)`),
    contentionRow(readCpu),
    row('post (comments.post, sequential): p50', ms(post.p50), `≤ ${POST_P50_TARGET} ms`, post.p50 <= POST_P50_TARGET),
    row('post: p99 / mean', `${ms(post.p99)} / ${ms(post.mean)}`),
    row('posts per second, sequential (sustained)', `${int(postsPerSecond)}/s over ${int(POSTS)} posts`),
    row(`posts per second, ${CONCURRENCY} concurrent posters`, `${int(concurrentPerSecond)}/s over ${int(POSTS)} posts (latency p50 ${ms(concurrentLatency.p50)}, p99 ${ms(concurrentLatency.p99)})`),
    row('reply (parentId, random seeded comment): p50 / p99', `${ms(reply.p50)} / ${ms(reply.p99)}`),
    row('posted', `${int(statuses.approved)} approved, ${int(statuses.pending)} held (of ${int(serial)})`),
    row('counters after posting', describeMismatches(postedConsistency), 'all consistent', Object.values(postedConsistency).every((n) => n === 0)),
    gcRow(postPauses),
    contentionRow(postCpu),
    ...(sqlite
      ? [row('vs SQLite: first page p50 / p99, post p50', `${versus(newest.p50, sqlite.firstPage.p50)} / ${versus(newest.p99, sqlite.firstPage.p99)}, ${versus(post.p50, sqlite.post.p50)}`)]
      : []),
  ];
  const notes = [
    `${int(READS)} timed calls per read figure after ${READ_WARMUP} warm-up each (1k vs ${int(LARGE / 1000)}k in ${ROUNDS} alternating rounds); ${int(POSTS)} timed posts after ${POST_WARMUP} warm-up; every post is a distinct text from a rotating reader and address`,
    'moderation during posting: rate limits on at 1,000/reader and 10,000/address a minute (so their count queries run but never refuse), new-reader hold off, repeat check on (60 min), 5 banned and 6 suspect words',
    `plan, first page newest: ${planGist(plans.newest)}`,
    `plan, first page most liked: ${planGist(plans.liked)}`,
    `plan, first page with its replies: ${planGist(plans.page).slice(0, 300)} … ${planGist(plans.page.slice(-3))}`,
    ...(meta.schema ? [`PostgreSQL schema ${meta.schema}, dropped afterwards`] : []),
    ...contentionNotes(readCpu),
    ...contentionNotes(postCpu),
  ];
  const figures: CommentsFigures = { firstPage: newest, http, post, postsPerSecond };
  return {
    id: meta.id,
    title: `${meta.title} (first page ${int(READS)} calls per figure; ${int(POSTS)} posts)`,
    rows,
    notes,
    data: {
      engine,
      server: meta.server,
      seeded: { large: big, small: little, readers: READERS, seedMs, seedCommentsMs, analyzeMs },
      consistency: { seeded: seededConsistency, posted: postedConsistency },
      firstPage: { newest, oldest, liked, section, http, smallNewest, deep, deepPage, withoutStatistics, pageRender, gc: readPauses, contention: readCpu },
      posting: { post, reply, concurrentLatency, postsPerSecond, concurrentPerSecond, statuses, gc: postPauses, contention: postCpu },
      statements,
      plans,
      figures,
      targets: { pageP99Ms: pageTarget, postP50Ms: POST_P50_TARGET },
    },
  };
}
