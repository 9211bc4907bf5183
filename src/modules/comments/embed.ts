/**
 * The embed's rules, apart from HTTP: which page addresses may have a discussion in a frame (an
 * absolute http(s) URL whose origin the admin allows, settings.comments.embedOrigins), what the
 * title may be, and the frame's Content-Security-Policy (the site's own, with frame-ancestors
 * naming exactly the allowed origins instead of 'self').
 */

export const EMBED_PATH = '/comments/embed';
export const EMBED_LOADER_PATH = '/comments/embed.js';
/** The sign-in popup ends here: it hands the frame a token and closes. */
export const EMBED_SIGNED_IN_PATH = '/comments/embed/signed-in';
/** The frame's "Sign in to comment" (without JavaScript: a page whose link opens a new tab). */
export const EMBED_SIGN_IN_PATH = '/comments/embed/sign-in';

export const embedStoryPath = (storyId: number) => `${EMBED_PATH}/story/${storyId}`;

// Well inside the server's 2,048-character limit on a whole request address, title included.
const MAX_URL = 1024;
const MAX_TITLE = 200;

export type PageCheck = { url: string } | { problem: string };

/**
 * The canonical address of a page elsewhere, as stories store it (no fragment), or why it may
 * not have comments here. Relative, non-http(s), credentialed and over-long addresses are refused
 * like origins the admin has not allowed.
 */
export function checkEmbedPage(raw: unknown, allowed: readonly string[]): PageCheck {
  if (typeof raw !== 'string' || raw.length === 0) return { problem: 'Say which page the comments belong to (data-url).' };
  if (raw.length > MAX_URL) return { problem: 'The page address is too long (at most 1,024 characters).' };
  if (!URL.canParse(raw)) return { problem: 'The page address is not a complete web address.' };
  const url = new URL(raw);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return { problem: 'The page address is not a complete web address.' };
  if (!allowed.includes(url.origin)) return { problem: `Comments are not enabled for ${url.origin}.` };
  url.hash = '';
  if (url.href.length > MAX_URL) return { problem: 'The page address is too long (at most 1,024 characters).' };
  return { url: url.href };
}

/** Whether a stored story's page is (still) on an allowed origin. */
export function storyAllowed(storyUrl: string, allowed: readonly string[]): boolean {
  return URL.canParse(storyUrl) && allowed.includes(new URL(storyUrl).origin);
}

/** A one-line title of at most 200 characters, without control or direction-override characters. */
export function embedTitle(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return raw
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, MAX_TITLE)
    .trim();
}

/** The site's CSP with frame-ancestors replaced: `ancestors` are origins, or "*" for a refusal anyone may show. */
export function frameCsp(siteCsp: string, ancestors: readonly string[]): string {
  const list = ancestors.length > 0 ? ancestors.join(' ') : "'none'";
  const directives = siteCsp
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !/^frame-ancestors\b/iu.test(d));
  return [...directives, `frame-ancestors ${list}`].join('; ');
}
