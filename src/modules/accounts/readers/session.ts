/**
 * Readers sign in to the same sessions as staff (one cookie, one table, src/modules/accounts/
 * service.ts); what a session may do is decided by the account's role. This file finds the
 * signed-in person on any request and starts and ends sessions for the reader pages.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../http/session.js';
import type { AccountsService, User } from '../service.js';

export interface ReaderSessions {
  /** The signed-in person (reader or staff), or null; disabled accounts and expired sessions are null. */
  current(request: FastifyRequest): Promise<User | null>;
  /**
   * Signs `userId` in on this browser: always a fresh session (a token planted before sign-in
   * never becomes valid), and whatever session the browser held before is ended.
   */
  start(request: FastifyRequest, reply: FastifyReply, userId: number): Promise<void>;
  /** Ends this browser's session and clears the cookie. */
  end(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

/** The signed-in person behind a request, for other modules (comments): reader or staff, or null. */
export async function signedInUser(accounts: AccountsService, request: FastifyRequest): Promise<User | null> {
  const token = request.cookies[SESSION_COOKIE];
  return token ? accounts.sessionUser(token) : null;
}

export function readerSessions(accounts: AccountsService, publicUrl: string): ReaderSessions {
  // The same attributes as the staff cookie (../http/session.ts), so either sign-in replaces the other.
  const attributes = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: publicUrl.startsWith('https:') };
  const read = (request: FastifyRequest) => request.cookies[SESSION_COOKIE] || null;

  return {
    current: (request) => signedInUser(accounts, request),

    async start(request, reply, userId) {
      const previous = read(request);
      if (previous) await accounts.revokeSession(previous);
      const token = await accounts.createSession(userId, request.headers['user-agent'] ?? '');
      reply.setCookie(SESSION_COOKIE, token, { ...attributes, maxAge: Math.floor(accounts.sessionTtlMs / 1000) });
    },

    async end(request, reply) {
      const token = read(request);
      if (token) await accounts.revokeSession(token);
      reply.clearCookie(SESSION_COOKIE, attributes);
    },
  };
}
