/**
 * The moderation queues, read for the admin page and the Admin API: pending (oldest first: the
 * one that has waited longest), reported (most reported first), rejected and approved (newest
 * first). Each walks one index range from a signed keyset cursor (comments_status, or the partial
 * comments_reported), so the 500th page costs what the first does. Each comment comes with its
 * story, the pipeline's reasons, its open reports, and its author's history.
 */
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../../db/tables.js';
import { CursorError, cursors } from '../../api/cursor.js';
import { CommentsError } from '../errors.js';
import type { ReaderStanding } from '../moderation/types.js';
import { readerRecord } from '../standing.js';
import { storyView } from '../stories.js';
import type { CommentStatus, ReportReason } from '../tables.js';

export const QUEUES = ['pending', 'reported', 'rejected', 'approved'] as const;
export type Queue = (typeof QUEUES)[number];
export const isQueue = (value: unknown): value is Queue => typeof value === 'string' && (QUEUES as readonly string[]).includes(value);

export const QUEUE_PAGE = 25;
/** How many of a reader's latest comments are shown beside theirs. */
export const HISTORY_SIZE = 5;

export interface QueueItem {
  id: number;
  status: CommentStatus;
  parentId: number | null;
  /** Sanitized on write (text.ts), shown as stored. */
  html: string;
  createdAt: number;
  editedAt: number | null;
  featured: boolean;
  likeCount: number;
  reportCount: number;
  author: { id: number; name: string };
  story: { id: number; title: string; url: string; open: boolean; premoderated: boolean };
  /** Why the pipeline held (or would have rejected) it. */
  reasons: { phase: string; action: string; reason: string }[];
  /** Open reports, by reason, and what reporters wrote. */
  reports: { reason: ReportReason; count: number }[];
  reportDetails: string[];
}

export interface ReaderHistory {
  id: number;
  name: string;
  standing: ReaderStanding;
  approvedCount: number;
  rejectedCount: number;
  pendingCount: number;
  recent: { id: number; status: CommentStatus; createdAt: number; excerpt: string; storyTitle: string }[];
}

export interface QueuePage {
  queue: Queue;
  items: QueueItem[];
  /** By user id: the history of each author on the page. */
  readers: Map<number, ReaderHistory>;
  nextCursor: string | null;
}

export interface QueueCounts {
  pending: number;
  reported: number;
}

const name = (raw: string | null) => (raw === null ? 'Former reader' : raw.trim() || 'Reader');

function reasonsOf(json: string): QueueItem['reasons'] {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
      .map((r) => ({ phase: String(r.phase ?? ''), action: String(r.action ?? ''), reason: String(r.reason ?? '') }));
  } catch {
    return [];
  }
}

// Written out so both engines can match the partial index comments_reported (a bound parameter
// in its place would not prove `report_count > 0`).
const REPORTED = sql<boolean>`c.report_count > 0`;

export interface QueueReader {
  page(queue: Queue, cursor: string | undefined, limit?: number): Promise<QueuePage>;
  /** One comment as the queue shows it, whatever its status (null: no such comment). */
  item(id: number): Promise<QueueItem | null>;
  history(userId: number): Promise<ReaderHistory | null>;
  counts(): Promise<QueueCounts>;
}

