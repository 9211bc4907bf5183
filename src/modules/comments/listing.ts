/**
 * Reading threads. Every query here walks one index range from a keyset cursor and stops after a
 * page: no OFFSET, no COUNT(*) over the thread (counts are kept on rows), so the first page of a
 * story with 100,000 comments costs what it costs with ten. The SQL is written out rather than
 * built on each call, because this is the hottest read of a busy article after the page cache.
 */
import type { Database, DialectName } from '../../db/database.js';
import { CursorError, cursors } from '../api/cursor.js';
import { CommentsError } from './errors.js';
import { VISIBLE_PREDICATE } from './migrations.js';
import type { CommentStatus } from './tables.js';
import { PAGE_SIZE, REPLIES_PREVIEW, SORTS, type CommentView, type RepliesPage, type Sort, type ThreadEntry, type ThreadListing } from './types.js';

interface PageRow extends CommentRow {
  part: 'page' | 'reply';
}

interface CommentRow {
  id: number;
  story_id: number;
  parent_id: number | null;
  root_id: number | null;
  depth: number;
  user_id: number;
  author_name: string | null;
  reply_to_user_id: number | null;
  reply_to_name: string | null;
  body_html: string;
  status: CommentStatus;
  featured_at: number | null;
  like_count: number;
  reply_count: number;
  created_at: number;
  edited_at: number | null;
}

const COLUMNS = `c.id, c.story_id, c.parent_id, c.root_id, c.depth, c.user_id, u.name as author_name, c.reply_to_user_id,
  r.name as reply_to_name, c.body_html, c.status, c.featured_at, c.like_count, c.reply_count, c.created_at, c.edited_at`;
/** The names COLUMNS gives (each item's last word), for selecting them again from a CTE or subquery (never `*`: postgres-client.ts). */
const NAMES = COLUMNS.split(',').map((column) => /(\w+)\s*$/u.exec(column)?.[1] ?? column);
const namesOf = (alias: string) => NAMES.map((name) => `${alias}.${name}`).join(', ');
const FROM = 'from comments c left join users u on u.id = c.user_id left join users r on r.id = c.reply_to_user_id';
// Word for word the predicate of the partial indexes (migrations.ts), so both engines use them.
const VISIBLE = `c.${VISIBLE_PREDICATE}`;
const TOP_LEVEL = `c.parent_id is null and ${VISIBLE}`;
const MAX_FEATURED = 10;

const ORDER: Record<Sort, { key: string; direction: 'asc' | 'desc' }> = {
  newest: { key: 'c.created_at', direction: 'desc' },
  oldest: { key: 'c.created_at', direction: 'asc' },
  liked: { key: 'c.like_count', direction: 'desc' },
};

/*
 * A page's size is written into the SQL rather than passed: PostgreSQL keeps one (generic) plan
 * for a prepared statement only when that plan looks no dearer than planning for the values at
 * hand, and a LIMIT it cannot see looks dear. With `limit ?` every page was planned anew, about
 * half a millisecond of the PostgreSQL server's time per page.
 */
function topLevelSql(sort: Sort, after: boolean): string {
  const { key, direction } = ORDER[sort];
  const range = after ? ` and (${key}, c.id) ${direction === 'desc' ? '<' : '>'} (?, ?)` : '';
  return `select ${COLUMNS} ${FROM} where c.story_id = ? and ${TOP_LEVEL}${range} order by ${key} ${direction}, c.id ${direction} limit ${PAGE_SIZE + 1}`;
}

const repliesSql = (after: boolean) =>
  `select ${COLUMNS} ${FROM} where c.root_id = ? and ${VISIBLE}${after ? ' and (c.created_at, c.id) > (?, ?)' : ''} order by c.created_at, c.id limit ${PAGE_SIZE + 1}`;

/**
 * A page of top-level comments and the first replies of each, in one statement: a round trip and
 * a socket write fewer on PostgreSQL than reading the replies after the page (a page used to cost
 * two waits). The page is `topLevelSql` as a CTE (the same plan: the top-level index, users by key);
 * each root's replies are one short range of the replies index, LATERAL on PostgreSQL and an
 * `IN (... LIMIT)` per root on SQLite. Rows come tagged 'page' or 'reply' and are put in order in
 * code, so neither engine has to sort the union. Its text is the same for any page, so it is
 * planned once per connection.
 */
function pageSql(dialect: DialectName, sort: Sort, after: boolean): string {
  // Materialized: SQLite would otherwise walk the page's index range once per use.
  const page = `with page as materialized (${topLevelSql(sort, after)})`;
  const replies =
    dialect === 'postgres'
      ? `select 'reply' as part, ${namesOf('p')} from page roots cross join lateral (select ${COLUMNS} ${FROM} where c.root_id = roots.id and ${VISIBLE} order by c.created_at, c.id limit ${REPLIES_PREVIEW}) as p where roots.reply_count > 0`
      : `select 'reply' as part, ${COLUMNS} from page roots
    join comments c on c.id in (select x.id from comments x where x.root_id = roots.id and x.${VISIBLE_PREDICATE} order by x.created_at, x.id limit ${REPLIES_PREVIEW})
    left join users u on u.id = c.user_id left join users r on r.id = c.reply_to_user_id where roots.reply_count > 0`;
  return `${page} select 'page' as part, ${namesOf('page')} from page union all ${replies}`;
}

