/**
 * Calendar days in the publication's time zone: which day a moment falls on, when that day starts
 * and ends, and when a given hour of it comes round (Intl does the zone arithmetic, DST included).
 */
const parts = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = parts.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    parts.set(timeZone, f);
  }
  return f;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): Wall {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year ?? 1970, month: out.month ?? 1, day: out.day ?? 1, hour: out.hour ?? 0, minute: out.minute ?? 0, second: out.second ?? 0 };
}

/** How far the zone's clock is ahead of UTC at this moment, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/** The moment the zone's clock reads this wall time (the later reading when DST repeats an hour). */
function atWallTime(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour);
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

/** "2026-11-28": the day this moment falls on in the zone. */
export function dayOf(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

const DAY_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** [start, end) of a day in the zone, as epoch ms. */
export function dayBounds(day: string, timeZone: string): { start: number; end: number } {
  const m = DAY_SHAPE.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const next = new Date(Date.UTC(y, mo - 1, d + 1));
  return { start: atWallTime(y, mo, d, 0, timeZone), end: atWallTime(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, timeZone) };
}

/** The first moment after `after` at which the zone's clock shows `hour`:00, and the day it falls on. */
export function nextHour(after: number, hour: number, timeZone: string): { at: number; day: string } {
  const today = wallClock(after, timeZone);
  for (let add = 0; add < 3; add++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + add));
    const at = atWallTime(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, timeZone);
    if (at > after) return { at, day: dayOf(at, timeZone) };
  }
  throw new Error('unreachable: an hour comes round within three days');
}

/** Days since the epoch for a day string: tells neighbouring days apart (odd and even). */
export function dayNumber(day: string): number {
  const m = DAY_SHAPE.exec(day);
  return m ? Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000) : 0;
}
