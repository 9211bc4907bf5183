/**
 * Reading Stripe objects defensively. Webhook payloads are verified but still shaped by whatever
 * API version the account uses, and fields move between versions (an invoice's subscription, a
 * payment's intent), so every read says what it expects and falls back to null.
 */

export type StripeObject = Record<string, unknown>;

/** The part of a Stripe event this module reads; test mode builds the same shape. */
export interface StripeEventLike {
  id: string;
  type: string;
  /** Seconds since the epoch, when Stripe created the event. */
  created: number;
  data: { object: StripeObject };
}

export function obj(value: unknown): StripeObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as StripeObject) : null;
}

export function str(o: StripeObject | null, key: string): string | null {
  const value = o?.[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

export function int(o: StripeObject | null, key: string): number | null {
  const value = o?.[key];
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/** An id field that may also come expanded as the object itself. */
export function idOf(o: StripeObject | null, key: string): string | null {
  return str(o, key) ?? str(obj(o?.[key]), 'id');
}

export function path(o: StripeObject | null, ...keys: string[]): unknown {
  let current: unknown = o;
  for (const key of keys) {
    const next = obj(current);
    if (!next) return undefined;
    current = next[key];
  }
  return current;
}

export function firstOf(o: StripeObject | null, key: string): StripeObject | null {
  const list = obj(o?.[key]);
  const data = list?.data;
  return Array.isArray(data) ? obj(data[0]) : null;
}

/** A checkout session, subscription or invoice this module made: metadata kind "support". */
export function isSupport(metadata: unknown): boolean {
  return str(obj(metadata), 'kind') === 'support';
}

/** Checks the envelope; a malformed event is refused rather than half-applied. */
export function eventProblem(value: unknown): string | null {
  const event = obj(value);
  if (!event) return 'The event is not a JSON object.';
  if (!str(event, 'id')) return 'The event has no id.';
  if (!str(event, 'type')) return 'The event has no type.';
  if (int(event, 'created') === null) return 'The event has no created time.';
  if (!obj(obj(event.data)?.object)) return 'The event has no data.object.';
  return null;
}
