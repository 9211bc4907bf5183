/**
 * Newsletters in headless Chromium at phone and desktop widths: sign up from
 * the front page's form, confirm through the emailed link's button, choose lists on the manage
 * page, unsubscribe through the link's button; the newsletters admin as an editor. No horizontal
 * scrolling, no axe-core WCAG A/AA violations; screenshots in /tmp/shots/newsletters-*.png.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startServedApp, type TestApp } from '../helpers/app.js';
import { launchChromium, noChromium, signedInPage } from '../helpers/chromium.js';
import { PASSWORD } from '../helpers/newsroom.js';
import { statusOf } from './support.js';

const SHOTS = '/tmp/shots';
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;


async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; help: string }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  });
}

describe('newsletters in Chromium', { skip: noChromium }, () => {
  let app: TestApp;
  let browser: Browser;
  let origin: string;

  before(async () => {
    ({ app, origin } = await startServedApp());
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.destroy();
  });

  for (const viewport of VIEWPORTS) {
    test(`${viewport.name} (${viewport.width}px): sign up, confirm, choose lists, unsubscribe`, async () => {
      // Scripts on for axe-core, which the site's CSP would refuse to run otherwise.
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      const email = `${viewport.name}@example.org`;
      const noOverflow = async (what: string) => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${what}: no horizontal scrolling (overflow ${overflow}px)`);
      };

      await page.goto(`${origin}/`);
      await page.fill('#front-newsletter-email', email);
      await Promise.all([page.waitForURL(`${origin}/newsletter`), page.locator('.newsletter-form button[type="submit"]').click()]);
      assert.equal(await page.locator('h1').innerText(), 'Check your inbox');
      await noOverflow('check your inbox');
      await page.screenshot({ path: `${SHOTS}/newsletters-check-inbox-${viewport.name}.png`, fullPage: true });

      const mail = (await app.email.list({ to: email })).find((m) => m.category === 'newsletter.confirm');
      const link = /(http:\/\/\S+\/newsletter\/confirm\?token=\S+)/u.exec(mail?.text ?? '')?.[1];
      assert.ok(link);
      await page.goto(link);
      await page.screenshot({ path: `${SHOTS}/newsletters-confirm-${viewport.name}.png`, fullPage: true });
      assert.deepEqual(await axeViolations(page), []);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Confirm my subscription' }).click()]);
      await page.waitForSelector('h1:text("You are subscribed")');
      assert.deepEqual(await statusOf(app, email), { 'Daily briefing': 'active' });

      await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Choose your newsletters' }).click()]);
      await page.getByLabel(/Breaking news/u).check();
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save my choice' }).click()]);
      await page.waitForSelector('.form-notice');
      await noOverflow('manage');
      await page.screenshot({ path: `${SHOTS}/newsletters-manage-${viewport.name}.png`, fullPage: true });
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(await statusOf(app, email), { 'Daily briefing': 'active', 'Breaking news': 'active' });

      const token = new URL(page.url()).searchParams.get('token') ?? '';
      await page.goto(`${origin}/newsletter/unsubscribe?token=${encodeURIComponent(token)}`);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Unsubscribe' }).click()]);
      await page.waitForSelector('h1:text("You are unsubscribed")');
      assert.deepEqual(await statusOf(app, email), { 'Daily briefing': 'unsubscribed', 'Breaking news': 'unsubscribed' });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('the newsletters admin for an editor: lists with counts, a new list, the briefing preview', async () => {
    await app.accounts.createUser({ email: 'editor@example.org', password: PASSWORD, role: 'editor', name: 'Ed Editor' });
    const problems: string[] = [];
    const page = await signedInPage(browser, { origin, email: 'editor@example.org', problems });
    await page.goto(`${origin}/admin/newsletters`);
    await page.fill('#new-list-name', 'Weekend reads');
    await page.fill('#new-list-description', 'Long reads on Saturdays.');
    await Promise.all([page.waitForURL(`${origin}/admin/newsletters?done=created`), page.getByRole('button', { name: 'Create list' }).click()]);
    assert.match(await page.locator('main').innerText(), /Weekend reads/u);
    await page.screenshot({ path: `${SHOTS}/newsletters-admin-desktop.png`, fullPage: true });
    await page.goto(`${origin}/admin/newsletters/briefing`);
    assert.match(await page.locator('main').innerText(), /nothing to send/u);
    await page.screenshot({ path: `${SHOTS}/newsletters-briefing-desktop.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});
