/**
 * Times in the publication's own time zone: ISO 8601 with the zone's offset for `datetime`
 * attributes, JSON-LD and feeds; a readable form for people. Intl does the zone arithmetic.
 */
// Building an Intl.DateTimeFormat costs far more than using one, and pages format dozens of
// times, so each (locale, zone, style) formatter is built once and kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

const ISO_PARTS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
};

// The same few timestamps (a story's published and updated times) are formatted on every
// render of every page that lists it; formatting allocates, so results are remembered.
const memo = new Map<string, string>();

function remembered(key: string, make: () => string): string {
  let value = memo.get(key);
  if (value === undefined) {
    value = make();
    if (memo.size >= 20_000) memo.delete(memo.keys().next().value as string);
    memo.set(key, value);
  }
  return value;
}

/** 2026-11-28T09:15:00-05:00 */
export function isoInZone(ms: number, timeZone: string): string {
  return remembered(`iso|${timeZone}|${ms}`, () => formatIso(ms, timeZone));
}

function formatIso(ms: number, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const part of formatter('en-US', timeZone, ISO_PARTS).formatToParts(new Date(ms))) parts[part.type] = part.value;
  // longOffset reads "GMT-05:00", or plain "GMT" at UTC.
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** November 28, 2026, 9:15 a.m. EST — in the publication's locale. */
export function displayDateTime(ms: number, timeZone: string, locale: string): string {
  return remembered(`dt|${locale}|${timeZone}|${ms}`, () => formatDateTime(ms, timeZone, locale));
}

function formatDateTime(ms: number, timeZone: string, locale: string): string {
  const date = new Date(ms);
  const text = formatter(locale, timeZone, { dateStyle: 'long', timeStyle: 'short' }).format(date);
  const zone = formatter(locale, timeZone, { timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value;
  return zone ? `${text} ${zone}` : text;
}

/** November 28, 2026 */
export function displayDate(ms: number, timeZone: string, locale: string): string {
  return remembered(`d|${locale}|${timeZone}|${ms}`, () => formatter(locale, timeZone, { dateStyle: 'long' }).format(new Date(ms)));
}

/** The calendar year in the publication's zone (for the copyright line). */
export function yearInZone(ms: number, timeZone: string): number {
  return Number(formatter('en-US', timeZone, { year: 'numeric' }).format(new Date(ms)));
}