export function createQueueReader(k: Kysely<Tables>, secret: string, now: () => number): QueueReader {
  const signers = Object.fromEntries(QUEUES.map((q) => [q, cursors(secret, `comments.queue.${q}`)])) as Record<Queue, ReturnType<typeof cursors>>;

  const base = () =>
    k
      .selectFrom('comments as c')
      .innerJoin('comment_stories as s', 's.id', 'c.story_id')
      .leftJoin('users as u', 'u.id', 'c.user_id')
      .select([
        'c.id',
        'c.status',
        'c.parent_id',
        'c.body_html',
        'c.created_at',
        'c.edited_at',
        'c.featured_at',
        'c.like_count',
        'c.report_count',
        'c.moderation_reasons',
        'c.user_id',
        'u.name as author_name',
        's.id as story_id',
        's.article_id as story_article_id',
        's.url as story_url',
        's.title as story_title',
        's.open as story_open',
        's.closes_at as story_closes_at',
        's.premoderated as story_premoderated',
        's.comment_count as story_comment_count',
        's.created_at as story_created_at',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

  async function withReports(rows: Row[]): Promise<QueueItem[]> {
    const ids = rows.map((r) => r.id);
    const byComment = new Map<number, { reports: QueueItem['reports']; details: string[] }>();
    if (ids.length > 0) {
      const [counts, details] = await Promise.all([
        k
          .selectFrom('comment_reports')
          .select(['comment_id', 'reason', (eb) => eb.fn.countAll<number | string>().as('n')])
          .where('comment_id', 'in', ids)
          .where('resolved_at', 'is', null)
          .groupBy(['comment_id', 'reason'])
          .execute(),
        k
          .selectFrom('comment_reports')
          .select(['comment_id', 'detail'])
          .where('comment_id', 'in', ids)
          .where('resolved_at', 'is', null)
          .where('detail', '!=', '')
          .orderBy('id', 'desc')
          .limit(ids.length * 5)
          .execute(),
      ]);
      const entry = (id: number) => {
        let found = byComment.get(id);
        if (!found) byComment.set(id, (found = { reports: [], details: [] }));
        return found;
      };
      for (const c of counts) entry(c.comment_id).reports.push({ reason: c.reason, count: Number(c.n) });
      for (const d of details) entry(d.comment_id).details.push(d.detail);
    }
    const at = now();
    return rows.map((r) => {
      const story = storyView(
        {
          id: r.story_id,
          article_id: r.story_article_id,
          url: r.story_url,
          title: r.story_title,
          open: r.story_open,
          closes_at: r.story_closes_at,
          premoderated: r.story_premoderated,
          comment_count: r.story_comment_count,
          created_at: r.story_created_at,
        },
        at,
      );
      const reports = byComment.get(r.id);
      return {
        id: r.id,
        status: r.status,
        parentId: r.parent_id,
        html: r.body_html,
        createdAt: r.created_at,
        editedAt: r.edited_at,
        featured: r.featured_at !== null,
        likeCount: r.like_count,
        reportCount: r.report_count,
        author: { id: r.user_id, name: name(r.author_name) },
        story: { id: story.id, title: story.title, url: story.url, open: story.open, premoderated: story.premoderated },
        reasons: reasonsOf(r.moderation_reasons),
        reports: (reports?.reports ?? []).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
        reportDetails: (reports?.details ?? []).slice(0, 5),
      };
    });
  }

  async function histories(userIds: number[]): Promise<Map<number, ReaderHistory>> {
    const ids = [...new Set(userIds)];
    const result = new Map<number, ReaderHistory>();
    if (ids.length === 0) return result;
    const [users, counts, records, recent] = await Promise.all([
      k.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute(),
      k
        .selectFrom('comments')
        .select(['user_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('user_id', 'in', ids)
        .groupBy(['user_id', 'status'])
        .execute(),
      Promise.all(ids.map((id) => readerRecord(k, id))),
      // One short range of the per-reader index each.
      Promise.all(
        ids.map((id) =>
          k
            .selectFrom('comments as c')
            .innerJoin('comment_stories as s', 's.id', 'c.story_id')
            .select(['c.id', 'c.status', 'c.created_at', 'c.body_text', 's.title'])
            .where('c.user_id', '=', id)
            .orderBy('c.created_at', 'desc')
            .orderBy('c.id', 'desc')
            .limit(HISTORY_SIZE)
            .execute(),
        ),
      ),
    ]);
    const names = new Map(users.map((u) => [u.id, u.name]));
    ids.forEach((id, i) => {
      const count = (status: CommentStatus) => Number(counts.find((c) => c.user_id === id && c.status === status)?.n ?? 0);
      const record = records[i] ?? { standing: { kind: 'good' as const }, approvedCount: 0 };
      result.set(id, {
        id,
        name: name(names.get(id) ?? null),
        standing: record.standing,
        approvedCount: count('approved'),
        rejectedCount: count('rejected'),
        pendingCount: count('pending'),
        recent: (recent[i] ?? []).map((c) => ({
          id: c.id,
          status: c.status,
          createdAt: c.created_at,
          excerpt: c.status === 'deleted' ? '[deleted]' : excerpt(c.body_text),
          storyTitle: c.title,
        })),
      });
    });
    return result;
  }

  function decode(queue: Queue, cursor: string): [number, number] {
    try {
      return signers[queue].decode(cursor, ['number', 'number']) as [number, number];
    } catch (error) {
      if (error instanceof CursorError) throw new CommentsError(400, 'This page link is not valid for this queue (it may belong to another one). Start from the first page.');
      throw error;
    }
  }

  return {
    async page(queue, cursor, limit = QUEUE_PAGE) {
      const after = cursor ? decode(queue, cursor) : null;
      let query = base();
      if (queue === 'reported') {
        query = query.where(REPORTED).where('c.status', 'in', ['pending', 'approved']).orderBy('c.report_count', 'desc').orderBy('c.id', 'desc');
        if (after) query = query.where((eb) => eb(eb.refTuple('c.report_count', 'c.id'), '<', eb.tuple(after[0], after[1])));
      } else {
        // Pending: the one that has waited longest first; decisions: the latest first.
        const direction = queue === 'pending' ? 'asc' : 'desc';
        query = query.where('c.status', '=', queue).orderBy('c.created_at', direction).orderBy('c.id', direction);
        if (after) query = query.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), direction === 'asc' ? '>' : '<', eb.tuple(after[0], after[1])));
      }
      const rows = await query.limit(limit + 1).execute();
      const shown = rows.slice(0, limit);
      const last = shown.at(-1);
      const items = await withReports(shown);
      const nextCursor = rows.length > limit && last ? signers[queue].encode([queue === 'reported' ? last.report_count : last.created_at, last.id]) : null;
      return { queue, items, readers: await histories(items.map((i) => i.author.id)), nextCursor };
    },

    async item(id) {
      if (!Number.isSafeInteger(id)) return null;
      const rows = await base().where('c.id', '=', id).execute();
      return (await withReports(rows))[0] ?? null;
    },

    async history(userId) {
      if (!Number.isSafeInteger(userId)) return null;
      const user = await k.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
      return user ? ((await histories([userId])).get(userId) ?? null) : null;
    },

    async counts() {
      const countQuery = () => k.selectFrom('comments as c').select((eb) => eb.fn.countAll<number | string>().as('n'));
      const count = async (query: ReturnType<typeof countQuery>) => Number((await query.executeTakeFirstOrThrow()).n);
      const [pending, reported] = await Promise.all([
        count(countQuery().where('c.status', '=', 'pending')),
        count(countQuery().where(REPORTED).where('c.status', 'in', ['pending', 'approved'])),
      ]);
      return { pending, reported };
    },
  };
}

/** The first words of a comment, on one line. */
export function excerpt(text: string, max = 140): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
