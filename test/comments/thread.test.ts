import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commentsFixture, type CommentsFixture, type Reader } from './helpers.js';
import type { RepliesPage, ThreadPage } from '../../src/modules/comments/index.js';
import { parse } from '../helpers/html.js';

describe('reading a thread', () => {
  let f: CommentsFixture;
  let readers: Reader[];
  let storyId: number;
  let path: string;
  /** Top-level comment ids, oldest first. */
  const tops: number[] = [];
  /** Replies to tops[0], oldest first. */
  const replies: number[] = [];

  before(async () => {
    f = await commentsFixture();
    readers = [await f.reader('Ann'), await f.reader('Ben'), await f.reader('Cat'), await f.reader('Dan')];
    const article = await f.article('long-thread');
    path = article.path;
    for (let i = 0; i < 55; i++) tops.push((await f.comment(readers[i % 4]!, { articleId: article.id }, `Top-level comment ${i}`)).id);
    storyId = (await f.app.db.kysely.selectFrom('comment_stories').select('id').where('article_id', '=', article.id).executeTakeFirstOrThrow()).id;
    for (let i = 0; i < 6; i++) replies.push((await f.comment(readers[(i + 1) % 4]!, { storyId, parentId: tops[0] }, `Reply ${i} to the first`)).id);
  });
  after(() => f.close());

  const get = async <T>(url: string) => {
    const response = await f.api('GET', url);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<T>();
  };

  it('pages top-level comments newest first, 50 at a time, with a cursor that continues exactly', async () => {
    const first = await get<ThreadPage>(`/api/comments?story=${storyId}`);
    assert.equal(first.sort, 'newest');
    assert.equal(first.entries.length, 50);
    assert.deepEqual(first.entries.map((e) => e.comment.id), tops.slice(5).reverse());
    assert.equal(first.story.commentCount, 61);
    assert.ok(first.nextCursor);
    const second = await get<ThreadPage>(`/api/comments?story=${storyId}&cursor=${encodeURIComponent(first.nextCursor)}`);
    assert.deepEqual(second.entries.map((e) => e.comment.id), tops.slice(0, 5).reverse());
    assert.equal(second.nextCursor, null);
  });

  it('shows each top-level comment with its first 3 replies and "N more", then pages the rest', async () => {
    const page = await get<ThreadPage>(`/api/comments?story=${storyId}&sort=oldest`);
    assert.deepEqual(page.entries.slice(0, 5).map((e) => e.comment.id), tops.slice(0, 5));
    const entry = page.entries[0]!;
    assert.deepEqual(entry.replies.map((r) => r.id), replies.slice(0, 3));
    assert.equal(entry.comment.replyCount, 6);
    assert.equal(entry.moreReplies, 3);
    assert.ok(entry.repliesCursor);
    assert.equal(page.entries[1]!.replies.length, 0);
    assert.equal(page.entries[1]!.moreReplies, 0);
    const rest = await get<RepliesPage>(`/api/comments/${tops[0]}/replies?cursor=${encodeURIComponent(entry.repliesCursor)}`);
    assert.deepEqual(rest.items.map((r) => r.id), replies.slice(3));
    assert.equal(rest.nextCursor, null);
    const all = await get<RepliesPage>(`/api/comments/${tops[0]}/replies`);
    assert.deepEqual(all.items.map((r) => r.id), replies);
    assert.equal((await f.api('GET', `/api/comments/${replies[0]}/replies`)).statusCode, 404, 'replies are listed under their root');
  });

  it('sorts by most liked, keeping ties in a stable order across pages', async () => {
    // Likes from three readers on tops[10], two on tops[20], one on tops[30].
    for (const [target, count] of [[tops[10], 3], [tops[20], 2], [tops[30], 1]] as const) {
      let given = 0;
      for (const reader of readers) {
        if (given === count) break;
        const author = await f.app.db.kysely.selectFrom('comments').select('user_id').where('id', '=', target!).executeTakeFirstOrThrow();
        if (author.user_id === reader.id) continue;
        assert.equal((await f.api('POST', `/api/comments/${target}/like`, { as: reader })).statusCode, 200);
        given++;
      }
    }
    const first = await get<ThreadPage>(`/api/comments?story=${storyId}&sort=liked`);
    assert.deepEqual(first.entries.slice(0, 3).map((e) => [e.comment.id, e.comment.likeCount]), [[tops[10], 3], [tops[20], 2], [tops[30], 1]]);
    const second = await get<ThreadPage>(`/api/comments?story=${storyId}&sort=liked&cursor=${encodeURIComponent(first.nextCursor!)}`);
    const seen = [...first.entries, ...second.entries].map((e) => e.comment.id);
    assert.equal(seen.length, 55);
    assert.equal(new Set(seen).size, 55, 'no comment twice, none left out');
  });

  it('refuses a made-up cursor, a cursor of another sort and an unknown sort with 400', async () => {
    const first = await get<ThreadPage>(`/api/comments?story=${storyId}`);
    assert.equal((await f.api('GET', `/api/comments?story=${storyId}&cursor=abc.def`)).statusCode, 400);
    assert.equal((await f.api('GET', `/api/comments?story=${storyId}&sort=oldest&cursor=${encodeURIComponent(first.nextCursor!)}`)).statusCode, 400);
    assert.equal((await f.api('GET', `/api/comments?story=${storyId}&sort=loudest`)).statusCode, 400);
    assert.equal((await f.api('GET', '/api/comments?story=999999')).statusCode, 404);
    const page = await f.api('GET', `${path}?comments=not-a-cursor`);
    assert.equal(page.statusCode, 400);
  });

  it('indents replies to depth 3 and shows deeper ones at depth 3 with "replying to <name>"', async () => {
    const article = await f.article('deep-thread');
    const [ann, ben] = readers as [Reader, Reader];
    const chain = [(await f.comment(ann, { articleId: article.id }, 'Depth zero')).id];
    for (let depth = 1; depth <= 5; depth++) chain.push((await f.comment(depth % 2 ? ben : ann, { articleId: article.id, parentId: chain.at(-1)! }, `Depth ${depth}`)).id);
    const rows = await f.app.db.kysely.selectFrom('comments').select(['id', 'depth', 'root_id']).where('id', 'in', chain).orderBy('id').execute();
    assert.deepEqual(rows.map((r) => r.depth), [0, 1, 2, 3, 4, 5], 'stored at their real depth');
    // The page shows the first three replies; the thread page (?comment=) all of them.
    const $ = parse((await f.api('GET', `${article.path}?comment=${chain[0]}`)).body);
    const depthOf = (id: number) => $(`.comments-focus #comment-${id}`).parent().attr('class');
    assert.equal(depthOf(chain[1]!), 'comment-depth-1');
    assert.equal(depthOf(chain[3]!), 'comment-depth-3');
    assert.equal(depthOf(chain[4]!), 'comment-depth-3');
    assert.equal(depthOf(chain[5]!), 'comment-depth-3');
    assert.equal($(`#comment-${chain[3]} .comment-replying`).length, 0);
    assert.equal($(`#comment-${chain[4]} .comment-replying`).text().trim(), 'replying to Ben');
    assert.equal($(`#comment-${chain[5]} .comment-replying`).text().trim(), 'replying to Ann');
  });

  it('pins featured comments above the thread', async () => {
    const actor = { userId: null, label: 'Moe Moderator' };
    await f.app.comments.feature(actor, tops[3]!);
    const page = await get<ThreadPage>(`/api/comments?story=${storyId}`);
    assert.deepEqual(page.featured.map((c) => c.id), [tops[3]]);
    assert.equal(page.featured[0]!.featured, true);
    const $ = parse((await f.api('GET', path)).body);
    assert.equal($('.comments-featured .comment').attr('data-comment'), String(tops[3]));
    assert.ok($('.comments-featured').index() < $('.comments > .comment-thread').index(), 'above the thread');
    await f.app.comments.unfeature(actor, tops[3]!);
    assert.deepEqual((await get<ThreadPage>(`/api/comments?story=${storyId}`)).featured, []);
    const audit = await f.app.audit.list({ subjectType: 'comment', subjectId: String(tops[3]) });
    assert.deepEqual(audit.map((a) => a.action), ['comment.unfeature', 'comment.feature']);
  });
});
