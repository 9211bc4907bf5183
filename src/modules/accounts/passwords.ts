/**
 * Password hashing with Argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane):
 * slow enough to make a stolen table expensive to crack, cheap enough for a small server.
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Algorithm is a `const enum` with no runtime object, which tsx cannot inline: 2 is Argon2id.
const argon2id: Algorithm = 2;
const options = { algorithm: argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const minPasswordLength = 12;
// Long enough for any passphrase, short enough that hashing cannot be used to tie up the server.
export const maxPasswordLength = 256;

/** Why a password is refused, or null if it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < minPasswordLength) return `The password must be at least ${minPasswordLength} characters long.`;
  if (password.length > maxPasswordLength) return `The password must be at most ${maxPasswordLength} characters long.`;
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return 'The password must not be the email address.';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** False for a wrong password and for a hash that cannot be read, so callers never see a throw. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}
