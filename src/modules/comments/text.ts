/**
 * A comment's text: plain text with a small safe subset of Markdown (paragraphs, *italics*,
 * **bold**, [links](https://…) and > quotes). markdown-it turns it into HTML with every other rule
 * off and raw HTML refused; sanitize-html then keeps only the allow-listed tags, so whatever the
 * renderer might let through, the stored HTML holds nothing else. Done once, on write.
 */
import crypto from 'node:crypto';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { CommentsError } from './errors.js';
import { textHash } from './moderation/fingerprint.js';

/** A hard ceiling before any work; the publication's own limit (moderation settings) is lower. */
export const MAX_TEXT_CHARS = 20_000;
/** More combining marks than this on one letter is "Zalgo" text that spills over other lines. */
const MAX_MARKS_PER_LETTER = 8;

const markdown = new MarkdownIt('zero', { html: false, breaks: true, linkify: false, typographer: false, maxNesting: 10 });
// 'zero' has paragraphs and text only; the reader's subset on top of it. Backslash escapes let
// people write a literal *, and a line break stays a line break.
markdown.enable(['blockquote', 'emphasis', 'link', 'newline', 'escape']);
// Only web and mail links: not javascript:, data:, vbscript:, relative or protocol-relative ones.
markdown.validateLink = (url) => /^(?:https?:\/\/[^/\s]|mailto:[^\s]+@)/iu.test(url.trim());

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'a', 'blockquote'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  // Readers' links: no ranking credit, marked as user content, no window.opener.
  transformTags: { a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: 'nofollow ugc noopener' } }) },
};

// Bidirectional overrides and isolates (they can reverse how the rest of a page reads), invisible
// zero-width spaces and byte-order marks, and control characters other than newline and tab.
// ZWJ and ZWNJ stay: emoji sequences and Persian or Indic spelling need them.
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\u180e\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;
const BARE_URL = /\bhttps?:\/\/[^\s<>()]+/giu;

export interface RenderedText {
  /** The text as stored: normalised, invisible characters removed. */
  text: string;
  html: string;
  /** Every link the comment carries, marked up or bare (the link-limit check counts both). */
  links: string[];
  hash: string;
}

/** Cleans and renders a reader's text; throws 400/413 for text that is no comment at all. */
export function renderCommentText(raw: unknown): RenderedText {
  if (typeof raw !== 'string') throw new CommentsError(400, 'Write your comment in the text box.');
  if (raw.length > MAX_TEXT_CHARS) throw new CommentsError(413, `This comment is far too long: comments are limited to a few thousand characters, and this one has ${raw.length.toLocaleString('en-US')}.`);
  const text = normaliseInput(raw);
  if (text === '') throw new CommentsError(400, 'Write something before posting: the comment is empty.');
  if (new RegExp(`\\p{M}{${MAX_MARKS_PER_LETTER + 1},}`, 'u').test(text)) {
    throw new CommentsError(400, `A letter in this comment carries too many accents or marks (at most ${MAX_MARKS_PER_LETTER} on one letter).`);
  }
  const tokens = markdown.parse(text, {});
  const links = new Set<string>();
  for (const block of tokens) {
    for (const token of block.children ?? []) {
      if (token.type === 'link_open') links.add(String(token.attrGet('href') ?? ''));
      if (token.type === 'text') for (const match of token.content.matchAll(BARE_URL)) links.add(match[0]);
    }
  }
  links.delete('');
  const html = sanitizeHtml(markdown.renderer.render(tokens, markdown.options, {}), SANITIZE).trim();
  return { text, html, links: [...links], hash: textHash(text) };
}

export function normaliseInput(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/gu, '\n')
    .replace(INVISIBLE, '')
    .replace(/[ \t]+$/gmu, '')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}


/** The poster's address, keyed with the site secret: comparable for rate limits, useless if leaked. */
export function addressHash(address: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(`comments.address\n${address}`).digest('hex');
}
