/**
 * Live comments over Server-Sent Events (GET /comments/stream?story=<id>), read the way a
 * browser's EventSource reads them: a streaming fetch, split into events. In one process the
 * fan-out hangs off the in-process bus; on PostgreSQL a change made through one app instance
 * reaches the readers of another through LISTEN/NOTIFY.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import type { App } from '../../src/app.js';
import { localBus } from '../../src/events/bus.js';
import { registerCommentsLive, type LiveHub } from '../../src/modules/comments/live.js';
import type { CommentView } from '../../src/modules/comments/index.js';
import { PUBLIC_URL, startSharedInstances } from '../helpers/app.js';
import { commentsFixture, doc, type ArticleInfo, type CommentsFixture, type Reader } from './helpers.js';

interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

/** Waits for `ready`, asking again every 20 ms; gives up after a while and returns the last answer. */
async function poll<T>(ask: () => T | Promise<T>, ready: (answer: T) => boolean, patienceMs = 5000): Promise<T> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    const answer = await ask();
    if (ready(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** An SSE reader over fetch: the events and comment lines it received, in order. */
class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  retry: number | null = null;
  ended = false;
  #seen = 0;
  #buffer = '';
  #wake: (() => void) | null = null;

  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    const client = new SseClient(response, abort);
    if (response.ok && response.body) void client.#read(response.body);
    return client;
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.#buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
          this.#parse(this.#buffer.slice(0, end));
          this.#buffer = this.#buffer.slice(end + 2);
        }
        this.#wake?.();
      }
    } catch {
      // Aborted by close().
    }
    this.ended = true;
    this.#wake?.();
  }

  #parse(block: string): void {
    const event: SseEvent = { event: 'message', id: null, data: '' };
    let hasData = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('retry: ')) this.retry = Number(line.slice(7));
      else if (line.startsWith('event: ')) event.event = line.slice(7);
      else if (line.startsWith('id: ')) event.id = line.slice(4);
      else if (line.startsWith('data: ')) {
        event.data += line.slice(6);
        hasData = true;
      }
    }
    if (hasData) this.events.push(event);
  }

  /** The next event not taken yet (throws if none comes while we wait, or the stream ends). */
  async next(patienceMs = 5000): Promise<SseEvent & { json: Record<string, unknown> }> {
    const deadline = Date.now() + patienceMs;
    while (this.#seen >= this.events.length) {
      if (this.ended) throw new Error(`the stream ended; events so far: ${JSON.stringify(this.events.map((e) => e.event))}`);
      if (Date.now() > deadline) throw new Error(`no event came; events so far: ${JSON.stringify(this.events.map((e) => e.event))}`);
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        setTimeout(resolve, 50);
      });
    }
    const event = this.events[this.#seen++] as SseEvent;
    return { ...event, json: JSON.parse(event.data) as Record<string, unknown> };
  }

  close(): void {
    this.abort.abort();
  }
}

const commentOf = (event: { json: Record<string, unknown> }) => event.json.comment as CommentView;

