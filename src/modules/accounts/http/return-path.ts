/**
 * Where to send someone after they sign in. Only paths inside the admin of this very site are
 * honoured: anything else ("https://evil.example/", "//evil.example", "/\evil.example") would make
 * the sign-in form an open redirect for phishing.
 */
export const HOME = '/admin';

export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2048) return HOME;
  // Backslashes and control characters are read by some browsers as "//": refuse them outright.
  if (/[\\\u0000-\u001f\u007f]/u.test(value)) return HOME;
  return /^\/admin(?:[/?#]|$)/u.test(value) ? value : HOME;
}
