/**
 * Headless Chromium for the browser tests: the machine's own build (never a downloaded one), with
 * nothing of its own reaching the network, and a sign-in through the real form.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PASSWORD } from './newsroom.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** For `describe(…, { skip })`: false, or why the browser tests cannot run here. */
export const noChromium: string | false = fs.existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A new desktop-sized page (UTC), signed in to the newsroom. Script errors and console errors
 * (a CSP refusal among them) go to `problems`; `prepare` runs before the first navigation.
 */
export async function signedInPage(browser: Browser, options: { origin: string; email: string; problems: string[]; password?: string; prepare?: (page: Page) => Promise<void> }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') options.problems.push(message.text());
  });
  page.on('pageerror', (error) => options.problems.push(error.message));
  await options.prepare?.(page);
  await page.goto(`${options.origin}/admin/sign-in`);
  await page.fill('#email', options.email);
  await page.fill('#password', options.password ?? PASSWORD);
  await Promise.all([page.waitForURL(`${options.origin}/admin`), page.getByRole('button', { name: 'Sign in' }).click()]);
  return page;
}