describe('live comments in one process', () => {
  let f: CommentsFixture;
  let origin: string;
  let alice: Reader;
  let bob: Reader;
  let first: ArticleInfo;
  let second: ArticleInfo;
  let storyA: number;
  let storyB: number;
  const open: SseClient[] = [];
  const stream = async (story: number | string, headers: Record<string, string> = {}) => {
    const client = await SseClient.open(`${origin}/comments/stream?story=${story}`, headers);
    open.push(client);
    return client;
  };
  const storyOf = async (article: ArticleInfo) => (await f.api('GET', `/api/comments?article=${article.id}`)).json<{ story: { id: number } }>().story.id;

  before(async () => {
    f = await commentsFixture();
    origin = await f.app.http.listen({ port: 0, host: '127.0.0.1' });
    alice = await f.reader('Alice');
    bob = await f.reader('Bob');
    first = await f.article('live-first');
    second = await f.article('live-second');
    storyA = await storyOf(first);
    storyB = await storyOf(second);
  });
  // Streams left open on purpose: closing the app must end them rather than wait for them.
  after(() => f.close());

  it('answers with an event stream that proxies neither buffer nor cache', async () => {
    const client = await stream(storyA);
    assert.equal(client.response.status, 200);
    assert.match(client.response.headers.get('content-type') ?? '', /^text\/event-stream/u);
    assert.equal(client.response.headers.get('cache-control'), 'no-store');
    assert.equal(client.response.headers.get('x-accel-buffering'), 'no');
    assert.match(client.response.headers.get('content-security-policy') ?? '', /default-src 'self'/u, 'the security headers travel with the stream');
    const ready = await client.next();
    assert.equal(ready.event, 'ready');
    assert.deepEqual(ready.json, { storyId: storyA });
    assert.match(ready.id ?? '', /^[\w-]+\.\d+$/u, 'an event id, for Last-Event-ID on reconnect');
    assert.ok(client.retry !== null && client.retry >= 1000, `a retry hint (${client.retry})`);
  });

  it('refuses a malformed or unknown story with a sentence, not a stream', async () => {
    for (const [query, status] of [['', 400], ['abc', 400], ['1e3', 400], ['99999999', 404]] as const) {
      const response = await fetch(`${origin}/comments/stream?story=${query}`);
      assert.equal(response.status, status, query);
      assert.doesNotMatch(response.headers.get('content-type') ?? '', /event-stream/u);
      assert.match(await response.text(), /discussion/u);
    }
  });

  it('sends each change to every reader of its story, and to no one else', async () => {
    const [a1, a2, b] = [await stream(storyA), await stream(storyA), await stream(storyB)];
    for (const client of [a1, a2, b]) assert.equal((await client.next()).event, 'ready');

    const posted = await f.comment(alice, { articleId: first.id }, 'Live *hello*');
    for (const client of [a1, a2]) {
      const event = await client.next();
      assert.equal(event.event, 'approved');
      assert.equal(commentOf(event).id, posted.id);
      assert.equal(commentOf(event).html, '<p>Live <em>hello</em></p>');
      assert.equal(commentOf(event).author?.name, 'Alice');
    }
    // B's first event is B's own comment: nothing of story A reached it.
    const other = await f.comment(bob, { articleId: second.id }, 'Elsewhere');
    const onB = await b.next();
    assert.equal(onB.event, 'approved');
    assert.equal(commentOf(onB).id, other.id);

    assert.equal((await f.api('POST', `/api/comments/${posted.id}/like`, { as: bob })).statusCode, 200);
    const likes = await a1.next();
    assert.equal(likes.event, 'likes');
    assert.deepEqual(likes.json, { commentId: posted.id, likeCount: 1 });

    assert.equal((await f.api('PATCH', `/api/comments/${posted.id}`, { as: alice, body: { text: 'Live **hello**, edited' } })).statusCode, 200);
    const edited = await a1.next();
    assert.equal(edited.event, 'edited');
    assert.equal(commentOf(edited).html, '<p>Live <strong>hello</strong>, edited</p>');
    assert.notEqual(commentOf(edited).editedAt, null);

    await f.app.comments.feature({ userId: null, label: 'Moe' }, posted.id);
    const featured = await a1.next();
    assert.equal(featured.event, 'featured');
    assert.equal(commentOf(featured).featured, true);

    assert.equal((await f.api('DELETE', `/api/comments/${posted.id}`, { as: alice })).statusCode, 200);
    const deleted = await a1.next();
    assert.equal(deleted.event, 'deleted');
    assert.deepEqual(deleted.json, { commentId: posted.id, comment: null }, 'gone entirely: it had no replies');

    // a2 saw the same sequence, in the same order, with the same ids.
    const sequence = (client: SseClient) => client.events.map((e) => `${e.event}:${e.id}`);
    await poll(() => a2.events.length, (n) => n >= a1.events.length);
    assert.deepEqual(sequence(a2), sequence(a1));
    assert.deepEqual(
      a1.events.map((e) => e.event),
      ['ready', 'approved', 'likes', 'edited', 'featured', 'deleted'],
    );
  });

  it('tells nobody about comments held for a moderator, and says "[deleted]" when replies keep a comment in place', async () => {
    const client = await stream(storyA);
    assert.equal((await client.next()).event, 'ready');
    const newcomer = await f.reader('Newcomer', { regular: false });
    const held = await f.comment(newcomer, { articleId: first.id }, 'Held for review, please');
    assert.equal(held.status, 'pending');
    const root = await f.comment(alice, { articleId: first.id }, 'A thread starter');
    const reply = await f.comment(bob, { articleId: first.id, parentId: root.id }, 'A reply');
    const [rootEvent, replyEvent] = [await client.next(), await client.next()];
    assert.deepEqual([commentOf(rootEvent).id, commentOf(replyEvent).id], [root.id, reply.id], 'the held comment was never announced');
    assert.equal(commentOf(replyEvent).parentId, root.id);

    assert.equal((await f.api('DELETE', `/api/comments/${root.id}`, { as: alice })).statusCode, 200);
    const deleted = await client.next();
    assert.equal(deleted.event, 'deleted');
    assert.equal(commentOf(deleted).status, 'deleted');
    assert.equal(commentOf(deleted).author, null);
    assert.equal(commentOf(deleted).html, '');
  });

  it('lets a reader who reconnects with Last-Event-ID catch up, and asks one from elsewhere to resync', async () => {
    const client = await stream(storyA);
    const ready = await client.next();
    client.close();
    const missed = await f.comment(bob, { articleId: first.id }, 'Posted while you were away');
    const back = await stream(storyA, { 'last-event-id': ready.id ?? '' });
    assert.equal((await back.next()).event, 'ready');
    const replayed = await back.next();
    assert.equal(replayed.event, 'approved');
    assert.equal(commentOf(replayed).id, missed.id);

    for (const id of ['someone-else.3', 'nonsense', `${(ready.id ?? '').split('.')[0]}.999999999`]) {
      const stranger = await stream(storyA, { 'last-event-id': id });
      assert.equal((await stranger.next()).event, 'ready', id);
      assert.equal((await stranger.next()).event, 'resync', id);
    }
  });
});

