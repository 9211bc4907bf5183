import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commentsFixture, type CommentsFixture, type Reader } from './helpers.js';

describe('likes and reports', () => {
  let f: CommentsFixture;
  let alice: Reader;
  let bob: Reader;
  let carol: Reader;
  let commentId: number;
  let storyId: number;

  before(async () => {
    f = await commentsFixture();
    alice = await f.reader('Alice');
    bob = await f.reader('Bob');
    carol = await f.reader('Carol');
    const article = await f.article('likeable');
    commentId = (await f.comment(alice, { articleId: article.id }, 'Like me')).id;
    storyId = (await f.app.db.kysely.selectFrom('comments').select('story_id').where('id', '=', commentId).executeTakeFirstOrThrow()).story_id;
  });
  after(() => f.close());

  const likeCount = async () => (await f.app.db.kysely.selectFrom('comments').select('like_count').where('id', '=', commentId).executeTakeFirstOrThrow()).like_count;

  it('counts one like per reader per comment, however often they click', async () => {
    const first = await f.api('POST', `/api/comments/${commentId}/like`, { as: bob });
    assert.equal(first.statusCode, 200);
    assert.deepEqual(first.json(), { liked: true, likeCount: 1 });
    const twice = await f.api('POST', `/api/comments/${commentId}/like`, { as: bob });
    assert.deepEqual(twice.json(), { liked: true, likeCount: 1 });
    assert.deepEqual((await f.api('POST', `/api/comments/${commentId}/like`, { as: carol })).json(), { liked: true, likeCount: 2 });
    assert.equal(await likeCount(), 2);
    const reactions = await f.app.db.kysely.selectFrom('comment_reactions').selectAll().where('comment_id', '=', commentId).execute();
    assert.deepEqual(reactions.map((r) => r.user_id).sort((a, b) => a - b), [bob.id, carol.id].sort((a, b) => a - b));
    const me = await f.api('GET', `/api/comments/me?ids=${commentId},123456`, { as: bob });
    assert.deepEqual(me.json(), { reader: { id: bob.id, name: 'Bob' }, liked: [commentId] });
    assert.deepEqual((await f.api('GET', `/api/comments/me?ids=${commentId}`)).json(), { reader: null, liked: [] });
    // An account without a display name comments as "Reader", and the form says so.
    const nameless = await f.reader('');
    assert.deepEqual((await f.api('GET', '/api/comments/me', { as: nameless })).json(), { reader: { id: nameless.id, name: 'Reader' }, liked: [] });
  });

  it('tells the live stream the new count', async () => {
    const before = f.events.length;
    await f.api('DELETE', `/api/comments/${commentId}/like`, { as: carol });
    assert.deepEqual(f.events.slice(before), [{ storyId, commentId, kind: 'likes', likeCount: 1 }]);
    assert.deepEqual((await f.api('DELETE', `/api/comments/${commentId}/like`, { as: carol })).json(), { liked: false, likeCount: 1 }, 'unliking twice');
    assert.equal(await likeCount(), 1);
  });

  it('refuses likes from strangers, on one\'s own comment, and on comments that are not there', async () => {
    assert.equal((await f.api('POST', `/api/comments/${commentId}/like`)).statusCode, 401);
    assert.equal((await f.api('POST', `/api/comments/${commentId}/like`, { as: alice })).statusCode, 403);
    assert.equal((await f.api('POST', '/api/comments/99999999/like', { as: bob })).statusCode, 404);
    assert.equal(await likeCount(), 1);
  });

  it('takes a report with a reason once per reader', async () => {
    const response = await f.api('POST', `/api/comments/${commentId}/reports`, { as: bob, body: { reason: 'spam', detail: 'Advertising' } });
    assert.equal(response.statusCode, 201);
    const again = await f.api('POST', `/api/comments/${commentId}/reports`, { as: bob, body: { reason: 'abuse' } });
    assert.equal(again.statusCode, 409);
    assert.match(again.json<{ error: string }>().error, /already reported/u);
    assert.equal((await f.api('POST', `/api/comments/${commentId}/reports`, { as: carol, body: { reason: 'off-topic' } })).statusCode, 201);
    const row = await f.app.db.kysely.selectFrom('comments').select('report_count').where('id', '=', commentId).executeTakeFirstOrThrow();
    assert.equal(row.report_count, 2);
    const reports = await f.app.db.kysely.selectFrom('comment_reports').selectAll().where('comment_id', '=', commentId).orderBy('id').execute();
    assert.deepEqual(reports.map((r) => [r.user_id, r.reason, r.detail]), [[bob.id, 'spam', 'Advertising'], [carol.id, 'off-topic', '']]);
  });

  it('refuses a report without a known reason, from a stranger or on one\'s own comment', async () => {
    const dave = await f.reader('Dave');
    assert.equal((await f.api('POST', `/api/comments/${commentId}/reports`, { as: dave, body: { reason: 'boring' } })).statusCode, 400);
    assert.equal((await f.api('POST', `/api/comments/${commentId}/reports`, { as: dave, body: {} })).statusCode, 400);
    assert.equal((await f.api('POST', `/api/comments/${commentId}/reports`, { as: dave, body: { reason: 'other', detail: 'x'.repeat(1001) } })).statusCode, 400);
    assert.equal((await f.api('POST', `/api/comments/${commentId}/reports`, { body: { reason: 'spam' } })).statusCode, 401);
    assert.equal((await f.api('POST', `/api/comments/${commentId}/reports`, { as: alice, body: { reason: 'spam' } })).statusCode, 400);
    const row = await f.app.db.kysely.selectFrom('comments').select('report_count').where('id', '=', commentId).executeTakeFirstOrThrow();
    assert.equal(row.report_count, 2);
  });
});
