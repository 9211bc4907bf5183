/**
 * Stored-XSS payloads posted as comments are inert in a real browser, and the comments section
 * (with replies, a featured comment, the form) passes axe-core's WCAG 2.1 A/AA checks. The page's
 * CSP is bypassed on purpose: the markup itself must be harmless, not merely blocked.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { commentsFixture, type ArticleInfo, type CommentsFixture } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAYLOADS = [
  '<script>window.__xss = 1; alert(1)</script>',
  '<img src=x onerror="window.__xss = 2">',
  '<svg onload="window.__xss = 3"><script>window.__xss = 4</script></svg>',
  '<math><maction actiontype="statusline" xlink:href="javascript:window.__xss=5">click</maction></math>',
  '<iframe src="javascript:window.top.__xss = 6"></iframe>',
  '<style>@import "http://evil.example/x.css";</style><div style="background:url(javascript:window.__xss=7)">styled</div>',
  '[click me](javascript:window.__xss=8)',
  '[click me too](JaVaScRiPt:window.__xss=9)',
  '[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '**[bold link](javascript:window.__xss=10)**',
  '<a href="javascript:window.__xss=11">raw link</a>',
  '"><script>window.__xss=12</script>',
  'Right-to-left \u202Egnp.exe trick and zero\u200Bwidth',
  '<details open ontoggle="window.__xss=13">x</details>',
];

describe('comments in Chromium', { skip: hasChromium ? false : `no Chromium at ${CHROMIUM}` }, () => {
  let f: CommentsFixture;
  let browser: Browser;
  let origin: string;
  let article: ArticleInfo;

  before(async () => {
    f = await commentsFixture();
    origin = await f.app.http.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const mallory = await f.reader('Mallory <img src=x onerror="window.__xss=99">');
    const alice = await f.reader('Alice');
    article = await f.article('attacked');
    let first = 0;
    for (const payload of PAYLOADS) {
      const posted = await f.comment(mallory, { articleId: article.id }, payload);
      first ||= posted.id;
    }
    const root = await f.comment(alice, { articleId: article.id }, 'A *calm* comment with a [real link](https://example.com/report).');
    const reply = await f.comment(mallory, { articleId: article.id, parentId: root.id }, 'A reply <script>window.__xss=20</script>');
    await f.comment(alice, { articleId: article.id, parentId: reply.id }, '> quoting\n\nand answering');
    await f.app.comments.feature({ userId: null, label: 'Moe' }, root.id);
    assert.ok(first > 0);
  });
  after(async () => {
    await browser?.close();
    await f?.close();
  });

  it('runs none of the payloads, and keeps them as visible text', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const response = await page.goto(`${origin}${article.path}`, { waitUntil: 'load' });
    assert.equal(response?.status(), 200);
    // The links left inside comments: only the one real web link.
    const hrefs = await page.$$eval('.comments .comment-body a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    assert.deepEqual(hrefs, ['https://example.com/report', 'https://example.com/report'], 'only the real link survives (thread and featured)');
    await page.waitForTimeout(200);
    const found = await page.evaluate(() => ({
      flag: (window as unknown as { __xss?: number }).__xss ?? null,
      elements: document.querySelectorAll('.comments script, .comments iframe, .comments svg, .comments math, .comments style, .comments img, .comments details, .comments [style]').length,
      handlers: [...document.querySelectorAll('.comments *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      text: document.querySelector('.comments')?.textContent ?? '',
    }));
    assert.equal(found.flag, null, 'no payload ran');
    assert.deepEqual(dialogs, []);
    assert.equal(found.elements, 0);
    assert.equal(found.handlers, 0);
    assert.match(found.text, /<script>window\.__xss = 1; alert\(1\)<\/script>/u, 'shown as text');
    assert.match(found.text, /Mallory <img src=x onerror="window.__xss=99">/u, 'the name too');
    assert.ok(!found.text.includes('\u202E'), 'direction override removed');
    assert.ok(!found.text.includes('\u200B'), 'zero-width space removed');
    await context.close();
  });

  it('passes axe-core WCAG 2.1 A/AA checks, JavaScript on or off', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${origin}${article.path}`, { waitUntil: 'load' });
      if (!javaScriptEnabled) {
        // The form and the sign-in link are there without any script.
        assert.equal(await page.locator('form.comment-form textarea[name="text"]').count(), 1);
        await context.close();
        continue;
      }
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document.querySelector('#comments') as Element, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target) }));
      });
      assert.deepEqual(violations, []);
      await context.close();
    }
  });
});
