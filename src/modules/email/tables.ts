import type { Generated } from 'kysely';

export type OutboxStatus = 'queued' | 'sent' | 'kept' | 'failed';

export interface EmailTables {
  /**
   * Every message the publication sends. Without SMTP the outbox is the delivery (admins read it
   * at /admin/outbox); with SMTP a row tracks delivery, and its body is erased once sent, so the
   * table does not keep sign-in links or private replies longer than needed.
   */
  email_outbox: {
    id: Generated<number>;
    to_address: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    /** JSON object of extra headers. */
    headers: string;
    category: string;
    status: OutboxStatus;
    attempts: number;
    last_error: string | null;
    created_at: number;
    sent_at: number | null;
  };
}
