/**
 * The secrets in newsletter emails.
 *
 * - Confirmation links (double opt-in): 256 random bits, only their sha256 stored, good once and
 *   for a day (the accounts module's token helpers).
 * - A subscriber's manage/unsubscribe token: `<subscriber id>.<HMAC-SHA256(site secret, id and the
 *   subscriber's random nonce)>`. It goes into every newsletter, so it cannot be a stored hash of
 *   something random (the sender would need the original); it is recomputed instead and compared
 *   in constant time. A database leak alone opens nothing, and a new nonce retires every old link.
 */
import crypto from 'node:crypto';
import { randomToken, sha256Hex } from '../accounts/tokens.js';

export { randomToken, sha256Hex };

export const CONFIRM_LIFETIME_MS = 24 * 60 * 60 * 1000;
const CONFIRM_SHAPE = /^[A-Za-z0-9_-]{43}$/u;
const SUBSCRIBER_SHAPE = /^([1-9][0-9]{0,14})\.([A-Za-z0-9_-]{43})$/u;

export const isConfirmToken = (token: string): boolean => CONFIRM_SHAPE.test(token);

function mac(secret: string, id: number, nonce: string): string {
  return crypto.createHmac('sha256', secret).update(`newsletter-subscriber\n${id}\n${nonce}`).digest('base64url');
}

export function subscriberToken(secret: string, id: number, nonce: string): string {
  return `${id}.${mac(secret, id, nonce)}`;
}

/** The subscriber id the token claims, if it is shaped like one of ours (still to be verified). */
export function claimedSubscriber(token: string): number | null {
  const m = SUBSCRIBER_SHAPE.exec(token);
  return m ? Number(m[1]) : null;
}

export function tokenMatches(secret: string, token: string, id: number, nonce: string): boolean {
  const expected = Buffer.from(subscriberToken(secret, id, nonce));
  const actual = Buffer.from(token);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
