/** What every reader route shares: the page frame, form reading, answers and throttling. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountsService, User } from '../../service.js';
import type { SignInThrottle } from '../../throttle.js';
import type { ReaderService } from '../service.js';
import type { ReaderSessions } from '../session.js';
import type { AccountComment } from '../views/account.js';
import type { Frame } from '../views/frame.js';

export interface ReaderRouteContext {
  service: ReaderService;
  accounts: AccountsService;
  sessions: ReaderSessions;
  /** The site's layout context and the account stylesheet, for one page render. */
  frame(): Promise<Frame>;
  /** Requests that send an email (sign-up, sign-in link, reset), counted per address and per IP. */
  mailThrottle: SignInThrottle;
  /** The reader's comments and the replies to them, for the account page. */
  activity(user: User): Promise<AccountComment[]>;
}

export function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/** Pages reached from an emailed link carry its token in the address: never send it on as a Referer. */
export function linkPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return html(reply.header('referrer-policy', 'no-referrer'), status, body);
}

export function seeOther(reply: FastifyReply, to: string): FastifyReply {
  return reply.header('cache-control', 'no-store').redirect(to, 303);
}

/** Reads one-line text fields from a form body; anything missing, repeated or not a string is "". */
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
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/**
 * Seconds to wait before `email` may be used from this IP again (0: go ahead), with the
 * Retry-After header set and a sentence for the page. The throttle counts per address and per IP.
 */
export function waitFor(throttle: SignInThrottle, reply: FastifyReply, email: string, ip: string): string | null {
  const wait = throttle.retryAfter(email, ip);
  if (wait <= 0) return null;
  reply.header('retry-after', String(wait));
  const minutes = Math.ceil(wait / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
