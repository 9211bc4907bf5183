/**
 * The comments section's state in an article page's address, so everything works with plain
 * links and no JavaScript: ?sort=oldest, ?comments=<cursor> (next page), ?comment=<id> (that
 * comment's thread first; &replies=<cursor> pages through its replies), ?reply=<id> (the form
 * answers that comment) and ?posted=approved|pending (the message after a form post).
 */
import { CommentsError } from './errors.js';
import { isSort, type Sort } from './types.js';

export type Notice = 'approved' | 'pending' | 'deleted';

export interface SectionQuery {
  sort: Sort;
  cursor?: string;
  focus?: number;
  repliesCursor?: string;
  replyTo?: number;
  notice?: Notice;
  /** A form post that was refused: the reader's text back, with the reason. */
  form?: { text: string; error: string; parentId: number | null };
}

export interface ParsedSectionQuery {
  query: SectionQuery;
  /**
   * Suffix for the page-cache key when this state is worth caching (the three sorts), or null
   * when it must be rendered fresh: cursors and ids are unbounded, and the page after a post must
   * show that post whatever a cache in between kept.
   */
  cacheSuffix: string | null;
}

const CURSOR = /^[A-Za-z0-9_-]{1,400}\.[A-Za-z0-9_-]{1,64}$/u;
const NOTICES: readonly Notice[] = ['approved', 'pending', 'deleted'];

type Query = Record<string, string | string[] | undefined>;

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new CommentsError(400, `Bad Request: ${name} may be given once.`);
  return value === '' ? undefined : value;
}

function id(query: Query, name: string): number | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,12}$/u.test(value)) throw new CommentsError(400, `Bad Request: ${name} must be a comment number.`);
  return Number(value);
}

function cursor(query: Query, name: string): string | undefined {
  const value = single(query, name);
  if (value !== undefined && !CURSOR.test(value)) throw new CommentsError(400, 'Bad Request: this "more comments" link is not valid. Start from the first page.');
  return value;
}

export function parseSectionQuery(raw: unknown): ParsedSectionQuery {
  const query = (raw ?? {}) as Query;
  const sortValue = single(query, 'sort');
  if (sortValue !== undefined && !isSort(sortValue)) throw new CommentsError(400, 'Bad Request: sort must be newest, oldest or liked.');
  const notice = single(query, 'posted');
  if (notice !== undefined && !(NOTICES as readonly string[]).includes(notice)) throw new CommentsError(400, 'Bad Request: unknown message.');
  const parsed: SectionQuery = { sort: sortValue ?? 'newest' };
  if (notice) parsed.notice = notice as Notice;
  const next = cursor(query, 'comments');
  const focus = id(query, 'comment');
  const repliesCursor = cursor(query, 'replies');
  const replyTo = id(query, 'reply');
  if (next !== undefined) parsed.cursor = next;
  if (focus !== undefined) parsed.focus = focus;
  if (repliesCursor !== undefined && focus !== undefined) parsed.repliesCursor = repliesCursor;
  if (replyTo !== undefined) parsed.replyTo = replyTo;
  const fresh = next !== undefined || focus !== undefined || replyTo !== undefined || notice !== undefined;
  return { query: parsed, cacheSuffix: fresh ? null : sortValue ? `?sort=${sortValue}` : '' };
}

/** The address of a state of the section (links on the page). */
export function sectionHref(path: string, state: { sort?: Sort; cursor?: string; focus?: number; repliesCursor?: string; replyTo?: number; notice?: Notice }, anchor = 'comments'): string {
  const params = new URLSearchParams();
  if (state.sort && state.sort !== 'newest') params.set('sort', state.sort);
  if (state.cursor) params.set('comments', state.cursor);
  if (state.focus !== undefined) params.set('comment', String(state.focus));
  if (state.repliesCursor) params.set('replies', state.repliesCursor);
  if (state.replyTo !== undefined) params.set('reply', String(state.replyTo));
  if (state.notice) params.set('posted', state.notice);
  const qs = params.toString();
  return `${path}${qs ? `?${qs}` : ''}#${anchor}`;
}
