/**
 * /support in headless Chromium at phone and desktop widths, JavaScript off as well as on: choose
 * monthly and an own amount, go through test mode's checkout, land on the thanks page. No
 * horizontal scrolling, no axe-core WCAG A/AA violations; screenshots in /tmp/shots/revenue-*.png.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startServedApp, type TestApp } from '../helpers/app.js';
import { launchChromium, noChromium, signedInPage } from '../helpers/chromium.js';
import { PASSWORD } from '../helpers/newsroom.js';

const SHOTS = '/tmp/shots';
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;


describe('the support page in Chromium', { skip: noChromium }, () => {
  let app: TestApp;
  let browser: Browser;
  let origin: string;

  before(async () => {
    // The public URL must be the address the browser uses: checkout redirects are absolute.
    ({ app, origin } = await startServedApp());
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.destroy();
  });

  async function open(viewport: (typeof VIEWPORTS)[number], javaScriptEnabled: boolean): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport, javaScriptEnabled, bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    return { page, problems };
  }

  for (const viewport of VIEWPORTS) {
    test(`${viewport.name} (${viewport.width}px): choose, pay in test mode, thanks`, async () => {
      const { page, problems } = await open(viewport, false);
      await page.goto(`${origin}/support`);
      assert.match(await page.locator('.test-mode-banner').innerText(), /Test mode — no money moves/u);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
      await page.screenshot({ path: `${SHOTS}/revenue-support-${viewport.name}.png`, fullPage: true });

      await page.getByRole('radio', { name: 'Monthly' }).check();
      await page.fill('#custom-amount', '7.50');
      await Promise.all([page.waitForURL(/\/support\/test-checkout\//u), page.getByRole('button', { name: 'Continue to payment' }).click()]);
      assert.match(await page.locator('main').innerText(), /\$7\.50 per month/u);
      await page.screenshot({ path: `${SHOTS}/revenue-checkout-${viewport.name}.png`, fullPage: true });

      await page.fill('#payer-email', `${viewport.name}@example.org`);
      await Promise.all([page.waitForURL(/\/support\/thanks\?session_id=/u), page.getByRole('button', { name: /Pay \$7\.50/u }).click()]);
      assert.match(await page.locator('h1').innerText(), /Thank you for your support/u);
      await page.screenshot({ path: `${SHOTS}/revenue-thanks-${viewport.name}.png`, fullPage: true });
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  }

  test('a refused amount is shown on the form, and the page passes axe-core', async () => {
    const { page, problems } = await open(VIEWPORTS[0], true);
    await page.goto(`${origin}/support`);
    await page.fill('#custom-amount', '0.5');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Continue to payment' }).click()]);
    await page.waitForSelector('.form-problem');
    assert.match(await page.locator('.form-problem').innerText(), /smallest amount is \$1/u);
    await page.screenshot({ path: `${SHOTS}/revenue-problem-phone.png`, fullPage: true });
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; help: string }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.help}`);
    });
    assert.deepEqual(violations, []);
    // The refused form is itself answered 400, which Chromium logs; anything else would be a fault.
    assert.deepEqual(problems.filter((p) => !/status of 400/u.test(p)), []);
  });

  test('the revenue admin shows this month’s support as a chart and a table (after the checkouts above)', async () => {
    await app.accounts.createUser({ email: 'owner@example.org', password: PASSWORD, role: 'admin', name: 'Owner' });
    const problems: string[] = [];
    const page = await signedInPage(browser, { origin, email: 'owner@example.org', problems });
    await page.goto(`${origin}/admin/revenue`);
    assert.equal(await page.locator('svg[role="img"]').count(), 1);
    assert.match(await page.locator('#revenue-table').innerText(), /\$15/u);
    await page.screenshot({ path: `${SHOTS}/revenue-admin-desktop.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});
