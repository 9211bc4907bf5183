import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../helpers/html.js';
import { commentsFixture, type CommentsFixture } from './helpers.js';

describe("a reader's comments on their account page", () => {
  let f: CommentsFixture;
  before(async () => {
    f = await commentsFixture();
  });
  after(() => f.close());

  it('lists their comments with the replies others wrote, newest first, and nothing of other readers', async () => {
    const article = await f.article('harbour-ferry');
    const ana = await f.reader('Ana Lopez', { regular: true });
    const ben = await f.reader('Ben Ode', { regular: true });
    const first = await f.comment(ana, { articleId: article.id }, 'The ferry was late again.');
    f.clock.advance(1_000);
    await f.comment(ben, { articleId: article.id, parentId: first.id }, 'Mine too, twenty minutes.');
    f.clock.advance(1_000);
    await f.comment(ana, { articleId: article.id, parentId: first.id }, 'Replying to myself does not count.');
    await f.comment(ben, { articleId: article.id }, 'Ben has his own comment.');

    const page = await f.app.http.inject({ url: '/account', headers: { cookie: ana.cookie } });
    assert.equal(page.statusCode, 200);
    const text = parse(page.body)('main').text();
    assert.match(text, /The ferry was late again\./u);
    assert.match(text, /Mine too, twenty minutes\./u);
    assert.match(text, /Ben Ode/u);
    assert.doesNotMatch(text, /Ben has his own comment/u);
    assert.ok(text.indexOf('Replying to myself') < text.indexOf('The ferry was late again.'), 'newest first');
    assert.equal(parse(page.body)(`a[href="/comments/${first.id}"]`).length >= 1, true);

    const bens = parse((await f.app.http.inject({ url: '/account', headers: { cookie: ben.cookie } })).body)('main').text();
    assert.match(bens, /Ben has his own comment/u);
    assert.doesNotMatch(bens, /The ferry was late again/u);
  });
});
