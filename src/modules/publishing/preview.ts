/**
 * Signed, expiring preview links (src/signed-token.ts): the token names the article and the
 * expiry. Nothing is stored, so a link cannot be revoked early, only left to expire (48 hours).
 */
import { signToken, verifyToken } from '../../signed-token.js';

export const PREVIEW_TTL_MS = 48 * 60 * 60 * 1000;

export type PreviewCheck = { articleId: number; expiresAt: number } | { problem: 'invalid' | 'expired' };

export function signPreview(secret: string, articleId: number, expiresAt: number): string {
  return signToken(secret, 'preview', 'a', articleId, expiresAt);
}

export function verifyPreview(secret: string, token: string, now: number): PreviewCheck {
  const check = verifyToken(secret, 'preview', 'a', token, now);
  return 'id' in check ? { articleId: check.id, expiresAt: check.expiresAt } : check;
}
