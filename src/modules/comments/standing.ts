/**
 * A reader's standing with the moderators (good, warned, suspended until, banned) and how many of
 * their comments have been approved: what the moderation pipeline asks about a poster.
 */
import type { Kysely, QueryCreator } from 'kysely';
import type { Tables } from '../../db/tables.js';
import type { ReaderStanding } from './moderation/types.js';

export interface ReaderRecord {
  standing: ReaderStanding;
  approvedCount: number;
}

export async function readerRecord(k: Kysely<Tables>, userId: number): Promise<ReaderRecord> {
  const row = await k.selectFrom('reader_standing').select(['kind', 'message', 'until', 'approved_count']).where('user_id', '=', userId).executeTakeFirst();
  if (!row) return { standing: { kind: 'good' }, approvedCount: 0 };
  return { standing: standingOf(row), approvedCount: row.approved_count };
}

function standingOf(row: { kind: string; message: string; until: number | null }): ReaderStanding {
  switch (row.kind) {
    case 'warned':
      return { kind: 'warned', message: row.message };
    case 'suspended':
      return { kind: 'suspended', until: row.until ?? 0, message: row.message };
    case 'banned':
      return { kind: 'banned', message: row.message };
    default:
      return { kind: 'good' };
  }
}

/** Counts an approval (automatic or a moderator's) towards "new readers are held until N approved". */
export async function countApproval(k: Kysely<Tables>, userId: number, delta: 1 | -1, at: number): Promise<void> {
  // A deleted account's kept comments carry a negative author id (personal-data.ts): no one to count for.
  if (userId < 0) return;
  await approvalCounted(k, userId, delta, at).execute();
}

/** The write behind countApproval, for a caller that sends it with others (new-comment.ts). */
export function approvalCounted(q: QueryCreator<Tables>, userId: number, delta: 1 | -1, at: number) {
  return q
    .insertInto('reader_standing')
    .values({ user_id: userId, kind: 'good', message: '', until: null, approved_count: Math.max(delta, 0), updated_at: at, updated_by: null })
    .onConflict((oc) => oc.column('user_id').doUpdateSet((eb) => ({ approved_count: eb('reader_standing.approved_count', '+', delta) })));
}

/** Sets a reader's standing (moderators: warn, suspend, ban, or restore to good). */
export async function setStanding(k: Kysely<Tables>, userId: number, standing: ReaderStanding, by: number | null, at: number): Promise<void> {
  const values = {
    kind: standing.kind,
    message: 'message' in standing ? standing.message : '',
    until: standing.kind === 'suspended' ? standing.until : null,
    updated_at: at,
    updated_by: by,
  };
  await k
    .insertInto('reader_standing')
    .values({ user_id: userId, approved_count: 0, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}