/** The page's rows in the sort's order, and each root's replies oldest first. */
function arrange(rows: PageRow[], sort: Sort): { page: CommentRow[]; replies: Map<number, CommentRow[]> } {
  const { direction } = ORDER[sort];
  const sign = direction === 'desc' ? -1 : 1;
  const keyOf = (row: CommentRow) => (sort === 'liked' ? row.like_count : row.created_at);
  const page = rows.filter((row) => row.part === 'page').sort((a, b) => sign * (keyOf(a) - keyOf(b) || a.id - b.id));
  const replies = new Map<number, CommentRow[]>();
  for (const row of rows) {
    if (row.part !== 'reply') continue;
    const list = replies.get(row.root_id ?? 0) ?? [];
    list.push(row);
    replies.set(row.root_id ?? 0, list);
  }
  for (const list of replies.values()) list.sort((a, b) => a.created_at - b.created_at || a.id - b.id);
  return { page, replies };
}

const featuredSql = `select ${COLUMNS} ${FROM} where c.story_id = ? and c.featured_at is not null and c.status = 'approved' order by c.featured_at desc limit ${MAX_FEATURED}`;
const byIdSql = `select ${COLUMNS} ${FROM} where c.id = ?`;

export function toView(row: CommentRow): CommentView {
  const placeholder = row.status === 'deleted';
  return {
    id: row.id,
    storyId: row.story_id,
    parentId: row.parent_id,
    rootId: row.root_id,
    depth: row.depth,
    author: placeholder ? null : { id: row.user_id, name: displayName(row.author_name) },
    replyTo: row.reply_to_user_id === null ? null : { id: row.reply_to_user_id, name: displayName(row.reply_to_name) },
    html: placeholder ? '' : row.body_html,
    status: row.status,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    likeCount: row.like_count,
    replyCount: row.reply_count,
    featured: row.featured_at !== null && !placeholder,
    permalink: `/comments/${row.id}`,
  };
}

/** A missing account (deleted) or an empty name still reads as a person. */
export function displayName(name: string | null): string {
  if (name === null) return 'Former reader';
  return name.trim() || 'Reader';
}

export interface Listing {
  /** A page of a story's thread; the caller adds the story (so both can be read at once). */
  thread(storyId: number, sort: Sort, cursor?: string): Promise<ThreadListing>;
  replies(rootId: number, cursor?: string): Promise<RepliesPage | null>;
  /** Any comment by id, whatever its status (callers decide who may see what). */
  comment(id: number): Promise<CommentView | null>;
}

export function createListing(db: Database, secret: string): Listing {
  const { dialect } = db;
  const topCursors = { newest: cursors(secret, 'comments.newest'), oldest: cursors(secret, 'comments.oldest'), liked: cursors(secret, 'comments.liked') };
  const replyCursors = cursors(secret, 'comments.replies');
  const run = (text: string, parameters: unknown[]) => db.rawQuery<CommentRow>(text, parameters);
  // Each text once (a page's SQL is a few kilobytes), first pages and then pages after a cursor.
  const texts = {
    page: Object.fromEntries(SORTS.map((sort) => [sort, [pageSql(dialect, sort, false), pageSql(dialect, sort, true)]])) as Record<Sort, [string, string]>,
    replies: [repliesSql(false), repliesSql(true)],
  } as const;

  function decode(cursor: string, purpose: ReturnType<typeof cursors>, scope: number): [number, number] {
    try {
      const [owner, key, id] = purpose.decode(cursor, ['number', 'number', 'number']) as [number, number, number];
      if (owner !== scope) throw new CursorError();
      return [key, id];
    } catch (error) {
      if (error instanceof CursorError) throw new CommentsError(400, 'This "more comments" link is not valid (it may belong to another discussion or sort order). Start from the first page.');
      throw error;
    }
  }

  const repliesCursorAfter = (root: CommentRow, last: CommentRow | undefined) => (last ? replyCursors.encode([root.id, last.created_at, last.id]) : null);

  return {
    async thread(storyId, sort, cursor) {
      const after = cursor ? decode(cursor, topCursors[sort], storyId) : null;
      const [rows, featured] = await Promise.all([
        db.rawQuery<PageRow>(texts.page[sort][after ? 1 : 0], after ? [storyId, after[0], after[1]] : [storyId]),
        after ? Promise.resolve([]) : run(featuredSql, [storyId]),
      ]);
      const arranged = arrange(rows, sort);
      const page = arranged.page.slice(0, PAGE_SIZE);
      const entries: ThreadEntry[] = page.map((root) => {
        const shown = arranged.replies.get(root.id) ?? [];
        const moreReplies = Math.max(0, root.reply_count - shown.length);
        return {
          comment: toView(root),
          replies: shown.map(toView),
          moreReplies,
          repliesCursor: moreReplies > 0 ? repliesCursorAfter(root, shown.at(-1)) : null,
        };
      });
      const last = page.at(-1);
      const nextCursor = arranged.page.length > PAGE_SIZE && last ? topCursors[sort].encode([storyId, sort === 'liked' ? last.like_count : last.created_at, last.id]) : null;
      return { sort, featured: featured.map(toView), entries, nextCursor };
    },

    async replies(rootId, cursor) {
      const [root] = await run(byIdSql, [rootId]);
      if (!root || root.parent_id !== null || (root.status !== 'approved' && root.status !== 'deleted')) return null;
      const after = cursor ? decode(cursor, replyCursors, rootId) : null;
      const rows = await run(texts.replies[after ? 1 : 0], after ? [rootId, after[0], after[1]] : [rootId]);
      const page = rows.slice(0, PAGE_SIZE);
      return { root: toView(root), items: page.map(toView), nextCursor: rows.length > PAGE_SIZE ? repliesCursorAfter(root, page.at(-1)) : null };
    },

    async comment(id) {
      const [row] = await run(byIdSql, [id]);
      return row ? toView(row) : null;
    },
  };
}

/** The statements, for tests that ask each engine how it would run them (query plans). */
export const listingSql = {
  topLevel: topLevelSql,
  page: pageSql,
  replies: repliesSql,
  featured: featuredSql,
};
