/**
 * /admin/comments: the moderation queues as pages, for editors and admins (comments.moderate).
 *
 *   GET  /admin/comments?queue=pending|reported|rejected|approved&cursor=…
 *   POST /admin/comments/:id/approve|reject|feature|unfeature    (note: optional, with reject)
 *   POST /admin/comments/readers/:id/standing                     (kind, message, until)
 *   GET/POST /admin/comments/stories/:id                           (open, premoderated, closesAt)
 *
 * Forms post and come back to the queue page they were sent from (its address travels in a
 * hidden "return" field, accepted only if it is a queue page), at the comment to carry on from.
 * Same-origin checking of every POST is the server's (src/http/server.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, requireStaff, type Staff } from '../../accounts/index.js';
import type { Notice } from '../../newsroom/notices.js';
import { CommentsError } from '../errors.js';
import { DECISIONS, type CommentsAdminDeps, type Moderation } from './moderation.js';
import { isQueue, QUEUE_PAGE, type Queue } from './queues.js';
import { standingFrom } from './standing.js';
import { queuePage, storyPage, type PageAssets } from './views.js';

const QUEUE_PATH = '/admin/comments';

const DONE: Record<string, string> = {
  approve: 'Approved.',
  reject: 'Rejected.',
  feature: 'Featured: it is pinned above its discussion.',
  unfeature: 'No longer featured.',
  standing: 'The reader’s standing is saved; they were emailed about it.',
  restored: 'The reader is back in good standing.',
  story: 'The discussion’s settings are saved.',
};

type Form = Record<string, string | undefined>;

function formOf(body: unknown): Form {
  const source = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const out: Form = {};
  for (const [name, value] of Object.entries(source)) if (typeof value === 'string') out[name] = value.slice(0, 4000);
  return out;
}

const idOf = (raw: string): number | null => (/^[1-9]\d{0,11}$/u.test(raw) ? Number(raw) : null);

/** A queue page's own address (path and query), or the first pending page for anything else. */
export function queueAddress(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 2000 || !/^\/admin\/comments(?:\?[^#\s\\]*)?$/u.test(raw)) return QUEUE_PATH;
  return raw;
}

/** Back to the queue page, saying what was done, at the comment to carry on from. */
function backTo(raw: unknown, done: string, focus?: string): string {
  const url = new URL(queueAddress(raw), 'http://admin.invalid');
  url.searchParams.set('done', done);
  const id = focus && idOf(focus);
  return `${url.pathname}${url.search}${id ? `#c-${id}` : ''}`;
}

export async function registerModerationPages(app: FastifyInstance, deps: CommentsAdminDeps, moderation: Moderation, assets: PageAssets): Promise<void> {
  const guard = requireStaff('comments.moderate');
  const staffOf = (request: FastifyRequest) => request.staff as Staff;
  const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

  async function renderQueue(request: FastifyRequest, reply: FastifyReply, params: URLSearchParams, status: number, notice: Notice) {
    const queueParam = params.get('queue') ?? 'pending';
    const queue: Queue = isQueue(queueParam) ? queueParam : 'pending';
    const cursor = params.get('cursor') || undefined;
    const limitParam = Number(params.get('limit') ?? QUEUE_PAGE);
    const limit = Number.isSafeInteger(limitParam) && limitParam >= 1 && limitParam <= 100 ? limitParam : QUEUE_PAGE;
    const query = (extra: Record<string, string>) => `${QUEUE_PATH}?${new URLSearchParams({ queue, ...(limit !== QUEUE_PAGE ? { limit: String(limit) } : {}), ...extra }).toString()}`;
    const [page, counts] = await Promise.all([moderation.queues.page(queue, cursor, limit), moderation.queues.counts()]);
    const model = {
      page,
      counts,
      self: query(cursor ? { cursor } : {}),
      nextHref: page.nextCursor ? query({ cursor: page.nextCursor }) : null,
      firstHref: cursor ? query({}) : null,
      notice,
      now: deps.now(),
    };
    return html(reply, status, queuePage(await deps.look(), staffOf(request), model, assets));
  }

  /** A refusal the moderator can act on: the queue they came from again, with the reason. */
  async function refused(request: FastifyRequest, reply: FastifyReply, error: unknown, returnTo: unknown) {
    if (!(error instanceof CommentsError) || error.status >= 500) throw error;
    const params = new URL(queueAddress(returnTo), 'http://admin.invalid').searchParams;
    try {
      return await renderQueue(request, reply, params, error.status, { problem: error.publicMessage });
    } catch (again) {
      // The queue address itself was the problem (a stale cursor): the first page then.
      if (!(again instanceof CommentsError)) throw again;
      return renderQueue(request, reply, new URLSearchParams(), error.status, { problem: error.publicMessage });
    }
  }

  app.get(QUEUE_PATH, { preHandler: guard }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const params = new URLSearchParams();
    for (const name of ['queue', 'cursor', 'limit']) if (typeof query[name] === 'string') params.set(name, query[name] as string);
    if (query.queue !== undefined && !isQueue(query.queue)) throw new CommentsError(400, 'There is no such queue: choose pending, reported, rejected or approved.');
    const done = typeof query.done === 'string' ? DONE[query.done] : undefined;
    return renderQueue(request, reply, params, 200, done ? { done } : {});
  });

  for (const decision of DECISIONS) {
    app.post<{ Params: { id: string } }>(`${QUEUE_PATH}/:id/${decision}`, { preHandler: guard }, async (request, reply) => {
      const id = idOf(request.params.id);
      if (id === null) return reply.callNotFound();
      const form = formOf(request.body);
      try {
        await moderation.decide(actorOf(staffOf(request)), id, decision, form.note);
      } catch (error) {
        return refused(request, reply, error, form.return);
      }
      return reply.header('cache-control', 'no-store').redirect(backTo(form.return, decision, form.focus), 303);
    });
  }

  app.post<{ Params: { id: string } }>(`${QUEUE_PATH}/readers/:id/standing`, { preHandler: guard }, async (request, reply) => {
    const id = idOf(request.params.id);
    if (id === null) return reply.callNotFound();
    const form = formOf(request.body);
    try {
      const standing = standingFrom(form, deps.now());
      await moderation.setStanding(actorOf(staffOf(request)), id, standing);
      return reply.header('cache-control', 'no-store').redirect(backTo(form.return, standing.kind === 'good' ? 'restored' : 'standing', form.focus), 303);
    } catch (error) {
      return refused(request, reply, error, form.return);
    }
  });

  app.get<{ Params: { id: string } }>(`${QUEUE_PATH}/stories/:id`, { preHandler: guard }, async (request, reply) => {
    const id = idOf(request.params.id);
    const story = id === null ? null : await moderation.story(id);
    if (!story) return reply.callNotFound();
    const query = request.query as Record<string, unknown>;
    const notice = query.done === 'story' ? { done: DONE.story } : {};
    return html(reply, 200, storyPage(await deps.look(), staffOf(request), story, queueAddress(query.return), notice, assets.stylesheet));
  });

  app.post<{ Params: { id: string } }>(`${QUEUE_PATH}/stories/:id`, { preHandler: guard }, async (request, reply) => {
    const id = idOf(request.params.id);
    if (id === null) return reply.callNotFound();
    const form = formOf(request.body);
    const back = queueAddress(form.return);
    try {
      await moderation.updateStory(actorOf(staffOf(request)), id, { open: form.open === 'on', premoderated: form.premoderated === 'on', closesAt: form.closesAt ?? null });
    } catch (error) {
      if (!(error instanceof CommentsError) || error.status >= 500) throw error;
      const story = await moderation.story(id);
      if (!story) return reply.callNotFound();
      return html(reply, error.status, storyPage(await deps.look(), staffOf(request), story, back, { problem: error.publicMessage }, assets.stylesheet));
    }
    return reply.header('cache-control', 'no-store').redirect(`${QUEUE_PATH}/stories/${id}?${new URLSearchParams({ done: 'story', return: back }).toString()}`, 303);
  });
}
