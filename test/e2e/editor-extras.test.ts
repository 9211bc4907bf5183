/**
 * The editor's Embed button and its edit-lock heartbeat, in headless Chromium under the app's
 * real CSP. The machine has no internet: oEmbed answers come from a stub transport put under the
 * resolver with useEmbedNetworkForTests (the same seam test/embeds uses; the app runs in this
 * process), and the providers' own player and script are answered by Playwright routes.
 * The heartbeat runs on Playwright's fake clock in the page and the app's injected clock.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.js';
import { launchChromium, noChromium, signedInPage } from '../helpers/chromium.js';
import { parse } from '../helpers/html.js';
import { doc, startNewsroom, type Newsroom } from '../helpers/newsroom.js';
import { useEmbedNetworkForTests } from '../../src/modules/embeds/routes.js';
import { isPublicAddress, type Transport, type UrlPolicy } from '../../src/modules/embeds/ssrf.js';
import { LOCK_TTL_MS } from '../../src/modules/publishing/locks.js';
import { HEARTBEAT_MS } from '../../src/client/editor/lock.js';

const SHOTS = '/tmp/shots';

const VIDEO_URL = 'https://www.youtube.com/watch?v=harbour1';
const PLAYER_URL = 'https://www.youtube.com/embed/harbour1';
const YOUTUBE_HTML = `<iframe width="480" height="270" src="${PLAYER_URL}" title="Harbour bridge timelapse" allowfullscreen></iframe>`;
const POST_URL = 'https://x.com/harbourdesk/status/1234567890';
const POST_HTML =
  '<blockquote class="twitter-tweet"><p lang="en">The bridge is open again.</p>&mdash; Harbour Desk (@harbourdesk) <a href="https://twitter.com/harbourdesk/status/1234567890">November 28, 2026</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>';

/** Every host name resolves to one public address: nothing here touches real DNS. */
const publicDns: UrlPolicy = { schemes: ['https:'], allowAddress: isPublicAddress, resolve: async () => [{ address: '93.184.216.34', family: 4 }] };

/** The providers' oEmbed endpoints, answered here; every question is recorded. */
function oembedStub(asked: string[]): Transport {
  return async (target) => {
    asked.push(target.url.href);
    const answer =
      target.url.hostname === 'www.youtube.com'
        ? { type: 'video', title: 'Harbour bridge timelapse', html: YOUTUBE_HTML, width: 480, height: 270 }
        : target.url.hostname === 'publish.twitter.com'
          ? { type: 'rich', author_name: 'Harbour Desk', html: POST_HTML, width: 550 }
          : null;
    if (!answer) return { status: 404, headers: {}, body: Buffer.alloc(0) };
    return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(answer)) };
  };
}

