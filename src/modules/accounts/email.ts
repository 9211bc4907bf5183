import { AccountsError } from './errors.js';

// Deliberately loose: the only real test of an address is mail reaching it. This catches typos.
const shape = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;

/** The address as stored (trimmed, lower-cased), or an AccountsError saying what is wrong. */
export function normaliseEmail(input: string): string {
  // Addresses end up in mail headers: a line break would let someone add headers of their own.
  if (/[\r\n\0]/u.test(input)) throw new AccountsError('The email address must not contain line breaks.', 400);
  const email = input.trim().toLowerCase();
  if (email.length > 254 || !shape.test(email)) throw new AccountsError(`"${email}" is not an email address.`, 400);
  return email;
}
