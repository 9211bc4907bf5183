/**
 * A Stripe-compatible HTTP server for the tests: it answers the calls the revenue module makes
 * (checkout sessions create and retrieve, billing portal sessions create) and records each request
 * with its form fields, so tests assert exactly what the client sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export const SECRET_KEY = 'sk_test_revenueTests123';
export const WEBHOOK_SECRET = 'whsec_revenueTestsSecret123';

export interface RecordedCall {
  method: string;
  path: string;
  /** The form body as Stripe's client encodes it: "line_items[0][price_data][unit_amount]" → "500". */
  form: Record<string, string>;
  authorization: string;
}

export interface FakeSession {
  id: string;
  object: 'checkout.session';
  url: string;
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid';
  amount_total: number;
  currency: string;
}

export interface FakeStripe {
  url: string;
  calls: RecordedCall[];
  sessions: Map<string, FakeSession>;
  /** Marks a session completed and paid, as Stripe does after the reader pays. */
  pay(id: string): void;
  /** The next `times` calls answer this HTTP status with a Stripe error (the client retries once). */
  failNext(status: number, times?: number): void;
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const calls: RecordedCall[] = [];
  const sessions = new Map<string, FakeSession>();
  let counter = 0;
  let failure: { status: number; left: number } | null = null;

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://stripe.test');
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      calls.push({ method: request.method ?? '', path: url.pathname, form, authorization: request.headers.authorization ?? '' });
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${counter}` });
        response.end(JSON.stringify(body));
      };
      const missing = () => send(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such resource: ${url.pathname}` } });
      if (failure !== null) {
        const { status } = failure;
        failure.left -= 1;
        if (failure.left <= 0) failure = null;
        return send(status, { error: { type: 'api_error', message: 'Simulated outage' } });
      }
      if (request.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        counter += 1;
        const id = `cs_test_fake${counter}`;
        const session: FakeSession = {
          id,
          object: 'checkout.session',
          url: `https://checkout.stripe.test/c/pay/${id}`,
          mode: form.mode ?? 'payment',
          status: 'open',
          payment_status: 'unpaid',
          amount_total: Number(form['line_items[0][price_data][unit_amount]'] ?? 0),
          currency: form['line_items[0][price_data][currency]'] ?? 'usd',
        };
        sessions.set(id, session);
        return send(200, session);
      }
      const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/u.exec(url.pathname);
      if (request.method === 'GET' && retrieve) {
        const session = sessions.get(decodeURIComponent(retrieve[1] ?? ''));
        return session ? send(200, session) : missing();
      }
      if (request.method === 'POST' && url.pathname === '/v1/billing_portal/sessions') {
        counter += 1;
        return send(200, { id: `bps_${counter}`, object: 'billing_portal.session', customer: form.customer, url: `https://billing.stripe.test/p/session/${counter}` });
      }
      return missing();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    sessions,
    pay(id) {
      const session = sessions.get(id);
      if (session) Object.assign(session, { status: 'complete', payment_status: 'paid' });
    },
    failNext(status, times = 2) {
      failure = { status, left: times };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function stripeEnv(fake: FakeStripe): Record<string, string> {
  return { STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: fake.url };
}

/** A webhook request as Stripe sends it: JSON body, signed with the endpoint secret. */
export function signedWebhook(event: unknown, options: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET, ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}) });
  return { method: 'POST' as const, url: '/webhooks/stripe', payload, headers: { 'content-type': 'application/json', 'stripe-signature': header } };
}

let eventCounter = 0;
/** A Stripe-shaped event; `created` in seconds. */
export function stripeEvent(type: string, object: Record<string, unknown>, created: number, id = `evt_test_${++eventCounter}_${Date.now()}`) {
  return { id, object: 'event', type, created, api_version: '2025-10-29.clover', livemode: false, data: { object } };
}