/** Polls `read` (bounded) until `done` holds, and returns the last value read. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, tries = 100): Promise<T> {
  let value = await read();
  for (let i = 0; i < tries && !done(value); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

describe('editor extras in Chromium', { skip: noChromium }, () => {
  let n: Newsroom<'ana' | 'ben'>;
  let app: TestApp;
  let browser: Browser;
  let origin: string;
  /** The app's injected clock. */
  let clock: { t: number };
  const problems: string[] = [];

  before(async () => {
    n = await startNewsroom({
      sections: { news: 'News' },
      authors: { 'ana-editor': 'Ana Editor' },
      people: { ana: { name: 'Ana Editor', role: 'editor' }, ben: { name: 'Ben Desk', role: 'editor' } },
    });
    ({ app, clock } = n);
    origin = await app.http.listen({ port: 0, host: '127.0.0.1' });
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  after(async () => {
    useEmbedNetworkForTests(null);
    await browser?.close();
    await app?.destroy();
  });

  /**
   * A signed-in page. With `pageClock`, the page runs on Playwright's fake clock, paused after
   * sign-in: on every page opened after that, time moves only by clock.runFor.
   */
  async function signedIn(email: string, pageClock = false): Promise<Page> {
    const page = await signedInPage(browser, { origin, email, problems, prepare: async (p) => (pageClock ? p.clock.install({ time: clock.t }) : undefined) });
    // A margin ahead of the page's now, which still runs in real time until this call.
    if (pageClock) await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    return page;
  }

  const draft = (headline: string, text: string) => n.create('ana', { headline, standfirst: 'A test story.', authors: ['ana-editor'], body: doc(text) });

  /** The article as the Admin API shows it. */
  const view = async (id: number) =>
    (await n.api('ana', 'GET', `/api/admin/articles/${id}`)).json as {
      body: { content: { type: string; attrs?: Record<string, unknown> }[] };
      lock: { userId: number; name: string; expiresAt: string } | null;
    };

  /** Clicks Embed and answers its prompt with `url`. */
  async function embed(page: Page, url: string) {
    page.once('dialog', (dialog) => void (dialog.type() === 'prompt' ? dialog.accept(url) : dialog.dismiss()));
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Embed', exact: true }).click();
  }

  it('embeds a YouTube video and an X post through the oEmbed stub, refuses an unlisted URL, and the published page frames both', async () => {
    const asked: string[] = [];
    useEmbedNetworkForTests({ policy: publicDns, transport: oembedStub(asked) });
    problems.length = 0;
    const page = await signedIn('ana@example.org');
    const id = await draft('Harbour bridge in pictures', 'The bridge opened at dawn.');
    await page.goto(`${origin}/admin/articles/${id}`);
    await page.waitForSelector('.editor-ready .ProseMirror[contenteditable=true]');
    const notice = page.locator('#editor-notice');
    const blocks = page.locator('.ProseMirror .editor-embed');

    // Refused before anything is fetched: a readable message, and no block.
    await page.click('.ProseMirror p');
    await embed(page, 'https://evil.example/x');
    await notice.filter({ hasText: 'Not embedded: Embeds from evil.example are not supported.' }).waitFor();
    assert.equal(await blocks.count(), 0, 'nothing inserted for a refused URL');
    assert.deepEqual(asked, [], 'no provider was asked about the refused URL');

    await page.click('.ProseMirror p');
    await embed(page, VIDEO_URL);
    await notice.filter({ hasText: 'Embed added.' }).waitFor();
    await blocks.first().waitFor();
    assert.equal(await blocks.count(), 1);
    assert.equal((await blocks.first().locator('strong').textContent())?.trim(), 'YouTube embed: Harbour bridge timelapse');
    assert.equal((await blocks.first().locator('span').textContent())?.trim(), VIDEO_URL);
    const youtubeAsked = new URL(asked[0] ?? '');
    assert.equal(youtubeAsked.origin + youtubeAsked.pathname, 'https://www.youtube.com/oembed', 'the oEmbed endpoint was asked');
    assert.equal(youtubeAsked.searchParams.get('url'), VIDEO_URL);

    // A script-based post (no direct player, so it goes in the sandboxed frame), inserted right
    // after the block holding the caret: between the paragraph and the video.
    await page.click('.ProseMirror p');
    await embed(page, POST_URL);
    await blocks.nth(1).waitFor();
    assert.deepEqual(await blocks.locator('strong').allTextContents(), ['X embed: Harbour Desk', 'YouTube embed: Harbour bridge timelapse']);

    await page.locator('#editor-shell').screenshot({ path: `${SHOTS}/editor-extras-embed-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/editor-extras-embed-390.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `nothing overflows at phone width with embeds in the body (${overflow}px)`);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('#save-status', { hasText: /^Saved at \d/u }).waitFor();
    const saved = await view(id);
    assert.deepEqual(saved.body.content.map((b) => b.type), ['paragraph', 'embed', 'embed']);
    const [post, video] = saved.body.content.slice(1).map((b) => b.attrs ?? {});
    assert.equal(video?.provider, 'YouTube');
    assert.equal(video?.url, VIDEO_URL);
    assert.equal(video?.playerUrl, PLAYER_URL);
    assert.equal(video?.title, 'Harbour bridge timelapse');
    assert.equal(post?.provider, 'X');
    assert.equal(post?.url, POST_URL);
    assert.equal(post?.playerUrl ?? null, null, 'a script embed is never framed directly');
    assert.match(String(post?.frameId), /^[0-9a-f]{32}$/u);

    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.locator('#article-status', { hasText: 'Published' }).waitFor();
    const card = (await app.queries.latest(1))[0];
    assert.equal(card?.headline, 'Harbour bridge in pictures');

    // The page as served: the player framed directly, the post in our sandboxed frame.
    const $ = parse((await app.http.inject({ method: 'GET', url: card.path })).body);
    const figures = $('figure.embed');
    assert.equal(figures.length, 2);
    const player = figures.eq(1).find('iframe');
    assert.equal(player.attr('src'), PLAYER_URL);
    assert.equal(player.attr('sandbox'), 'allow-scripts allow-same-origin allow-popups allow-presentation');
    assert.equal(player.attr('height'), String(Math.round((270 * 640) / 480)));
    assert.equal(figures.eq(1).find('a').attr('href'), VIDEO_URL, 'the link to the video stays');
    const sandboxed = figures.eq(0).find('iframe');
    assert.equal(sandboxed.attr('src'), `/frames/embed/${String(post?.frameId)}`);
    assert.equal(sandboxed.attr('sandbox'), 'allow-scripts allow-popups allow-presentation');

    // And in the browser: the provider's player loads under the page's CSP, and the post's
    // script runs inside the sandbox with an opaque origin that cannot reach the article.
    const reader = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    reader.on('pageerror', (error) => problems.push(error.message));
    await reader.route(`${PLAYER_URL}*`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title><p id="player">Player stub</p>' }));
    await reader.route('https://platform.twitter.com/widgets.js', (route) =>
      route.fulfill({
        contentType: 'application/javascript',
        body: 'let reach = "blocked"; try { reach = String(window.parent.document.title); } catch { } document.body.dataset.widget = "ran"; document.body.dataset.parent = reach;',
      }),
    );
    await reader.goto(`${origin}${card.path}`);
    for (const frame of await reader.locator('figure.embed iframe').all()) await frame.scrollIntoViewIfNeeded();
    const playerFrame = await until(async () => reader.frames().find((f) => f.url().startsWith(PLAYER_URL)), Boolean);
    assert.ok(playerFrame, 'the player frame loaded');
    assert.equal(await playerFrame.locator('#player').textContent(), 'Player stub');
    const postFrame = await until(async () => reader.frames().find((f) => f.url().includes('/frames/embed/')), Boolean);
    assert.ok(postFrame, 'the sandboxed frame loaded');
    await postFrame.locator('body[data-widget="ran"]').waitFor();
    assert.equal(await postFrame.locator('body').getAttribute('data-parent'), 'blocked', 'the frame cannot read the article page');
    assert.match((await postFrame.locator('blockquote').textContent()) ?? '', /The bridge is open again\./u);
    await reader.screenshot({ path: `${SHOTS}/editor-extras-published-1280.png`, fullPage: true });
    await reader.close();
    await page.context().close();
    // The refused look-up answers 400, which the browser logs; nothing else may appear.
    assert.deepEqual(problems.filter((p) => !/status of 400/u.test(p)), [], 'no script errors or CSP violations');
  });

  it('renews the edit lock every 20 s on the fake clock, releases it on leaving, and a lapsed lock passes to the next editor', async () => {
    problems.length = 0;
    const ana = await signedIn('ana@example.org', true);
    const id = await draft('Ferry strike talks resume', 'Talks start at nine.');
    await ana.goto(`${origin}/admin/articles/${id}`);
    await ana.waitForSelector('.editor-ready .ProseMirror[contenteditable=true]');

    const taken = await until(() => view(id), (v) => v.lock?.name === 'Ana Editor');
    assert.equal(taken.lock?.expiresAt, new Date(clock.t + LOCK_TTL_MS).toISOString(), 'the lock taken on opening lasts 60 s');

    // Just short of the heartbeat nothing is sent; at twenty seconds (on both clocks) the
    // heartbeat renews the lock from the new now.
    clock.t += HEARTBEAT_MS;
    await ana.clock.runFor(HEARTBEAT_MS - 1);
    assert.equal((await view(id)).lock?.expiresAt, taken.lock?.expiresAt, 'no heartbeat before 20 s');
    await ana.clock.runFor(1);
    const renewed = await until(() => view(id), (v) => v.lock?.expiresAt !== taken.lock?.expiresAt);
    assert.equal(renewed.lock?.name, 'Ana Editor');
    assert.equal(renewed.lock?.expiresAt, new Date(clock.t + LOCK_TTL_MS).toISOString(), 'expiresAt moved forward by the heartbeat');

    // And again: the lock keeps moving while the page is open, well past the first 60 s.
    clock.t += 3 * HEARTBEAT_MS;
    await ana.clock.runFor(3 * HEARTBEAT_MS);
    const kept = await until(() => view(id), (v) => v.lock?.expiresAt === new Date(clock.t + LOCK_TTL_MS).toISOString());
    assert.equal(kept.lock?.expiresAt, new Date(clock.t + LOCK_TTL_MS).toISOString());

    await ana.screenshot({ path: `${SHOTS}/editor-extras-lock-1280.png`, fullPage: true });
    await ana.setViewportSize({ width: 390, height: 844 });
    await ana.screenshot({ path: `${SHOTS}/editor-extras-lock-390.png`, fullPage: true });
    await ana.setViewportSize({ width: 1280, height: 900 });

    // Leaving the editor releases the lock at once (pagehide), long before it would lapse.
    await ana.goto(`${origin}/admin/articles`);
    const released = await until(() => view(id), (v) => v.lock === null);
    assert.equal(released.lock, null, 'the lock is released when the page is left');

    // Ana opens it again; her tab then goes quiet (no heartbeat: her page clock stands still).
    await ana.goto(`${origin}/admin/articles/${id}`);
    await ana.waitForSelector('.editor-ready .ProseMirror[contenteditable=true]');
    const again = await until(() => view(id), (v) => v.lock?.name === 'Ana Editor');
    assert.equal(again.lock?.name, 'Ana Editor');

    const ben = await signedIn('ben@example.org', true);
    await ben.goto(`${origin}/admin/articles/${id}`);
    await ben.locator('#lock-banner').waitFor();
    await ben.waitForSelector('.ProseMirror[contenteditable=false]');
    assert.match((await ben.locator('#lock-text').textContent()) ?? '', /^Ana Editor is editing this article/u);
    await ben.setViewportSize({ width: 390, height: 844 });
    await ben.screenshot({ path: `${SHOTS}/editor-extras-locked-390.png` });
    await ben.setViewportSize({ width: 1280, height: 900 });

    // Before expiry Ben's heartbeat is refused; after it, his next heartbeat takes the lock.
    clock.t += HEARTBEAT_MS;
    await ben.clock.runFor(HEARTBEAT_MS);
    assert.equal((await until(() => view(id), (v) => v.lock?.name !== 'Ana Editor', 10)).lock?.name, 'Ana Editor', 'a live lock is not taken by a heartbeat');
    assert.equal(await ben.locator('#lock-banner').isVisible(), true);
    clock.t += LOCK_TTL_MS;
    await ben.clock.runFor(HEARTBEAT_MS);
    await ben.locator('#lock-banner').waitFor({ state: 'hidden' });
    await ben.waitForSelector('.ProseMirror[contenteditable=true]');
    const passed = await view(id);
    assert.equal(passed.lock?.name, 'Ben Desk');
    assert.equal(passed.lock?.expiresAt, new Date(clock.t + LOCK_TTL_MS).toISOString());
    assert.equal(await ben.locator('#meta-headline').isDisabled(), false, 'the form is editable again');

    await ana.context().close();
    await ben.context().close();
    // Refused heartbeats answer 423, which the browser logs; nothing else may appear.
    assert.deepEqual(problems.filter((p) => !/status of 423/u.test(p)), [], 'no script errors or CSP violations');
  });
});
