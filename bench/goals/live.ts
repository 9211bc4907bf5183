/**
 * Goal 8: live comments over Server-Sent Events (issue 4, "Speed"): 2,000 concurrent readers of one
 * story receive a new comment within 1 s at p99, and the memory of 10,000 open streams.
 *
 * The real app (compiled dist/) runs in a child process (servers/app-server.ts) on a fresh publication:
 * one published article with comments open, one verified reader whose comments are approved at once
 * (new-reader hold off, rate limits raised out of reach, as the comments goal does). This process
 * is the crowd: raw node:http GET /comments/stream?story=<id> requests, each parsed as SSE. The app
 * allows 16 open streams per client address (live.ts, not a setting), so the crowd comes from many
 * loopback addresses (127.10.x.y via `localAddress`), 10 streams each, as readers behind many
 * routers would; the app is not told to trust proxies and sees each socket's own address.
 *
 * A comment is posted through POST /api/comments as the signed-in reader; every stream's arrival of
 * the `approved` event naming it is timed from just before the POST. On SQLite the crowd then grows
 * to 10,000 streams for the memory figure. On PostgreSQL (when a server answers) the 2,000 readers
 * are measured on the instance they post to, then on a second instance sharing the schema, which
 * hears of the comment only through LISTEN/NOTIFY.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import type { App } from '../../src/app.js';
import type { Dist } from '../lib/dist.js';
import { forkTs, freePort, isReady, stopChild, waitForMessage } from '../lib/children.js';
import { openApp } from '../lib/demo-dir.js';
import { int, ms, seconds } from '../lib/format.js';
import type { MemoryReply } from '../servers/app-server.js';
import { ROOT } from '../lib/paths.js';
import { row, skipped, type Row, type Section } from '../lib/report.js';
import { summarize, type Summary } from '../lib/stats.js';
import { PG_URL } from './postgres.js';

const READERS = 2_000;
const MANY = 10_000;
const POSTS = 5;
const POST_GAP_MS = 1_000;
const P99_TARGET_MS = 1_000;
/** Streams per client address: under the app's own ceiling of 16 (a household with a few tabs open). */
const PER_ADDRESS = 10;
/** The app's ceiling (DEFAULTS.maxStreamsPerAddress in src/modules/comments/live.ts), checked, not assumed. */
const APP_PER_ADDRESS = 16;
/** Connections being opened at once (the listen backlog is 511). */
const OPENING = 200;
const DELIVERY_TIMEOUT_MS = 10_000;
const OPEN_TIMEOUT_MS = 30_000;
const PASSWORD = 'a long enough bench password';

type Engine = 'sqlite' | 'postgres';
const ENGINE_NAME: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

// --- The publication -----------------------------------------------------------------------------

interface Publication {
  storyId: number;
  articleId: number;
  articlePath: string;
  /** The reader's session cookie value. */
  session: string;
}

async function setUp(app: App): Promise<Publication> {
  const now = Date.now();
  // The reader's comments are approved at once (no new-reader hold) and never rate limited here;
  // every other moderation phase runs as it does for readers.
  await app.settings.update({ comments: { moderation: { perReaderPerMinute: 1000, perAddressPerMinute: 10_000, newReaderApprovals: 0 } } });
  await app.publishing.createSection({ slug: 'news', name: 'News', position: 1 });
  await app.publishing.createAuthor({ slug: 'rita', name: 'Rita Reporter' });
  const created = await app.publishing.createArticle({
    headline: 'A story everyone is following live',
    slug: 'the-live-thread',
    sectionSlug: 'news',
    authors: [{ slug: 'rita' }],
    status: 'published',
    publishedAt: now - 60 * 60_000,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The body of the live thread.' }] }] },
  });
  const article = await app.queries.articleById(created.id);
  if (!article) throw new Error(`article ${created.id} is not readable`);
  const story = await app.comments.storyForArticle(article);
  if (!story.open) throw new Error(`comments on ${article.path} are closed`);
  const reader = await app.accounts.createUser({ email: 'live-reader@bench.example', password: PASSWORD, role: 'reader', name: 'Lena Live', emailVerified: true });
  const session = await app.accounts.createSession(reader.id, 'structurecms-bench');
  return { storyId: story.id, articleId: created.id, articlePath: article.path, session };
}

