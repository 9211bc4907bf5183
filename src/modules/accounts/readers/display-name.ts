/**
 * Display names: what other readers see beside a comment. Refused: control and formatting
 * characters (zero-width joiners, direction overrides that flip the text around them), stacks of
 * combining marks, and names that look like a staff member's or the publication's — a reader
 * called "Аna Editor" (Cyrillic А) must not pass for the editor Ana Editor.
 */
import { looksAlike } from './skeleton.js';

export const MIN_NAME_LENGTH = 2;
export const MAX_NAME_LENGTH = 50;

// Cc controls, Cf formatting (ZWJ, RLO …), Co private use, Cn unassigned, Cs lone surrogates,
// Zl/Zp line and paragraph separators.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/u;
// More than two marks on one letter is decoration ("Zalgo" text) that spills over other lines.
const MARK_STACK = /\p{M}{3,}/u;
// Words that would make a reader look like the publication speaking.
const RESERVED = ['admin', 'administrator', 'moderator', 'staff', 'newsroom'];

export type NameCheck = { name: string; problem: null } | { name: string; problem: string };

/** The name as it would be stored (spaces tidied, NFC), or why it is refused, before the look-alike check. */
export function checkDisplayNameForm(raw: string): NameCheck {
  if (FORBIDDEN.test(raw)) {
    return { name: raw, problem: 'The display name must not contain control or invisible formatting characters (such as line breaks, zero-width or text-direction marks).' };
  }
  const name = raw.normalize('NFC').replace(/\p{Zs}+/gu, ' ').trim();
  if (MARK_STACK.test(name.normalize('NFD'))) return { name, problem: 'The display name has too many accents stacked on one letter.' };
  const length = [...name].length;
  if (length < MIN_NAME_LENGTH || length > MAX_NAME_LENGTH) {
    return { name, problem: `The display name must be ${MIN_NAME_LENGTH} to ${MAX_NAME_LENGTH} characters long.` };
  }
  if (!/[\p{L}\p{N}]/u.test(name)) return { name, problem: 'The display name needs at least one letter or digit.' };
  return { name, problem: null };
}

/**
 * The full check: the form above, then the look-alike test against the names people must not be
 * able to pass for (staff members and the publication).
 */
export function checkDisplayName(raw: string, protectedNames: readonly string[]): NameCheck {
  const form = checkDisplayNameForm(raw);
  if (form.problem !== null) return form;
  if (RESERVED.some((word) => looksAlike(form.name, word))) return { name: form.name, problem: 'That display name is kept for the publication’s staff. Choose another.' };
  for (const other of protectedNames) {
    if (other.trim() && looksAlike(form.name, other)) {
      return { name: form.name, problem: 'That display name looks like the name of someone on the publication’s staff. Choose another.' };
    }
  }
  return form;
}
