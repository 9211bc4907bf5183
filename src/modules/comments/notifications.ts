/**
 * Email about comments, from the job queue so a crash or a refusing mail server loses nothing:
 *
 * - "X replied to your comment", when a reply is approved (at once or by a moderator), to the
 *   author of the comment it answers: not for answering oneself, not to readers who turned reply
 *   emails off, never twice for one reply;
 * - "your comment was featured" (readers may turn these off too), never twice for one comment;
 * - the moderators' digest: while comments wait in the pending or reported queues, editors and
 *   admins get their counts once an hour, on the hour.
 *
 * Reply and featured jobs are queued in the transaction of the change itself (notice-jobs.ts),
 * keyed, so one waits per email; the handler checks the outbox before sending, where the message
 * itself is the durable "sent" marker (X-StructureCMS-Notice header). The digest is triggered by
 * facts on the event bus (every instance hears them; its jobs are keyed too).
 */
import type { Database } from '../../db/database.js';
import { readerPreferences } from '../accounts/index.js';
import { checkAddress } from '../email/address.js';
import type { Mailer } from '../email/types.js';
import type { JobQueue } from '../jobs/index.js';
import type { SettingsService } from '../settings/service.js';
import { createQueueReader, excerpt, type QueueCounts } from './admin/queues.js';
import { COMMENTS_QUEUED, COMMENTS_REPORTED } from './events.js';
import { NOTIFY_JOB, type Notice } from './notice-jobs.js';

export { NOTIFY_JOB };

export const DIGEST_JOB = 'comments.digest';
export const REPLY_CATEGORY = 'comments.reply';
export const FEATURED_CATEGORY = 'comments.featured';
export const DIGEST_CATEGORY = 'comments.digest';
/** Names the notice an email is (reply:<id>, featured:<id>): what "already sent" looks for. */
export const NOTICE_HEADER = 'X-StructureCMS-Notice';
export const DIGEST_INTERVAL_MS = 60 * 60 * 1000;
/**
 * The next digest cannot take the key of the one running (the queue would drop the key from it),
 * so digests alternate between two keys; at most one of them is waiting at any time.
 */
const DIGEST_KEYS = ['comments.digest:a', 'comments.digest:b'] as const;
type DigestKey = (typeof DIGEST_KEYS)[number];


/** Every email links the reader's notification settings (the account page). */
export const unsubscribeHeaders = (publicUrl: string): Record<string, string> => ({ 'List-Unsubscribe': `<${publicUrl}/account>` });

export interface NotificationDeps {
  db: Database;
  jobs: JobQueue;
  email: Mailer;
  settings: SettingsService;
  publicUrl: string;
  secret: string;
  now: () => number;
  subscribe: (topic: string, listener: (payload: unknown) => void) => () => void;
  onError: (error: unknown) => void;
}

export interface CommentNotifications {
  /** Schedules the next digest on the hour, unless one is already waiting or running. */
  scheduleDigest(): Promise<void>;
  /** At start-up: comments may have waited through a restart with no digest scheduled. */
  resume(): Promise<void>;
}

const oneLine = (text: string, max: number) => excerpt(text.replace(/[\r\n\0]/gu, ' '), max);

