/**
 * Short-lived signed tokens that need no storage: `<payload>.<mac>`, the payload base64url JSON
 * of an integer id and the expiry, the MAC HMAC-SHA256 with the site secret over a label and the
 * payload. The label keeps kinds apart (a preview link cannot pass for a comments sign-in).
 * Nothing is stored, so a token cannot be revoked early: keep lifetimes short.
 */
import crypto from 'node:crypto';

export type TokenCheck = { id: number; expiresAt: number } | { problem: 'invalid' | 'expired' };

const MAX_TOKEN_CHARS = 200;

function mac(secret: string, label: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(`${label}\n${payload}`).digest('base64url');
}

/** `idKey` names the id in the payload (kept per kind so tokens already handed out stay valid). */
export function signToken(secret: string, label: string, idKey: string, id: number, expiresAt: number): string {
  const payload = Buffer.from(JSON.stringify({ [idKey]: id, e: expiresAt })).toString('base64url');
  return `${payload}.${mac(secret, label, payload)}`;
}

export function verifyToken(secret: string, label: string, idKey: string, token: string, now: number): TokenCheck {
  if (token.length > MAX_TOKEN_CHARS) return { problem: 'invalid' };
  const [payload, given, extra] = token.split('.');
  if (!payload || !given || extra !== undefined) return { problem: 'invalid' };
  const expected = Buffer.from(mac(secret, label, payload));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !crypto.timingSafeEqual(actual, expected)) return { problem: 'invalid' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { problem: 'invalid' };
  }
  const fields = (parsed ?? {}) as Record<string, unknown>;
  const id = fields[idKey];
  const e = fields.e;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1 || typeof e !== 'number' || !Number.isSafeInteger(e)) return { problem: 'invalid' };
  if (e <= now) return { problem: 'expired' };
  return { id, expiresAt: e };
}
