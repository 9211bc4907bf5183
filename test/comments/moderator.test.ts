import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commentsFixture, type CommentsFixture, type Reader } from './helpers.js';
import type { ThreadPage } from '../../src/modules/comments/index.js';

describe('moderators\' decisions', () => {
  let f: CommentsFixture;
  let alice: Reader;
  let bob: Reader;
  let storyId: number;
  let path: string;
  const moe = { userId: null, label: 'Moe Moderator' };

  before(async () => {
    f = await commentsFixture();
    alice = await f.reader('Alice');
    bob = await f.reader('Bob');
    const article = await f.article('moderated');
    path = article.path;
    storyId = (await f.app.comments.storyForArticle({ id: article.id, path, headline: 'Moderated', publishedAt: f.clock.now })).id;
  });
  after(() => f.close());

  const thread = async () => (await f.api('GET', `/api/comments?story=${storyId}`)).json<ThreadPage>();

  it('rejecting an approved comment takes it off the page, out of the counts, and is audited', async () => {
    const root = await f.comment(alice, { storyId }, 'Will be rejected');
    const reply = await f.comment(bob, { storyId, parentId: root.id }, 'A reply');
    await f.api('POST', `/api/comments/${reply.id}/reports`, { as: alice, body: { reason: 'abuse' } });
    assert.equal((await f.api('GET', path)).body.includes('A reply'), true);
    const before = f.events.length;
    assert.deepEqual(await f.app.comments.reject(moe, reply.id, 'Abusive'), { changed: true });
    assert.deepEqual(f.events.slice(before), [{ storyId, commentId: reply.id, kind: 'rejected' }]);
    const page = await thread();
    assert.equal(page.story.commentCount, 1);
    assert.deepEqual(page.entries[0]?.replies, []);
    assert.equal(page.entries[0]?.comment.replyCount, 0);
    assert.equal((await f.api('GET', path)).body.includes('A reply'), false, 'the cached page was purged');
    const row = await f.app.db.kysely.selectFrom('comments').select(['status', 'report_count']).where('id', '=', reply.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'rejected', report_count: 0 });
    const reports = await f.app.db.kysely.selectFrom('comment_reports').select('resolved_at').where('comment_id', '=', reply.id).execute();
    assert.ok(reports.every((r) => r.resolved_at !== null), 'its reports are resolved');
    const [entry] = await f.app.audit.list({ subjectType: 'comment', subjectId: String(reply.id) });
    assert.equal(entry?.action, 'comment.reject');
    assert.deepEqual(entry?.detail, { from: 'approved', storyId, userId: bob.id, note: 'Abusive' });
    // Approving it again restores it; deciding the same twice changes nothing.
    assert.deepEqual(await f.app.comments.approve(moe, reply.id), { changed: true });
    assert.deepEqual(await f.app.comments.approve(moe, reply.id), { changed: false });
    assert.equal((await thread()).story.commentCount, 2);
    // The reader cannot edit a rejected comment back into view, nor delete it.
    await f.app.comments.reject(moe, reply.id);
    assert.equal((await f.api('PATCH', `/api/comments/${reply.id}`, { as: bob, body: { text: 'Sneaky' } })).statusCode, 403);
    assert.equal((await f.api('DELETE', `/api/comments/${reply.id}`, { as: bob })).statusCode, 403, 'nor erase it from the record');
    assert.equal((await f.app.db.kysely.selectFrom('comments').select('status').where('id', '=', reply.id).executeTakeFirstOrThrow()).status, 'rejected');
  });

  it('rejecting a comment with replies takes the replies it hides out of the count, and approving it brings them back', async () => {
    const article = await f.article('hidden-replies');
    const story = (await f.app.comments.storyForArticle({ id: article.id, path: article.path, headline: 'Hidden replies', publishedAt: f.clock.now })).id;
    const count = async () => (await f.app.comments.story(story))?.commentCount;
    const root = await f.comment(alice, { storyId: story }, 'A root with a conversation under it');
    const first = await f.comment(bob, { storyId: story, parentId: root.id }, 'First reply');
    await f.comment(alice, { storyId: story, parentId: first.id }, 'Reply to the reply');
    await f.comment(bob, { storyId: story }, 'Another root');
    assert.equal(await count(), 4);
    await f.app.comments.reject(moe, root.id, 'Off topic');
    assert.equal(await count(), 1, 'the rejected root and the two replies no reader can see any more');
    // A reply decided while its root is hidden does not count either.
    await f.app.comments.reject(moe, first.id);
    await f.app.comments.approve(moe, first.id);
    assert.equal(await count(), 1);
    await f.app.comments.approve(moe, root.id);
    assert.equal(await count(), 4);
  });

  it('only approved comments can be featured; deleted ones cannot be revived', async () => {
    const held = await f.app.comments.updateStory(moe, storyId, { premoderated: true });
    assert.equal(held.premoderated, true);
    const pending = await f.comment(alice, { storyId }, 'Held for review');
    await assert.rejects(f.app.comments.feature(moe, pending.id), /approved/u);
    await f.app.comments.updateStory(moe, storyId, { premoderated: false });
    const mine = await f.comment(bob, { storyId }, 'Mine to delete');
    await f.api('DELETE', `/api/comments/${mine.id}`, { as: bob });
    await assert.rejects(f.app.comments.approve(moe, mine.id), /no such comment/iu);
  });

  it('keeps a reader\'s standing and approvals for the pipeline', async () => {
    const newcomer = await f.reader('Newcomer', { regular: false });
    assert.deepEqual(await f.app.comments.standing(newcomer.id), { standing: { kind: 'good' }, approvedCount: 0 });
    await f.comment(newcomer, { storyId }, 'My first comment');
    const record = await f.app.comments.standing(newcomer.id);
    assert.ok(record.approvedCount <= 1);
    await f.app.comments.setStanding(moe, newcomer.id, { kind: 'warned', message: 'Keep it civil, please.' });
    f.clock.advance(60_000);
    const warned = await f.api('POST', '/api/comments', { as: newcomer, body: { storyId, text: 'Still posting, politely' } });
    assert.equal(warned.statusCode, 201, warned.body);
    assert.equal(warned.json<{ warning: string }>().warning, 'Keep it civil, please.');
    await f.app.comments.setStanding(moe, newcomer.id, { kind: 'banned', message: 'Repeated abuse' });
    assert.deepEqual((await f.app.comments.standing(newcomer.id)).standing, { kind: 'banned', message: 'Repeated abuse' });
    const banned = await f.api('POST', '/api/comments', { as: newcomer, body: { storyId, text: 'Still here?' } });
    assert.equal(banned.statusCode, 403);
    const [entry] = await f.app.audit.list({ subjectType: 'user', subjectId: String(newcomer.id) });
    assert.equal(entry?.action, 'reader.standing');
  });
});