// --- The server ----------------------------------------------------------------------------------

interface Server {
  origin: string;
  port: number;
  child: ChildProcess;
}

const isMemory = (message: unknown): message is MemoryReply =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'memory';

interface Memory {
  /** VmRSS of the server process, from /proc/<pid>/status. */
  rss: number;
  heapUsed: number;
  external: number;
}

function vmRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB$/mu.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb) * 1024;
}

/** The server's memory after a full GC there (so garbage from opening streams is not counted). */
async function serverMemory(server: Server): Promise<Memory> {
  const reply = waitForMessage(server.child, isMemory, 10_000);
  server.child.send({ type: 'memory', gc: true });
  const { memory } = await reply;
  // Let the GC's freed pages settle before reading the resident size.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { rss: vmRss(server.child.pid ?? 0), heapUsed: memory.heapUsed, external: memory.external + memory.arrayBuffers };
}

// --- The crowd -----------------------------------------------------------------------------------

interface Reader {
  index: number;
  address: string;
  request: http.ClientRequest;
  ready: boolean;
  closed: boolean;
  buffer: string;
}

/** Per comment id: which readers heard of it, when (performance.now()). */
type Arrivals = Map<number, { readers: Set<number>; at: number[] }>;

/** Reader i's client address: 127.10.x.y, PER_ADDRESS readers on each. */
function addressOf(slot: number): string {
  return `127.10.${Math.floor(slot / 250)}.${(slot % 250) + 1}`;
}

class Crowd {
  readonly readers: Reader[] = [];
  readonly arrivals: Arrivals = new Map();
  /** Streams that ended or failed after opening (should stay 0). */
  dropped = 0;
  /** Other events seen (resync, deleted …): should stay 0. */
  unexpected = 0;

  constructor(
    private readonly server: Server,
    private readonly storyId: number,
  ) {}

  get open(): number {
    return this.readers.filter((r) => r.ready && !r.closed).length;
  }

  private onFrame(reader: Reader, frame: string): void {
    let event = 'message';
    let data = '';
    for (const line of frame.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data += (data ? '\n' : '') + line.slice(5).replace(/^ /u, '');
    }
    if (event === 'ready') {
      reader.ready = true;
      return;
    }
    if (event !== 'approved') {
      if (data) this.unexpected++;
      return;
    }
    const at = performance.now();
    const id = (JSON.parse(data) as { comment?: { id?: unknown } }).comment?.id;
    if (typeof id !== 'number') {
      this.unexpected++;
      return;
    }
    let heard = this.arrivals.get(id);
    if (!heard) this.arrivals.set(id, (heard = { readers: new Set(), at: [] }));
    if (heard.readers.has(reader.index)) return;
    heard.readers.add(reader.index);
    heard.at.push(at);
  }

