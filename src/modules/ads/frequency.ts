/**
 * The frequency cap's cookie: today's UTC date and how many times each creative was shown today,
 * e.g. "2026-11-29.3-1.7-2". No identifier of the visitor, nothing that outlives the day, and it
 * is sent only to /ads/slot (the frames), never with pages. Set only when the visitor's consent
 * allows non-essential cookies (or none is required).
 */
export const CAP_COOKIE = 'scms_adcap';
export const CAP_PATH = '/ads/slot';
const MAX_ENTRIES = 40;

export function readCapCookie(raw: string | undefined, today: string): Map<number, number> {
  const counts = new Map<number, number>();
  if (!raw || raw.length > 600) return counts;
  const [day, ...entries] = raw.split('.');
  // Yesterday's counts do not carry over.
  if (day !== today) return counts;
  for (const entry of entries.slice(0, MAX_ENTRIES)) {
    const m = /^(\d{1,9})-(\d{1,4})$/u.exec(entry);
    if (m) counts.set(Number(m[1]), Number(m[2]));
  }
  return counts;
}

export function formatCapCookie(today: string, counts: ReadonlyMap<number, number>): string {
  const entries = [...counts].slice(-MAX_ENTRIES).map(([id, n]) => `${id}-${n}`);
  return [today, ...entries].join('.');
}

/** Seconds from now until the end of the UTC day: the cookie dies with the day it counts. */
export function secondsLeftToday(now: number): number {
  const next = new Date(now);
  next.setUTCHours(24, 0, 0, 0);
  return Math.max(60, Math.ceil((next.getTime() - now) / 1000));
}
