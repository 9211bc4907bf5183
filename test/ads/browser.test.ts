/**
 * House ads in headless Chromium, JavaScript on and off: the sandboxed frame shows the creative
 * under the site's CSP, its beacon counts the impression, the reserved box does not change size
 * when the frame fills, and a click opens the advertiser through the signed redirect.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startServedApp, type TestApp } from '../helpers/app.js';
import { launchChromium, noChromium } from '../helpers/chromium.js';
import { userWithSession } from '../helpers/newsroom.js';
import type { Article } from '../../src/modules/publishing/index.js';
import { creativeForm, withoutHouseAds } from './helpers.js';


describe('house ads in Chromium', { skip: noChromium }, () => {
  let app: TestApp;
  let browser: Browser;
  let origin: string;
  let article: Article;

  before(async () => {
    ({ app, origin } = await startServedApp({ seed: true }));
    await withoutHouseAds(app);
    await app.settings.update({ ads: { source: 'house', frequencyCap: 0, emptySlots: 'reserve' } });
    const admin = await userWithSession(app, { email: 'admin@example.org', name: 'Admin', role: 'admin' });
    const created = await app.http.inject({
      method: 'POST',
      url: '/admin/ads',
      payload: creativeForm({ name: 'Browser ad', imageUrl: '/logo.png', alt: 'Visit our sponsor', linkUrl: 'https://advertiser.example/landing', startsAt: '2020-01-01T00:00', endsAt: '2099-01-01T00:00' }),
      headers: { cookie: `scms_session=${admin.token}`, origin, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(created.statusCode, 303, created.body.slice(0, 300));
    const cards = await app.queries.latest(100);
    const articles = await Promise.all(cards.map((c) => app.queries.articleById(c.id)));
    const found = articles.find((a) => a !== null && a.body.filter((p) => p.kind === 'paragraph').length >= 6);
    assert.ok(found);
    article = found;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.destroy();
  });

  const impressions = async () => Number((await app.db.kysely.selectFrom('ad_stats').select('impressions').executeTakeFirst())?.impressions ?? 0);
  const clicks = async () => Number((await app.db.kysely.selectFrom('ad_stats').select('clicks').executeTakeFirst())?.clicks ?? 0);

  for (const javaScriptEnabled of [true, false]) {
    test(`the frame shows the creative and counts it (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
      await context.route('https://advertiser.example/**', (route) => route.abort());
      const problems: string[] = [];
      const page = await context.newPage();
      // Playwright's own probes into the frame are refused by its sandbox (no allow-scripts): expected, not ours.
      page.on('console', (m) => void (m.type() === 'error' && !/^Blocked script execution in .* sandboxed/u.test(m.text()) && problems.push(m.text())));
      page.on('pageerror', (e) => problems.push(e.message));
      const beacons: { ok: boolean; setCookie: boolean }[] = [];
      let beaconsSent = 0;
      let beaconsDropped = 0;
      const isBeacon = (url: string) => new URL(url).pathname === '/ads/b';
      page.on('request', (r) => void (isBeacon(r.url()) && beaconsSent++));
      // The browser may drop a frame's request (the same beacon URL twice in a page, a cancelled load).
      page.on('requestfailed', (r) => void (isBeacon(r.url()) && beaconsDropped++));
      page.on('response', (r) => {
        if (new URL(r.url()).pathname === '/ads/b') beacons.push({ ok: r.status() === 200, setCookie: r.headers()['set-cookie'] !== undefined });
      });
      const before = await impressions();
      await page.goto(`${origin}${article.path}`);
      const slot = page.locator('.story-body > .ad-slot').first();
      const empty = await slot.boundingBox();
      await slot.scrollIntoViewIfNeeded();
      const frame = page.frameLocator('.story-body > .ad-slot iframe').first();
      const image = frame.locator('a.ad img');
      await image.waitFor();
      await assert.doesNotReject(image.evaluate((img: HTMLImageElement) => (img.complete ? Promise.resolve() : new Promise((resolve) => img.addEventListener('load', resolve)))));
      assert.ok(await image.evaluate((img: HTMLImageElement) => img.naturalWidth > 0), `the image loaded under the CSP: ${problems.join(' / ')}`);
      assert.equal(await image.getAttribute('alt'), 'Visit our sponsor');
      const filled = await slot.boundingBox();
      assert.equal(filled?.height, empty?.height, 'the reserved box keeps its size: nothing shifts');
      // One impression per frame that loaded (lazy frames further down may load too; with JavaScript off, all do).
      const expected = () => beacons.filter((b) => b.ok).length;
      // Compared only when every beacon sent so far has been answered (the server counts before answering).
      // A dropped request may or may not have reached the server first, so it may or may not count.
      const settled = async () => {
        const counted = (await impressions()) - before;
        return expected() > 0 && beacons.length + beaconsDropped === beaconsSent && counted >= expected() && counted <= expected() + beaconsDropped;
      };
      let counted = await settled();
      for (let i = 0; i < 300 && !counted; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        counted = await settled();
      }
      assert.ok(counted, `each beacon that reached the server counted one impression (${beaconsSent} sent, ${beacons.length} answered, ${beaconsDropped} dropped, ${(await impressions()) - before} counted)`);
      assert.ok(beacons.every((b) => !b.setCookie), 'no beacon set a cookie');

      const clicksBefore = await clicks();
      // A new tab, through the signed redirect (the advertiser's own page is not fetched: no network here).
      const [popup, redirect] = await Promise.all([
        context.waitForEvent('page'),
        context.waitForEvent('response', (r) => new URL(r.url()).pathname.startsWith('/ads/c/')),
        image.click(),
      ]);
      assert.notEqual(popup, page, 'opened in a new tab');
      assert.equal(redirect.status(), 302);
      assert.equal(redirect.headers().location, 'https://advertiser.example/landing');
      assert.equal(await clicks(), clicksBefore + 1);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