export function createCommentNotifications(deps: NotificationDeps): CommentNotifications {
  const k = deps.db.kysely;
  const queues = createQueueReader(k, deps.secret, deps.now);
  const publication = () => deps.settings.get().name;
  const link = (path: string) => `${deps.publicUrl}${path}`;

  async function alreadySent(to: string, category: string, notice: string): Promise<boolean> {
    const rows = await k
      .selectFrom('email_outbox')
      .select('headers')
      .where('to_address', '=', checkAddress(to).normalised)
      .where('category', '=', category)
      .where('headers', 'like', `%${notice}%`)
      .execute();
    return rows.some((row) => (JSON.parse(row.headers) as Record<string, string>)[NOTICE_HEADER] === notice);
  }

  async function person(id: number) {
    return k.selectFrom('users').select(['id', 'email', 'name', 'disabled_at']).where('id', '=', id).executeTakeFirst();
  }

  async function sendReply(replyId: number): Promise<void> {
    const reply = await k.selectFrom('comments').select(['id', 'parent_id', 'user_id', 'status', 'body_text', 'story_id']).where('id', '=', replyId).executeTakeFirst();
    if (!reply || reply.status !== 'approved' || reply.parent_id === null) return;
    const parent = await k.selectFrom('comments').select(['user_id', 'status']).where('id', '=', reply.parent_id).executeTakeFirst();
    // Nobody is told about answering themselves, nor about replies to a comment that is gone.
    if (!parent || parent.status !== 'approved' || parent.user_id === reply.user_id) return;
    const [recipient, replier, story] = await Promise.all([
      person(parent.user_id),
      person(reply.user_id),
      k.selectFrom('comment_stories').select('title').where('id', '=', reply.story_id).executeTakeFirst(),
    ]);
    if (!recipient || recipient.disabled_at !== null) return;
    if (!(await readerPreferences(deps.db, recipient.id)).replyEmails) return;
    const notice = `reply:${reply.id}`;
    if (await alreadySent(recipient.email, REPLY_CATEGORY, notice)) return;
    const who = oneLine(replier?.name.trim() || 'A reader', 80);
    const text = [
      `${who} replied to your comment${story ? ` on “${oneLine(story.title, 200)}”` : ''}:`,
      '',
      excerpt(reply.body_text, 500),
      '',
      `Read the reply: ${link(`/comments/${reply.id}`)}`,
      '',
      `You get this email because you comment on ${publication()}. To stop emails about replies, change your notification settings: ${link('/account')}`,
    ].join('\n');
    await deps.email.send({
      to: recipient.email,
      subject: `${who} replied to your comment`,
      text,
      headers: { ...unsubscribeHeaders(deps.publicUrl), [NOTICE_HEADER]: notice },
      category: REPLY_CATEGORY,
    });
  }

  async function sendFeatured(commentId: number): Promise<void> {
    const comment = await k.selectFrom('comments').select(['id', 'user_id', 'status', 'featured_at', 'story_id', 'body_text']).where('id', '=', commentId).executeTakeFirst();
    // Unfeatured again before the job ran: nothing to celebrate.
    if (!comment || comment.status !== 'approved' || comment.featured_at === null) return;
    const [recipient, story] = await Promise.all([person(comment.user_id), k.selectFrom('comment_stories').select('title').where('id', '=', comment.story_id).executeTakeFirst()]);
    if (!recipient || recipient.disabled_at !== null) return;
    if (!(await readerPreferences(deps.db, recipient.id)).featuredEmails) return;
    const notice = `featured:${comment.id}`;
    if (await alreadySent(recipient.email, FEATURED_CATEGORY, notice)) return;
    const text = [
      `A moderator of ${publication()} featured your comment${story ? ` on “${oneLine(story.title, 200)}”` : ''}: it is now pinned above the discussion.`,
      '',
      excerpt(comment.body_text, 500),
      '',
      `See it: ${link(`/comments/${comment.id}`)}`,
      '',
      `To stop emails like this one, change your notification settings: ${link('/account')}`,
    ].join('\n');
    await deps.email.send({
      to: recipient.email,
      subject: `Your comment was featured on ${oneLine(publication(), 200)}`,
      text,
      headers: { ...unsubscribeHeaders(deps.publicUrl), [NOTICE_HEADER]: notice },
      category: FEATURED_CATEGORY,
    });
  }

  deps.jobs.define<Notice>(NOTIFY_JOB, async (notice) => {
    if (notice.kind === 'reply') await sendReply(notice.commentId);
    else if (notice.kind === 'featured') await sendFeatured(notice.commentId);
  });

  async function sendDigest(counts: QueueCounts): Promise<void> {
    const moderators = await k.selectFrom('users').select(['email']).where('role', 'in', ['editor', 'admin']).where('disabled_at', 'is', null).execute();
    const waiting = [counts.pending > 0 ? `${counts.pending} pending` : null, counts.reported > 0 ? `${counts.reported} reported` : null].filter(Boolean).join(', ');
    const text = [
      `Comments are waiting for a moderator on ${publication()}:`,
      '',
      `Pending approval: ${counts.pending}`,
      `Reported by readers: ${counts.reported}`,
      '',
      `Moderate them: ${link('/admin/comments')}`,
      '',
      `Notification settings: ${link('/account')}`,
    ].join('\n');
    for (const moderator of moderators) {
      // One bad address must not keep the digest from the others.
      try {
        await deps.email.send({ to: moderator.email, subject: `Comments waiting for moderation: ${waiting}`, text, headers: unsubscribeHeaders(deps.publicUrl), category: DIGEST_CATEGORY });
      } catch (error) {
        deps.onError(error);
      }
    }
  }

  const nextSlot = (at: number) => (Math.floor(at / DIGEST_INTERVAL_MS) + 1) * DIGEST_INTERVAL_MS;

  deps.jobs.define<{ key: DigestKey }>(DIGEST_JOB, async ({ key }, context) => {
    const counts = await queues.counts();
    if (counts.pending + counts.reported === 0) return; // nothing waits: the next queued comment schedules one
    // The next one first, so a failure to send never breaks the chain.
    const next = key === DIGEST_KEYS[0] ? DIGEST_KEYS[1] : DIGEST_KEYS[0];
    await deps.jobs.enqueue(DIGEST_JOB, { key: next }, { key: next, runAt: nextSlot(context.now) });
    await sendDigest(counts);
  });

  // Enqueues with one key in this process join: the bus and a moderator's request often report one fact twice.
  const inFlight = new Map<string, Promise<void>>();
  function enqueueOnce(key: string, work: () => Promise<unknown>): Promise<void> {
    const running = inFlight.get(key);
    if (running) return running;
    const attempt = work()
      .then(() => undefined)
      .finally(() => inFlight.delete(key));
    inFlight.set(key, attempt);
    return attempt;
  }

  const notifications: CommentNotifications = {
    async scheduleDigest() {
      const [first] = DIGEST_KEYS;
      await enqueueOnce(first, async () => {
        for (const key of DIGEST_KEYS) if (await deps.jobs.find(key)) return;
        await deps.jobs.enqueue(DIGEST_JOB, { key: first }, { key: first, runAt: nextSlot(deps.now()) });
      });
    },

    async resume() {
      const counts = await queues.counts();
      if (counts.pending + counts.reported > 0) await notifications.scheduleDigest();
    },
  };

  const safely = (work: () => Promise<void>) => void work().catch(deps.onError);
  for (const topic of [COMMENTS_QUEUED, COMMENTS_REPORTED]) deps.subscribe(topic, () => safely(() => notifications.scheduleDigest()));

  return notifications;
}
