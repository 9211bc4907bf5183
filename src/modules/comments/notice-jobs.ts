/**
 * The emails a change to a comment calls for ("X replied to you", "your comment was featured"),
 * queued in the transaction that makes the change: the job exists exactly when the change does,
 * so a crash right after a reply is approved loses no email. notifications.ts sends them.
 */
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { JobQueue } from '../jobs/index.js';

export const NOTIFY_JOB = 'comments.notify';

export type NoticeKind = 'reply' | 'featured';

export interface Notice {
  kind: NoticeKind;
  commentId: number;
}

/**
 * Keyed, so one job waits per email however often the change is repeated. A comment posted just
 * now needs no key (`fresh`): no job can name it yet, and the key's look-ups cost a new reply
 * four round trips on PostgreSQL. Should a moderator later queue the same email again, the
 * handler's sent-marker (notifications.ts) still sends it once.
 */
export async function queueNotice(jobs: JobQueue | undefined, trx: Kysely<Tables>, kind: NoticeKind, commentId: number, fresh = false): Promise<void> {
  if (!jobs) return;
  await jobs.enqueue(NOTIFY_JOB, { kind, commentId } satisfies Notice, fresh ? { within: trx } : { key: `${NOTIFY_JOB}:${kind}:${commentId}`, within: trx });
}
