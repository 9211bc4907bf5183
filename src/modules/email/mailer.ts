/**
 * The outbox: every message is stored first, then delivered from the job queue (retried with
 * backoff when the SMTP server is down), so a crash between "send" and "sent" loses nothing.
 * Without an SMTP transport the outbox itself is the delivery: messages are kept for admins to
 * read at /admin/outbox, which is what makes the demo work with no mail server.
 */
import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { JobQueue } from '../jobs/index.js';
import { checkAddress, headerProblem } from './address.js';
import { EmailError } from './errors.js';
import type { EmailTables } from './tables.js';
import type { MailTransport } from './transport.js';
import type { Mailer, OutboxMessage, OutgoingEmail } from './types.js';

export const DELIVER_JOB = 'email.deliver';
export const MAX_ATTEMPTS = 8;
/** Headers the mailer sets itself; a caller may not override them. */
const RESERVED = new Set(['from', 'to', 'cc', 'bcc', 'subject', 'sender', 'reply-to', 'return-path', 'content-type', 'mime-version']);

export interface MailerDeps {
  db: Database;
  jobs: JobQueue;
  now: () => number;
  /** Null: no SMTP_URL, messages are kept in the outbox. */
  transport: MailTransport | null;
  /** The From header, worked out at send time (the publication's name can change). */
  from: () => string;
}

type Row = Selectable<EmailTables['email_outbox']>;

const toMessage = (r: Row): OutboxMessage => ({
  id: r.id,
  to: r.to_address,
  subject: r.subject,
  text: r.text_body,
  html: r.html_body,
  headers: JSON.parse(r.headers) as Record<string, string>,
  category: r.category,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: Number(r.created_at),
  sentAt: r.sent_at === null ? null : Number(r.sent_at),
});

function checked(message: OutgoingEmail): OutgoingEmail {
  const to = checkAddress(message.to);
  if (to.problem) throw new EmailError(to.problem, 'email');
  const subject = message.subject.trim();
  if (!subject || /[\r\n\0]/u.test(subject) || subject.length > 300) throw new EmailError('An email subject is one line of at most 300 characters.', 'subject');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const problem = headerProblem(name, value) ?? (RESERVED.has(name.toLowerCase()) ? `The ${name} header is set by the mailer.` : null);
    if (problem) throw new EmailError(problem, 'headers');
    headers[name] = value;
  }
  if (!/^[a-z0-9._-]{1,100}$/u.test(message.category)) throw new EmailError(`"${message.category}" is not an email category.`, 'category');
  return { ...message, to: to.normalised, subject, headers };
}

export function createMailer(deps: MailerDeps): Mailer {
  const k = deps.db.kysely;

  deps.jobs.define<{ id: number; transient?: boolean }>(
    DELIVER_JOB,
    async ({ id, transient }, context) => {
      const row = await k.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirst();
      // Idempotent: a message already sent (or given up on) is never sent again by a retried job.
      if (!row || row.status !== 'queued' || !deps.transport) return;
      try {
        await deps.transport.send({
          from: deps.from(),
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
          ...(row.html_body ? { html: row.html_body } : {}),
          headers: JSON.parse(row.headers) as Record<string, string>,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const last = context.attempt >= MAX_ATTEMPTS;
        await k
          .updateTable('email_outbox')
          .set({ attempts: context.attempt, last_error: reason.slice(0, 1000), ...(last ? { status: 'failed' } : {}) })
          .where('id', '=', id)
          .execute();
        if (last) {
          if (transient) await k.deleteFrom('email_outbox').where('id', '=', id).execute();
          return;
        }
        throw error;
      }
      if (transient) {
        await k.deleteFrom('email_outbox').where('id', '=', id).execute();
        return;
      }
      // Sent: the body (sign-in links, replies) is not kept; the row stays as a delivery record.
      await k
        .updateTable('email_outbox')
        .set({ status: 'sent', attempts: context.attempt, last_error: null, sent_at: context.now, text_body: '', html_body: null })
        .where('id', '=', id)
        .execute();
    },
    { maxAttempts: MAX_ATTEMPTS },
  );

  return {
    async send(input, options = {}) {
      const message = checked(input);
      const within = options.within ?? k;
      const row = await within
        .insertInto('email_outbox')
        .values({
          to_address: message.to,
          subject: message.subject,
          text_body: message.text,
          html_body: message.html ?? null,
          headers: JSON.stringify(message.headers ?? {}),
          category: message.category,
          status: deps.transport ? 'queued' : 'kept',
          attempts: 0,
          last_error: null,
          created_at: deps.now(),
          sent_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const payload = options.transient ? { id: row.id, transient: true } : { id: row.id };
      if (deps.transport) await deps.jobs.enqueue(DELIVER_JOB, payload, options.within ? { within: options.within } : {});
      return row.id;
    },

    async list(options = {}) {
      let query = k.selectFrom('email_outbox').selectAll().orderBy('id', 'desc').limit(Math.min(Math.max(options.limit ?? 50, 1), 200));
      if (options.before !== undefined) query = query.where('id', '<', options.before);
      if (options.to !== undefined) query = query.where('to_address', '=', checkAddress(options.to).normalised);
      return (await query.execute()).map(toMessage);
    },

    async get(id) {
      const row = await k.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toMessage(row) : null;
    },
  };
}
