import { checkAddress } from '../email/address.js';
import { AccountsError } from './errors.js';

/** The address as stored (trimmed, lower-cased), or an AccountsError saying what is wrong. */
export function normaliseEmail(input: string): string {
  const { normalised, problem } = checkAddress(input);
  if (problem) throw new AccountsError(problem, 400);
  return normalised;
}
