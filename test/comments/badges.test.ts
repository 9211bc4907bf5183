import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCommentsService, type CommentsService } from '../../src/modules/comments/index.js';
import { commentsFixture, type CommentsFixture, type Reader } from './helpers.js';

describe('the Supporter badge', () => {
  let f: CommentsFixture;
  let supporter: Reader;
  let other: Reader;
  let comments: CommentsService;
  const asked: number[][] = [];
  before(async () => {
    f = await commentsFixture();
    supporter = await f.reader('Sam Supporter');
    other = await f.reader('Otto Other');
    const { db, settings, audit } = f.app;
    comments = createCommentsService({
      db,
      settings,
      audit,
      now: () => f.clock.now,
      secret: 'a secret of at least thirty-two characters',
      publicUrl: 'http://localhost:3000',
      purge: () => {},
      publish: () => {},
      supporters: async (ids) => {
        asked.push([...ids]);
        return new Set(ids.filter((id) => id === supporter.id));
      },
    });
  });
  after(() => f.close());

  it('marks supporters’ comments and replies with one question per page', async () => {
    const article = await f.article('badges');
    const root = await f.comment(other, { articleId: article.id }, 'Not a supporter here');
    await f.comment(supporter, { articleId: article.id, parentId: root.id }, 'A supporter replies');
    await f.comment(supporter, { articleId: article.id }, 'A supporter speaks');
    asked.length = 0;
    const page = await comments.threadForArticleId(article.id);
    assert.ok(page);
    assert.equal(asked.length, 1);
    assert.deepEqual(new Set(asked[0]), new Set([supporter.id, other.id]));
    const byText = new Map(page.entries.flatMap((e) => [e.comment, ...e.replies]).map((c) => [c.html.replace(/<[^>]+>/gu, ''), c.author]));
    assert.deepEqual(byText.get('A supporter speaks'), { id: supporter.id, name: 'Sam Supporter', supporter: true });
    assert.deepEqual(byText.get('A supporter replies'), { id: supporter.id, name: 'Sam Supporter', supporter: true });
    assert.deepEqual(byText.get('Not a supporter here'), { id: other.id, name: 'Otto Other' });
    const replies = await comments.replies(root.id);
    assert.equal(replies?.items[0]?.author?.supporter, true);
  });

  it('comes from the revenue module’s supporters in the assembled app', async () => {
    const article = await f.article('badges-wired');
    const giver = await f.reader('Gil Giver');
    await f.app.db.kysely
      .insertInto('supporters')
      .values({ user_id: giver.id, email: null, name: 'Gil Giver', stripe_customer_id: null, active_until: f.clock.now + 86_400_000, created_at: f.clock.now, anonymised_at: null })
      .execute();
    await f.comment(giver, { articleId: article.id }, 'Glad to give');
    await f.comment(other, { articleId: article.id }, 'Just reading');
    const page = await f.app.comments.threadForArticleId(article.id);
    const authors = new Map(page?.entries.map((e) => [e.comment.author?.name, e.comment.author?.supporter ?? false]));
    assert.equal(authors.get('Gil Giver'), true);
    assert.equal(authors.get('Otto Other'), false);
  });
});
