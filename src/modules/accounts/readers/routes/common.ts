/** What every reader route shares: the page frame, form reading, answers and throttling. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountsService, User } from '../../service.js';
import type { SignInThrottle } from '../../throttle.js';
import type { ReaderService } from '../service.js';
import type { ReaderSessions } from '../session.js';
import type { AccountComment, AccountPanelSource } from '../views/account.js';
import type { Frame } from '../views/frame.js';
export { html, linkPage, seeOther, fields, queryValue } from '../../../../http/form-pages.js';

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
  panels: readonly AccountPanelSource[];
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