  /** Opens one stream from `address`; resolves with the reader once its `ready` event arrived. */
  connect(address: string): Promise<Reader> {
    return new Promise((resolve, reject) => {
      const request = http.request({
        host: '127.0.0.1',
        port: this.server.port,
        path: `/comments/stream?story=${this.storyId}`,
        localAddress: address,
        agent: false,
        headers: { accept: 'text/event-stream' },
      });
      const reader: Reader = { index: -1, address, request, ready: false, closed: false, buffer: '' };
      const timer = setTimeout(() => fail(new Error(`stream from ${address} not ready within ${OPEN_TIMEOUT_MS} ms`)), OPEN_TIMEOUT_MS);
      let settled = false;
      const fail = (error: Error) => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          request.destroy();
          reject(error);
        }
      };
      request.on('error', (error) => {
        if (settled && reader.ready) {
          if (!reader.closed) this.dropped++;
          reader.closed = true;
        }
        fail(error);
      });
      request.on('response', (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          const error = new Error(`GET /comments/stream from ${address} answered ${response.statusCode}`) as Error & { status?: number };
          error.status = response.statusCode;
          fail(error);
          return;
        }
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          reader.buffer += chunk;
          let end: number;
          while ((end = reader.buffer.indexOf('\n\n')) !== -1) {
            const frame = reader.buffer.slice(0, end);
            reader.buffer = reader.buffer.slice(end + 2);
            this.onFrame(reader, frame);
          }
          if (reader.ready && !settled) {
            settled = true;
            clearTimeout(timer);
            reader.index = this.readers.length;
            this.readers.push(reader);
            resolve(reader);
          }
        });
        response.on('close', () => {
          if (!reader.closed && reader.ready) this.dropped++;
          reader.closed = true;
          fail(new Error(`stream from ${address} closed before it was ready`));
        });
      });
      request.end();
    });
  }

  /** Opens streams until `total` are open, OPENING at a time, PER_ADDRESS per address. */
  async grow(total: number): Promise<number> {
    const start = performance.now();
    let next = this.readers.length;
    const worker = async () => {
      while (next < total) {
        const slot = next++;
        await this.connect(addressOf(Math.floor(slot / PER_ADDRESS)));
      }
    };
    await Promise.all(Array.from({ length: OPENING }, worker));
    return performance.now() - start;
  }

  close(): void {
    for (const reader of this.readers) {
      reader.closed = true;
      reader.request.destroy();
    }
  }
}

// --- Posting and timing --------------------------------------------------------------------------

