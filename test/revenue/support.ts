/** Shared fixtures for the revenue tests: readers with sessions, form posts, cookies. */
import type { LightMyRequestResponse } from 'fastify';
import { PUBLIC_URL, type TestApp } from '../helpers/app.js';
import { PASSWORD } from '../helpers/newsroom.js';
import { signedWebhook } from './fake-stripe.js';

const FORM = 'application/x-www-form-urlencoded';

export async function reader(app: TestApp, email: string, name = 'Rae Reader'): Promise<{ id: number; token: string }> {
  const user = await app.accounts.createUser({ email, password: PASSWORD, role: 'reader', name, emailVerified: true });
  return { id: user.id, token: await app.accounts.createSession(user.id, 'test') };
}

/** A same-origin form post, optionally signed in and with extra cookies. */
export function post(app: TestApp, url: string, fields: Record<string, string>, options: { token?: string; cookies?: string[]; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
  return app.http.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': FORM, origin: PUBLIC_URL, ...cookieHeader(options), ...options.headers },
  });
}

export function get(app: TestApp, url: string, options: { token?: string; cookies?: string[] } = {}): Promise<LightMyRequestResponse> {
  return app.http.inject({ method: 'GET', url, headers: cookieHeader(options) });
}

function cookieHeader(options: { token?: string; cookies?: string[] }): Record<string, string> {
  const parts = [...(options.token ? [`scms_session=${options.token}`] : []), ...(options.cookies ?? [])];
  return parts.length ? { cookie: parts.join('; ') } : {};
}

/** "name=value" of a cookie the response sets, or null. */
export function setCookie(response: LightMyRequestResponse, name: string): string | null {
  const raw = response.headers['set-cookie'];
  const found = (Array.isArray(raw) ? raw : raw ? [raw] : []).map(String).find((c) => c.startsWith(`${name}=`));
  return found ? (found.split(';')[0] ?? null) : null;
}

export async function count(app: TestApp, table: 'support_payments' | 'supporters' | 'stripe_events' | 'support_reminders' | 'support_subscriptions'): Promise<number> {
  const row = await app.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Delivers a signed event to /webhooks/stripe; the status and the JSON answer. */
export async function deliverTo(app: TestApp, event: unknown): Promise<{ status: number; body: { outcome?: string; error?: string } }> {
  const response = await app.http.inject(signedWebhook(event));
  return { status: response.statusCode, body: JSON.parse(response.body) as { outcome?: string; error?: string } };
}

/** A completed, paid one-time Checkout Session of ours, as Stripe sends it in events. */
export function oneTime(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    object: 'checkout.session',
    mode: 'payment',
    status: 'complete',
    payment_status: 'paid',
    amount_total: 1500,
    currency: 'usd',
    customer: `cus_${id}`,
    payment_intent: `pi_${id}`,
    customer_details: { email: 'giver@example.org', name: 'Gia Giver' },
    metadata: { kind: 'support' },
    ...fields,
  };
}
