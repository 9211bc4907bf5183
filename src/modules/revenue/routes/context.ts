/** What every support route shares: the page frame, the reader, form reading and answers. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../../db/database.js';
import type { User } from '../../accounts/index.js';
import type { SettingsService } from '../../settings/service.js';
import type { PaymentGateway } from '../gateway.js';
import type { Reminders } from '../reminders.js';
import type { TestStripe } from '../test-gateway.js';
import type { SupportFrame } from '../views/frame.js';

export interface SupportRouteContext {
  db: Database;
  now: () => number;
  publicUrl: string;
  settings: SettingsService;
  gateway: PaymentGateway;
  /** Test mode's local Stripe; null with real keys (its pages then answer 404). */
  test: TestStripe | null;
  reminders: Reminders;
  currentUser(request: FastifyRequest): Promise<User | null>;
  /** The site layout for this visitor, and the support stylesheet. */
  frame(request: FastifyRequest): Promise<SupportFrame>;
}

export function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

export function seeOther(reply: FastifyReply, to: string): FastifyReply {
  return reply.header('cache-control', 'no-store').redirect(to, 303);
}

/** One-line text fields from a form body; anything missing, repeated or not a string is "". */
export function fields<const K extends string>(body: unknown, names: readonly K[]): Record<K, string> {
  const source = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const out = {} as Record<K, string>;
  for (const name of names) {
    const value = source[name];
    out[name] = typeof value === 'string' ? value.slice(0, 2048) : '';
  }
  return out;
}

export function queryValue(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** Public forms that start something costly (a checkout, an email) are limited per IP. */
export const FORM_RATE_LIMIT = { rateLimit: { max: 20, timeWindow: '1 minute' } };

export const SIGN_IN_TO_SUPPORT = '/account/sign-in?return=%2Fsupport';
