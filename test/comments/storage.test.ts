import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompiledQuery, sql } from 'kysely';
import { commentsFixture, type CommentsFixture } from './helpers.js';
import { listingSql } from '../../src/modules/comments/listing.js';
import { engineName } from '../helpers/app.js';
import type { Sort } from '../../src/modules/comments/index.js';

describe('comments storage', () => {
  let f: CommentsFixture;
  before(async () => {
    f = await commentsFixture();
  });
  after(() => f.close());

  it('has the tables of the design', async () => {
    const k = f.app.db.kysely;
    // Each table answers a query with every column the design names.
    await k.selectFrom('comment_stories').select(['id', 'article_id', 'url', 'title', 'open', 'closes_at', 'premoderated', 'comment_count', 'created_at']).execute();
    await k
      .selectFrom('comments')
      .select(['id', 'story_id', 'parent_id', 'root_id', 'depth', 'reply_to_user_id', 'user_id', 'body_text', 'body_html', 'text_hash', 'address_hash', 'status', 'moderation_reasons', 'featured_at', 'like_count', 'reply_count', 'report_count', 'created_at', 'edited_at', 'deleted_at'])
      .execute();
    await k.selectFrom('comment_reactions').select(['comment_id', 'user_id', 'created_at']).execute();
    await k.selectFrom('comment_reports').select(['id', 'comment_id', 'user_id', 'reason', 'detail', 'created_at', 'resolved_at']).execute();
    await k.selectFrom('reader_standing').select(['user_id', 'kind', 'message', 'until', 'approved_count', 'updated_at', 'updated_by']).execute();
  });

  it('makes an article\'s story on its first render, with the publication\'s defaults of that moment', async () => {
    const k = f.app.db.kysely;
    const open = await f.article('open-by-default');
    assert.equal(await k.selectFrom('comment_stories').select('id').where('article_id', '=', open.id).executeTakeFirst(), undefined, 'not before it is needed');
    assert.equal((await f.api('GET', open.path)).statusCode, 200);
    const story = await k.selectFrom('comment_stories').selectAll().where('article_id', '=', open.id).executeTakeFirstOrThrow();
    assert.deepEqual([story.open, story.premoderated, story.closes_at, story.comment_count], [1, 0, null, 0]);

    await f.app.settings.update({ comments: { openByDefault: false, preModeration: true, autoCloseDays: 7 } });
    try {
      const published = f.clock.now - 60_000;
      const closed = await f.article('closed-by-default', { publishedAt: published });
      await f.api('GET', closed.path);
      const second = await k.selectFrom('comment_stories').selectAll().where('article_id', '=', closed.id).executeTakeFirstOrThrow();
      assert.deepEqual([second.open, second.premoderated, second.closes_at], [0, 1, published + 7 * 86_400_000]);
      // Stories made earlier keep what they were made with.
      const first = await k.selectFrom('comment_stories').selectAll().where('article_id', '=', open.id).executeTakeFirstOrThrow();
      assert.equal(first.open, 1);
    } finally {
      await f.app.settings.update({ comments: { openByDefault: true, preModeration: false, autoCloseDays: 0 } });
    }
  });

  it('makes one story per page elsewhere (the embed), by URL, and links its comments there', async () => {
    const page = { url: 'https://partner.example/news/bridge', title: 'The bridge' };
    const story = await f.app.comments.storyForPage(page);
    assert.equal((await f.app.comments.storyForPage(page)).id, story.id, 'the same story again');
    assert.equal(story.articleId, null);
    assert.equal(story.open, true);
    const reader = await f.reader('Embedded Reader');
    const posted = await f.comment(reader, { storyId: story.id }, 'From another site');
    const link = await f.api('GET', `/comments/${posted.id}`);
    assert.equal(link.statusCode, 302);
    assert.equal(link.headers.location, `https://partner.example/news/bridge?comment=${posted.id}#comment-${posted.id}`);
    await assert.rejects(f.app.comments.storyForPage({ url: 'javascript:alert(1)', title: 'x' }), /http\(s\) URL/u);
  });

  it('deletes a discussion with its article', async () => {
    const k = f.app.db.kysely;
    const reader = await f.reader('Gone Soon');
    const article = await f.article('to-be-deleted');
    const posted = await f.comment(reader, { articleId: article.id }, 'About to vanish');
    await f.app.publishing.deleteArticle(article.id);
    assert.equal(await k.selectFrom('comment_stories').select('id').where('article_id', '=', article.id).executeTakeFirst(), undefined);
    assert.equal(await k.selectFrom('comments').select('id').where('id', '=', posted.id).executeTakeFirst(), undefined);
  });

  /**
   * The hot queries must walk an index in order and stop after a page, at any thread size: the
   * plan must use the partial index and never sort. SQLite is asked directly; PostgreSQL with
   * sequential scans and sorts made unattractive, so a small test table cannot hide a missing index.
   */
  describe('query plans', () => {
    const plan = async (text: string, parameters: unknown[]): Promise<string> => {
      const db = f.app.db;
      if (db.dialect === 'sqlite') {
        const rows = await db.kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${text}`, parameters));
        return rows.rows.map((r) => r.detail).join('\n');
      }
      let n = 0;
      const numbered = text.replace(/\?/gu, () => `$${++n}`);
      return db.kysely.connection().execute(async (connection) => {
        await sql`set enable_seqscan = off`.execute(connection);
        await sql`set enable_sort = off`.execute(connection);
        try {
          const rows = await connection.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${numbered}`, parameters));
          return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
        } finally {
          await sql`reset enable_seqscan`.execute(connection);
          await sql`reset enable_sort`.execute(connection);
        }
      });
    };
    const sorted = (text: string) => /TEMP B-TREE|(^|\s)Sort(\s|$)|Sort \(/mu.test(text);

    for (const [sort, index] of [['newest', 'comments_top_by_time'], ['oldest', 'comments_top_by_time'], ['liked', 'comments_top_by_likes']] as [Sort, string][]) {
      it(`first page and next pages, ${sort}: ${index}, no sort`, async () => {
        const first = await plan(listingSql.topLevel(sort, false), [1]);
        assert.match(first, new RegExp(index, 'u'), first);
        assert.ok(!sorted(first), first);
        const next = await plan(listingSql.topLevel(sort, true), [1, 1000, 500]);
        assert.match(next, new RegExp(index, 'u'), next);
        assert.ok(!sorted(next), next);
      });
    }

    it('replies, a page with its three-reply previews, and featured comments use their indexes', async () => {
      for (const [text, parameters] of [
        [listingSql.replies(false), [1]],
        [listingSql.replies(true), [1, 1000, 500]],
      ] as [string, unknown[]][]) {
        const shown = await plan(text, parameters);
        assert.match(shown, /comments_replies/u, shown);
        assert.ok(!/TEMP B-TREE FOR ORDER BY/u.test(shown), shown);
      }
      // A page with its replies in one statement: the page from the top-level index, then one
      // index range of the replies index per root (the few rows found are put in order in code).
      const dialect = engineName() === 'postgres' ? 'postgres' : 'sqlite';
      for (const [sort, index] of [['newest', 'comments_top_by_time'], ['liked', 'comments_top_by_likes']] as [Sort, string][]) {
        const page = await plan(listingSql.page(dialect, sort, false), [1]);
        assert.match(page, new RegExp(index, 'u'), page);
        assert.match(page, /comments_replies/u, page);
        const next = await plan(listingSql.page(dialect, sort, true), [1, 1000, 500]);
        assert.match(next, new RegExp(index, 'u'), next);
        assert.match(next, /comments_replies/u, next);
      }
      assert.match(await plan(listingSql.featured, [1]), /comments_featured/u);
    });

    // A statement PostgreSQL plans on every call costs the server about half a millisecond a page.
    it('on PostgreSQL, a page of the thread is planned once per connection and then reuses that plan', { skip: engineName() === 'postgres' ? false : 'PostgreSQL plan caching; SQLite statements are compiled once anyway' }, async () => {
      const texts: [string, unknown[]][] = [
        [listingSql.page('postgres', 'newest', false), [1]],
        [listingSql.page('postgres', 'liked', true), [1, 1000, 500]],
        [listingSql.replies(false), [1]],
        [listingSql.featured, [1]],
      ];
      const dollars = (text: string) => {
        let n = 0;
        return text.replace(/\?/gu, () => `$${++n}`);
      };
      await f.app.db.kysely.connection().execute(async (connection) => {
        for (let i = 0; i < 10; i++) for (const [text, parameters] of texts) await connection.executeQuery(CompiledQuery.raw(dollars(text), parameters));
        const prepared = await sql<{ statement: string; generic_plans: number }>`select statement, generic_plans from pg_prepared_statements`.execute(connection);
        for (const [text] of texts) {
          const found = prepared.rows.find((r) => r.statement === dollars(text));
          assert.ok(found, `prepared: ${text.slice(0, 80)}`);
          assert.ok(Number(found.generic_plans) > 0, `a generic plan for ${text.slice(0, 80)}`);
        }
      });
    });
  });
});
