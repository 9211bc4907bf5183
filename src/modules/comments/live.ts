/**
 * Live comments over Server-Sent Events: GET /comments/stream?story=<id>. One subscription to the
 * bus feeds every open stream of this instance (on PostgreSQL the bus brings other instances'
 * changes too); each change is looked up once and written, as the same bytes, to every reader of
 * its story. Behind proxies SSE needs no buffering, no caching and a heartbeat comment every 25 s.
 * A reader who reconnects with Last-Event-ID gets what they missed while it is still remembered,
 * or a 'resync' event when it is not (the script then asks for the first page again).
 *
 * Events (data is JSON): ready, approved {comment}, edited {comment}, deleted {commentId, comment:
 * the "[deleted]" placeholder or null when it is gone}, featured {comment}, unfeatured {commentId},
 * likes {commentId, likeCount}, resync.
 */
import crypto from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Assets } from '../site/assets.js';
import { serveCommentsClient } from './client-assets.js';
import { CommentsError } from './errors.js';
import { COMMENTS_CHANGED } from './events.js';
import type { CommentsService } from './service.js';
import type { CommentsChanged } from './types.js';

export interface LiveDeps {
  comments: Pick<CommentsService, 'comment' | 'story'>;
  subscribe(topic: string, listener: (payload: unknown) => void): () => void;
  /** A comment line to every stream this often, so proxies and browsers keep idle streams open. */
  heartbeatMs?: number;
  /** Open streams one address may hold (several tabs, a household behind one router). */
  maxStreamsPerAddress?: number;
  /** How long changes are remembered for readers who reconnect. */
  replayMs?: number;
  /** The site's asset store: the browser script that reads these streams is served from it. */
  assets?: Assets;
}

export interface LiveStats {
  /** Open streams. */
  streams: number;
  /** Stories with at least one open stream. */
  stories: number;
}

export interface LiveHub {
  stats(): LiveStats;
}

const DEFAULTS = { heartbeatMs: 25_000, maxStreamsPerAddress: 16, replayMs: 120_000 };
/** Changes remembered per story, however recent: a burst longer than this asks readers to resync. */
const MAX_REMEMBERED = 200;
/** A reader this far behind (a stalled connection) is dropped; their browser reconnects and resumes. */
const MAX_BACKLOG_BYTES = 1024 * 1024;

interface Stream {
  response: ServerResponse;
  address: string;
  closed: boolean;
}

interface Remembered {
  seq: number;
  at: number;
  change: CommentsChanged;
  /** The SSE frame, made on first delivery (null: nothing to tell readers). */
  frame?: Promise<string | null>;
}

interface Channel {
  streams: Set<Stream>;
  recent: Remembered[];
  /** The newest change no longer remembered. */
  forgotten: number;
  /** Deliveries and joins run one after the other, so every stream sees changes in order. */
  tail: Promise<void>;
  /** Streams queued to join: the channel must outlive the wait. */
  joining: number;
}

const KINDS = new Set<CommentsChanged['kind']>(['approved', 'edited', 'deleted', 'rejected', 'featured', 'unfeatured', 'likes']);
const positive = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;

function asChange(payload: unknown): CommentsChanged | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Partial<CommentsChanged>;
  if (!positive(p.storyId) || !positive(p.commentId) || !KINDS.has(p.kind as CommentsChanged['kind'])) return null;
  return { storyId: p.storyId, commentId: p.commentId, kind: p.kind as CommentsChanged['kind'], ...(typeof p.likeCount === 'number' ? { likeCount: p.likeCount } : {}) };
}

const frame = (event: string, id: string | null, data: unknown) => `event: ${event}\n${id ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`;

