import type { Generated } from 'kysely';

export interface AuditTables {
  audit_log: {
    id: Generated<number>;
    at: number;
    /** The staff user, or null for an API key or the system (scheduler). */
    actor_user_id: number | null;
    /** Who, as shown: a name, "API key <name>" or "scheduler"; kept even if the user is deleted. */
    actor_label: string;
    /** What, as a dotted verb: "article.publish", "media.upload", "settings.update". */
    action: string;
    subject_type: string;
    subject_id: string | null;
    /** JSON with the few details worth keeping (old and new status, a slug). */
    detail: string;
  };
}
