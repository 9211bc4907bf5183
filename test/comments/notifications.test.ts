/**
 * Email about comments, sent from the job queue: replies (on approval, at once or after
 * moderation; never to oneself, never when turned off, never twice), featured comments, and the
 * moderators' hourly digest of what waits in the queues.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { savePreferences } from '../../src/modules/accounts/readers/preferences.js';
import { engineName } from '../helpers/app.js';
import { moderationFixture, type ModerationFixture, type Staffer } from './admin-helpers.js';
import type { Reader } from './helpers.js';

const HOUR = 3_600_000;

describe(`comment notifications (${engineName()})`, () => {
  let f: ModerationFixture;
  let editor: Staffer;
  let admin: Staffer;
  let contributor: Staffer;
  let openStory: number;
  let heldStory: number;
  const moe = { userId: null, label: 'Fixture moderator' };

  before(async () => {
    f = await moderationFixture();
    editor = await f.staff('editor', 'Edna Editor');
    admin = await f.staff('admin', 'Ada Admin');
    contributor = await f.staff('contributor', 'Connie Contributor');
    openStory = await f.storyOf(await f.article('open-story'));
    heldStory = await f.storyOf(await f.article('held-story'));
    await f.app.comments.updateStory(moe, heldStory, { premoderated: true });
  });
  after(() => f.close());

  const inbox = async (reader: Reader, category: string) => (await f.app.email.list({ to: await f.emailOf(reader) })).filter((m) => m.category === category);
  const optOut = (reader: Reader, choices: { replyEmails: boolean; featuredEmails: boolean }) => savePreferences(f.app.db.kysely, reader.id, choices, f.clock.now);

  it('emails the author of a comment once when a reply to it is published at once', async () => {
    const alice = await f.reader('Alice Adams');
    const bob = await f.reader('Bob Brown');
    const root = await f.comment(alice, { storyId: openStory }, 'What do you all think?');
    const reply = await f.comment(bob, { storyId: openStory, parentId: root.id }, 'I think **it works**.');
    assert.equal(reply.status, 'approved');
    await f.eventually(async () => (await inbox(alice, 'comments.reply')).length > 0, 'the reply email');
    const [mail] = await inbox(alice, 'comments.reply');
    assert.equal(mail?.subject, 'Bob Brown replied to your comment');
    assert.match(mail?.text ?? '', new RegExp(`http://localhost:3000/comments/${reply.id}\\b`, 'u'));
    assert.match(mail?.text ?? '', /I think \*\*it works\*\*\./u);
    assert.equal(mail?.headers['List-Unsubscribe'], '<http://localhost:3000/account>');
    // The link in it leads to the reply.
    const permalink = await f.api('GET', `/comments/${reply.id}`);
    assert.equal(permalink.statusCode, 302);
    assert.match(String(permalink.headers.location), new RegExp(`#comment-${reply.id}$`, 'u'));

    // Rejected and approved again, edited, the job run again: still one email.
    await f.app.comments.reject(moe, reply.id);
    await f.app.comments.approve(moe, reply.id);
    await f.app.jobs.enqueue('comments.notify', { kind: 'reply', commentId: reply.id });
    await f.notified('reply', reply.id);
    await f.app.jobs.runDue();
    assert.equal((await inbox(alice, 'comments.reply')).length, 1, 'never twice for one reply');
    assert.equal((await inbox(bob, 'comments.reply')).length, 0);
  });

  it('emails when a held reply is approved by a moderator, not before', async () => {
    const carol = await f.reader('Carol Clark');
    const dan = await f.reader('Dan Dunn');
    const root = await f.comment(carol, { storyId: heldStory }, 'A held question');
    await f.app.comments.approve(moe, root.id);
    const reply = await f.comment(dan, { storyId: heldStory, parentId: root.id }, 'A held answer');
    assert.equal(reply.status, 'pending');
    await f.app.jobs.runDue();
    assert.equal((await inbox(carol, 'comments.reply')).length, 0, 'nothing while the reply waits');

    const approved = await f.admin(editor, 'POST', `/api/admin/comments/${reply.id}/approve`);
    assert.equal(approved.statusCode, 200);
    // Queued before the moderator got an answer: it is in the job table already.
    const jobs = await f.app.jobs.list({ name: 'comments.notify' });
    assert.ok(jobs.some((j) => (j.payload as { commentId: number }).commentId === reply.id));
    await f.app.jobs.runDue();
    const mails = await inbox(carol, 'comments.reply');
    assert.equal(mails.length, 1);
    assert.equal(mails[0]?.subject, 'Dan Dunn replied to your comment');
  });

  it('does not email readers about their own replies, nor readers who turned reply emails off', async () => {
    const erin = await f.reader('Erin Evans');
    const frank = await f.reader('Frank Ford');
    const root = await f.comment(erin, { storyId: openStory }, 'Talking to myself');
    const own = await f.comment(erin, { storyId: openStory, parentId: root.id }, 'And answering myself');
    await f.notified('reply', own.id);
    assert.equal((await inbox(erin, 'comments.reply')).length, 0, 'not to oneself');

    await optOut(erin, { replyEmails: false, featuredEmails: true });
    const theirs = await f.comment(frank, { storyId: openStory, parentId: root.id }, 'Frank answers Erin');
    await f.notified('reply', theirs.id);
    assert.equal((await inbox(erin, 'comments.reply')).length, 0, 'not when turned off');

    await optOut(erin, { replyEmails: true, featuredEmails: true });
    const later = await f.comment(frank, { storyId: openStory, parentId: root.id }, 'Frank answers again');
    await f.notified('reply', later.id);
    assert.equal((await inbox(erin, 'comments.reply')).length, 1, 'on again: the next reply is emailed');
  });

  it('emails "your comment was featured" once, unless turned off', async () => {
    const gina = await f.reader('Gina Gray');
    const hal = await f.reader('Hal Hill');
    const c = await f.comment(gina, { storyId: openStory }, 'Worth pinning');
    assert.equal((await f.admin(editor, 'POST', `/api/admin/comments/${c.id}/feature`)).statusCode, 200);
    await f.app.jobs.runDue();
    const [mail] = await inbox(gina, 'comments.featured');
    assert.match(mail?.subject ?? '', /^Your comment was featured/u);
    assert.match(mail?.text ?? '', new RegExp(`/comments/${c.id}\\b`, 'u'));
    assert.equal(mail?.headers['List-Unsubscribe'], '<http://localhost:3000/account>');
    await f.admin(editor, 'POST', `/api/admin/comments/${c.id}/unfeature`);
    await f.admin(editor, 'POST', `/api/admin/comments/${c.id}/feature`);
    await f.app.jobs.runDue();
    assert.equal((await inbox(gina, 'comments.featured')).length, 1, 'featured again: no second email');

    await optOut(hal, { replyEmails: true, featuredEmails: false });
    const other = await f.comment(hal, { storyId: openStory }, 'Pinned quietly');
    await f.app.comments.feature(moe, other.id); // through the core: the bus queues it
    await f.notified('featured', other.id);
    assert.equal((await inbox(hal, 'comments.featured')).length, 0);
  });

  it("sends moderators an hourly digest only while comments wait, with one digest job pending at a time", async () => {
    const digestJobs = async () => (await f.app.jobs.list({ name: 'comments.digest', limit: 100 })).filter((j) => j.status === 'pending');
    const digests = async (to: string) => (await f.app.email.list({ to })).filter((m) => m.category === 'comments.digest');
    // Clear what earlier tests left waiting, and let any digest they scheduled run.
    for (const queue of ['pending', 'reported'] as const) {
      for (const item of (await f.admin(editor, 'GET', `/api/admin/comments?queue=${queue}&limit=100`)).json<{ items: { id: number }[] }>().items) await f.app.comments.reject(moe, item.id);
    }
    // A minute past an hour, two hours on: any digest scheduled earlier is due, and the posts below
    // (a few seconds apart) stay within this hour.
    const hour = (Math.floor(f.clock.now / HOUR) + 2) * HOUR;
    f.clock.now = hour + 60_000;
    await f.app.jobs.runDue();
    const before = (await digests(editor.email)).length;
    assert.deepEqual(await digestJobs(), [], 'nothing waits, so no digest is scheduled');

    const ivy = await f.reader('Ivy Irwin');
    const jo = await f.reader('Jo Jones');
    await f.comment(ivy, { storyId: heldStory }, 'Held for the digest');
    await f.comment(jo, { storyId: heldStory }, 'Also held');
    const shown = await f.comment(jo, { storyId: openStory }, 'Reported for the digest');
    await f.api('POST', `/api/comments/${shown.id}/reports`, { as: ivy, body: { reason: 'spam' } });
    await f.eventually(async () => (await digestJobs()).length === 1, 'a digest is scheduled');
    const [job] = await digestJobs();
    assert.equal(job?.runAt, hour + HOUR, 'on the next hour');
    await f.comment(ivy, { storyId: heldStory }, 'A third held comment');
    await f.eventually(async () => (await f.admin(editor, 'GET', '/api/admin/comments?limit=1')).json<{ counts: { pending: number } }>().counts.pending === 3, 'three pending');
    assert.equal((await digestJobs()).length, 1, 'still one pending digest');

    assert.equal(await f.app.jobs.runDue(), 0, 'not before the hour');
    f.clock.now = (job?.runAt ?? 0) + 1;
    await f.app.jobs.runDue();
    for (const moderator of [editor, admin]) {
      const mails = await digests(moderator.email);
      assert.equal(mails.length, before + 1, moderator.email);
      assert.equal(mails[0]?.subject, 'Comments waiting for moderation: 3 pending, 1 reported');
      assert.match(mails[0]?.text ?? '', /http:\/\/localhost:3000\/admin\/comments/u);
      assert.equal(mails[0]?.headers['List-Unsubscribe'], '<http://localhost:3000/account>');
    }
    assert.equal((await digests(contributor.email)).length, 0, 'contributors do not moderate');
    const next = await digestJobs();
    assert.equal(next.length, 1, 'the next digest is scheduled while comments still wait');
    assert.equal(next[0]?.runAt, (job?.runAt ?? 0) + HOUR);

    // The queues are cleared: the next digest finds nothing, sends nothing, and schedules none.
    for (const queue of ['pending', 'reported'] as const) {
      for (const item of (await f.admin(editor, 'GET', `/api/admin/comments?queue=${queue}&limit=100`)).json<{ items: { id: number }[] }>().items) {
        await f.admin(editor, 'POST', `/api/admin/comments/${item.id}/approve`);
      }
    }
    f.clock.now = (next[0]?.runAt ?? 0) + 1;
    await f.app.jobs.runDue();
    assert.equal((await digests(editor.email)).length, before + 1, 'no digest of empty queues');
    assert.deepEqual(await digestJobs(), []);
  });
});
