import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commentsFixture, type CommentsFixture } from './helpers.js';
import type { ThreadPage } from '../../src/modules/comments/index.js';

describe('the first page through the JSON API', () => {
  let f: CommentsFixture;
  before(async () => {
    f = await commentsFixture();
  });
  after(() => f.close());

  it('is kept as bytes until the thread changes, per sort, and never shared with later pages', async () => {
    const article = await f.article('api-cache');
    const reader = await f.reader('Cass Cache');
    await f.comment(reader, { articleId: article.id }, 'The first word');
    const url = `/api/comments?article=${article.id}`;
    const first = await f.api('GET', url);
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['cache-control'], 'no-store');
    const hitsBefore = f.app.cache.stats().hits;
    const again = await f.api('GET', url);
    assert.equal(again.body, first.body);
    assert.equal(f.app.cache.stats().hits, hitsBefore + 1, 'the second answer came from the cache');
    await f.comment(reader, { articleId: article.id }, 'The second word');
    const fresh = (await f.api('GET', url)).json<ThreadPage>();
    assert.equal(fresh.entries.length, 2, 'a new comment purges the kept page');
    assert.equal(fresh.story.commentCount, 2);
    const oldest = (await f.api('GET', `${url}&sort=oldest`)).json<ThreadPage>();
    assert.match(oldest.entries[0]?.comment.html ?? '', /The first word/u);
    // Bad input is still refused, not cached.
    assert.equal((await f.api('GET', `${url}&sort=sideways`)).statusCode, 400);
    assert.equal((await f.api('GET', '/api/comments?article=999999')).statusCode, 404);
  });
});
