/** Secrets handed to clients are random; only their sha256 is kept, so a leaked table opens nothing. */
import crypto from 'node:crypto';

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

// A fast hash is enough here: the inputs are 256 random bits, not guessable passwords.
export function sha256Hex(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}
