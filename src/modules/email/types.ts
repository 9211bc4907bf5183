/**
 * The email contract other modules use: they hand over a message and get back its outbox id;
 * delivery (SMTP, or the outbox alone when no SMTP_URL is set) happens from the job queue.
 */
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/tables.js';

export interface OutgoingEmail {
  /** One recipient address; checked (no line breaks, a real address shape) before anything is stored. */
  to: string;
  /** One line; refused if it contains a line break. */
  subject: string;
  /** The plain-text body (always sent). */
  text: string;
  /** An optional HTML alternative. */
  html?: string;
  /** Extra headers such as List-Unsubscribe; names and values refused if they contain line breaks. */
  headers?: Record<string, string>;
  /** What kind of message this is, for the admin outbox and tests: 'account.verify', 'comment.reply', … */
  category: string;
}

export interface OutboxMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  category: string;
  /** queued → sent (over SMTP) | kept (no SMTP: the outbox is the delivery) | failed (gave up after retries) */
  status: 'queued' | 'sent' | 'kept' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

export interface SendOptions {
  /**
   * The caller's open transaction: the message (and its delivery job) exists exactly when the
   * caller's change commits, e.g. a newsletter recipient marked sent together with its email.
   */
  within?: Kysely<Tables>;
  /**
   * Keep nothing once delivered (or given up on): the outbox row is deleted instead of kept as a
   * delivery record. For messages to people whose data must be gone, such as the confirmation
   * of an account deletion. Without SMTP the outbox is the delivery, so the row stays there.
   */
  transient?: boolean;
}

export interface Mailer {
  /** Stores the message in the outbox and queues its delivery; returns the outbox id. Throws EmailError (400) on bad input. */
  send(message: OutgoingEmail, options?: SendOptions): Promise<number>;
  /** Newest first, keyset-paged by id. */
  list(options?: { before?: number; limit?: number; to?: string }): Promise<OutboxMessage[]>;
  get(id: number): Promise<OutboxMessage | null>;
}
