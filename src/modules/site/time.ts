/**
 * Times in the publication's own time zone: ISO 8601 with the zone's offset for `datetime`
 * attributes, JSON-LD and feeds; a readable form for people. Intl does the zone arithmetic.
 */
const isoFormatters = new Map<string, Intl.DateTimeFormat>();
const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function isoFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = isoFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    isoFormatters.set(timeZone, f);
  }
  return f;
}

/** 2026-11-28T09:15:00-05:00 */
export function isoInZone(ms: number, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const part of isoFormatter(timeZone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  // longOffset reads "GMT-05:00", or plain "GMT" at UTC.
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** November 28, 2026, 9:15 a.m. EST — in the publication's locale. */
export function displayDateTime(ms: number, timeZone: string, locale: string): string {
  const key = `${locale}|${timeZone}`;
  let f = displayFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long', timeStyle: 'short' });
    displayFormatters.set(key, f);
  }
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
  return zone ? `${f.format(new Date(ms))} ${zone}` : f.format(new Date(ms));
}

/** November 28, 2026 */
export function displayDate(ms: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long' }).format(new Date(ms));
}

/** The calendar year in the publication's zone (for the copyright line). */
export function yearInZone(ms: number, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(new Date(ms)));
}
