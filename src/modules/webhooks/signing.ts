/**
 * Webhook signatures, the Standard Webhooks scheme (https://www.standardwebhooks.com):
 *
 *   webhook-id:        the delivery id (the same on every retry, so receivers can de-duplicate)
 *   webhook-timestamp: unix seconds when this attempt was sent (receivers reject old ones)
 *   webhook-signature: "v1," + base64(HMAC-SHA256(key, "<id>.<timestamp>.<body>"))
 *
 * The secret is shown as `whsec_<base64>`; the HMAC key is the base64-decoded bytes after the
 * prefix, exactly as the Standard Webhooks libraries expect, so they verify our deliveries as is.
 */
import crypto from 'node:crypto';

const PREFIX = 'whsec_';

export function newSecret(): string {
  return `${PREFIX}${crypto.randomBytes(32).toString('base64')}`;
}

export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const mac = crypto.createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}
