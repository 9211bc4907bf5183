/**
 * The demo publication runs two house ads of its own (support and the newsletter), so a fresh
 * install's article pages show filled slots: each frame shows one of them, with its image from
 * the media library and a signed click link to this site's own page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engineName, PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';
import { frameUrls, link, shownCreative } from './helpers.js';

describe(`the demo's house ads (${engineName()})`, () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ seed: true });
  });
  after(() => app?.destroy());

  it('are seeded running, in every section, linking to /support and /newsletter', async () => {
    const creatives = await app.ads.store.list();
    assert.deepEqual(creatives.map((c) => c.linkUrl).sort(), [`${PUBLIC_URL}/newsletter`, `${PUBLIC_URL}/support`]);
    const now = Date.now();
    for (const c of creatives) {
      assert.ok(c.active && c.startsAt <= now && c.endsAt > now + 300 * 86_400_000, `${c.name} runs for about a year`);
      assert.deepEqual(c.sectionIds, []);
      assert.ok(c.mediaId !== null && (await app.media.get(c.mediaId)) !== null, 'the image is in the media library');
      assert.ok(c.alt.length > 20, 'the image has a text alternative');
    }
  });

  it('fill the article slots, and a click leads to the page they advertise', async () => {
    const card = (await app.queries.latest(20))[0];
    assert.ok(card);
    const article = await app.queries.articleById(card.id);
    assert.ok(article);
    const frames = frameUrls((await app.http.inject({ url: article.path })).body);
    assert.ok(frames.length >= 1, 'the article has ad slots');
    const frame = (await app.http.inject({ url: frames[0] ?? '' })).body;
    const shown = shownCreative(frame);
    assert.ok(shown !== null, 'the frame shows a creative');
    assert.match(frame, /<img [^>]*src="\/media\//u);
    const click = await app.http.inject({ url: link(frame, /href="(\/ads\/c\/[^"]+)"/u) });
    assert.equal(click.statusCode, 302);
    assert.match(String(click.headers.location), new RegExp(`^${PUBLIC_URL}/(support|newsletter)$`, 'u'));
  });
});
