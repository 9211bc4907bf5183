/**
 * The slots in the (cached) article page: collapse or reserve when nothing can fill them, pages
 * re-rendered when creatives change or start, and the third-party tag only with consent and
 * non-personalised for readers who opted out of sale/sharing (GPC or the opt-out cookie).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { engineName } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import { HOUR, START, addCreative, frameUrls, startAdsApp, utc, type AdsFixture } from './helpers.js';

const TAG = 'https://ads.example.net/tag.js?pub=42';

describe(`ad slots in the page (${engineName()})`, () => {
  let fx: AdsFixture;
  before(async () => {
    fx = await startAdsApp();
  });
  after(() => fx?.app.destroy());
  beforeEach(async () => {
    fx.clock.now = START;
    await fx.app.db.kysely.deleteFrom('ad_creatives').execute();
    await fx.app.settings.update({ ads: { source: 'house', emptySlots: 'reserve', frequencyCap: 3, thirdPartyScript: '' }, privacy: { consentBanner: 'off' } });
  });

  const page = (path: string, headers: Record<string, string> = {}) => fx.app.http.inject({ url: path, headers });
  const slots = (html: string) => parse(html)('.story-body > .ad-slot');

  it('reserves the space of an empty slot, or leaves the slot out, as the setting says', async () => {
    const reserved = slots((await page(fx.first.path)).body);
    assert.ok(reserved.length >= 1);
    assert.equal(reserved.first().find('.ad-label').text(), 'Advertisement');
    assert.equal(reserved.first().attr('aria-label'), 'Advertisement');
    assert.equal(reserved.first().find('iframe[title="Advertisement"][loading="lazy"][width="300"][height="250"]').length, 1);

    await fx.app.settings.update({ ads: { emptySlots: 'collapse' } });
    assert.equal(slots((await page(fx.first.path)).body).length, 0, 'nothing can fill it: no slot at all');

    // A creative for the other section only: still collapsed here, shown there.
    await addCreative(fx, { name: 'Second only', sections: [String(fx.second.section.id)] });
    assert.equal(slots((await page(fx.first.path)).body).length, 0);
    assert.ok(slots((await page(fx.second.path)).body).length >= 1, 'the cached page was re-rendered when the creative was added');

    await addCreative(fx, { name: 'Everywhere' });
    assert.ok(slots((await page(fx.first.path)).body).length >= 1);
  });

  it('re-renders collapsed pages when a scheduled creative starts or ends', async () => {
    await fx.app.settings.update({ ads: { emptySlots: 'collapse' } });
    await addCreative(fx, { name: 'Soon', startsAt: utc(START + HOUR), endsAt: utc(START + 2 * HOUR) });
    assert.equal(slots((await page(fx.first.path)).body).length, 0);
    fx.clock.now = START + HOUR + 1;
    // The module re-checks on a timer; tests move the clock, then ask every instance to reload.
    fx.app.bus.publish('ads.changed', null);
    await new Promise((resolve) => setImmediate(resolve));
    await waitFor(async () => slots((await page(fx.first.path)).body).length >= 1);
    fx.clock.now = START + 3 * HOUR;
    fx.app.bus.publish('ads.changed', null);
    await waitFor(async () => slots((await page(fx.first.path)).body).length === 0);
  });

  it('leaves every slot out when ads are off', async () => {
    await addCreative(fx, { name: 'Everywhere' });
    assert.ok(frameUrls((await page(fx.first.path)).body).length >= 1);
    await fx.app.settings.update({ ads: { source: 'off' } });
    assert.equal(slots((await page(fx.first.path)).body).length, 0, 'ads off: no slots');
  });

  it('gives supporters no slots when the publication says so', async () => {
    await addCreative(fx, { name: 'Everywhere' });
    await fx.app.settings.update({ support: { adFreeForSupporters: true } });
    try {
      assert.equal(slots((await page(fx.first.path, { cookie: 'scms_prefs=s-1' })).body).length, 0);
      const frame = await page(frameUrls((await page(fx.first.path)).body)[0] ?? '', { cookie: 'scms_prefs=s-1' });
      assert.doesNotMatch(frame.body, /\/ads\/c\//u, 'nor does a frame opened directly');
      assert.ok(slots((await page(fx.first.path)).body).length >= 1, 'other readers still see them');
    } finally {
      await fx.app.settings.update({ support: { adFreeForSupporters: false } });
    }
  });

  describe('a third-party tag', () => {
    beforeEach(async () => {
      await fx.app.settings.update({ ads: { source: 'thirdParty', thirdPartyScript: TAG, emptySlots: 'reserve' }, privacy: { consentBanner: 'everyone' } });
    });

    const tagScripts = (html: string) => parse(html)('script[src^="https://ads.example.net/"]');

    it('is absent, with nothing from the third party in the page, while consent is pending or rejected', async () => {
      for (const cookie of [undefined, 'scms_prefs=c-r']) {
        const response = await page(fx.first.path, cookie ? { cookie } : {});
        assert.equal(response.statusCode, 200);
        assert.equal(tagScripts(response.body).length, 0, cookie ?? 'pending');
        assert.ok(!response.body.includes('ads.example.net'), 'no request to the third party at all');
        assert.equal(frameUrls(response.body).length, 0, 'no house frames either');
        assert.ok(slots(response.body).length >= 1, 'reserved space stays');
      }
      await fx.app.settings.update({ ads: { emptySlots: 'collapse' } });
      assert.equal(slots((await page(fx.first.path)).body).length, 0, 'or collapses');
    });

    it('loads after consent, personalised only when the reader has not opted out', async () => {
      const accepted = await page(fx.first.path, { cookie: 'scms_prefs=c-a' });
      const $ = parse(accepted.body);
      const tag = tagScripts(accepted.body);
      assert.equal(tag.length, 1);
      assert.equal(tag.attr('src'), TAG);
      assert.notEqual(tag.attr('async'), undefined, 'async: never blocks the page');
      assert.equal(tag.attr('data-npa'), undefined);
      const config = $('script[src^="/ads/tag-config."]');
      assert.equal(config.attr('data-npa'), '0');
      assert.equal($('.ad-space[data-ad-unit]').length >= 1, true);
      assert.equal($('.ad-space[data-npa]').length, 0);
      assert.match(String(accepted.headers['content-security-policy']), /script-src 'self' https:\/\/ads\.example\.net;/u);
      const script = await page(config.attr('src') ?? '');
      assert.equal(script.statusCode, 200);
      assert.match(script.body, /window\.__scmsAds = \{ npa: /u);
    });

    it('a GPC request gets no personalised ad tag, nor does the opt-out cookie', async () => {
      const requests: Record<string, string>[] = [{ 'sec-gpc': '1', cookie: 'scms_prefs=c-a' }, { cookie: 'scms_prefs=o-1.c-a' }];
      for (const headers of requests) {
        const response = await page(fx.first.path, headers);
        const $ = parse(response.body);
        const tag = tagScripts(response.body);
        assert.equal(tag.length, 1, JSON.stringify(headers));
        assert.equal(tag.attr('src'), `${TAG}&npa=1`);
        assert.equal(tag.attr('data-npa'), '1');
        assert.equal($('script[src^="/ads/tag-config."]').attr('data-npa'), '1');
        assert.ok($('.ad-space[data-ad-unit][data-npa="1"]').length >= 1);
      }
      // Without a consent banner (not required), an opted-out reader still gets only the restricted tag.
      await fx.app.settings.update({ privacy: { consentBanner: 'off' } });
      const gpc = await page(fx.first.path, { 'sec-gpc': '1' });
      assert.equal(tagScripts(gpc.body).attr('src'), `${TAG}&npa=1`);
      assert.equal(tagScripts((await page(fx.first.path)).body).attr('src'), TAG);
    });

    it('allows the tag\'s origin in the CSP only while a tag is set', async () => {
      assert.match(String((await page('/')).headers['content-security-policy']), /ads\.example\.net/u);
      await fx.app.settings.update({ ads: { source: 'house', thirdPartyScript: '' } });
      assert.doesNotMatch(String((await page('/')).headers['content-security-policy']), /ads\.example\.net/u);
      assert.match(String((await page('/')).headers['content-security-policy']), /script-src 'self';/u);
    });
  });
});

/** Polls (no fixed delays): the reload runs on the event bus, possibly another connection away. */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail('the condition never became true');
}
