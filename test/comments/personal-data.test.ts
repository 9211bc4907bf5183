import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commentsFixture, type CommentsFixture, type Reader } from './helpers.js';

interface Exported {
  comments: { id: number; text: string; story: { title: string } }[];
  likes: { commentId: number }[];
  reports: { commentId: number; reason: string; detail: string }[];
}

describe('comments personal data', () => {
  let f: CommentsFixture;
  before(async () => {
    f = await commentsFixture();
  });
  after(() => f.close());

  async function scene(slug: string) {
    const article = await f.article(slug);
    const leaver = await f.reader(`Leaver ${slug}`);
    const stayer = await f.reader(`Stayer ${slug}`);
    const answered = await f.comment(leaver, { articleId: article.id }, `Leaver's answered comment on ${slug}`);
    const alone = await f.comment(leaver, { articleId: article.id }, `Leaver's lonely comment on ${slug}`);
    const reply = await f.comment(stayer, { articleId: article.id, parentId: answered.id }, `Stayer's reply on ${slug}`);
    assert.equal((await f.api('POST', `/api/comments/${reply.id}/like`, { as: leaver })).statusCode, 200);
    assert.equal((await f.api('POST', `/api/comments/${reply.id}/reports`, { as: leaver, body: { reason: 'other', detail: 'My own words about it' } })).statusCode, 201);
    return { article, leaver, stayer, answered, alone, reply };
  }

  const subject = (reader: Reader) => ({ userId: reader.id, email: `unused-${reader.id}@example.com` });
  const row = (id: number) => f.app.db.kysely.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();

  it('exports the reader’s comments, likes and reports and nobody else’s', async () => {
    const s = await scene('export');
    const data = (await f.app.comments.personalData.export(subject(s.leaver))) as Exported;
    assert.deepEqual(
      data.comments.map((c) => c.id),
      [s.answered.id, s.alone.id],
    );
    assert.equal(data.comments[0]?.story.title, 'Headline of export');
    assert.deepEqual(
      data.likes.map((l) => l.commentId),
      [s.reply.id],
    );
    assert.equal(data.reports[0]?.detail, 'My own words about it');
    const other = (await f.app.comments.personalData.export(subject(s.stayer))) as Exported;
    assert.deepEqual(
      other.comments.map((c) => c.id),
      [s.reply.id],
    );
    assert.equal(other.likes.length + other.reports.length, 0);
  });

  it('anonymising keeps the comments, takes the likes off and forgets who reported', async () => {
    const s = await scene('anonymise');
    await f.app.comments.personalData.erase(subject(s.leaver), { comments: 'anonymise' });
    assert.equal((await row(s.answered.id))?.body_text, "Leaver's answered comment on anonymise");
    assert.equal((await row(s.answered.id))?.address_hash, '');
    assert.equal((await row(s.reply.id))?.like_count, 0);
    const reports = await f.app.db.kysely.selectFrom('comment_reports').selectAll().where('comment_id', '=', s.reply.id).execute();
    assert.equal(reports.length, 1);
    assert.notEqual(reports[0]?.user_id, s.leaver.id);
    assert.equal(reports[0]?.detail, '');
    const after = (await f.app.comments.personalData.export(subject(s.leaver))) as Exported;
    assert.equal(after.likes.length + after.reports.length, 0);
    // Running it again changes nothing and fails on nothing.
    await f.app.comments.personalData.erase(subject(s.leaver), { comments: 'anonymise' });
  });

  it('removing leaves "[deleted]" where others replied and nothing elsewhere, with the count right', async () => {
    const s = await scene('remove');
    await f.app.comments.personalData.erase(subject(s.leaver), { comments: 'remove' });
    const answered = await row(s.answered.id);
    assert.equal(answered?.status, 'deleted');
    assert.equal(answered?.body_text, '');
    assert.equal(await row(s.alone.id), undefined);
    assert.equal((await row(s.reply.id))?.status, 'approved');
    const page = await f.app.http.inject({ method: 'GET', url: s.article.path });
    assert.doesNotMatch(page.body, /Leaver's/u);
    assert.match(page.body, /Stayer's reply on remove/u);
    assert.match(page.body, /1 comment\b/u);
    await f.app.comments.personalData.erase(subject(s.leaver), { comments: 'remove' });
  });
});
