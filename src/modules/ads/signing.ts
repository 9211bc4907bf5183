/**
 * Signed ad links. A click URL names only a creative id; the server looks its destination up, so
 * it can never be made to redirect elsewhere, and the signature keeps forged ids from being
 * counted. Impression beacons are signed with their day, so an old one cannot be replayed later.
 */
import crypto from 'node:crypto';

function mac(secret: string, text: string): string {
  return crypto.createHmac('sha256', secret).update(`ads:${text}`).digest('base64url').slice(0, 22);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export const clickSignature = (secret: string, creativeId: number) => mac(secret, `click:${creativeId}`);
export const verifyClick = (secret: string, creativeId: number, sig: string) => same(clickSignature(secret, creativeId), sig);

export const impressionSignature = (secret: string, creativeId: number, day: string) => mac(secret, `view:${creativeId}:${day}`);
export const verifyImpression = (secret: string, creativeId: number, day: string, sig: string) => same(impressionSignature(secret, creativeId, day), sig);
