/**
 * The audit log: who did what to which record, when. Staff actions append here from the route
 * that performed them; nothing updates or deletes an entry.
 */
import type { Database } from '../../db/database.js';

/** Who acted: a signed-in staff member, an API key, or the system itself. */
export interface Actor {
  userId: number | null;
  label: string;
}

export const systemActor = (label = 'scheduler'): Actor => ({ userId: null, label });

export interface AuditEntry {
  id: number;
  at: number;
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  subjectType?: string;
  subjectId?: string;
  actorUserId?: number;
  /** Entries older than this id (cursor for the next page). */
  before?: number;
  limit?: number;
}

export interface AuditLog {
  record(actor: Actor, action: string, subject: { type: string; id?: string | number | null }, detail?: Record<string, unknown>): Promise<void>;
  list(filter?: AuditFilter): Promise<AuditEntry[]>;
}

export function createAuditLog(db: Database, now: () => number = Date.now): AuditLog {
  const k = db.kysely;
  return {
    async record(actor, action, subject, detail = {}) {
      await k
        .insertInto('audit_log')
        .values({
          at: now(),
          actor_user_id: actor.userId,
          actor_label: actor.label.slice(0, 300),
          action,
          subject_type: subject.type,
          subject_id: subject.id === undefined || subject.id === null ? null : String(subject.id),
          detail: JSON.stringify(detail),
        })
        .execute();
    },

    async list(filter = {}) {
      let query = k.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(Math.min(filter.limit ?? 50, 200));
      if (filter.subjectType) query = query.where('subject_type', '=', filter.subjectType);
      if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
      if (filter.actorUserId !== undefined) query = query.where('actor_user_id', '=', filter.actorUserId);
      if (filter.before !== undefined) query = query.where('id', '<', filter.before);
      const rows = await query.execute();
      return rows.map((row) => ({
        id: row.id,
        at: row.at,
        actor: { userId: row.actor_user_id, label: row.actor_label },
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        detail: JSON.parse(row.detail) as Record<string, unknown>,
      }));
    },
  };
}
