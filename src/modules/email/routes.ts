/** /admin/outbox: admins read what the publication sent. Messages can hold sign-in links, so admins only. */
import type { FastifyInstance } from 'fastify';
import { requireStaff, type Staff } from '../accounts/index.js';
import type { Look } from '../newsroom/shell.js';
import { checkAddress } from './address.js';
import { messagePage, outboxPage } from './outbox-views.js';
import type { Mailer } from './types.js';

const PAGE = 50;

export async function registerOutboxAdmin(app: FastifyInstance, deps: { look: () => Promise<Look | null>; email: Mailer; smtp: boolean }): Promise<void> {
  app.get('/admin/outbox', { preHandler: requireStaff('email.outbox') }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const to = typeof query.to === 'string' ? query.to.trim() : '';
    const before = typeof query.before === 'string' && /^\d{1,15}$/u.test(query.before) ? Number(query.before) : undefined;
    const filterable = to !== '' && checkAddress(to).problem === null;
    const rows = await deps.email.list({ limit: PAGE + 1, ...(before !== undefined ? { before } : {}), ...(filterable ? { to } : {}) });
    const last = rows[PAGE - 1];
    const older = rows.length > PAGE && last ? `/admin/outbox?${new URLSearchParams({ ...(filterable ? { to } : {}), before: String(last.id) }).toString()}` : null;
    const messages = to !== '' && !filterable ? [] : rows.slice(0, PAGE);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(outboxPage(await deps.look(), request.staff as Staff, messages, { to }, older, deps.smtp));
  });

  app.get('/admin/outbox/:id', { preHandler: requireStaff('email.outbox') }, async (request, reply) => {
    const id = Number((request.params as { id: string }).id);
    const message = Number.isSafeInteger(id) && id > 0 ? await deps.email.get(id) : null;
    if (!message) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(messagePage(await deps.look(), request.staff as Staff, message));
  });
}
