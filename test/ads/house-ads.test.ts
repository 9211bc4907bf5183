/**
 * House ads end to end: frames filled by date, section and weight; the frequency cap's cookie;
 * the cookie-less impression beacon; signed click redirects.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { engineName } from '../helpers/app.js';
import { Inventory, pickWeighted, type LiveCreative } from '../../src/modules/ads/inventory.js';
import { HOUR, START, addCreative, frameUrls, link, shownCreative, startAdsApp, utc, type AdsFixture } from './helpers.js';

const stats = (fx: AdsFixture) => fx.app.db.kysely.selectFrom('ad_stats').selectAll().orderBy('creative_id').execute();

describe('choosing a creative (pure)', () => {
  const creative = (id: number, weight: number, extra: Partial<LiveCreative> = {}): LiveCreative => ({
    id,
    weight,
    sectionIds: [],
    startsAt: 0,
    endsAt: 100,
    alt: '',
    image: { src: '/x.png', width: 300, height: 250 },
    ...extra,
  });

  it('picks each creative as often as its weight', () => {
    const list = [creative(1, 1), creative(2, 3)];
    // r spread evenly over [0, 1): a quarter of the draws land on weight 1, three quarters on weight 3.
    const picks = Array.from({ length: 100 }, (_, i) => pickWeighted(list, i / 100)?.id);
    assert.equal(picks.filter((id) => id === 1).length, 25);
    assert.equal(picks.filter((id) => id === 2).length, 75);
    assert.equal(pickWeighted([], 0.5), null);
  });

  it('keeps to start, end and sections', () => {
    const inventory = new Inventory();
    inventory.replace([creative(1, 1, { startsAt: 10, endsAt: 20 }), creative(2, 1, { sectionIds: [7] })]);
    assert.deepEqual(inventory.eligible(null, 5).map((c) => c.id), []);
    assert.deepEqual(inventory.eligible(7, 5).map((c) => c.id), [2]);
    assert.deepEqual(inventory.eligible(3, 15).map((c) => c.id), [1]);
    assert.deepEqual(inventory.eligible(7, 15).map((c) => c.id), [1, 2]);
    assert.deepEqual(inventory.eligible(3, 20).map((c) => c.id), [], 'the end is exclusive');
    assert.equal(inventory.nextChange(12), 20);
  });
});

describe(`house ads (${engineName()})`, () => {
  let fx: AdsFixture;
  before(async () => {
    fx = await startAdsApp();
    await fx.app.settings.update({ ads: { source: 'house', frequencyCap: 0, emptySlots: 'reserve' } });
  });
  after(() => fx?.app.destroy());
  beforeEach(async () => {
    fx.clock.now = START;
    await fx.app.db.kysely.deleteFrom('ad_stats').execute();
    await fx.app.db.kysely.deleteFrom('ad_creatives').execute();
    await fx.app.settings.update({ ads: { frequencyCap: 0 } });
  });

  const frame = async (url: string, cookie?: string) => fx.app.http.inject({ url, headers: cookie ? { cookie } : {} });
  /** Every creative a slot of the article's page shows over many requests (enough that a 1-in-2 pick is never missed). */
  async function shown(path: string, times = 100): Promise<Set<number | null>> {
    const page = await fx.app.http.inject({ url: path });
    const [src] = frameUrls(page.body);
    assert.ok(src, 'the article has a house-ad slot');
    const seen = new Set<number | null>();
    for (let i = 0; i < times; i++) seen.add(shownCreative((await frame(src)).body));
    return seen;
  }

  it('fills the frame server-side, only with creatives running now and meant for the section', async () => {
    const everywhere = await addCreative(fx, { name: 'Everywhere' });
    const firstOnly = await addCreative(fx, { name: 'First section', sections: [String(fx.first.section.id)] });
    await addCreative(fx, { name: 'Later', startsAt: utc(START + 2 * HOUR), endsAt: utc(START + 5 * HOUR) });
    await addCreative(fx, { name: 'Over', startsAt: utc(START - 5 * HOUR), endsAt: utc(START - HOUR) });
    await addCreative(fx, { name: 'Paused', active: '' });

    const page = await fx.app.http.inject({ url: fx.first.path });
    const src = frameUrls(page.body)[0] ?? '';
    assert.match(src, new RegExp(`^/ads/slot/article-inline-1\\?section=${fx.first.section.slug}$`, 'u'));
    assert.match(page.body, /<iframe[^>]+sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"[^>]+width="300" height="250"/u);
    const response = await frame(src);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store', 'filled per request, never cached');
    assert.match(response.body, /<img src="\/logo.png" alt="(Everywhere|First section) image"/u);

    assert.deepEqual([...(await shown(fx.first.path))].sort(), [everywhere, firstOnly].sort());
    assert.deepEqual([...(await shown(fx.second.path))], [everywhere]);

    fx.clock.now = START + 3 * HOUR;
    const later = await fx.app.db.kysely.selectFrom('ad_creatives').select('id').where('name', '=', 'Later').executeTakeFirstOrThrow();
    assert.ok((await shown(fx.second.path)).has(Number(later.id)), 'a creative runs once its start has passed');
    fx.clock.now = START + 6 * HOUR;
    assert.deepEqual([...(await shown(fx.second.path))], [everywhere], 'and stops at its end');
  });

  it('caps how often one visitor sees a creative per day, with a cookie that holds no identifier', async () => {
    await fx.app.settings.update({ ads: { frequencyCap: 2 } });
    const id = await addCreative(fx, { name: 'Capped' });
    const src = frameUrls((await fx.app.http.inject({ url: fx.first.path })).body)[0] ?? '';
    let cookie = '';
    for (let i = 1; i <= 2; i++) {
      const response = await frame(src, cookie || undefined);
      assert.equal(shownCreative(response.body), id);
      const set = String(response.headers['set-cookie']);
      assert.match(set, /^scms_adcap=[^;]+; Max-Age=\d+; Path=\/ads\/slot; HttpOnly; SameSite=Lax$/u);
      cookie = set.split(';')[0] ?? '';
      // Only the day and per-creative counts: nothing that tells one visitor from another.
      assert.equal(cookie, `scms_adcap=2026-12-01.${id}-${i}`);
    }
    const third = await frame(src, cookie);
    assert.equal(shownCreative(third.body), null, 'over the cap: the frame stays empty');
    assert.equal(third.headers['set-cookie'], undefined);
    // A new day starts a new count.
    fx.clock.now = START + 24 * HOUR;
    assert.equal(shownCreative((await frame(src, cookie)).body), id);
  });

  it('sets no cap cookie while consent is required and not given', async () => {
    await fx.app.settings.update({ ads: { frequencyCap: 2 }, privacy: { consentBanner: 'everyone' } });
    try {
      const id = await addCreative(fx, { name: 'No consent yet' });
      const src = frameUrls((await fx.app.http.inject({ url: fx.first.path })).body)[0] ?? '';
      for (const prefs of [undefined, 'scms_prefs=c-r']) {
        const response = await frame(src, prefs);
        assert.equal(shownCreative(response.body), id);
        assert.equal(response.headers['set-cookie'], undefined, `consent ${prefs ?? 'pending'}: no cookie`);
      }
      const accepted = await frame(src, 'scms_prefs=c-a');
      assert.match(String(accepted.headers['set-cookie']), /^scms_adcap=/u);
    } finally {
      await fx.app.settings.update({ privacy: { consentBanner: 'off' } });
    }
  });

  it('counts impressions with a beacon that ignores cookies and sets none', async () => {
    const id = await addCreative(fx, { name: 'Counted' });
    const src = frameUrls((await fx.app.http.inject({ url: fx.first.path })).body)[0] ?? '';
    const document = (await frame(src)).body;
    const beacon = link(document, /<img class="beacon" src="([^"]+)"/u);
    assert.match(beacon, new RegExp(`^/ads/b\\?c=${id}&d=2026-12-01&s=[\\w-]+$`, 'u'));
    for (const cookie of [undefined, 'scms_prefs=o-1; scms_session=whatever; scms_adcap=2026-12-01.1-1']) {
      const response = await frame(beacon, cookie);
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'image/gif');
      assert.equal(response.headers['set-cookie'], undefined);
      assert.equal(response.headers['cache-control'], 'no-store');
    }
    assert.deepEqual(
      (await stats(fx)).map((r) => [Number(r.creative_id), r.day, Number(r.impressions), Number(r.clicks)]),
      [[id, '2026-12-01', 2, 0]],
    );
    // Tampered, incomplete or replayed beacons count nothing.
    const bad = [beacon.replace(/s=[\w-]+/u, 's=AAAAAAAAAAAAAAAAAAAAAA'), beacon.replace(`c=${id}`, `c=${id + 1}`), '/ads/b?c=1', '/ads/b?c=x&d=y&s=z'];
    for (const url of bad) assert.equal((await frame(url)).statusCode, 400, url);
    fx.clock.now = START + 3 * 24 * HOUR;
    assert.equal((await frame(beacon)).statusCode, 200);
    assert.equal(Number((await stats(fx))[0]?.impressions), 2, 'a beacon from days ago is not counted');
  });

  it('counts a click and redirects to the creative\'s link; a tampered link is refused', async () => {
    const id = await addCreative(fx, { name: 'Clicked', linkUrl: 'https://advertiser.example/offer?x=1' });
    const src = frameUrls((await fx.app.http.inject({ url: fx.first.path })).body)[0] ?? '';
    const document = (await frame(src)).body;
    const click = link(document, /<a class="ad" href="([^"]+)"/u);
    assert.match(document, /target="_blank" rel="sponsored noopener"/u);
    const response = await frame(click);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, 'https://advertiser.example/offer?x=1');
    assert.equal(response.headers['set-cookie'], undefined);
    assert.equal(Number((await stats(fx))[0]?.clicks), 1);
    const head = await fx.app.http.inject({ method: 'HEAD', url: click });
    assert.equal(head.statusCode, 302);
    assert.equal(Number((await stats(fx))[0]?.clicks), 1, 'a HEAD request (link checker) counts nothing');

    const other = await addCreative(fx, { name: 'Other' });
    for (const url of [click.replace(/sig=.*/u, 'sig=forged'), click.replace(`/c/${id}`, `/c/${other}`), `/ads/c/${id}`, `/ads/c/${id}?sig=`, '/ads/c/abc?sig=x']) {
      assert.equal((await frame(url)).statusCode, 400, url);
    }
    // The signature is for the id; the destination always comes from the database (no open redirect).
    await fx.app.db.kysely.deleteFrom('ad_creatives').where('id', '=', id).execute();
    assert.equal((await frame(click)).statusCode, 404);
    assert.equal(Number((await stats(fx))[0]?.clicks), 1, 'refused clicks count nothing');
  });
});