describe('the live hub', () => {
  let f: CommentsFixture;
  let storyId: number;
  let alice: Reader;
  let articleId: number;

  before(async () => {
    f = await commentsFixture();
    alice = await f.reader('Alice');
    const article = await f.article('hub');
    articleId = article.id;
    storyId = (await f.api('GET', `/api/comments?article=${article.id}`)).json<{ story: { id: number } }>().story.id;
  });
  after(() => f.close());

  /** A server of its own around the app's comments, with a bus that counts subscriptions. */
  async function hubServer(options: { maxStreamsPerAddress?: number; heartbeatMs?: number } = {}) {
    const bus = localBus();
    let subscriptions = 0;
    // Closing drops the sockets fetch keeps alive too (else close waits out their keep-alive).
    const server: FastifyInstance = Fastify({ forceCloseConnections: true });
    const hub: LiveHub = registerCommentsLive(server, {
      comments: f.app.comments,
      subscribe(topic, listener) {
        subscriptions++;
        return bus.subscribe(topic, listener);
      },
      ...options,
    });
    const origin = await server.listen({ port: 0, host: '127.0.0.1' });
    return { bus, server, hub, origin, subscriptions: () => subscriptions, open: (story = storyId) => SseClient.open(`${origin}/comments/stream?story=${story}`) };
  }

  it('feeds any number of streams from one bus subscription, and forgets streams that close', async () => {
    const other = (await f.api('GET', `/api/comments?article=${(await f.article('hub-other')).id}`)).json<{ story: { id: number } }>().story.id;
    const h = await hubServer();
    try {
      const clients = [await h.open(), await h.open(), await h.open(other)];
      for (const client of clients) assert.equal((await client.next()).event, 'ready');
      assert.equal(h.subscriptions(), 1);
      const stats = await poll(() => h.hub.stats(), (s) => s.stories === 2);
      assert.deepEqual(stats, { streams: 3, stories: 2 });

      // A change published on this bus reaches the two readers of its story.
      const posted = await f.comment(alice, { articleId }, 'Through the counting bus');
      h.bus.publish('comments.changed', { storyId, commentId: posted.id, kind: 'approved' });
      for (const client of clients.slice(0, 2)) assert.equal(commentOf(await client.next()).id, posted.id);
      h.bus.publish('comments.changed', { storyId: 'nonsense', kind: 'approved' });

      for (const client of clients) client.close();
      assert.deepEqual(await poll(() => h.hub.stats(), (s) => s.streams === 0), { streams: 0, stories: 0 });
    } finally {
      await h.server.close();
    }
  });

  it('refuses streams beyond the cap for one address with 429, and takes them again once one closes', async () => {
    const h = await hubServer({ maxStreamsPerAddress: 2 });
    try {
      const [one, two] = [await h.open(), await h.open()];
      const refused = await h.open();
      assert.equal(refused.response.status, 429);
      assert.equal(refused.response.headers.get('retry-after'), '30');
      assert.match(await refused.response.text(), /Too many live comment streams/u);
      one.close();
      const again = await poll(() => h.open(), (c) => c.response.status === 200);
      assert.equal(again.response.status, 200);
      assert.equal((await again.next()).event, 'ready');
      two.close();
      again.close();
    } finally {
      await h.server.close();
    }
  });

  it('keeps idle streams alive with a heartbeat comment, and ends them when the server closes', async () => {
    const h = await hubServer({ heartbeatMs: 30 });
    const client = await h.open();
    assert.equal((await client.next()).event, 'ready');
    await poll(() => client.comments, (c) => c.includes('ping'));
    assert.ok(client.comments.includes('ping'), 'a ": ping" comment line arrived');
    await h.server.close();
    await poll(() => client.ended, (ended) => ended);
    assert.equal(client.ended, true, 'closing the server ended the open stream');
  });
});