export function registerCommentsLive(app: FastifyInstance, deps: LiveDeps): LiveHub {
  const heartbeatMs = deps.heartbeatMs ?? DEFAULTS.heartbeatMs;
  const maxPerAddress = deps.maxStreamsPerAddress ?? DEFAULTS.maxStreamsPerAddress;
  const replayMs = deps.replayMs ?? DEFAULTS.replayMs;
  // Event ids are <boot>.<seq>: an id from before a restart, or from another instance, is not ours to resume.
  const boot = crypto.randomBytes(6).toString('base64url');
  let seq = 0;
  /** The newest change forgotten together with its story's channel. */
  let forgottenChannels = 0;
  const channels = new Map<number, Channel>();
  const perAddress = new Map<string, number>();
  let streamCount = 0;
  const eventId = (n: number) => `${boot}.${n}`;

  function channelOf(storyId: number): Channel {
    let channel = channels.get(storyId);
    if (!channel) channels.set(storyId, (channel = { streams: new Set(), recent: [], forgotten: 0, tail: Promise.resolve(), joining: 0 }));
    return channel;
  }

  function queue(channel: Channel, task: () => Promise<void>): void {
    channel.tail = channel.tail.then(task).catch((error: unknown) => app.log.error({ err: error }, 'comments live delivery failed'));
  }

  function write(stream: Stream, text: string): void {
    if (stream.closed) return;
    stream.response.write(text);
    if (stream.response.writableLength > MAX_BACKLOG_BYTES) stream.response.end();
  }

  /** What readers are told about a change, looked up once however many are listening. */
  async function render(item: Remembered): Promise<string | null> {
    const { change } = item;
    const id = eventId(item.seq);
    const commentId = change.commentId;
    if (change.kind === 'likes') return frame('likes', id, { commentId, likeCount: change.likeCount ?? 0 });
    if (change.kind === 'unfeatured') return frame('unfeatured', id, { commentId });
    const comment = await deps.comments.comment(commentId);
    switch (change.kind) {
      case 'approved':
      case 'featured':
        // Gone again before anyone heard of it (removed, or unfeatured meanwhile): nothing to show.
        return comment?.status === 'approved' && (change.kind === 'approved' || comment.featured) ? frame(change.kind, id, { comment }) : null;
      case 'edited':
        // An edit held for review takes the comment off the page until a moderator decides.
        return comment?.status === 'approved' ? frame('edited', id, { comment }) : frame('deleted', id, { commentId, comment: null });
      default:
        return frame('deleted', id, { commentId, comment: comment?.status === 'deleted' ? comment : null });
    }
  }

  const unsubscribe = deps.subscribe(COMMENTS_CHANGED, (payload) => {
    const change = asChange(payload);
    if (!change) return;
    const channel = channelOf(change.storyId);
    const item: Remembered = { seq: ++seq, at: Date.now(), change };
    channel.recent.push(item);
    if (channel.recent.length > MAX_REMEMBERED) channel.forgotten = channel.recent.shift()?.seq ?? channel.forgotten;
    queue(channel, async () => {
      if (channel.streams.size === 0) return;
      const text = await (item.frame ??= render(item));
      if (text) for (const stream of channel.streams) write(stream, text);
    });
  });

  /** Where a reconnecting reader left off; 'resync' when what they missed is no longer known. */
  function resumeFrom(lastEventId: string | undefined, channel: Channel | undefined): number | 'resync' {
    if (lastEventId === undefined || lastEventId === '') return seq;
    const match = /^([A-Za-z0-9_-]{1,16})\.(\d{1,15})$/u.exec(lastEventId);
    const last = match ? Number(match[2]) : NaN;
    if (!match || match[1] !== boot || last > seq) return 'resync';
    const forgotten = channel ? channel.forgotten : forgottenChannels;
    return forgotten > last ? 'resync' : last;
  }

  // Forget what no reconnecting reader can still need, and say every stream is alive.
  const timer = setInterval(() => {
    const horizon = Date.now() - replayMs;
    for (const [storyId, channel] of channels) {
      while (channel.recent[0] && channel.recent[0].at < horizon) channel.forgotten = channel.recent.shift()?.seq ?? channel.forgotten;
      if (channel.streams.size === 0 && channel.joining === 0 && channel.recent.length === 0) {
        forgottenChannels = Math.max(forgottenChannels, channel.forgotten);
        channels.delete(storyId);
      }
      for (const stream of channel.streams) write(stream, ': ping\n\n');
    }
  }, heartbeatMs);
  timer.unref();

  const all = new Set<Stream>();
  // Open streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => {
    for (const stream of all) stream.response.end();
  });
  const stopServing = deps.assets ? serveCommentsClient(deps.assets) : () => {};
  app.addHook('onClose', async () => {
    clearInterval(timer);
    unsubscribe();
    stopServing();
  });

  app.get('/comments/stream', { exposeHeadRoute: false }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const raw = query.story;
    if (typeof raw !== 'string' || !/^\d{1,12}$/u.test(raw)) throw new CommentsError(400, 'Say which discussion to follow: /comments/stream?story=<id>.');
    const story = await deps.comments.story(Number(raw));
    if (!story) throw new CommentsError(404, 'There is no such discussion.');
    const address = request.ip;
    const open = perAddress.get(address) ?? 0;
    if (open >= maxPerAddress) {
      throw new CommentsError(429, `Too many live comment streams from your address (at most ${maxPerAddress}). Close a tab or two and reload.`, { 'retry-after': '30' });
    }

    const channel = channels.get(story.id);
    const lastEventId = request.headers['last-event-id'];
    const from = resumeFrom(Array.isArray(lastEventId) ? lastEventId[0] : lastEventId, channel);
    perAddress.set(address, open + 1);
    streamCount++;

    reply.hijack();
    const response = reply.raw;
    request.raw.socket?.setNoDelay(true);
    response.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    const stream: Stream = { response, address, closed: false };
    const joined = channelOf(story.id);
    all.add(stream);
    response.on('close', () => {
      stream.closed = true;
      all.delete(stream);
      joined.streams.delete(stream);
      streamCount--;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });

    // Browsers wait this long before reconnecting; spread out, so a restart is not met by everyone at once.
    const retry = 2000 + crypto.randomInt(4000);
    const start = from === 'resync' ? seq : from;
    response.write(`retry: ${retry}\n${frame('ready', eventId(start), { storyId: story.id })}`);
    if (from === 'resync') response.write(frame('resync', null, { storyId: story.id }));

    // Joins behind the deliveries already queued: what they carry past `start` is replayed, in order.
    joined.joining++;
    queue(joined, async () => {
      try {
        for (const item of [...joined.recent]) {
          if (item.seq <= start || stream.closed) continue;
          const text = await (item.frame ??= render(item));
          if (text) write(stream, text);
        }
        if (!stream.closed) joined.streams.add(stream);
      } finally {
        joined.joining--;
      }
    });
  });

  return {
    stats: () => ({ streams: streamCount, stories: [...channels.values()].filter((c) => c.streams.size > 0).length }),
  };
}
