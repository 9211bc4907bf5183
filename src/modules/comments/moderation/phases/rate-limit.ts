/**
 * Per-reader and per-address pacing over the last minute, counted from the comments already
 * stored. A refusal is a 429 with Retry-After: the window is a minute, so a minute from now the
 * oldest counted comment has left it.
 */
import type { Phase, Verdict } from '../types.js';

const MINUTE = 60_000;

const tooFast = (reason: string): Verdict => ({ action: 'reject', phase: 'rate-limit', reason, status: 429, retryAfterSeconds: MINUTE / 1000 });

export const rateLimit: Phase = {
  name: 'rate-limit',
  async check({ comment, settings, history }) {
    const since = comment.now - MINUTE;
    const perReader = settings.perReaderPerMinute;
    // Higher than the per-reader limit: many readers may share one address (an office, a carrier).
    const perAddress = settings.perAddressPerMinute;
    // Both counts at once (one wait on PostgreSQL instead of two); the reader's limit is reported first.
    const [byReader, byAddress] = await Promise.all([
      perReader > 0 ? history.countByReaderSince(comment.reader.id, since) : 0,
      perAddress > 0 ? history.countByAddressSince(comment.addressHash, since) : 0,
    ]);
    if (perReader > 0 && byReader >= perReader) {
      return tooFast(`You are commenting too quickly: at most ${perReader} comments a minute. Please wait a minute and try again.`);
    }
    if (perAddress > 0 && byAddress >= perAddress) {
      return tooFast(`Too many comments are coming from your network right now (at most ${perAddress} a minute). Please wait a minute and try again.`);
    }
    return null;
  },
};
