/**
 * Signed, expiring preview links: `<payload>.<mac>` where the payload names the article and the
 * expiry and the MAC is HMAC-SHA256 with the site secret. Nothing is stored, so a link cannot be
 * revoked early, only left to expire (48 hours by default).
 */
import crypto from 'node:crypto';

export const PREVIEW_TTL_MS = 48 * 60 * 60 * 1000;

export type PreviewCheck = { articleId: number; expiresAt: number } | { problem: 'invalid' | 'expired' };

function mac(secret: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(`preview\n${payload}`).digest('base64url');
}

export function signPreview(secret: string, articleId: number, expiresAt: number): string {
  const payload = Buffer.from(JSON.stringify({ a: articleId, e: expiresAt })).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

export function verifyPreview(secret: string, token: string, now: number): PreviewCheck {
  const [payload, given, extra] = token.split('.');
  if (!payload || !given || extra !== undefined) return { problem: 'invalid' };
  const expected = Buffer.from(mac(secret, payload));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !crypto.timingSafeEqual(actual, expected)) return { problem: 'invalid' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { problem: 'invalid' };
  }
  const { a, e } = (parsed ?? {}) as { a?: unknown; e?: unknown };
  if (typeof a !== 'number' || !Number.isSafeInteger(a) || typeof e !== 'number' || !Number.isSafeInteger(e)) return { problem: 'invalid' };
  if (e <= now) return { problem: 'expired' };
  return { articleId: a, expiresAt: e };
}
