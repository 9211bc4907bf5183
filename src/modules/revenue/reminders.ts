/**
 * "Remind me next month": one stored reminder per reader (account or address), one job at the due
 * time keyed by the reminder, and one email — never a second (sent_at is set before sending) and
 * none once the reader has become a supporter.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tables } from '../../db/tables.js';
import type { Mailer } from '../email/types.js';
import type { JobQueue } from '../jobs/index.js';
import type { SettingsService } from '../settings/service.js';

export const REMINDER_JOB = 'support.reminder';
export const REMIND_AFTER_MS = 30 * 24 * 3600 * 1000;

export const reminderKey = (id: number) => `support-reminder:${id}`;

export interface RemindersDeps {
  db: Database;
  jobs: JobQueue;
  email: Mailer;
  settings: SettingsService;
  publicUrl: string;
  now: () => number;
}

export interface Reminders {
  /** Stores (or moves) the reader's reminder to 30 days from now and schedules its email; returns when. */
  schedule(who: { userId: number } | { email: string }): Promise<{ id: number; dueAt: number }>;
}

export function createReminders(deps: RemindersDeps): Reminders {
  const k = deps.db.kysely;

  deps.jobs.define<{ reminderId: number }>(REMINDER_JOB, async ({ reminderId }, context) => {
    const reminder = await k.selectFrom('support_reminders').selectAll().where('id', '=', reminderId).executeTakeFirst();
    if (!reminder || reminder.sent_at !== null || reminder.cancelled_at !== null || reminder.due_at > context.now) return;
    const account = reminder.user_id !== null ? await k.selectFrom('users').select('email').where('id', '=', reminder.user_id).executeTakeFirst() : undefined;
    const to = account?.email ?? reminder.email;
    if (!to || (await isActiveSupporter(k, reminder.user_id, to, context.now))) {
      await k.updateTable('support_reminders').set({ cancelled_at: context.now }).where('id', '=', reminderId).where('sent_at', 'is', null).execute();
      return;
    }
    const marked = await k.updateTable('support_reminders').set({ sent_at: context.now }).where('id', '=', reminderId).where('sent_at', 'is', null).where('cancelled_at', 'is', null).executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) return;
    const { name } = deps.settings.get();
    await deps.email.send({
      to,
      subject: `A reminder to support ${name}`,
      text: [
        'Hello,',
        '',
        `A month ago you asked us to remind you about supporting ${name}. Independent reporting depends on readers like you.`,
        '',
        `Support us today: ${deps.publicUrl}/support`,
        '',
        'This is the only reminder we will send for that request.',
        '',
        `— ${name}`,
      ].join('\n'),
      category: 'support.reminder',
    });
  });

  return {
    async schedule(who) {
      const now = deps.now();
      const dueAt = now + REMIND_AFTER_MS;
      return k.transaction().execute(async (trx) => {
        let pending = trx.selectFrom('support_reminders').select('id').where('sent_at', 'is', null).where('cancelled_at', 'is', null);
        pending = 'userId' in who ? pending.where('user_id', '=', who.userId) : pending.where('user_id', 'is', null).where('email', '=', who.email);
        const existing = await pending.orderBy('id').executeTakeFirst();
        let id: number;
        if (existing) {
          id = existing.id;
          await trx.updateTable('support_reminders').set({ due_at: dueAt }).where('id', '=', id).execute();
        } else {
          const row = await trx
            .insertInto('support_reminders')
            .values({ user_id: 'userId' in who ? who.userId : null, email: 'email' in who ? who.email : null, due_at: dueAt, created_at: now, sent_at: null, cancelled_at: null })
            .returning('id')
            .executeTakeFirstOrThrow();
          id = row.id;
        }
        // The key replaces any job already waiting for this reminder: one email, at the new time.
        await deps.jobs.enqueue(REMINDER_JOB, { reminderId: id }, { runAt: dueAt, key: reminderKey(id), within: trx });
        return { id, dueAt };
      });
    },
  };
}

async function isActiveSupporter(k: Kysely<Tables>, userId: number | null, email: string, now: number): Promise<boolean> {
  const row = await k
    .selectFrom('supporters')
    .select('id')
    .where('active_until', '>', now)
    .where((eb) => (userId !== null ? eb.or([eb('user_id', '=', userId), eb('email', '=', email)]) : eb('email', '=', email)))
    .executeTakeFirst();
  return row !== undefined;
}

/** A supporter who just became active needs no reminder: pending ones are cancelled (their jobs then do nothing). */
export async function cancelRemindersOf(trx: Transaction<Tables>, supporterId: number, now: number): Promise<void> {
  const supporter = await trx.selectFrom('supporters').select(['user_id', 'email']).where('id', '=', supporterId).executeTakeFirst();
  if (!supporter || (supporter.user_id === null && !supporter.email)) return;
  await trx
    .updateTable('support_reminders')
    .set({ cancelled_at: now })
    .where('sent_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where((eb) => {
      const matches = [];
      if (supporter.user_id !== null) matches.push(eb('user_id', '=', supporter.user_id));
      if (supporter.email) matches.push(eb('email', '=', supporter.email));
      return eb.or(matches);
    })
    .execute();
}
