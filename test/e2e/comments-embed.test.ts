/**
 * The comments embed in headless Chromium, on real cross-site pages: partner pages served by a
 * small HTTP server at http://localhost:<port> (another site than the app at 127.0.0.1), with the
 * div and one script tag. The frame appears with the thread and is sized to it; a reader signs in
 * through the popup and posts from inside the frame (no cookie ever reaches it); a host the admin
 * has not allowed gets one sentence, and a page that borrows an allowed address is not framed.
 * Screenshots go to /tmp/shots/comments-embed-*.png.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { CHROMIUM, launchChromium, noChromium } from '../helpers/chromium.js';
import { commentsFixture, type CommentsFixture } from '../comments/helpers.js';

const SHOTS = '/tmp/shots';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PASSWORD = 'correct horse battery staple';

interface Host {
  origin: string;
  close(): Promise<void>;
}

/** A partner site: every path is an article page with the embed (data-url per path when given). */
async function startHost(appOrigin: string, dataUrl: (path: string, origin: string) => string): Promise<Host> {
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const address = server.address() as AddressInfo;
    const origin = `http://localhost:${address.port}`;
    const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner Gazette: the harbour story</title>
<style>body{margin:0;font:18px/1.5 Georgia,serif;background:#fbf8f1;color:#222}main{max-width:680px;margin:0 auto;padding:24px 16px}h1{font-size:28px;line-height:1.2}</style>
</head><body><main>
<h1>Partner Gazette: the harbour story</h1>
<p>This article lives on another platform. The discussion below comes from StructureCMS.</p>
<div data-structurecms-comments data-url="${dataUrl(path, origin)}"></div>
<script src="${appOrigin}/comments/embed.js" async></script>
</main></body></html>`;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://localhost:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('comments embedded on another site, in Chromium', { skip: noChromium }, () => {
  let f: CommentsFixture;
  let browser: Browser;
  let appOrigin: string;
  let partner: Host;
  let stranger: Host;
  let storyId: number;
  let readerEmail: string;

  before(async () => {
    f = await commentsFixture();
    appOrigin = await f.app.http.listen({ port: 0, host: '127.0.0.1' });
    partner = await startHost(appOrigin, (path, origin) => `${origin}${path}`);
    // The stranger's pages: their own address (not allowed), or on /borrowed, the partner's.
    stranger = await startHost(appOrigin, (path, origin) => (path === '/borrowed' ? `${partner.origin}/harbour` : `${origin}${path}`));
    // Allowed origins are https-only through the settings service; the test partner is plain
    // http on this machine, so its origin is written straight into the stored settings.
    const current = f.app.settings.get();
    const value = JSON.stringify({ ...current, comments: { ...current.comments, embedOrigins: [partner.origin] } });
    await f.app.db.kysely
      .insertInto('settings')
      .values({ key: 'publication', value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    await f.app.settings.reload();

    storyId = (await f.app.comments.storyForPage({ url: `${partner.origin}/harbour`, title: 'The harbour story' })).id;
    const ada = await f.reader('Ada Harbourmaster');
    const ben = await f.reader('Ben Fisher');
    const texts = [
      'The new quay is a **huge** improvement for the small boats.',
      'I walked along it on Sunday. Quiet, clean, and the lights work at last.',
      'Does anyone know whether the ferry timetable changes with it?',
      'Good reporting. The council minutes back this up.',
      '> the lights work at last\n\nThey do, but only on the north side.',
    ];
    let first = 0;
    for (const [i, text] of texts.entries()) {
      const posted = await f.comment(i % 2 ? ben : ada, { storyId }, text);
      first ||= posted.id;
    }
    await f.comment(ben, { storyId, parentId: first }, 'Agreed, and the ramp is finally wide enough for trailers.');

    const user = await f.app.accounts.createUser({ email: `embed-reader-${process.pid}@example.com`, password: PASSWORD, role: 'reader', name: 'Embed Reader', emailVerified: true });
    await f.app.db.kysely
      .insertInto('reader_standing')
      .values({ user_id: user.id, kind: 'good', message: '', until: null, approved_count: 1000, updated_at: f.clock.now, updated_by: null })
      .execute();
    readerEmail = user.email;

    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await partner?.close();
    await stranger?.close();
    await f?.close();
  });

  async function openHost(url: string, width: number, problems?: string[]): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: 'UTC' });
    const page = await context.newPage();
    if (problems) {
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
    }
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  async function commentsFrame(page: Page): Promise<Frame> {
    const element = await page.waitForSelector('div[data-structurecms-comments] iframe[title="Comments"]');
    const frame = await element.contentFrame();
    assert.ok(frame, 'the iframe has a document');
    // The element can be in the page before its frame has navigated (its URL is still empty).
    await frame.waitForURL((url) => url.pathname === '/comments/embed');
    return frame;
  }

  /**
   * The whole page at once: a viewport as tall as the page, since a full-page capture leaves the
   * part of a cross-site frame that was outside the first viewport unpainted.
   */
  async function shoot(page: Page, path: string): Promise<void> {
    const width = page.viewportSize()?.width ?? 1280;
    await page.setViewportSize({ width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path });
  }

  const frameHeight = (page: Page) => page.$eval('div[data-structurecms-comments] iframe', (el) => el.getBoundingClientRect().height);

  for (const width of [390, 1280]) {
    it(`frames the thread under the partner's article and sizes it to fit (${width} px)`, async () => {
      const problems: string[] = [];
      const page = await openHost(`${partner.origin}/harbour`, width, problems);
      const frame = await commentsFrame(page);
      assert.ok(frame.url().startsWith(`${appOrigin}/comments/embed?url=${encodeURIComponent(`${partner.origin}/harbour`)}`), frame.url());
      await frame.waitForSelector('.comment-body');
      const bodies = await frame.$$eval('.comment-body', (els) => els.map((el) => el.textContent ?? ''));
      assert.ok(bodies.some((text) => text.includes('The new quay is a huge improvement')), bodies.join(' | '));
      assert.ok(bodies.some((text) => text.includes('ramp is finally wide enough')), 'replies too');
      assert.equal(await frame.$eval('.comments', (el) => el.getAttribute('data-story')), String(storyId));
      assert.match(await frame.$eval('.comments-powered', (el) => el.textContent ?? ''), /Powered by StructureCMS Comments/u);

      // Sized from the frame's height messages: taller than the 150 px it starts at, and no inner scrolling.
      await page.waitForFunction(() => (document.querySelector('div[data-structurecms-comments] iframe')?.getBoundingClientRect().height ?? 0) > 300);
      await page.waitForFunction(
        async () => {
          const iframe = document.querySelector('div[data-structurecms-comments] iframe') as HTMLIFrameElement | null;
          return iframe !== null && Math.abs(iframe.getBoundingClientRect().height - Number(iframe.style.height.replace('px', ''))) < 1;
        },
        undefined,
        { timeout: 5000 },
      );
      const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      const outer = await frameHeight(page);
      assert.ok(Math.abs(inner - outer) <= 2, `the frame (${outer} px) fits its document (${inner} px)`);
      await shoot(page, `${SHOTS}/comments-embed-${width}.png`);
      assert.deepEqual(problems, [], 'no script errors and no CSP refusals');
      await page.context().close();
    });
  }

  it('signs a reader in through a popup when they post, and posts from inside the frame', async () => {
    const problems: string[] = [];
    const page = await openHost(`${partner.origin}/harbour`, 1280, problems);
    const frame = await commentsFrame(page);
    await frame.waitForSelector('#comment-text');
    f.clock.advance(21_000);
    // Signed out, the comment typed first: Post opens the sign-in popup, and the comment goes once it is done.
    await frame.fill('#comment-text', 'Posted from the partner’s page, through the frame.');
    const [popup] = await Promise.all([page.context().waitForEvent('page'), frame.click('.comment-form button[type="submit"]')]);
    await popup.waitForLoadState();
    assert.ok(popup.url().startsWith(`${appOrigin}/account/sign-in?return=${encodeURIComponent('/comments/embed/signed-in')}`), popup.url());
    await popup.fill('#email', readerEmail);
    await popup.fill('#password', PASSWORD);
    await Promise.all([popup.waitForEvent('close'), popup.click('form[action="/account/sign-in"] button[type="submit"]')]);

    await frame.waitForSelector('text=Thanks! Your comment is posted.');
    await frame.waitForSelector('text=Commenting as Embed Reader');
    // This browser keeps no storage (and no cookie) for a frame under another site: the token in memory did the work.
    assert.equal(await frame.evaluate(() => document.cookie), '');
    await shoot(page, `${SHOTS}/comments-embed-signed-in-1280.png`);
    const row = await f.app.db.kysely
      .selectFrom('comments')
      .innerJoin('users', 'users.id', 'comments.user_id')
      .select(['users.email', 'comments.story_id', 'comments.status'])
      .where('comments.body_text', '=', 'Posted from the partner’s page, through the frame.')
      .executeTakeFirstOrThrow();
    assert.deepEqual([row.email, row.story_id, row.status], [readerEmail, storyId, 'approved']);
    await page.reload();
    await (await commentsFrame(page)).waitForSelector('.comment-body >> text=Posted from the partner’s page, through the frame.');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('keeps the reader signed in across links inside the frame where the browser lets the frame keep storage', async () => {
    // A browser profile of its own that allows third-party cookies and storage (this Chromium
    // blocks them by default, as private windows do: that case is the test above).
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'structurecms-embed-profile-'));
    fs.mkdirSync(path.join(profile, 'Default'));
    fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${partner.origin}/harbour`);
      const frame = await commentsFrame(page);
      const storage = await frame.evaluate(() => {
        try {
          sessionStorage.setItem('probe', '1');
          return true;
        } catch {
          return false;
        }
      });
      assert.ok(storage, 'the frame may keep storage in this profile');
      await frame.waitForSelector('.comments-signin a');
      const [popup] = await Promise.all([context.waitForEvent('page'), frame.click('.comments-signin a')]);
      await popup.waitForLoadState();
      await popup.fill('#email', readerEmail);
      await popup.fill('#password', PASSWORD);
      await Promise.all([popup.waitForEvent('close'), popup.click('form[action="/account/sign-in"] button[type="submit"]')]);
      await frame.waitForSelector('text=Commenting as Embed Reader');
      // A plain link inside the frame: a new document, the same reader.
      await Promise.all([frame.waitForNavigation(), frame.click('.comments-sort a:has-text("Oldest")')]);
      assert.match(frame.url(), /\/comments\/embed\/story\/\d+\?sort=oldest/u);
      await frame.waitForSelector('text=Commenting as Embed Reader');
      f.clock.advance(21_000);
      await frame.fill('#comment-text', 'Posted after sorting, still signed in.');
      await frame.click('.comment-form button[type="submit"]');
      await frame.waitForSelector('.comment-body >> text=Posted after sorting, still signed in.');
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });

  it('shows a host the admin has not allowed one short sentence and no comments', async () => {
    const page = await openHost(`${stranger.origin}/their-story`, 1280);
    const frame = await commentsFrame(page);
    await frame.waitForSelector('.embed-message');
    assert.match(await frame.$eval('.embed-message', (el) => el.textContent ?? ''), /^Comments are not enabled for http:\/\/localhost:\d+\.$/u);
    assert.equal(await frame.$$eval('.comment, .comment-form', (els) => els.length), 0);
    await page.waitForFunction(() => {
      const h = document.querySelector('div[data-structurecms-comments] iframe')?.getBoundingClientRect().height ?? 0;
      return h > 0 && h < 150;
    });
    await shoot(page, `${SHOTS}/comments-embed-refused-1280.png`);
    await page.context().close();
  });

  it('does not let another site frame an allowed page’s comments', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().startsWith(`${appOrigin}/comments/embed?`)), page.goto(`${stranger.origin}/borrowed`)]);
    // The thread itself is served (the address is the partner's), but with frame-ancestors naming
    // only the partner, so Chromium does not show it inside the stranger's page.
    assert.equal(response.status(), 200);
    assert.equal(/frame-ancestors ([^;]*)/u.exec(response.headers()['content-security-policy'] ?? '')?.[1], partner.origin);
    const frame = await (await page.waitForSelector('div[data-structurecms-comments] iframe')).contentFrame();
    assert.ok(frame);
    await frame.waitForLoadState('load');
    assert.equal(await frame.evaluate(() => document.querySelectorAll('.comment').length), 0);
    assert.ok(!frame.url().startsWith(appOrigin), `blocked, not shown: ${frame.url()}`);
    await context.close();
  });
});
