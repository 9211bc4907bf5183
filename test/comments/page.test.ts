import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commentsFixture, type ArticleInfo, type CommentsFixture, type Reader } from './helpers.js';
import { parse } from '../helpers/html.js';

describe('comments under the article (no JavaScript needed)', () => {
  let f: CommentsFixture;
  let alice: Reader;
  let bob: Reader;
  let article: ArticleInfo;
  let storyId: number;

  before(async () => {
    f = await commentsFixture();
    alice = await f.reader('Alice Adams');
    bob = await f.reader('Bob <b>Brown</b>');
    article = await f.article('town-hall');
    await f.api('GET', article.path);
    storyId = (await f.app.db.kysely.selectFrom('comment_stories').select('id').where('article_id', '=', article.id).executeTakeFirstOrThrow()).id;
  });
  after(() => f.close());

  const page = async (url: string) => {
    const response = await f.api('GET', url);
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    return parse(response.body);
  };

  it('renders the section: heading, count, a form posting to /comments, sign-in link back to the thread', async () => {
    const $ = await page(article.path);
    const section = $('section.comments#comments');
    assert.equal(section.length, 1);
    assert.equal(section.find('h2').text(), 'Comments');
    assert.equal(section.attr('data-story'), String(storyId));
    assert.equal(section.find('.comments-count').text(), 'No comments yet');
    const form = section.find('form.comment-form');
    assert.equal(form.attr('method'), 'post');
    assert.equal(form.attr('action'), '/comments');
    assert.equal(form.find('input[name="story"]').val(), String(storyId));
    assert.equal(form.find('textarea[name="text"]').length, 1);
    assert.equal(form.find('button[type="submit"]').text().trim(), 'Post');
    const signIn = section.find('a').filter((_, el) => $(el).text().trim() === 'Sign in to comment');
    assert.equal(signIn.length, 1);
    assert.equal(signIn.attr('href'), `/account/sign-in?return=${encodeURIComponent(`${article.path}#comments`)}`);
    assert.match(section.text(), /Powered by StructureCMS Comments/u);
    // Its stylesheet is a fingerprinted asset that exists.
    const css = $('link[rel="stylesheet"][href*="/assets/comments."]').attr('href');
    assert.ok(css);
    assert.equal((await f.api('GET', css)).statusCode, 200);
  });

  it('posts with a plain form: 303 back to the comment, which the (purged) page now shows', async () => {
    const before = await f.api('GET', article.path);
    const again = await f.api('GET', article.path);
    assert.equal(again.body, before.body, 'the page is served from the cache');
    const response = await f.form('/comments', { story: String(storyId), text: 'From a **plain** form' }, { as: alice });
    assert.equal(response.statusCode, 303);
    const location = String(response.headers.location);
    const row = await f.app.db.kysely.selectFrom('comments').select('id').where('story_id', '=', storyId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(location, `${article.path}?posted=approved#comment-${row.id}`);
    const after = await f.api('GET', location.split('#')[0]!);
    assert.equal(after.headers['cache-control'], 'no-store', 'the page after a post is never kept by a cache in between');
    const $ = parse(after.body);
    assert.match($('.comments-notice').text(), /posted/u);
    const $fresh = await page(article.path);
    assert.equal($fresh('.comments-count').text(), '1 comment');
    const comment = $fresh(`#comment-${row.id}`);
    assert.equal(comment.find('.comment-author').text(), 'Alice Adams');
    assert.equal(comment.find('.comment-body').html(), '<p>From a <strong>plain</strong> form</p>');
  });

  it('replies with a plain form via ?reply=<id>', async () => {
    const root = await f.comment(alice, { storyId }, 'Reply to me');
    const $ = await page(`${article.path}?reply=${root.id}`);
    const link = $(`#comment-${root.id} a.comment-reply-link`).attr('href');
    assert.equal(link, `${article.path}?reply=${root.id}#comment-form`);
    assert.equal($('form.comment-form input[name="parent"]').val(), String(root.id));
    assert.match($('.comment-form-replying').text(), /Replying to Alice Adams/u);
    const response = await f.form('/comments', { story: String(storyId), parent: String(root.id), text: 'A reply without JavaScript' }, { as: bob });
    assert.equal(response.statusCode, 303);
    const replyRow = await f.app.db.kysely.selectFrom('comments').selectAll().where('parent_id', '=', root.id).executeTakeFirstOrThrow();
    assert.equal(replyRow.depth, 1);
  });

  it('sends a signed-out reader to sign in and back, storing nothing', async () => {
    const count = (await f.app.db.kysely.selectFrom('comments').select('id').execute()).length;
    const response = await f.form('/comments', { story: String(storyId), text: 'Who am I?' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/account/sign-in?return=${encodeURIComponent(`${article.path}#comments`)}`);
    assert.equal((await f.app.db.kysely.selectFrom('comments').select('id').execute()).length, count);
  });

  it('shows a refused form post again with the reason and the reader\'s text', async () => {
    const response = await f.form('/comments', { story: String(storyId), text: 'x'.repeat(6000) }, { as: alice });
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['cache-control'], 'no-store');
    const $ = parse(response.body);
    assert.ok($('.comment-form-error').text().length > 0);
    assert.equal($('textarea[name="text"]').text(), 'x'.repeat(6000));
    const empty = await f.form('/comments', { story: String(storyId), text: '' }, { as: alice });
    assert.equal(empty.statusCode, 400);
    assert.match(parse(empty.body)('.comment-form-error').text(), /empty/u);
    assert.equal((await f.form('/comments', { story: '99999', text: 'Nowhere' }, { as: alice })).statusCode, 404);
  });

  it('refuses a form post from another site (same-origin check), storing nothing', async () => {
    const count = (await f.app.db.kysely.selectFrom('comments').select('id').execute()).length;
    const response = await f.app.http.inject({
      method: 'POST',
      url: '/comments',
      headers: { origin: 'https://evil.example', cookie: alice.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ story: String(storyId), text: 'Forged' }).toString(),
    });
    assert.equal(response.statusCode, 403);
    assert.equal((await f.app.db.kysely.selectFrom('comments').select('id').execute()).length, count);
  });

  it('escapes names and text: no markup a reader typed reaches the page', async () => {
    await f.comment(bob, { storyId }, '<script>alert("x")</script><img src=x onerror=alert(1)> [link](javascript:alert(1))');
    const response = await f.api('GET', article.path);
    const $ = parse(response.body);
    assert.equal($('.comments script, .comments img, .comments a[href^="javascript"]').length, 0);
    assert.ok($('.comment-author').filter((_, el) => $(el).text() === 'Bob <b>Brown</b>').length >= 1, 'the name is shown as typed, as text');
    assert.ok(!response.body.includes('<b>Brown</b>'));
  });

  it('links a comment: GET /comments/:id redirects to the article with its thread first', async () => {
    const root = await f.comment(alice, { storyId }, 'Permalinked root');
    const reply = await f.comment(bob, { storyId, parentId: root.id }, 'Permalinked reply');
    const response = await f.api('GET', `/comments/${reply.id}`);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `${article.path}?comment=${reply.id}#comment-${reply.id}`);
    const $ = await page(String(response.headers.location).split('#')[0]!);
    assert.equal($(`.comments-focus #comment-${root.id}`).length, 1);
    assert.equal($(`.comments-focus #comment-${reply.id}`).length, 1);
    assert.equal($(`#comment-${reply.id}`).length, 1, 'one element per id');
    assert.equal((await f.api('GET', '/comments/99999999')).statusCode, 404);
    assert.equal((await f.api('GET', '/comments/abc')).statusCode, 404);
  });

  it('pages with a plain "Load more comments" link, and sorts with plain links', async () => {
    const other = await f.article('busy-story');
    const ids: number[] = [];
    for (let i = 0; i < 52; i++) ids.push((await f.comment(i % 2 ? alice : bob, { articleId: other.id }, `Busy comment ${i}`)).id);
    const $ = await page(other.path);
    assert.equal($('.comment-thread > .comment-entry').length, 50);
    const more = $('.comments-more a').attr('href');
    assert.ok(more);
    assert.match(more, /\?comments=[^&#]+#comments$/u);
    const $next = await page(more.split('#')[0]!);
    assert.deepEqual($next('.comment-thread > .comment-entry').map((_, el) => Number($next(el).attr('data-root'))).get(), [ids[1], ids[0]]);
    const oldest = $('.comments-sort a').filter((_, el) => $(el).text() === 'Oldest').attr('href');
    assert.equal(oldest, `${other.path}?sort=oldest#comments`);
    const $oldest = await page(oldest!.split('#')[0]!);
    assert.equal($oldest('.comment-thread > .comment-entry').first().attr('data-root'), String(ids[0]));
    assert.equal($oldest('.comments-sort a[aria-current="true"]').text(), 'Oldest');
    assert.equal((await f.api('GET', `${other.path}?sort=sideways`)).statusCode, 400);
  });

  it('says when comments are closed and shows no form', async () => {
    const closed = await f.article('closed-page');
    const story = await f.app.comments.storyForArticle({ id: closed.id, path: closed.path, headline: 'Closed', publishedAt: f.clock.now });
    await f.app.comments.updateStory({ userId: null, label: 'Eddie Editor' }, story.id, { open: false });
    const $ = await page(closed.path);
    assert.match($('.comments-closed').text(), /closed/u);
    assert.equal($('form.comment-form').length, 0);
    assert.equal($('.comment-reply-link').length, 0);
  });

  it('shows comment counts on article cards and in the Content API', async () => {
    const counted = await f.article('counted-story');
    await f.comment(alice, { articleId: counted.id }, 'One');
    const first = await f.comment(bob, { articleId: counted.id }, 'Two');
    const $ = await page('/news');
    const card = $(`.card-headline a[href="${counted.path}"]`).closest('.card');
    assert.equal(card.find('.card-comments').text(), '2 comments');
    assert.equal(card.find('.card-comments').attr('href'), `${counted.path}#comments`);
    const api = await f.api('GET', '/api/content/articles/counted-story');
    assert.equal(api.json<{ commentCount: number }>().commentCount, 2);
    // Deleting one purges the cached section page and the count follows.
    await f.api('DELETE', `/api/comments/${first.id}`, { as: bob });
    const $after = await page('/news');
    assert.equal($after(`.card-headline a[href="${counted.path}"]`).closest('.card').find('.card-comments').text(), '1 comment');
    const list = await f.api('GET', '/api/content/articles?section=news&limit=100');
    const item = list.json<{ items: { slug: string; commentCount: number }[] }>().items.find((i) => i.slug === 'counted-story');
    assert.equal(item?.commentCount, 1);
  });
});
