/**
 * Webhooks: endpoints that want to hear about publish, update and unpublish. Each article event
 * becomes one delivery row per subscribed endpoint and one `webhook.deliver` job; the job signs
 * and POSTs the stored body, records every attempt on the row, and throws on failure so the queue
 * retries with backoff (8 tries in all).
 */
import type { Database } from '../../db/database.js';
import type { JobQueue } from '../jobs/index.js';
import type { ArticleEvent, ArticleEventType } from '../publishing/index.js';
import { safeFetch, UnsafeUrlError, vetUrl, type Transport, type UrlPolicy } from '../embeds/ssrf.js';
import { newSecret, sign } from './signing.js';
import type { DeliveryStatus, WebhookEvent } from './tables.js';

export const WEBHOOK_EVENTS: readonly WebhookEvent[] = ['publish', 'update', 'unpublish'];
const EVENT_OF: Record<ArticleEventType, WebhookEvent> = {
  'article.published': 'publish',
  'article.updated': 'update',
  'article.unpublished': 'unpublish',
};
export const DELIVER_JOB = 'webhook.deliver';
export const MAX_ATTEMPTS = 8;
const TIMEOUT_MS = 10_000;

export class WebhookError extends Error {
  constructor(
    message: string,
    readonly status: number = 400,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface Webhook {
  id: number;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  createdAt: number;
}

export interface Delivery {
  id: number;
  webhookId: number;
  event: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
}

export interface WebhookNetwork {
  policy: UrlPolicy;
  transport?: Transport;
}

export interface WebhookService {
  list(): Promise<Webhook[]>;
  get(id: number): Promise<Webhook | null>;
  /** The secret is returned here and never again. */
  create(input: { url: string; events: string[] }): Promise<{ webhook: Webhook; secret: string }>;
  update(id: number, patch: { url?: string; events?: string[]; active?: boolean }): Promise<Webhook>;
  remove(id: number): Promise<boolean>;
  deliveries(webhookId: number, limit?: number): Promise<Delivery[]>;
  sendTest(webhookId: number): Promise<number>;
  handle(event: ArticleEvent): Promise<void>;
  deliver(deliveryId: number): Promise<void>;
}

type WebhookRow = { id: number; url: string; events: string; active: number; created_at: number };

export function createWebhookService(deps: { db: Database; jobs: JobQueue; now: () => number }, network: () => WebhookNetwork): WebhookService {
  const k = deps.db.kysely;

  const present = (row: WebhookRow): Webhook => ({
    id: row.id,
    url: row.url,
    events: row.events.split(',').filter((e): e is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(e)),
    active: Number(row.active) === 1,
    createdAt: Number(row.created_at),
  });

  function parseEvents(events: string[]): WebhookEvent[] {
    const unknown = events.filter((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e));
    if (unknown.length > 0) throw new WebhookError(`Unknown event "${unknown[0]}": choose from publish, update and unpublish.`, 400, 'events');
    const chosen = WEBHOOK_EVENTS.filter((e) => events.includes(e));
    if (chosen.length === 0) throw new WebhookError('Choose at least one event: publish, update or unpublish.', 400, 'events');
    return chosen;
  }

  async function checkUrl(raw: string): Promise<string> {
    const trimmed = raw.trim();
    if (trimmed.length > 2048) throw new WebhookError('The URL is longer than 2048 characters.', 400, 'url');
    try {
      const { url } = await vetUrl(trimmed, network().policy);
      return url.href;
    } catch (error) {
      if (error instanceof UnsafeUrlError) throw new WebhookError(error.message, 400, 'url');
      throw error;
    }
  }

  const columns = ['id', 'url', 'events', 'active', 'created_at'] as const;

  async function enqueue(webhookId: number, event: string, data: Record<string, unknown>): Promise<number> {
    const createdAt = deps.now();
    const row = await k
      .insertInto('webhook_deliveries')
      .values({ webhook_id: webhookId, event, payload: '', status: 'pending', attempts: 0, last_status_code: null, last_error: null, created_at: createdAt, delivered_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const payload = JSON.stringify({ id: row.id, event, createdAt: new Date(createdAt).toISOString(), data });
    await k.updateTable('webhook_deliveries').set({ payload }).where('id', '=', row.id).execute();
    await deps.jobs.enqueue(DELIVER_JOB, { deliveryId: row.id }, { key: `webhook.deliver:${row.id}`, maxAttempts: MAX_ATTEMPTS });
    return row.id;
  }

  return {
    async list() {
      const rows = await k.selectFrom('webhooks').select(columns).orderBy('id').execute();
      return rows.map(present);
    },

    async get(id) {
      const row = await k.selectFrom('webhooks').select(columns).where('id', '=', id).executeTakeFirst();
      return row ? present(row) : null;
    },

    async create(input) {
      const url = await checkUrl(input.url);
      const events = parseEvents(input.events);
      const secret = newSecret();
      const row = await k
        .insertInto('webhooks')
        .values({ url, secret, events: events.join(','), active: 1, created_at: deps.now() })
        .returning(columns)
        .executeTakeFirstOrThrow();
      return { webhook: present(row), secret };
    },

    async update(id, patch) {
      const values: { url?: string; events?: string; active?: number } = {};
      if (patch.url !== undefined) values.url = await checkUrl(patch.url);
      if (patch.events !== undefined) values.events = parseEvents(patch.events).join(',');
      if (patch.active !== undefined) values.active = patch.active ? 1 : 0;
      if (Object.keys(values).length > 0) await k.updateTable('webhooks').set(values).where('id', '=', id).execute();
      const found = await this.get(id);
      if (!found) throw new WebhookError('There is no such webhook.', 404);
      return found;
    },

    async remove(id) {
      const pending = await k.selectFrom('webhook_deliveries').select('id').where('webhook_id', '=', id).where('status', 'in', ['pending', 'retrying']).execute();
      for (const d of pending) await deps.jobs.cancel(`webhook.deliver:${d.id}`);
      await k.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
      const result = await k.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async deliveries(webhookId, limit = 20) {
      const rows = await k.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        webhookId: r.webhook_id,
        event: r.event,
        status: r.status,
        attempts: r.attempts,
        lastStatusCode: r.last_status_code,
        lastError: r.last_error,
        createdAt: Number(r.created_at),
        deliveredAt: r.delivered_at === null ? null : Number(r.delivered_at),
      }));
    },

    async sendTest(webhookId) {
      const hook = await this.get(webhookId);
      if (!hook) throw new WebhookError('There is no such webhook.', 404);
      return enqueue(hook.id, 'webhook.test', { articleId: 0, slug: 'test', headline: 'A test event from StructureCMS', url: '' });
    },

    async handle(event) {
      const wanted = EVENT_OF[event.type];
      const hooks = (await this.list()).filter((h) => h.active && h.events.includes(wanted));
      for (const hook of hooks) {
        await enqueue(hook.id, event.type, { articleId: event.articleId, slug: event.slug, headline: event.headline, url: event.url });
      }
    },

    async deliver(deliveryId) {
      const delivery = await k.selectFrom('webhook_deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirst();
      // Idempotent: a delivered (or removed) delivery is never sent again.
      if (!delivery || delivery.status === 'delivered' || delivery.status === 'cancelled') return;
      const hook = await k.selectFrom('webhooks').select(['url', 'secret', 'active']).where('id', '=', delivery.webhook_id).executeTakeFirst();
      if (!hook || Number(hook.active) !== 1) {
        await k.updateTable('webhook_deliveries').set({ status: 'cancelled', last_error: 'The webhook was disabled or deleted.' }).where('id', '=', deliveryId).execute();
        return;
      }
      const attempts = delivery.attempts + 1;
      const timestamp = Math.floor(deps.now() / 1000);
      const id = String(delivery.id);
      let statusCode: number | null = null;
      let failure: string | null = null;
      try {
        const { policy, transport } = network();
        const response = await safeFetch(
          hook.url,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'webhook-id': id,
              'webhook-timestamp': String(timestamp),
              'webhook-signature': sign(hook.secret, id, timestamp, delivery.payload),
            },
            body: delivery.payload,
            timeoutMs: TIMEOUT_MS,
            maxBytes: 64 * 1024,
          },
          policy,
          transport,
        );
        statusCode = response.status;
        if (response.status < 200 || response.status >= 300) failure = `The receiver answered ${response.status}.`;
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      const status: DeliveryStatus = failure === null ? 'delivered' : attempts >= MAX_ATTEMPTS ? 'failed' : 'retrying';
      await k
        .updateTable('webhook_deliveries')
        .set({ status, attempts, last_status_code: statusCode, last_error: failure?.slice(0, 1000) ?? null, delivered_at: failure === null ? deps.now() : null })
        .where('id', '=', deliveryId)
        .execute();
      if (failure !== null) throw new Error(`Webhook delivery ${deliveryId}: ${failure}`);
    },
  };
}
