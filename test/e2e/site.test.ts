/**
 * A reader's visit in headless Chromium: the front page, then an article, at phone and desktop
 * widths. Checks the page parts, that the page's own markup causes no layout shift, and that
 * axe-core finds no WCAG 2.1 A/AA violations.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

// Skipped only when the machine has no Chromium; .ci/run installs it, so CI always runs this.
describe('a reader in Chromium', { skip: hasChromium ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)` }, () => {
  let app: TestApp;
  let browser: Browser;
  let origin: string;

  before(async () => {
    app = await startTestApp({ seed: true });
    origin = await app.http.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    await app?.destroy();
  });

  async function open(url: string, viewport: (typeof VIEWPORTS)[number], javaScriptEnabled = true): Promise<Page> {
    // bypassCSP lets the test inject axe-core; the site itself runs under its real CSP.
    const context = await browser.newContext({ viewport, javaScriptEnabled, bypassCSP: true });
    const page = await context.newPage();
    if (javaScriptEnabled) {
      await page.addInitScript(() => {
        const w = window as unknown as { __cls: number };
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) w.__cls += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
    }
    const response = await page.goto(`${origin}${url}`, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, url);
    return page;
  }

  async function audit(page: Page): Promise<AxeViolation[]> {
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
    });
  }

  async function layoutShift(page: Page): Promise<number> {
    // Let lazy images below the fold settle, scrolling the whole page as a reader would.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 30));
      }
    });
    await page.waitForLoadState('networkidle');
    return page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  }

  for (const viewport of VIEWPORTS) {
    it(`front page and an article at ${viewport.name} width`, async () => {
      const front = await open('/', viewport);
      const lead = front.locator('.front-lead .card-headline a');
      assert.equal(await lead.count(), 1);
      assert.deepEqual(await audit(front), [], 'front page: no WCAG 2.1 A/AA violations');
      assert.ok((await layoutShift(front)) < 0.01, 'front page: no layout shift');
      const noOverflow = await front.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      assert.ok(noOverflow, 'nothing overflows horizontally');

      // Follow the lead story as a reader would.
      await Promise.all([front.waitForLoadState('load'), lead.click()]);
      const article = front;
      await article.waitForSelector('h1.headline');
      const headline = await article.locator('h1').textContent();
      assert.ok(headline && headline.length > 10);
      for (const selector of ['.standfirst', 'figure.hero img', 'figure.hero .credit', '.byline a[rel="author"]', '.byline time[datetime]', '.story-body p', '.comments', '.support-pitch', '.newsletter .consent', '.privacy-notice', '.site-footer']) {
        assert.ok(await article.locator(selector).first().isVisible(), `${selector} is visible`);
      }
      assert.ok((await article.locator('.ad-slot .ad-label').count()) >= 1);
      const heroLoaded = await article.locator('figure.hero img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
      assert.ok(heroLoaded, 'the hero image loads');
      assert.deepEqual(await audit(article), [], 'article: no WCAG 2.1 A/AA violations');
      assert.ok((await layoutShift(article)) < 0.01, 'article: no layout shift');
      await article.context().close();
    });
  }

  it('the article is complete with JavaScript off', async () => {
    const [card] = await app.queries.latest(1);
    const page = await open(card!.path, VIEWPORTS[0], false);
    for (const text of ['Comments', 'Sign in to comment', 'Powered by StructureCMS Comments', 'Remind me next month', 'By signing up you agree to our', 'Do Not Sell or Share My Personal Information']) {
      assert.ok(await page.getByText(text, { exact: false }).first().isVisible(), text);
    }
    await page.context().close();
  });
});
