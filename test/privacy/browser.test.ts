/**
 * The consent banner and the Do Not Sell or Share page in Chromium: Accept and Reject the same
 * size at phone and desktop widths, no request leaves the site before a choice, and both forms
 * work with JavaScript off.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { startServedApp, type TestApp } from '../helpers/app.js';
import { launchChromium, noChromium } from '../helpers/chromium.js';

const SHOTS = '/tmp/shots';


describe('privacy pages in Chromium', { skip: noChromium }, () => {
  let app: TestApp;
  let browser: Browser;
  let origin: string;

  before(async () => {
    ({ app, origin } = await startServedApp());
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    await app.settings.update({ privacy: { consentBanner: 'everyone' } });
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.destroy();
  });

  for (const viewport of [
    { name: 'phone', width: 390, height: 844 },
    { name: 'desktop', width: 1280, height: 900 },
  ]) {
    it(`consent banner at ${viewport.name} width: equal buttons, nothing third-party, Reject works without JavaScript`, async () => {
      const context = await browser.newContext({ viewport, javaScriptEnabled: false });
      const page = await context.newPage();
      const elsewhere: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) elsewhere.push(request.url());
      });
      await page.goto(`${origin}/news`);
      const accept = await page.getByRole('button', { name: 'Accept' }).boundingBox();
      const reject = await page.getByRole('button', { name: 'Reject' }).boundingBox();
      assert.ok(accept && reject, 'both buttons are visible');
      assert.equal(Math.round(accept.width), Math.round(reject.width));
      assert.equal(Math.round(accept.height), Math.round(reject.height));
      assert.ok(accept.height >= 40, 'a comfortable target');
      await page.screenshot({ path: `${SHOTS}/privacy-consent-${viewport.name}.png` });
      assert.deepEqual(await context.cookies(), [], 'no cookie before a choice');
      await page.getByRole('button', { name: 'Reject' }).click();
      await page.waitForURL(`${origin}/news`);
      assert.equal(await page.locator('.consent-banner').count(), 0);
      assert.deepEqual((await context.cookies()).map((c) => `${c.name}=${c.value}`), ['scms_prefs=c-r']);
      assert.deepEqual(elsewhere, []);
      await context.close();
    });
  }

  it('Do Not Sell or Share: one click, then "Opt-out request honored"', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/do-not-sell`);
    await page.getByRole('button', { name: 'Do not sell or share my personal information' }).click();
    await page.waitForURL(`${origin}/do-not-sell?notice=out`);
    assert.equal(await page.locator('.privacy-status').textContent(), 'Opt-out request honored');
    assert.match((await page.locator('.site-footer').textContent()) ?? '', /Opt-out request honored/u);
    await page.screenshot({ path: `${SHOTS}/privacy-do-not-sell.png`, fullPage: true });
    await context.close();
  });
});
