/**
 * Slows password guessing: too many failed sign-ins for one account, or from one address, and
 * further attempts must wait. Kept in memory behind an interface, because a deployment with many
 * instances needs a shared store instead (a later change).
 */

export interface SignInThrottle {
  /** Seconds to wait before this email may be tried from this address; 0 when it may be tried now. */
  retryAfter(email: string, address: string): number;
  recordFailure(email: string, address: string): void;
  /** A successful sign-in forgives the account's failures (not the address's: it may try many accounts). */
  recordSuccess(email: string, address: string): void;
}

export interface ThrottleOptions {
  perEmail?: number;
  perAddress?: number;
  windowMs?: number;
  now?: () => number;
  /** Bound on remembered emails and addresses, so a flood of made-up ones cannot exhaust memory. */
  maxEntries?: number;
}

export function createMemoryThrottle(options: ThrottleOptions = {}): SignInThrottle {
  const perEmail = options.perEmail ?? 5;
  const perAddress = options.perAddress ?? 20;
  const windowMs = options.windowMs ?? 15 * 60 * 1000;
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 100_000;
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const list = failures.get(key);
    if (!list) return [];
    const since = now() - windowMs;
    const kept = list.filter((at) => at > since);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  }

  function wait(key: string, limit: number): number {
    const list = recent(key);
    if (list.length < limit) return 0;
    // Allowed again once enough of the failures have left the window to bring it under the limit.
    const freedAt = (list[list.length - limit] ?? now()) + windowMs;
    return Math.max(1, Math.ceil((freedAt - now()) / 1000));
  }

  function add(key: string): void {
    const list = recent(key);
    list.push(now());
    failures.delete(key);
    if (failures.size >= maxEntries) {
      const oldest = failures.keys().next().value;
      if (oldest !== undefined) failures.delete(oldest);
    }
    failures.set(key, list);
  }

  const emailKey = (email: string) => `e:${email.trim().toLowerCase()}`;
  const addressKey = (address: string) => `a:${address}`;

  return {
    retryAfter(email, address) {
      return Math.max(wait(emailKey(email), perEmail), wait(addressKey(address), perAddress));
    },
    recordFailure(email, address) {
      add(emailKey(email));
      add(addressKey(address));
    },
    recordSuccess(email) {
      failures.delete(emailKey(email));
    },
  };
}
