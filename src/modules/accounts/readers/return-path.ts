/**
 * Where to send a reader after they sign in: back to the article they were reading ("Sign in to
 * comment" passes `/<section>/<slug>#comments`). Only paths on this site are honoured, and not
 * the newsroom's: "https://evil.example/", "//evil.example" or "/\evil.example" would make the
 * sign-in form an open redirect for phishing.
 */
export const ACCOUNT_HOME = '/account';

export function readerReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return ACCOUNT_HOME;
  // Backslashes and control characters are read by some browsers as "//": refuse them outright.
  if (/[\\\u0000-\u001f\u007f]/u.test(value)) return ACCOUNT_HOME;
  if (!value.startsWith('/') || value.startsWith('//')) return ACCOUNT_HOME;
  // Readers have no business in the newsroom or its API; signing in there is another door.
  if (/^\/(?:api\/)?admin(?:[/?#]|$)/u.test(value) || /^\/api(?:[/?#]|$)/u.test(value)) return ACCOUNT_HOME;
  return value;
}