function postComment(server: Server, publication: Publication, text: string): Promise<{ id: number; status: string }> {
  const body = JSON.stringify({ storyId: publication.storyId, text });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/comments',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          cookie: `scms_session=${publication.session}`,
          // What the browser script's fetch sends; the app refuses cross-site posts.
          origin: server.origin,
          'sec-fetch-site': 'same-origin',
        },
      },
      (response) => {
        let answer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (answer += chunk));
        response.on('end', () => {
          if (response.statusCode !== 201) return reject(new Error(`POST /api/comments answered ${response.statusCode}: ${answer.slice(0, 300)}`));
          const parsed = JSON.parse(answer) as { status?: string; comment?: { id?: number } };
          if (typeof parsed.comment?.id !== 'number') return reject(new Error(`POST /api/comments: no comment id in ${answer.slice(0, 300)}`));
          resolve({ id: parsed.comment.id, status: parsed.status ?? '?' });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

interface Delivery {
  commentId: number;
  /** Readers open when it was posted. */
  listening: number;
  received: number;
  postMs: number;
  /** Arrival after the start of the POST, per reader that received it. */
  latencies: number[];
  summary: Summary | null;
}

const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

let serial = 0;

/** Posts one comment and waits until every open reader has it (or DELIVERY_TIMEOUT_MS passed). */
async function deliver(server: Server, publication: Publication, crowd: Crowd): Promise<Delivery> {
  const listening = crowd.open;
  const n = ++serial;
  const text = `Live comment number ${n}, posted at ${new Date().toISOString()} to time its arrival on every open stream.`;
  const start = performance.now();
  const posted = await postComment(server, publication, text);
  const postMs = performance.now() - start;
  if (posted.status !== 'approved') throw new Error(`the bench reader's comment was ${posted.status}, not approved at once: no live event would follow`);
  const deadline = start + DELIVERY_TIMEOUT_MS;
  while ((crowd.arrivals.get(posted.id)?.at.length ?? 0) < listening && performance.now() < deadline) await sleep(5);
  const heard = crowd.arrivals.get(posted.id);
  const latencies = (heard?.at ?? []).map((at) => at - start);
  crowd.arrivals.delete(posted.id);
  return { commentId: posted.id, listening, received: latencies.length, postMs, latencies, summary: latencies.length > 0 ? summarize(latencies) : null };
}

const describe = (d: Delivery) =>
  d.summary
    ? `${int(d.received)}/${int(d.listening)} got it; p50 ${ms(d.summary.p50, 1)}, p99 ${ms(d.summary.p99, 1)}, max ${ms(d.summary.max, 1)} (POST answered in ${ms(d.postMs, 1)})`
    : `0/${int(d.listening)} got it (POST answered in ${ms(d.postMs, 1)})`;

const mb = (value: number) => `${(value / 1024 / 1024).toFixed(1)} MB`;
const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;

// --- The goal ------------------------------------------------------------------------------------

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

/** Checks the app's per-address ceiling is what the crowd's spread assumes: the one over it gets 429. */
async function checkAddressLimit(crowd: Crowd): Promise<{ opened: number; refusal: string }> {
  const address = '127.9.0.1';
  const opened: Reader[] = [];
  let refusal = 'none: the app let one more through';
  try {
    for (let i = 0; i < APP_PER_ADDRESS; i++) opened.push(await crowd.connect(address));
    try {
      opened.push(await crowd.connect(address));
    } catch (error) {
      refusal = String((error as Error & { status?: number }).status ?? (error as Error).message);
    }
  } finally {
    for (const reader of opened) {
      reader.closed = true;
      reader.request.destroy();
    }
    crowd.readers.length = 0;
  }
  return { opened: opened.length, refusal };
}

export async function liveGoal(dist: Dist, engine: Engine): Promise<Section> {
  const id = `8 live ${engine}`;
  const full = engine === 'sqlite';
  const title = `8. Live comments over SSE, ${ENGINE_NAME[engine]} (${int(READERS)} readers${full ? `, then ${int(MANY)} open streams` : ' on one app instance, then on a second one'})`;
  const version = engine === 'postgres' ? await probePostgres() : null;
  if (engine === 'postgres' && !version) return skipped(id, title, `no PostgreSQL answered at ${PG_URL}; skipped`);
  const schema = `bench_live_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `structurecms-bench-live-${engine}-`));
  const children: ChildProcess[] = [];
  let crowd: Crowd | null = null;
  try {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const dbEnv: Record<string, string> = engine === 'postgres' ? { DATABASE_URL: PG_URL } : {};
    const setupApp =
      engine === 'sqlite'
        ? await openApp(dist, dataDir, { PUBLIC_URL: origin })
        : await dist.app.createApp(dist.config.loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: origin, ...dbEnv }), { pgSchema: schema });
    const publication = await setUp(setupApp).finally(() => setupApp.close());

    const startServer = async (on: number): Promise<Server> => {
      const at = `http://127.0.0.1:${on}`;
      const started = forkTs(
        path.join(ROOT, 'bench', 'servers', 'app-server.ts'),
        { DATA_DIR: dataDir, PORT: String(on), PUBLIC_URL: at, LOG_LEVEL: 'warn', ...dbEnv, ...(engine === 'postgres' ? { BENCH_PG_SCHEMA: schema } : {}) },
        ['--expose-gc'],
      );
      children.push(started);
      await waitForMessage(started, isReady, 30_000);
      return { origin: at, port: on, child: started };
    };
    const server = await startServer(port);
    crowd = new Crowd(server, publication.storyId);

    // Warm-up: the stream route, the post pipeline and the fan-out, with a few streams open.
    const limit = await checkAddressLimit(crowd);
    await crowd.grow(20);
    for (let i = 0; i < 3; i++) await deliver(server, publication, crowd);
    crowd.close();
    crowd = new Crowd(server, publication.storyId);
    await sleep(500);
    const before = await serverMemory(server);

    const openReadersMs = await crowd.grow(READERS);
    await sleep(POST_GAP_MS);
    const atReaders = await serverMemory(server);
    const deliveries: Delivery[] = [];
    for (let i = 0; i < POSTS; i++) {
      if (i > 0) await sleep(POST_GAP_MS);
      deliveries.push(await deliver(server, publication, crowd));
    }
    const all = deliveries.flatMap((d) => d.latencies);
    const pooled = all.length > 0 ? summarize(all) : null;
    const expected = deliveries.reduce((n, d) => n + d.listening, 0);
    const everyone = deliveries.every((d) => d.received === d.listening && d.listening === READERS);

    let many: { openMs: number; memory: Memory; delivery: Delivery } | null = null;
    if (full) {
      const openMs = await crowd.grow(MANY);
      await sleep(POST_GAP_MS);
      const memory = await serverMemory(server);
      await sleep(POST_GAP_MS);
      const delivery = await deliver(server, publication, crowd);
      many = { openMs, memory, delivery };
    }
    // PostgreSQL: a second app instance on the same schema; its readers hear of comments posted
    // on the first only through LISTEN/NOTIFY (the first instance delivers its own changes locally).
    let across: { deliveries: Delivery[]; summary: Summary | null; everyone: boolean; openMs: number } | null = null;
    let { dropped, unexpected } = crowd;
    if (engine === 'postgres') {
      crowd.close();
      const second = await startServer(await freePort());
      crowd = new Crowd(second, publication.storyId);
      const openMs = await crowd.grow(READERS);
      await sleep(POST_GAP_MS);
      const acrossDeliveries: Delivery[] = [];
      for (let i = 0; i < POSTS; i++) {
        if (i > 0) await sleep(POST_GAP_MS);
        acrossDeliveries.push(await deliver(server, publication, crowd));
      }
      const samples = acrossDeliveries.flatMap((d) => d.latencies);
      across = {
        deliveries: acrossDeliveries,
        summary: samples.length > 0 ? summarize(samples) : null,
        everyone: acrossDeliveries.every((d) => d.received === d.listening && d.listening === READERS),
        openMs,
      };
      dropped += crowd.dropped;
      unexpected += crowd.unexpected;
    }
    crowd.close();
    crowd = null;

    const addresses = Math.ceil((many ? MANY : READERS) / PER_ADDRESS);
    const perConnection = (m: Memory, n: number) => ({ rss: (m.rss - before.rss) / n, heap: (m.heapUsed - before.heapUsed) / n });
    const rows: Row[] = [
      row('server', engine === 'postgres' ? (version ?? 'PostgreSQL').split(' on ')[0]! : 'SQLite (better-sqlite3), app in a child process'),
      row('client addresses', `${int(addresses)} loopback addresses (127.10.x.y), ${PER_ADDRESS} streams each; the app's own ceiling of ${APP_PER_ADDRESS} per address checked: ${limit.opened} opened, the next answered ${limit.refusal}`),
      row(`opening ${int(READERS)} streams (${OPENING} at a time, until each got its ready event)`, seconds(openReadersMs)),
      ...deliveries.map((d, i) => row(`comment ${i + 1} of ${POSTS}`, describe(d))),
      row(`new comment on ${int(READERS)} streams: delivered`, `${int(all.length)} of ${int(expected)} (${POSTS} comments)`, `all ${int(READERS)} every time`, everyone),
      row(`new comment on ${int(READERS)} streams: arrival p50 / max`, pooled ? `${ms(pooled.p50, 1)} / ${ms(pooled.max, 1)}` : 'n/a'),
      row(`new comment on ${int(READERS)} streams: arrival p99`, pooled ? ms(pooled.p99, 1) : 'n/a', `≤ ${int(P99_TARGET_MS)} ms`, pooled ? pooled.p99 <= P99_TARGET_MS && everyone : false),
      row('server RSS, no streams open (after warm-up)', `${mb(before.rss)} (JS heap ${mb(before.heapUsed)})`),
      row(`server RSS with ${int(READERS)} streams open`, `${mb(atReaders.rss)} (JS heap ${mb(atReaders.heapUsed)}); ${kb(perConnection(atReaders, READERS).rss)} RSS, ${kb(perConnection(atReaders, READERS).heap)} heap per stream`),
    ];
    if (many) {
      const per = perConnection(many.memory, MANY);
      rows.push(
        row(`opening streams ${int(READERS + 1)} to ${int(MANY)}`, seconds(many.openMs)),
        row(`server RSS with ${int(MANY)} streams open`, `${mb(many.memory.rss)} (+${mb(many.memory.rss - before.rss)} over none; JS heap ${mb(many.memory.heapUsed)}, +${mb(many.memory.heapUsed - before.heapUsed)})`, 'info: print it', null),
        row(`server memory per open stream at ${int(MANY)}`, `${kb(per.rss)} RSS, of which ${kb(per.heap)} JS heap`),
        row(`new comment on ${int(MANY)} streams`, describe(many.delivery), `info: all, p99 ≤ ${int(P99_TARGET_MS)} ms`, null),
      );
    }
    if (across) {
      const { summary: a } = across;
      rows.push(
        ...across.deliveries.map((d, i) => row(`second instance: comment ${i + 1} of ${POSTS}`, describe(d))),
        row(
          `second instance via LISTEN/NOTIFY, ${int(READERS)} streams: delivered; p50 / p99 / max`,
          a ? `${int(across.deliveries.reduce((n, d) => n + d.received, 0))} of ${int(across.deliveries.reduce((n, d) => n + d.listening, 0))}; ${ms(a.p50, 1)} / ${ms(a.p99, 1)} / ${ms(a.max, 1)}` : 'none delivered',
          `all; p99 ≤ ${int(P99_TARGET_MS)} ms`,
          a ? a.p99 <= P99_TARGET_MS && across.everyone : false,
        ),
      );
    }
    rows.push(row('streams dropped / unexpected events', `${dropped} / ${unexpected}`, '0 / 0', dropped === 0 && unexpected === 0));
    const notes = [
      `one reader posts through POST /api/comments (session cookie, same-origin headers), new-reader hold off and rate limits raised (1,000/reader, 10,000/address a minute), every other moderation phase on; ${POSTS} comments ${POST_GAP_MS / 1000} s apart after 3 warm-up posts; arrival = the approved event naming the comment parsed off the stream, timed from just before the POST`,
      `the streams come from distinct loopback source addresses (http.request localAddress), not X-Forwarded-For: TRUST_PROXY stays off and the app's per-address limit of ${APP_PER_ADDRESS} (not a setting) applies to each as it would to readers on different networks`,
      'the crowd (every client socket and SSE parser) runs in the bench process, the app alone in its child; both on this machine, so arrival times include the client working through its sockets one by one',
      `server memory: VmRSS of the app process from /proc/<pid>/status, after a full GC there (--expose-gc); per-stream figures are (with streams − none) ÷ streams; kernel socket buffers are not in RSS`,
      ...(engine === 'postgres'
        ? [
            `PostgreSQL schema ${schema}, dropped afterwards. The first rows are one instance, whose bus delivers its own changes locally before it NOTIFYs; the "second instance" rows are a second app process on the same schema whose streams hear only through LISTEN/NOTIFY`,
          ]
        : []),
    ];
    return {
      id,
      title,
      rows,
      notes,
      data: {
        engine,
        readers: READERS,
        perAddress: PER_ADDRESS,
        addressLimit: limit,
        openReadersMs,
        deliveries: deliveries.map(({ latencies: _l, ...rest }) => rest),
        arrival: pooled,
        memory: { before, atReaders, many: many?.memory ?? null },
        many: many ? { openMs: many.openMs, delivery: { ...many.delivery, latencies: undefined } } : null,
        across: across ? { openMs: across.openMs, summary: across.summary, deliveries: across.deliveries.map(({ latencies: _l, ...rest }) => rest) } : null,
        dropped,
        unexpected,
        targets: { p99Ms: P99_TARGET_MS },
      },
    };
  } finally {
    crowd?.close();
    for (const child of children) await stopChild(child, 10_000);
    if (engine === 'postgres') await dist.database.dropPostgresSchema(PG_URL, schema).catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
