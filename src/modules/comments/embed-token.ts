/**
 * Signing in from inside another site's frame. The session cookie is SameSite=Lax, so a browser
 * never sends it to our frame under a partner's page; instead the sign-in popup (our origin, top
 * level, cookie sent) hands the frame a short-lived signed token (src/signed-token.ts, with its
 * own label so it cannot pass for a preview link). Nothing is stored: a token cannot be revoked
 * early, so it lives an hour, and the account is looked up on
 * every use (a disabled account stops at once; a banned reader is refused by moderation as ever).
 *
 * The frame sends it as `Authorization: Bearer <token>` on /api/comments. The hook below turns a
 * valid one into `request.embedReader`, which the comments routes take as the signed-in reader
 * (routes.ts, readerOf); a bad or expired one is answered 401 before any handler runs.
 */
import type { FastifyInstance } from 'fastify';
import type { AccountsService, User } from '../accounts/index.js';
import { signToken, verifyToken } from '../../signed-token.js';

export const EMBED_TOKEN_TTL_MS = 60 * 60 * 1000;

declare module 'fastify' {
  interface FastifyRequest {
    /** The reader an embed token speaks for on /api/comments requests; null without one. */
    embedReader: User | null;
  }
}

export type EmbedTokenCheck = { userId: number; expiresAt: number } | { problem: 'invalid' | 'expired' };

export function signEmbedToken(secret: string, userId: number, expiresAt: number): string {
  return signToken(secret, 'comments-embed', 'u', userId, expiresAt);
}

export function verifyEmbedToken(secret: string, token: string, now: number): EmbedTokenCheck {
  const check = verifyToken(secret, 'comments-embed', 'u', token, now);
  return 'id' in check ? { userId: check.id, expiresAt: check.expiresAt } : check;
}

const COMMENTS_API = /^\/api\/comments(?:[/?]|$)/u;

/**
 * Resolves `Authorization: Bearer <embed token>` on /api/comments requests. The header wins over
 * any cookie (as API keys do for staff): a frame that sends a token means that token.
 */
export function registerEmbedReaderHook(app: FastifyInstance, deps: { accounts: AccountsService; secret: string; now: () => number }): void {
  app.decorateRequest('embedReader', null);
  app.addHook('onRequest', async (request, reply) => {
    const authorization = request.headers.authorization;
    if (authorization === undefined || !COMMENTS_API.test(request.url)) return undefined;
    const token = /^Bearer +(\S+)$/iu.exec(authorization.trim())?.[1];
    const check = token ? verifyEmbedToken(deps.secret, token, deps.now()) : ({ problem: 'invalid' } as const);
    const user = 'userId' in check ? await deps.accounts.getUser(check.userId) : null;
    if (!user || user.disabledAt !== null) {
      const expired = 'problem' in check && check.problem === 'expired';
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer error="invalid_token"')
        .header('cache-control', 'no-store')
        .send({ error: expired ? 'Your sign-in for comments has expired. Sign in again.' : 'This sign-in for comments is not valid. Sign in again.' });
    }
    request.embedReader = user;
    return undefined;
  });
}
