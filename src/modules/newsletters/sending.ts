/**
 * Sending an issue to a list from the job queue, in batches of settings.newsletters.batchSize.
 *
 * Creating a send stores the issue and one `pending` recipient row per active subscriber
 * (unique per send and subscriber) and queues the first batch, all in one transaction. Each
 * recipient is then marked `sent` in the SAME transaction that stores its email in the outbox, so
 * a crash at any point leaves every recipient either sent with a message or pending without one:
 * the retried batch resumes with the pending ones and nobody gets the issue twice.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Mailer } from '../email/types.js';
import type { JobQueue } from '../jobs/index.js';
import type { SettingsService } from '../settings/service.js';
import { subscriberToken } from './links.js';
import { withFooter, type IssueContent } from './views/newsletter-email.js';

export const BATCH_JOB = 'newsletters.send-batch';

export interface SendingDeps {
  db: Database;
  jobs: JobQueue;
  email: Mailer;
  settings: SettingsService;
  publicUrl: string;
  secret: string;
  now: () => number;
}

export interface SendSummary {
  id: number;
  listId: number;
  listName: string;
  edition: string | null;
  subject: string;
  status: 'sending' | 'sent';
  recipients: number;
  sent: number;
  createdAt: number;
  startedBy: string;
}

export function createSending(deps: SendingDeps) {
  const k = deps.db.kysely;
  const host = new URL(deps.publicUrl).hostname;

  deps.jobs.define<{ sendId: number }>(BATCH_JOB, async ({ sendId }) => {
    const send = await k
      .selectFrom('newsletter_sends as s')
      .innerJoin('newsletter_lists as l', 'l.id', 's.list_id')
      .select(['s.id', 's.list_id', 's.subject', 's.text_body', 's.html_body', 's.status', 'l.name as list_name'])
      .where('s.id', '=', sendId)
      .executeTakeFirst();
    if (!send || send.status === 'sent') return;
    const batchSize = deps.settings.get().newsletters.batchSize;
    const batch = await k
      .selectFrom('newsletter_send_recipients as r')
      .innerJoin('newsletter_subscribers as sub', 'sub.id', 'r.subscriber_id')
      .leftJoin('newsletter_subscriptions as subs', (join) => join.onRef('subs.subscriber_id', '=', 'r.subscriber_id').on('subs.list_id', '=', send.list_id))
      .select(['r.id', 'sub.id as subscriber_id', 'sub.email', 'sub.token_nonce', 'subs.status as subscription'])
      .where('r.send_id', '=', sendId)
      .where('r.status', '=', 'pending')
      .orderBy('r.id')
      .limit(batchSize)
      .execute();

    for (const recipient of batch) {
      await k.transaction().execute(async (trx) => {
        // Unsubscribed since the send began: skipped, never mailed.
        const status = recipient.subscription === 'active' ? 'sent' : 'skipped';
        const marked = await trx.updateTable('newsletter_send_recipients').set({ status, sent_at: deps.now() }).where('id', '=', recipient.id).where('status', '=', 'pending').executeTakeFirst();
        // Another instance took this recipient (a lapsed lease): it sends, not us.
        if (Number(marked.numUpdatedRows) !== 1 || status === 'skipped') return;
        const token = encodeURIComponent(subscriberToken(deps.secret, recipient.subscriber_id, recipient.token_nonce));
        const unsubscribe = `${deps.publicUrl}/newsletter/unsubscribe?token=${token}&list=${send.list_id}`;
        const body = withFooter({ html: send.html_body, text: send.text_body }, { listName: send.list_name, manage: `${deps.publicUrl}/newsletters/manage?token=${token}`, unsubscribe });
        await deps.email.send(
          {
            to: recipient.email,
            subject: send.subject,
            text: body.text,
            html: body.html,
            // RFC 2369 and RFC 8058: mail providers offer an unsubscribe button that POSTs here.
            headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'List-Id': `<list-${send.list_id}.${host}>` },
            category: 'newsletter.issue',
          },
          { within: trx },
        );
      });
    }

    if (batch.length === batchSize) {
      await deps.jobs.enqueue(BATCH_JOB, { sendId });
      return;
    }
    const left = await k.selectFrom('newsletter_send_recipients').select('id').where('send_id', '=', sendId).where('status', '=', 'pending').executeTakeFirst();
    if (!left) await k.updateTable('newsletter_sends').set({ status: 'sent', finished_at: deps.now() }).where('id', '=', sendId).where('status', '=', 'sending').execute();
  });

  return {
    /**
     * Stores the issue for every active subscriber of the list and queues its first batch. A
     * briefing's edition (its day) can be sent once per list: a second try returns null.
     */
    async start(listId: number, issue: IssueContent, options: { edition: string | null; startedBy: string }): Promise<number | null> {
      return k.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('newsletter_sends')
          .values({
            list_id: listId,
            edition: options.edition,
            subject: issue.subject,
            text_body: issue.text,
            html_body: issue.html,
            status: 'sending',
            recipient_count: 0,
            created_at: deps.now(),
            finished_at: null,
            started_by: options.startedBy.slice(0, 300),
          })
          .onConflict((oc) => oc.columns(['list_id', 'edition']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!row) return null;
        const sendId = row.id;
        const added = await trx
          .insertInto('newsletter_send_recipients')
          .columns(['send_id', 'subscriber_id', 'status'])
          .expression((eb) =>
            eb
              .selectFrom('newsletter_subscriptions')
              .select([sql.lit(sendId).as('send_id'), 'subscriber_id', sql.lit('pending').as('status')])
              .where('list_id', '=', listId)
              .where('status', '=', 'active'),
          )
          .executeTakeFirst();
        const count = Number(added.numInsertedOrUpdatedRows ?? 0);
        await trx
          .updateTable('newsletter_sends')
          .set(count === 0 ? { recipient_count: 0, status: 'sent', finished_at: deps.now() } : { recipient_count: count })
          .where('id', '=', sendId)
          .execute();
        if (count > 0) await deps.jobs.enqueue(BATCH_JOB, { sendId }, { within: trx });
        return sendId;
      });
    },

    async recent(limit = 20): Promise<SendSummary[]> {
      const rows = await k
        .selectFrom('newsletter_sends as s')
        .innerJoin('newsletter_lists as l', 'l.id', 's.list_id')
        .select(['s.id', 's.list_id', 'l.name', 's.edition', 's.subject', 's.status', 's.recipient_count', 's.created_at', 's.started_by'])
        .select((eb) =>
          eb
            .selectFrom('newsletter_send_recipients as r')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('r.send_id', '=', 's.id')
            .where('r.status', '=', 'sent')
            .as('sent'),
        )
        .orderBy('s.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        listId: r.list_id,
        listName: r.name,
        edition: r.edition,
        subject: r.subject,
        status: r.status,
        recipients: Number(r.recipient_count),
        sent: Number(r.sent ?? 0),
        createdAt: Number(r.created_at),
        startedBy: r.started_by,
      }));
    },
  };
}

export type Sending = ReturnType<typeof createSending>;
