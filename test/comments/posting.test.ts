import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commentsFixture, type CommentsFixture, type Reader } from './helpers.js';
import type { CommentView, ThreadPage } from '../../src/modules/comments/index.js';

describe('posting comments', () => {
  let f: CommentsFixture;
  let alice: Reader;
  let bob: Reader;
  let storyId: number;
  let articleId: number;
  const editor = { userId: null, label: 'Eddie Editor' };

  before(async () => {
    f = await commentsFixture();
    alice = await f.reader('Alice Adams');
    bob = await f.reader('Bob Brown');
    const article = await f.article('harbour-plans');
    articleId = article.id;
    storyId = (await f.app.comments.storyForArticle({ id: article.id, path: article.path, headline: 'Harbour plans', publishedAt: f.clock.now - 60_000 })).id;
  });
  after(() => f.close());

  const thread = async (id = storyId) => {
    const response = await f.api('GET', `/api/comments?story=${id}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<ThreadPage>();
  };
  const rowCount = async () => Number((await f.app.db.kysely.selectFrom('comments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('stores a signed-in reader\'s comment as approved, counts it and tells the bus', async () => {
    const before = f.events.length;
    const response = await f.api('POST', '/api/comments', { as: alice, body: { storyId, text: 'The *new* quay is overdue.' } });
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json<{ comment: CommentView; status: string; message: string }>();
    assert.equal(body.status, 'approved');
    assert.equal(body.comment.html, '<p>The <em>new</em> quay is overdue.</p>');
    assert.deepEqual(body.comment.author, { id: alice.id, name: 'Alice Adams' });
    assert.equal(body.comment.depth, 0);
    const page = await thread();
    assert.equal(page.story.commentCount, 1);
    assert.deepEqual(page.entries.map((e) => e.comment.id), [body.comment.id]);
    assert.deepEqual(f.events.slice(before), [{ storyId, commentId: body.comment.id, kind: 'approved' }]);
    // The address is kept only as a keyed hash.
    const row = await f.app.db.kysely.selectFrom('comments').selectAll().where('id', '=', body.comment.id).executeTakeFirstOrThrow();
    assert.match(row.address_hash, /^[0-9a-f]{64}$/u);
    assert.ok(!row.address_hash.includes('203.0.113'));
  });

  it('posts by article id too, making the story on first need', async () => {
    const other = await f.article('second-story');
    const response = await f.api('POST', '/api/comments', { as: bob, body: { articleId: other.id, text: 'First!' } });
    assert.equal(response.statusCode, 201, response.body);
    const story = await f.app.db.kysely.selectFrom('comment_stories').selectAll().where('article_id', '=', other.id).executeTakeFirstOrThrow();
    assert.equal(story.comment_count, 1);
    assert.equal(story.url, `http://localhost:3000${other.path}`);
    assert.equal((await f.api('POST', '/api/comments', { as: bob, body: { articleId: 999999, text: 'Nowhere' } })).statusCode, 404);
  });

  it('answers a stranger 401 and an unconfirmed reader 403, storing nothing', async () => {
    const count = await rowCount();
    const stranger = await f.api('POST', '/api/comments', { body: { storyId, text: 'Let me in' } });
    assert.equal(stranger.statusCode, 401);
    assert.match(stranger.json<{ error: string }>().error, /Sign in/u);
    const unverified = await f.reader('Una Verified', { verified: false });
    const response = await f.api('POST', '/api/comments', { as: unverified, body: { storyId, text: 'Hello' } });
    assert.equal(response.statusCode, 403);
    assert.match(response.json<{ error: string }>().error, /Confirm your email/u);
    const forged = await f.api('POST', '/api/comments', { as: { ...alice, cookie: 'scms_session=made-up' }, body: { storyId, text: 'Hello' } });
    assert.equal(forged.statusCode, 401);
    assert.equal(await rowCount(), count);
  });

  it('refuses empty and far too long text with a clear message', async () => {
    const count = await rowCount();
    const empty = await f.api('POST', '/api/comments', { as: alice, body: { storyId, text: '   ' } });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.json<{ error: string }>().error, /empty/u);
    const huge = await f.api('POST', '/api/comments', { as: alice, body: { storyId, text: 'x'.repeat(100 * 1024) } });
    assert.ok([400, 413].includes(huge.statusCode), String(huge.statusCode));
    assert.match(huge.json<{ error: string }>().error, /long/u);
    const long = await f.api('POST', '/api/comments', { as: alice, body: { storyId, text: 'word '.repeat(2000) } });
    assert.equal(long.statusCode, 400, 'over the publication limit (moderation: length)');
    const notText = await f.api('POST', '/api/comments', { as: alice, body: { storyId, text: { html: '<b>' } } });
    assert.equal(notText.statusCode, 400);
    assert.equal(await rowCount(), count);
  });

  it('keeps HTML and scripts as text and drops javascript: links', async () => {
    const response = await f.api('POST', '/api/comments', { as: bob, body: { storyId, text: '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(2)>' } });
    assert.equal(response.statusCode, 201, response.body);
    const html = response.json<{ comment: CommentView }>().comment.html;
    assert.ok(!/<script|<img|<a /iu.test(html), html);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/u);
    assert.match(html, /\[x\]\(javascript:alert\(1\)\)/u);
  });

  it('threads replies: root, depth and whom they answer', async () => {
    const root = await f.comment(alice, { storyId }, 'Root of a thread');
    const reply = await f.comment(bob, { storyId, parentId: root.id }, 'A reply');
    const deeper = await f.comment(alice, { storyId, parentId: reply.id }, 'A reply to the reply');
    const row = await f.app.db.kysely.selectFrom('comments').selectAll().where('id', '=', deeper.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.parent_id, row.root_id, row.depth, row.reply_to_user_id], [reply.id, root.id, 2, bob.id]);
    const rootRow = await f.app.db.kysely.selectFrom('comments').select('reply_count').where('id', '=', root.id).executeTakeFirstOrThrow();
    assert.equal(rootRow.reply_count, 2);
  });

  it('refuses a reply to a comment of another story, a deleted one or a pending one', async () => {
    const otherArticle = await f.article('third-story');
    const elsewhere = await f.comment(alice, { articleId: otherArticle.id }, 'Elsewhere');
    const cross = await f.api('POST', '/api/comments', { as: bob, body: { storyId, parentId: elsewhere.id, text: 'Crossing over' } });
    assert.equal(cross.statusCode, 400);
    assert.match(cross.json<{ error: string }>().error, /not part of this discussion/u);
    const missing = await f.api('POST', '/api/comments', { as: bob, body: { storyId, parentId: 99999999, text: 'To nothing' } });
    assert.equal(missing.statusCode, 400);

    const root = await f.comment(alice, { storyId }, 'Soon a placeholder');
    await f.comment(bob, { storyId, parentId: root.id }, 'Keeps it as a placeholder');
    assert.equal((await f.api('DELETE', `/api/comments/${root.id}`, { as: alice })).statusCode, 200);
    const toDeleted = await f.api('POST', '/api/comments', { as: bob, body: { storyId, parentId: root.id, text: 'Reply to deleted' } });
    assert.equal(toDeleted.statusCode, 400);
    assert.match(toDeleted.json<{ error: string }>().error, /deleted/u);

    const premoderated = await f.article('held-story');
    const story = await f.app.comments.storyForArticle({ id: premoderated.id, path: premoderated.path, headline: 'Held', publishedAt: f.clock.now });
    await f.app.comments.updateStory(editor, story.id, { premoderated: true });
    const pending = await f.comment(alice, { storyId: story.id }, 'Waiting for a moderator');
    assert.equal(pending.status, 'pending');
    const toPending = await f.api('POST', '/api/comments', { as: bob, body: { storyId: story.id, parentId: pending.id, text: 'Reply to pending' } });
    assert.equal(toPending.statusCode, 400);
    assert.match(toPending.json<{ error: string }>().error, /not published/u);
  });

  it('holds comments on a pre-moderated story until a moderator approves them', async () => {
    const article = await f.article('premoderated');
    const story = await f.app.comments.storyForArticle({ id: article.id, path: article.path, headline: 'Premoderated', publishedAt: f.clock.now });
    await f.app.comments.updateStory(editor, story.id, { premoderated: true });
    const response = await f.api('POST', '/api/comments', { as: alice, body: { storyId: story.id, text: 'Please approve me' } });
    assert.equal(response.statusCode, 201);
    const body = response.json<{ comment: CommentView; status: string; message: string }>();
    assert.equal(body.status, 'pending');
    assert.match(body.message, /moderator/u);
    let page = await thread(story.id);
    assert.equal(page.entries.length, 0, 'not shown');
    assert.equal(page.story.commentCount, 0, 'not counted');
    assert.equal((await f.api('GET', `/api/comments/${body.comment.id}`)).statusCode, 404, 'not readable by id either');
    await f.app.comments.approve({ userId: null, label: 'Moe Moderator' }, body.comment.id);
    page = await thread(story.id);
    assert.deepEqual(page.entries.map((e) => e.comment.id), [body.comment.id]);
    assert.equal(page.story.commentCount, 1);
    const audit = await f.app.audit.list({ subjectType: 'comment', subjectId: String(body.comment.id) });
    assert.equal(audit[0]?.action, 'comment.approve');
    assert.equal(audit[0]?.actor.label, 'Moe Moderator');
  });

  it("holds a new reader's first comments for a moderator, but not a new staff member's", async () => {
    const article = await f.article('first-words');
    const newcomer = await f.reader('Nina Newcomer', { regular: false });
    const colleague = await f.reader('Rita Newsroom', { regular: false, role: 'editor' });
    const held = await f.comment(newcomer, { articleId: article.id }, 'My first comment here.');
    assert.equal(held.status, 'pending');
    const reasons = await f.app.db.kysely.selectFrom('comments').select('moderation_reasons').where('id', '=', held.id).executeTakeFirstOrThrow();
    assert.match(reasons.moderation_reasons, /new-reader/u);
    const posted = await f.comment(colleague, { articleId: article.id }, 'A correction is on its way.');
    assert.equal(posted.status, 'approved');
  });

  it('refuses comments on a closed story (403), and closes stories N days after publication', async () => {
    const article = await f.article('closed-story');
    const story = await f.app.comments.storyForArticle({ id: article.id, path: article.path, headline: 'Closed', publishedAt: f.clock.now });
    await f.app.comments.updateStory(editor, story.id, { open: false });
    const count = await rowCount();
    const closed = await f.api('POST', '/api/comments', { as: alice, body: { storyId: story.id, text: 'Too late?' } });
    assert.equal(closed.statusCode, 403);
    assert.match(closed.json<{ error: string }>().error, /closed/iu);

    await f.app.settings.update({ comments: { autoCloseDays: 2 } });
    try {
      const old = await f.article('old-story', { publishedAt: f.clock.now - 3 * 86_400_000 });
      const freshPublished = f.clock.now - 86_400_000;
      const fresh = await f.article('fresh-story', { publishedAt: freshPublished });
      const late = await f.api('POST', '/api/comments', { as: alice, body: { articleId: old.id, text: 'Three days on' } });
      assert.equal(late.statusCode, 403);
      assert.equal((await f.api('POST', '/api/comments', { as: alice, body: { articleId: fresh.id, text: 'One day on' } })).statusCode, 201);
      const freshStory = await f.app.db.kysely.selectFrom('comment_stories').selectAll().where('article_id', '=', fresh.id).executeTakeFirstOrThrow();
      assert.equal(freshStory.closes_at, freshPublished + 2 * 86_400_000);
      // A day and a bit later the fresh story has closed too.
      f.clock.advance(86_400_000 + 60_000);
      assert.equal((await f.api('POST', '/api/comments', { as: bob, body: { articleId: fresh.id, text: 'Two days on' } })).statusCode, 403);
    } finally {
      await f.app.settings.update({ comments: { autoCloseDays: 0 } });
    }
    assert.equal(await rowCount(), count + 1);
  });

  it('edits one\'s own comment within the window: marked edited and re-rendered', async () => {
    const mine = await f.comment(alice, { storyId }, 'Tpyo here');
    const before = f.events.length;
    const response = await f.api('PATCH', `/api/comments/${mine.id}`, { as: alice, body: { text: 'Typo **fixed**' } });
    assert.equal(response.statusCode, 200, response.body);
    const edited = response.json<{ comment: CommentView }>().comment;
    assert.equal(edited.html, '<p>Typo <strong>fixed</strong></p>');
    assert.ok(edited.editedAt !== null);
    assert.deepEqual(f.events.slice(before), [{ storyId, commentId: mine.id, kind: 'edited' }]);
  });

  it('answers 404 to editing someone else\'s comment and 403 after the window, changing nothing', async () => {
    const mine = await f.comment(alice, { storyId }, 'Alice wrote this');
    const theirs = await f.api('PATCH', `/api/comments/${mine.id}`, { as: bob, body: { text: 'Bob rewrote it' } });
    assert.equal(theirs.statusCode, 404);
    assert.equal((await f.api('DELETE', `/api/comments/${mine.id}`, { as: bob })).statusCode, 404);
    assert.equal((await f.api('PATCH', `/api/comments/${mine.id}`, { body: { text: 'Anonymous' } })).statusCode, 401);
    f.clock.advance(11 * 60_000);
    const late = await f.api('PATCH', `/api/comments/${mine.id}`, { as: alice, body: { text: 'Too late to change' } });
    assert.equal(late.statusCode, 403);
    assert.match(late.json<{ error: string }>().error, /10 minutes/u);
    const row = await f.app.db.kysely.selectFrom('comments').select(['body_text', 'edited_at', 'status']).where('id', '=', mine.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { body_text: 'Alice wrote this', edited_at: null, status: 'approved' });
  });

  it('deletes one\'s own comment: "[deleted]" when it has replies, gone otherwise; counts follow', async () => {
    const article = await f.article('deleting');
    const root = await f.comment(alice, { articleId: article.id }, 'Root to delete');
    const reply = await f.comment(bob, { articleId: article.id, parentId: root.id }, 'A reply keeps it');
    const lone = await f.comment(alice, { articleId: article.id }, 'Lonely comment');
    const story = await f.app.db.kysely.selectFrom('comment_stories').select('id').where('article_id', '=', article.id).executeTakeFirstOrThrow();
    assert.equal((await thread(story.id)).story.commentCount, 3);

    const removed = await f.api('DELETE', `/api/comments/${lone.id}`, { as: alice });
    assert.deepEqual(removed.json(), { outcome: 'removed' });
    assert.equal(await f.app.db.kysely.selectFrom('comments').select('id').where('id', '=', lone.id).executeTakeFirst(), undefined);

    const kept = await f.api('DELETE', `/api/comments/${root.id}`, { as: alice });
    assert.deepEqual(kept.json(), { outcome: 'placeholder' });
    let page = await thread(story.id);
    assert.equal(page.story.commentCount, 1, 'only the reply still counts');
    const entry = page.entries.find((e) => e.comment.id === root.id);
    assert.ok(entry, 'the placeholder keeps its place');
    assert.equal(entry.comment.status, 'deleted');
    assert.equal(entry.comment.html, '');
    assert.equal(entry.comment.author, null);
    assert.deepEqual(entry.replies.map((r) => r.id), [reply.id]);
    const row = await f.app.db.kysely.selectFrom('comments').select('body_text').where('id', '=', root.id).executeTakeFirstOrThrow();
    assert.equal(row.body_text, '', 'the text is gone from storage');
    assert.equal((await f.api('DELETE', `/api/comments/${root.id}`, { as: alice })).statusCode, 404, 'deleting twice');

    // When the last reply goes, the placeholder goes with it.
    assert.deepEqual((await f.api('DELETE', `/api/comments/${reply.id}`, { as: bob })).json(), { outcome: 'removed' });
    page = await thread(story.id);
    assert.equal(page.entries.length, 0);
    assert.equal(page.story.commentCount, 0);
  });

  it('answers 429 with Retry-After to a reader posting too fast', async () => {
    const speedy = await f.reader('Speedy Sam');
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 50 && !retryAfter; i++) {
      const response = await f.api('POST', '/api/comments', { as: speedy, body: { storyId, text: `Rapid comment number ${i}` }, address: '192.0.2.77' });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) retryAfter = response.headers['retry-after'] as string | undefined;
    }
    assert.ok(statuses.includes(201), 'the first ones pass');
    assert.ok(statuses.includes(429), `then 429 (got ${statuses.join(',')})`);
    assert.match(retryAfter ?? '', /^\d+$/u);
  });
});
