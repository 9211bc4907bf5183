import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatPrefs, readPrefs, variantKey, ANONYMOUS } from '../../src/modules/site/visitor.js';
import { commentsFixture, type ArticleInfo, type CommentsFixture, type Reader } from '../comments/helpers.js';

describe('visitor prefs cookie', () => {
  it('round-trips every choice and reads nonsense as no choice', () => {
    const prefs = { optOut: true, consent: 'rejected' as const, pitchHiddenUntil: 1_800_000_000_000, supporter: true };
    assert.deepEqual(readPrefs(formatPrefs(prefs)), prefs);
    assert.deepEqual(readPrefs('o-2.c-x.h-soon.s-yes'), { optOut: false, consent: null, pitchHiddenUntil: null, supporter: false });
    assert.deepEqual(readPrefs('x'.repeat(500)), readPrefs(undefined));
  });

  it('names the plain variant with the empty string and every other one differently', () => {
    assert.equal(variantKey(ANONYMOUS), '');
    const keys = new Set<string>();
    for (const signedIn of [false, true])
      for (const optedOut of [false, true])
        for (const consent of ['notRequired', 'pending', 'accepted', 'rejected'] as const)
          for (const pitchHidden of [false, true])
            for (const adFree of [false, true]) keys.add(variantKey({ ...ANONYMOUS, signedIn, optedOut, consent, pitchHidden, adFree }));
    assert.equal(keys.size, 2 * 2 * 4 * 2 * 2);
  });
});

describe('pages per visitor variant', () => {
  let f: CommentsFixture;
  let article: ArticleInfo;
  let reader: Reader;
  before(async () => {
    f = await commentsFixture();
    article = await f.article('variants');
    reader = await f.reader('Vera Variant');
  });
  after(() => f.close());

  const get = (headers: Record<string, string> = {}) => f.app.http.inject({ method: 'GET', url: article.path, headers });

  it('serves the plain page to shared caches, varying on Sec-GPC', async () => {
    const page = await get();
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['cache-control']), /^public/u);
    assert.match(String(page.headers.vary), /Sec-GPC/u);
    assert.match(page.body, /Sign in to comment/u);
    assert.match(page.body, /Remind me next month/u);
  });

  it('leaves the sign-in button out for a signed-in reader, on a private page', async () => {
    const page = await get({ cookie: reader.cookie });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'private, no-cache');
    assert.doesNotMatch(page.body, /Sign in to comment/u);
    assert.match(page.body, /<form class="comment-form"/u);
    // The plain page, cached before, is still the plain page.
    assert.match((await get()).body, /Sign in to comment/u);
  });

  it('hides the support pitch until the remembered date, then shows it again', async () => {
    const until = f.clock.now + 60_000;
    const hidden = await get({ cookie: `scms_prefs=h-${until}` });
    assert.doesNotMatch(hidden.body, /Remind me next month/u);
    assert.equal(hidden.headers['cache-control'], 'private, no-cache');
    f.clock.advance(120_000);
    const shown = await get({ cookie: `scms_prefs=h-${until}` });
    assert.match(shown.body, /Remind me next month/u);
    assert.match(String(shown.headers['cache-control']), /^public/u);
  });

  it('asks for consent only where the setting says so, before anything else', async () => {
    assert.doesNotMatch((await get()).body, /class="consent-banner"/u);
    await f.app.settings.update({ privacy: { consentBanner: 'everyone' } });
    const asked = await get();
    assert.match(asked.body, /class="consent-banner"/u);
    assert.equal(asked.headers['cache-control'], 'private, no-cache');
    assert.doesNotMatch((await get({ cookie: 'scms_prefs=c-r' })).body, /class="consent-banner"/u);
    await f.app.settings.update({ privacy: { consentBanner: 'euUk' } });
    assert.match((await get({ 'cf-ipcountry': 'DE' })).body, /class="consent-banner"/u);
    assert.doesNotMatch((await get({ 'cf-ipcountry': 'US' })).body, /class="consent-banner"/u);
    // No country header at all (no CDN in front): ask rather than assume.
    assert.match((await get()).body, /class="consent-banner"/u);
    await f.app.settings.update({ privacy: { consentBanner: 'off' } });
  });
});
