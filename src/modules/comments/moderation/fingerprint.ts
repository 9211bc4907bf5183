/**
 * A comment's fingerprint for repeat detection: the same words with other spacing, capitals or
 * compatibility forms count as the same comment. The comments store keeps it as text_hash, and
 * the repeat phase compares against it, so both must come from here.
 */
import crypto from 'node:crypto';

export function normaliseForRepeat(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** sha256 (hex) of the normalised text. */
export function textHash(text: string): string {
  return crypto.createHash('sha256').update(normaliseForRepeat(text)).digest('hex');
}
