/**
 * Checks for anything that ends up in a mail header. A line break in an address, subject or
 * header value would let whoever typed it add headers of their own (Bcc: a thousand strangers).
 */

// Deliberately loose: the only real test of an address is mail reaching it. This catches typos.
const SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;
const BREAKS = /[\r\n\0]/u;

/** What is wrong with the address, or null; `normalised` is the form to store (trimmed, lower-case). */
export function checkAddress(input: string): { normalised: string; problem: string | null } {
  if (BREAKS.test(input)) return { normalised: input, problem: 'The email address must not contain line breaks.' };
  const normalised = input.trim().toLowerCase();
  if (normalised.length > 254 || !SHAPE.test(normalised)) return { normalised, problem: `"${normalised}" is not an email address.` };
  return { normalised, problem: null };
}

/** A header line's name or value: one line, printable, bounded. */
export function headerProblem(name: string, value: string): string | null {
  if (!/^[A-Za-z0-9-]{1,76}$/u.test(name)) return `"${name}" is not a header name.`;
  if (BREAKS.test(value)) return `The ${name} header must not contain line breaks.`;
  if (value.length > 2000) return `The ${name} header is too long.`;
  return null;
}
