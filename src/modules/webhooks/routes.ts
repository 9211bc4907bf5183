/**
 * Webhooks on publish, update and unpublish: the admin page, the Admin API, the article-event
 * listener and the `webhook.deliver` job (signed delivery, retried by the queue with backoff).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf, requireStaff, type Staff } from '../accounts/index.js';
import type { NewsroomDeps } from '../newsroom/deps.js';
import { productionPolicy, type Transport, type UrlPolicy } from '../embeds/ssrf.js';
import { webhooksPage } from './admin-page.js';
import { createWebhookService, DELIVER_JOB, MAX_ATTEMPTS, WEBHOOK_EVENTS, WebhookError, type WebhookNetwork } from './service.js';

/**
 * Test-only: a test may let webhooks reach http://127.0.0.1 by injecting its own URL policy.
 * Production never calls this: https only, public addresses only.
 */
const network: WebhookNetwork = { policy: productionPolicy };
export function useWebhookNetworkForTests(override: { policy: UrlPolicy; transport?: Transport } | null): void {
  network.policy = override?.policy ?? productionPolicy;
  network.transport = override?.transport;
}

const WebhookSchema = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  active: Type.Boolean(),
  createdAt: Type.Integer(),
});
const DeliverySchema = Type.Object({
  id: Type.Integer(),
  webhookId: Type.Integer(),
  event: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Integer(),
  deliveredAt: Type.Union([Type.Integer(), Type.Null()]),
});
const ErrorSchema = Type.Object({ error: Type.String(), field: Type.Optional(Type.String()) });
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Events = Type.Array(Type.String({ enum: [...WEBHOOK_EVENTS] }), { minItems: 1, maxItems: 3 });

