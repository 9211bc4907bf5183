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
    if (perReader > 0 && (await history.countByReaderSince(comment.reader.id, since)) >= perReader) {
      return tooFast(`You are commenting too quickly: at most ${perReader} comments a minute. Please wait a minute and try again.`);
    }
    // Higher than the per-reader limit: many readers may share one address (an office, a carrier).
    const perAddress = settings.perAddressPerMinute;
    if (perAddress > 0 && (await history.countByAddressSince(comment.addressHash, since)) >= perAddress) {
      return tooFast(`Too many comments are coming from your network right now (at most ${perAddress} a minute). Please wait a minute and try again.`);
    }
    return null;
  },
};
