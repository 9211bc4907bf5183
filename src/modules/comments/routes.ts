/**
 * Comments over HTTP. JSON under /api/comments for the browser script (list, replies, post, edit,
 * delete, like, report), and plain form posts for readers without JavaScript: POST /comments
 * answers 303 back to the article (#comment-<id>) or the article again with the error and the
 * reader's text. GET /comments/:id is a comment's permalink. Cross-site posts are refused by the
 * server's same-origin check before any of this runs (src/http/server.ts). Live updates (the
 * /comments/stream endpoint and the browser script) are in live.ts, registered from here.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountsService, User } from '../accounts/index.js';
import { SESSION_COOKIE } from '../accounts/http/session.js';
import type { Assets } from '../site/assets.js';
import { CommentsError } from './errors.js';
import { displayName } from './listing.js';
import { EMBED_PATH, EMBED_SIGN_IN_PATH } from './embed.js';
import { registerCommentsLive } from './live.js';
import { sectionHref, type SectionQuery } from './page-query.js';
import type { CommentsService } from './service.js';
import { isSort, type Sort } from './types.js';
import { threadTag } from './events.js';
import { makeEntry, type PageCache } from '../../http/page-cache.js';
import { sendPage } from '../../http/send-page.js';

export interface CommentsRouteDeps {
  comments: CommentsService;
  accounts: AccountsService;
  /** Where readers sign in (takes ?return=<path>). */
  signInPath: string;
  /** The article page at `path` with the comments section in a given state; null if there is no such page. */
  renderArticle(path: string, query: SectionQuery): Promise<string | null>;
  /** The app's event bus, for the live stream (left out: no /comments/stream). */
  subscribe?: (topic: string, listener: (payload: unknown) => void) => () => void;
  /** The site's asset store, which serves the browser script. */
  assets?: Assets;
  /** Keeps the first page of each thread as JSON bytes, purged with the thread (left out: none kept). */
  cache?: PageCache;
}

type Query = Record<string, string | string[] | undefined>;

const HTML = 'text/html; charset=utf-8';

/** A path id: digits only, else there is nothing at that address. */
function idOf(raw: string): number {
  if (!/^\d{1,12}$/u.test(raw)) throw new CommentsError(404, 'There is no such comment.');
  return Number(raw);
}

function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new CommentsError(400, 'Send a JSON object.');
  return body as Record<string, unknown>;
}

function optionalId(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' && /^\d{1,12}$/u.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) throw new CommentsError(400, `${name} must be a comment or story number.`);
  return n;
}

function queryString(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new CommentsError(400, `${name} may be given once.`);
  return value === '' ? undefined : value;
}

function sortOf(query: Query): Sort {
  const sort = queryString(query, 'sort') ?? 'newest';
  if (!isSort(sort)) throw new CommentsError(400, 'sort must be newest, oldest or liked.');
  return sort;
}