export async function registerWebhooks(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  const service = createWebhookService(deps, () => network);
  deps.jobs.define<{ deliveryId: number }>(DELIVER_JOB, (payload) => service.deliver(payload.deliveryId), { maxAttempts: MAX_ATTEMPTS });
  // Only enqueues (durable); the sending happens in the job.
  deps.articleEvents.on((event) => service.handle(event));

  const staffOf = (request: FastifyRequest): Staff => request.staff as Staff;
  const fail = (reply: FastifyReply, error: unknown) => {
    if (error instanceof WebhookError) return reply.code(error.status).send({ error: error.message, ...(error.field ? { field: error.field } : {}) });
    throw error;
  };
  const guard = requireStaff('webhooks.manage');

  // ---- Admin API ----
  app.get('/api/admin/webhooks', { preHandler: guard, schema: { tags: ['webhooks'], summary: 'List webhooks', response: { 200: Type.Object({ items: Type.Array(WebhookSchema) }) } } }, async () => ({
    items: await service.list(),
  }));

  app.post(
    '/api/admin/webhooks',
    {
      preHandler: guard,
      schema: {
        tags: ['webhooks'],
        summary: 'Add a webhook (the signing secret is in this answer only)',
        body: Type.Object({ url: Type.String({ minLength: 1, maxLength: 2048 }), events: Type.Optional(Events) }, { additionalProperties: false }),
        response: { 201: Type.Intersect([WebhookSchema, Type.Object({ secret: Type.String() })]), 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      const body = request.body as { url: string; events?: string[] };
      try {
        const { webhook, secret } = await service.create({ url: body.url, events: body.events ?? [...WEBHOOK_EVENTS] });
        await deps.audit.record(actorOf(staffOf(request)), 'webhook.create', { type: 'webhook', id: webhook.id }, { url: webhook.url, events: webhook.events });
        return reply.code(201).send({ ...webhook, secret });
      } catch (error) {
        return fail(reply, error);
      }
    },
  );

  app.patch(
    '/api/admin/webhooks/:id',
    {
      preHandler: guard,
      schema: {
        tags: ['webhooks'],
        summary: 'Change a webhook (URL, events, enabled)',
        params: IdParams,
        body: Type.Object({ url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })), events: Type.Optional(Events), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: WebhookSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const patch = request.body as { url?: string; events?: string[]; active?: boolean };
      try {
        if (!(await service.get(id))) return reply.code(404).send({ error: 'There is no such webhook.' });
        const webhook = await service.update(id, patch);
        await deps.audit.record(actorOf(staffOf(request)), 'webhook.update', { type: 'webhook', id }, { ...patch });
        return webhook;
      } catch (error) {
        return fail(reply, error);
      }
    },
  );

  app.delete(
    '/api/admin/webhooks/:id',
    { preHandler: guard, schema: { tags: ['webhooks'], summary: 'Delete a webhook and its deliveries', params: IdParams, response: { 204: Type.Null(), 404: ErrorSchema } } },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      if (!(await service.remove(id))) return reply.code(404).send({ error: 'There is no such webhook.' });
      await deps.audit.record(actorOf(staffOf(request)), 'webhook.delete', { type: 'webhook', id });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/admin/webhooks/:id/deliveries',
    {
      preHandler: guard,
      schema: {
        tags: ['webhooks'],
        summary: "A webhook's recent deliveries, newest first",
        params: IdParams,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }),
        response: { 200: Type.Object({ items: Type.Array(DeliverySchema) }), 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { limit } = request.query as { limit?: number };
      if (!(await service.get(id))) return reply.code(404).send({ error: 'There is no such webhook.' });
      return { items: await service.deliveries(id, limit ?? 20) };
    },
  );

  app.post(
    '/api/admin/webhooks/:id/test',
    { preHandler: guard, schema: { tags: ['webhooks'], summary: 'Queue a test event for a webhook', params: IdParams, response: { 202: Type.Object({ deliveryId: Type.Integer() }), 404: ErrorSchema } } },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      try {
        const deliveryId = await service.sendTest(id);
        return reply.code(202).send({ deliveryId });
      } catch (error) {
        return fail(reply, error);
      }
    },
  );

  // ---- Admin pages ----
  async function page(request: FastifyRequest, extra: Partial<Parameters<typeof webhooksPage>[0]> = {}): Promise<string> {
    const hooks = await Promise.all((await service.list()).map(async (hook) => ({ hook, deliveries: await service.deliveries(hook.id, 5) })));
    return webhooksPage({ look: await deps.look(), staff: staffOf(request), hooks, ...extra });
  }
  const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').send(body);
  const formString = (value: unknown) => (typeof value === 'string' ? value : '');
  const formList = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);
  const idOf = (request: FastifyRequest) => {
    const id = Number((request.params as { id: string }).id);
    return Number.isInteger(id) && id > 0 ? id : null;
  };

  app.get('/admin/webhooks', { preHandler: guard }, async (request, reply) => html(reply, 200, await page(request)));

  app.post('/admin/webhooks', { preHandler: guard }, async (request, reply) => {
    const form = (request.body ?? {}) as Record<string, unknown>;
    const values = { url: formString(form.url), events: formList(form.events) };
    try {
      const created = await service.create(values);
      await deps.audit.record(actorOf(staffOf(request)), 'webhook.create', { type: 'webhook', id: created.webhook.id }, { url: created.webhook.url, events: created.webhook.events });
      // Answered with the page itself (not a redirect): the secret is shown here, once.
      return html(reply, 200, await page(request, { created: { hook: created.webhook, secret: created.secret } }));
    } catch (error) {
      if (error instanceof WebhookError) return html(reply, 400, await page(request, { problem: error.message, values }));
      throw error;
    }
  });

  app.post('/admin/webhooks/:id/active', { preHandler: guard }, async (request, reply) => {
    const id = idOf(request);
    if (id === null || !(await service.get(id))) return html(reply, 404, await page(request, { problem: 'There is no such webhook.' }));
    const active = formString((request.body as Record<string, unknown> | undefined)?.active) === '1';
    await service.update(id, { active });
    await deps.audit.record(actorOf(staffOf(request)), 'webhook.update', { type: 'webhook', id }, { active });
    return reply.redirect('/admin/webhooks', 303);
  });

  app.post('/admin/webhooks/:id/test', { preHandler: guard }, async (request, reply) => {
    const id = idOf(request);
    if (id === null || !(await service.get(id))) return html(reply, 404, await page(request, { problem: 'There is no such webhook.' }));
    await service.sendTest(id);
    return reply.redirect('/admin/webhooks', 303);
  });

  app.post('/admin/webhooks/:id/delete', { preHandler: guard }, async (request, reply) => {
    const id = idOf(request);
    if (id === null || !(await service.remove(id))) return html(reply, 404, await page(request, { problem: 'There is no such webhook.' }));
    await deps.audit.record(actorOf(staffOf(request)), 'webhook.delete', { type: 'webhook', id });
    return reply.redirect('/admin/webhooks', 303);
  });
}
