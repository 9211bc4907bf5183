/** The consent banner: nothing non-essential before a choice, Accept and Reject alike, safe redirects. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import { browser } from './helpers.js';

describe('consent banner', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    await app.settings.update({ privacy: { consentBanner: 'everyone' } });
  });
  after(() => app.destroy());

  it('is shown before a choice, with Accept and Reject alike, no cookie set and nothing from third parties', async () => {
    const page = await browser(app).get('/');
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['set-cookie'], undefined, 'no cookie before consent');
    const $ = parse(page.body);
    const buttons = $('.consent-banner form[action="/privacy/consent"] button');
    assert.deepEqual(buttons.map((_, b) => $(b).attr('value')).get(), ['accepted', 'rejected']);
    assert.deepEqual(buttons.map((_, b) => $(b).attr('class')).get(), ['button', 'button'], 'the same style and size');
    const external = (url: string | undefined) => Boolean(url) && new URL(url as string, PUBLIC_URL).origin !== PUBLIC_URL;
    assert.deepEqual($('script[src]').map((_, s) => $(s).attr('src')).get().filter(external), [], 'no third-party script');
    assert.deepEqual($('iframe').map((_, f) => $(f).attr('src')).get().filter(external), [], 'no third-party frame');
    assert.deepEqual($('link[href], img[src]').map((_, e) => $(e).attr('href') ?? $(e).attr('src')).get().filter((u) => external(u) && !u.startsWith(PUBLIC_URL)), []);
  });

  it('accepting stores the choice and returns to the page it came from', async () => {
    const visitor = browser(app);
    const answer = await visitor.post('/privacy/consent', { choice: 'accepted' }, { referer: `${PUBLIC_URL}/news?page=1` });
    assert.equal(answer.statusCode, 303);
    assert.equal(answer.headers.location, '/news?page=1');
    assert.equal(visitor.cookie('scms_prefs'), 'c-a');
    assert.match(String(answer.headers['set-cookie']), /HttpOnly/u);
    const $ = parse((await visitor.get('/')).body);
    assert.equal($('.consent-banner').length, 0, 'no banner once answered');
  });

  it('rejecting is as easy and is remembered too', async () => {
    const visitor = browser(app);
    const answer = await visitor.post('/privacy/consent', { choice: 'rejected', return: '/news' });
    assert.equal(answer.statusCode, 303);
    assert.equal(answer.headers.location, '/news');
    assert.equal(visitor.cookie('scms_prefs'), 'c-r');
    assert.equal(parse((await visitor.get('/')).body)('.consent-banner').length, 0);
  });

  it('refuses any other choice with a 400 and sets nothing', async () => {
    for (const choice of ['', 'yes', 'accepted ', 'ACCEPTED']) {
      const answer = await browser(app).post('/privacy/consent', { choice });
      assert.equal(answer.statusCode, 400, JSON.stringify(choice));
      assert.equal(answer.headers['set-cookie'], undefined);
      assert.match(parse(answer.body)('.form-problem').text(), /Choose Accept or Reject/u);
    }
  });

  it('never redirects off the site', async () => {
    for (const target of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const answer = await browser(app).post('/privacy/consent', { choice: 'accepted', return: target });
      assert.equal(answer.headers.location, '/', target);
    }
    const fromElsewhere = await browser(app).post('/privacy/consent', { choice: 'accepted' }, { referer: 'https://evil.example/news' });
    assert.equal(fromElsewhere.headers.location, '/');
  });

  it('refuses a cross-origin post (CSRF) with 403', async () => {
    const answer = await browser(app).post('/privacy/consent', { choice: 'accepted' }, { origin: 'https://evil.example' });
    assert.equal(answer.statusCode, 403);
    assert.equal(answer.headers['set-cookie'], undefined);
  });
});