export async function registerCommentsRoutes(app: FastifyInstance, deps: CommentsRouteDeps): Promise<void> {
  const { comments, accounts } = deps;
  if (deps.subscribe) registerCommentsLive(app, { comments, subscribe: deps.subscribe, assets: deps.assets });

  async function readerOf(request: FastifyRequest): Promise<User | null> {
    if (request.embedReader) return request.embedReader; // embed frames: a signed token instead of the cookie (embed-token.ts)
    const token = request.cookies[SESSION_COOKIE];
    return token ? accounts.sessionUser(token) : null;
  }
  const meta = (request: FastifyRequest) => ({ address: request.ip });
  const json = (reply: FastifyReply, status: number, body: unknown) => reply.code(status).header('cache-control', 'no-store').send(body);
  // Posting is paced by the moderation pipeline; clicks (likes, reports, edits) by address here,
  // since each one that changes the page purges its cached copy.
  const clicks = { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } };

  // Reading.
  app.get('/api/comments', async (request, reply) => {
    const query = request.query as Query;
    const options = { sort: sortOf(query), cursor: queryString(query, 'cursor') };
    const storyId = optionalId(queryString(query, 'story'), 'story');
    const articleId = optionalId(queryString(query, 'article'), 'article');
    if (storyId === undefined && articleId === undefined) throw new CommentsError(400, 'Say which discussion: ?story=<id> or ?article=<id>.');
    const load = () => (storyId !== undefined ? comments.thread(storyId, options) : comments.threadForArticleId(articleId ?? 0, options));
    // First pages are what every reader asks for: kept as bytes until the thread changes.
    const cache = deps.cache;
    if (options.cursor !== undefined || !cache) {
      const page = await load();
      if (!page) throw new CommentsError(404, 'There is no such discussion.');
      return json(reply, 200, page);
    }
    const key = `api:comments:${storyId !== undefined ? `s${storyId}` : `a${articleId}`}:${options.sort}`;
    const hit = cache.get(key);
    if (hit) return sendPage(request, reply, hit, null);
    const generation = cache.generation;
    const page = await load();
    if (!page) throw new CommentsError(404, 'There is no such discussion.');
    const entry = makeEntry(200, 'application/json; charset=utf-8', JSON.stringify(page), [threadTag(page.story.id)]);
    cache.set(key, entry, generation);
    return sendPage(request, reply, entry, null);
  });

  app.get('/api/comments/me', async (request, reply) => {
    const who = await readerOf(request);
    const raw = queryString(request.query as Query, 'ids') ?? '';
    const ids = raw.split(',').filter((part) => /^\d{1,12}$/u.test(part)).map(Number);
    // The name as the reader's comments show it ("Commenting as …").
    return json(reply, 200, { reader: who ? { id: who.id, name: displayName(who.name) } : null, liked: who ? await comments.liked(who, ids) : [] });
  });

  app.get<{ Params: { id: string } }>('/api/comments/:id', async (request, reply) => {
    const comment = await comments.comment(idOf(request.params.id));
    if (!comment) throw new CommentsError(404, 'There is no such comment.');
    return json(reply, 200, comment);
  });

  app.get<{ Params: { id: string } }>('/api/comments/:id/replies', async (request, reply) => {
    const page = await comments.replies(idOf(request.params.id), queryString(request.query as Query, 'cursor'));
    if (!page) throw new CommentsError(404, 'There is no such comment, or it is a reply (replies are listed under their top-level comment).');
    return json(reply, 200, page);
  });

  // Writing, as the signed-in reader.
  app.post('/api/comments', async (request, reply) => {
    const body = bodyOf(request);
    const who = await readerOf(request);
    const result = await comments.post(
      who,
      { storyId: optionalId(body.storyId, 'storyId'), articleId: optionalId(body.articleId, 'articleId'), parentId: optionalId(body.parentId, 'parentId') ?? null, text: body.text },
      meta(request),
    );
    return json(reply, 201, result);
  });

  app.patch<{ Params: { id: string } }>('/api/comments/:id', clicks, async (request, reply) => {
    const body = bodyOf(request);
    return json(reply, 200, await comments.edit(await readerOf(request), idOf(request.params.id), body.text, meta(request)));
  });

  app.delete<{ Params: { id: string } }>('/api/comments/:id', clicks, async (request, reply) => {
    return json(reply, 200, await comments.remove(await readerOf(request), idOf(request.params.id)));
  });

  app.post<{ Params: { id: string } }>('/api/comments/:id/like', clicks, async (request, reply) => {
    return json(reply, 200, await comments.like(await readerOf(request), idOf(request.params.id)));
  });

  app.delete<{ Params: { id: string } }>('/api/comments/:id/like', clicks, async (request, reply) => {
    return json(reply, 200, await comments.unlike(await readerOf(request), idOf(request.params.id)));
  });

  app.post<{ Params: { id: string } }>('/api/comments/:id/reports', clicks, async (request, reply) => {
    const body = bodyOf(request);
    return json(reply, 201, await comments.report(await readerOf(request), idOf(request.params.id), { reason: body.reason, detail: body.detail }));
  });

  // Without JavaScript.
  app.post('/comments', async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
    const storyId = optionalId(field('story'), 'story');
    const path = storyId === undefined ? null : await comments.storyPath(storyId);
    if (storyId === undefined || !path) throw new CommentsError(404, 'There is no such discussion.');
    const sort = isSort(field('sort')) ? (field('sort') as Sort) : 'newest';
    let parentId: number | null = null;
    try {
      parentId = optionalId(field('parent'), 'parent') ?? null;
      const who = await readerOf(request);
      // Not signed in: to the sign-in page, and back to the discussion afterwards. In a frame on
      // another site no cookie arrives, so the frame's own page explains and opens a sign-in window.
      if (!who) {
        const signIn = path.startsWith(EMBED_PATH) ? `${EMBED_SIGN_IN_PATH}?return=${encodeURIComponent(path)}` : `${deps.signInPath}?return=${encodeURIComponent(`${path}#comments`)}`;
        return reply.header('cache-control', 'no-store').redirect(signIn, 303);
      }
      const result = await comments.post(who, { storyId, parentId, text: form.text }, meta(request));
      const anchor = result.status === 'approved' ? `comment-${result.comment.id}` : 'comments';
      return reply.header('cache-control', 'no-store').redirect(sectionHref(path, { sort, notice: result.status }, anchor), 303);
    } catch (error) {
      if (!(error instanceof CommentsError) || error.status >= 500) throw error;
      // The article again, the reader's text kept in the box, the reason beside it.
      const text = typeof form.text === 'string' ? form.text.slice(0, 20_000) : '';
      const html = await deps.renderArticle(path, { sort, form: { text, error: error.publicMessage, parentId } });
      if (html === null) throw error;
      return reply.code(error.status).headers(error.headers).header('cache-control', 'no-store').type(HTML).send(html);
    }
  });

  app.get<{ Params: { id: string } }>('/comments/:id', async (request, reply) => {
    const location = /^\d{1,12}$/u.test(request.params.id) ? await comments.permalink(Number(request.params.id)) : null;
    if (!location) return reply.callNotFound();
    return reply.header('cache-control', 'no-store').redirect(location, 302);
  });

  app.get<{ Params: { id: string } }>('/comments/:id/replies', async (request, reply) => {
    const location = /^\d{1,12}$/u.test(request.params.id) ? await comments.permalink(Number(request.params.id)) : null;
    if (!location) return reply.callNotFound();
    return reply.header('cache-control', 'no-store').redirect(location, 302);
  });
}