const databaseUrl = process.env.DATABASE_URL || undefined;

describe('live comments across two app instances on one PostgreSQL schema', {
  // On SQLite there is one process and its in-process bus: two instances cannot share it (the
  // in-process fan-out is tested above). Between instances the bus is PostgreSQL's LISTEN/NOTIFY.
  skip: databaseUrl ? false : 'needs PostgreSQL (DATABASE_URL): instances on SQLite share no bus',
}, () => {
  let shared: Awaited<ReturnType<typeof startSharedInstances>> | undefined;
  let a: App;
  let b: App;
  let originB: string;

  before(async () => {
    shared = await startSharedInstances(2);
    [a, b] = shared.apps as [App, App];
    await a.http.listen({ port: 0, host: '127.0.0.1' });
    originB = await b.http.listen({ port: 0, host: '127.0.0.1' });
    assert.notEqual(a.http.server.address(), b.http.server.address());
  });
  after(async () => {
    await shared?.destroy();
  });

  it('a comment posted on A reaches an SSE reader connected to B', async () => {
    await a.publishing.createSection({ slug: 'news', name: 'News', position: 1 });
    await a.publishing.createAuthor({ slug: 'rita', name: 'Rita Reporter' });
    const article = await a.publishing.createArticle({
      headline: 'Across instances',
      slug: 'across',
      sectionSlug: 'news',
      authors: [{ slug: 'rita' }],
      status: 'published',
      publishedAt: Date.now() - 60_000,
      body: doc('Shared by two app instances.'),
    });
    const user = await a.accounts.createUser({ email: `live-${process.pid}@example.com`, password: 'correct horse battery staple', role: 'reader', name: 'Wanda', emailVerified: true });
    await a.db.kysely.insertInto('reader_standing').values({ user_id: user.id, kind: 'good', message: '', until: null, approved_count: 1000, updated_at: Date.now(), updated_by: null }).execute();
    const cookie = `scms_session=${await a.accounts.createSession(user.id, 'test')}`;
    const onA = (method: 'GET' | 'POST', url: string, payload?: object) => a.http.inject({ method, url, headers: { origin: PUBLIC_URL, cookie }, ...(payload ? { payload } : {}) });
    const storyId = (await onA('GET', `/api/comments?article=${article.id}`)).json<{ story: { id: number } }>().story.id;

    const reader = await SseClient.open(`${originB}/comments/stream?story=${storyId}`);
    try {
      assert.equal(reader.response.status, 200);
      assert.equal((await reader.next()).event, 'ready');
      const posted = await onA('POST', '/api/comments', { articleId: article.id, text: 'Posted on A, read on B' });
      assert.equal(posted.statusCode, 201, posted.body);
      const id = posted.json<{ comment: { id: number } }>().comment.id;

      const event = await reader.next();
      assert.equal(event.event, 'approved');
      assert.equal(commentOf(event).id, id);
      assert.equal(commentOf(event).html, '<p>Posted on A, read on B</p>');
      assert.equal(commentOf(event).author?.name, 'Wanda');
    } finally {
      reader.close();
    }
  });
});
