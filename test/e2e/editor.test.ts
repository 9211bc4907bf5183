/**
 * The newsroom's acceptance test, in headless Chromium under the app's real CSP: an editor signs
 * in, writes an article with a heading, a quote and an uploaded image, saves, schedules it a
 * minute ahead of the (injected) clock; when the clock passes, the job queue publishes it and it
 * is on the front page, in the RSS feed, and on its own page with the heading, quote and image.
 * Changes to a live article stay in its working copy until Update.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const SHOTS = '/tmp/shots';
const PASSWORD = 'a long enough password';
const HEADLINE = 'Harbour bridge reopens after two years of repairs';

/** A datetime-local value in UTC (the browser context runs in UTC). */
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA violations on the page as it is now. */
async function audit(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const localInput = (ms: number) => new Date(ms).toISOString().slice(0, 16);

describe('an editor in Chromium', { skip: hasChromium ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)` }, () => {
  let app: TestApp;
  let browser: Browser;
  let origin: string;
  let t = Date.UTC(2026, 10, 28, 9, 0, 0);
  let imagePath: string;
  const problems: string[] = [];

  before(async () => {
    app = await startTestApp({ seed: false, clock: () => t });
    origin = await app.http.listen({ port: 0, host: '127.0.0.1' });
    await app.publishing.createSection({ slug: 'news', name: 'News' });
    const authorId = await app.publishing.createAuthor({ slug: 'ana-editor', name: 'Ana Editor' });
    const user = await app.accounts.createUser({ email: 'ana@example.org', password: PASSWORD, role: 'editor', name: 'Ana Editor' });
    await app.db.kysely.updateTable('authors').set({ user_id: user.id }).where('id', '=', authorId).execute();
    imagePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'editor-e2e-')), 'bridge.png');
    await sharp({ create: { width: 800, height: 500, channels: 3, background: '#2f6f9f' } }).png().toFile(imagePath);
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    await app?.destroy();
    if (imagePath) fs.rmSync(path.dirname(imagePath), { recursive: true, force: true });
  });

  function watch(page: Page) {
    // Anything the CSP blocks, and any script error, is a failure of the page.
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
  }

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
    const page = await context.newPage();
    watch(page);
    await page.goto(`${origin}/admin/sign-in`);
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`${origin}/admin`), page.getByRole('button', { name: 'Sign in' }).click()]);
    return page;
  }

  it('writes, uploads an image, schedules, and the article goes live when the clock passes', async () => {
    const page = await signedIn('ana@example.org');
    const context = page.context();
    await page.goto(`${origin}/admin/articles`);
    await page.getByRole('link', { name: 'New article' }).click();
    await page.fill('#new-headline', 'Bridge reopens');
    await Promise.all([page.waitForURL(/\/admin\/articles\/\d+$/u), page.getByRole('button', { name: 'Create draft and open the editor' }).click()]);
    const id = Number(/(\d+)$/u.exec(page.url())?.[1]);
    await page.waitForSelector('.editor-shell.editor-ready .ProseMirror[contenteditable=true]');

    await page.fill('#meta-headline', HEADLINE);
    await page.fill('#meta-standfirst', 'Traffic crossed the harbour again on Saturday, ahead of schedule and under budget.');
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    await page.click('.ProseMirror');
    await page.keyboard.type('The bridge carried its first cars at dawn.');
    await page.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: 'Heading', exact: true }).click();
    await page.keyboard.type('What the repairs changed');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Engineers replaced the whole deck and the cables.');
    await page.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: 'Quote', exact: true }).click();
    await page.keyboard.type('It is better than new, said the chief engineer.');
    // The toolbar reflects the caret's block (updated on the editor's next transaction).
    await page.waitForSelector('button[data-cmd="blockquote"][aria-pressed="true"]', { timeout: 5000 });

    // The image: uploaded through the media picker, with its alt text.
    await toolbar.getByRole('button', { name: 'Image', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose an image' });
    await dialog.waitFor();
    await page.screenshot({ path: `${SHOTS}/media-picker-1280.png` });
    await dialog.locator('#upload-file').setInputFiles(imagePath);
    await dialog.getByLabel('Alt text').fill('The rebuilt bridge at dawn');
    await dialog.getByLabel('Caption').fill('The bridge on its first morning back.');
    await dialog.getByRole('button', { name: 'Upload and use this image' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const figure = page.locator('.ProseMirror .editor-figure img');
    await figure.waitFor();
    assert.ok(await figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the uploaded image shows in the editor');
    assert.match((await page.locator('#word-count').textContent()) ?? '', /^\d+ words · 1 min read$/u);

    await page.screenshot({ path: `${SHOTS}/editor-1280.png`, fullPage: true });
    assert.deepEqual(await audit(page), [], 'the editor page: no WCAG 2.1 A/AA violations');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/editor-390.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `nothing overflows at phone width (${overflow}px)`);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('#save-status', { hasText: /^Saved at \d/u }).waitFor();
    const saved = await app.db.kysely.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(saved.headline, HEADLINE);
    const body = JSON.parse(saved.body) as { content: { type: string }[] };
    assert.deepEqual(
      body.content.map((b) => b.type),
      ['paragraph', 'heading', 'paragraph', 'blockquote', 'image'],
    );

    // Schedule one minute ahead of the injected clock.
    await page.fill('#wf-publish-at', localInput(t + 60_000));
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.locator('#article-status', { hasText: 'Scheduled' }).waitFor();
    const scheduled = await app.db.kysely.selectFrom('articles').select(['status', 'publish_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(scheduled, { status: 'scheduled', publish_at: t + 60_000 });
    assert.equal((await app.http.inject({ method: 'GET', url: '/' })).body.includes(HEADLINE), false, 'not on the front page yet');

    await page.screenshot({ path: `${SHOTS}/editor-scheduled-1280.png`, fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${origin}/admin/articles`);
    await page.screenshot({ path: `${SHOTS}/articles-390.png`, fullPage: true });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the article list fits a phone');
    assert.deepEqual(await audit(page), [], 'the article list: no WCAG 2.1 A/AA violations');
    await context.close();

    t += 2 * 60_000;
    await app.jobs.runDue();

    const front = await app.http.inject({ method: 'GET', url: '/' });
    assert.equal(front.statusCode, 200);
    assert.ok(front.body.includes(HEADLINE), 'the headline is on the front page');
    const rss = await app.http.inject({ method: 'GET', url: '/feeds/rss.xml' });
    assert.equal(rss.statusCode, 200);
    assert.ok(rss.body.includes(HEADLINE), 'the headline is in the RSS feed');

    const card = (await app.queries.latest(1))[0];
    assert.equal(card?.headline, HEADLINE);
    const article = await app.http.inject({ method: 'GET', url: card.path });
    assert.equal(article.statusCode, 200);
    const $ = parse(article.body);
    assert.equal($('h1').first().text().trim(), HEADLINE);
    assert.ok($('h2').filter((_, h) => $(h).text().trim() === 'What the repairs changed').length === 1, 'the heading');
    assert.match($('blockquote').text(), /It is better than new, said the chief engineer\./u);
    assert.equal($('figure img[alt="The rebuilt bridge at dawn"]').length >= 1, true, 'the image with its alt text');
    assert.deepEqual(problems, [], 'no script errors or CSP violations in the editor');
  });

  it('shows who holds the lock, takes over, shows revisions, and keeps local text on a conflict', async () => {
    await app.accounts.createUser({ email: 'ben@example.org', password: PASSWORD, role: 'editor', name: 'Ben Desk' });
    const ana = await signedIn('ana@example.org');
    const created = await ana.evaluate(async () => {
      const response = await fetch('/api/admin/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ headline: 'Ferry timetable changes', section: 'news', authors: [{ slug: 'ana-editor' }], status: 'draft', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First version of the text.' }] }] } }),
      });
      return (await response.json()) as { id: number };
    });
    await ana.goto(`${origin}/admin/articles/${created.id}`);
    await ana.waitForSelector('.editor-ready .ProseMirror[contenteditable=true]');
    // Ana's page takes the lock as it opens.
    const lockHolder = async () => (await app.db.kysely.selectFrom('article_locks').select('user_name').where('article_id', '=', created.id).executeTakeFirst())?.user_name;
    for (let i = 0; i < 50 && (await lockHolder()) !== 'Ana Editor'; i += 1) await ana.waitForTimeout(100);
    assert.equal(await lockHolder(), 'Ana Editor');

    const ben = await signedIn('ben@example.org');
    await ben.goto(`${origin}/admin/articles/${created.id}`);
    const banner = ben.locator('#lock-banner');
    await banner.waitFor();
    assert.match((await ben.locator('#lock-text').textContent()) ?? '', /^Ana Editor is editing this article/u);
    await ben.waitForSelector('.ProseMirror[contenteditable=false]');
    assert.equal(await ben.locator('#meta-headline').isDisabled(), true, 'the form is read-only');
    await ben.getByRole('button', { name: 'Take over' }).click();
    await banner.waitFor({ state: 'hidden' });
    await ben.waitForSelector('.ProseMirror[contenteditable=true]');
    await ben.click('.ProseMirror p');
    await ben.keyboard.press('End');
    await ben.keyboard.type(' Second version, by Ben.');
    await ben.getByRole('button', { name: 'Save draft' }).click();
    await ben.locator('#save-status', { hasText: /^Saved at/u }).waitFor();

    // Ana's next save is refused: Ben holds the lock now, and her page says so.
    await ana.click('.ProseMirror p');
    await ana.keyboard.type('Ana keeps typing. ');
    await ana.getByRole('button', { name: 'Save draft' }).click();
    await ana
      .locator('#save-status', { hasText: /^Not saved: Ben Desk is editing this article/u })
      .waitFor({ timeout: 5000 })
      .catch(async (error: unknown) => assert.fail(`${String(error)}: the status says "${await ana.locator('#save-status').textContent()}"`));
    await ana.locator('#lock-banner').waitFor();

    // Revisions: the list, a diff with insertions and deletions, and restore.
    await ben.locator('#revisions summary').click();
    await ben.locator('#revision-list li').first().waitFor();
    const first = ben.locator('#revision-list li').last();
    await first.getByRole('button', { name: 'View changes' }).click();
    await ben.locator('#revision-view .revision-diff').waitFor();
    assert.match((await ben.locator('#revision-view ins, #revision-view del').allTextContents()).join(' '), /Second version, by Ben/u);
    await ben.screenshot({ path: `${SHOTS}/editor-revisions-1280.png`, fullPage: true });
    await Promise.all([ben.waitForEvent('load'), ben.getByRole('button', { name: 'Restore this version' }).click()]);
    await ben.waitForSelector('.editor-ready .ProseMirror[contenteditable=true]');
    assert.equal((await ben.locator('.ProseMirror').textContent())?.trim(), 'First version of the text.');

    // Someone saves behind Ben's back (a script, bypassing the lock): his save is a conflict, his text stays.
    await ben.click('.ProseMirror p');
    await ben.keyboard.press('End');
    await ben.keyboard.type(' Local words that must not be lost.');
    await app.publishing.updateArticle(created.id, { standfirst: 'Changed elsewhere.' }, { now: t + 1 });
    await ben.getByRole('button', { name: 'Save draft' }).click();
    await ben.locator('#save-status', { hasText: 'Not saved: Someone else saved this article; reload to see their changes.' }).waitFor();
    assert.match((await ben.locator('.ProseMirror').textContent()) ?? '', /Local words that must not be lost\./u);
    await ben.screenshot({ path: `${SHOTS}/editor-conflict-1280.png`, fullPage: false });
    await ana.context().close();
    await ben.context().close();
    assert.deepEqual(problems.filter((p) => !/status of 4(09|23)/u.test(p)), [], 'no script errors or CSP violations');
  });

  it('sets the hero from the library, bylines with roles, a link; publishes, corrects, previews and unpublishes', async () => {
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#9f6f2f' } }).png().toBuffer();
    await app.media.ingest({ data: png, originalName: 'ferry.png', alt: 'The ferry at the pier', declaredType: 'image/png' });
    await app.publishing.createAuthor({ slug: 'carl', name: 'Carl Lens' });
    problems.length = 0;
    const page = await signedIn('ana@example.org');
    const created = await page.evaluate(async () => {
      const response = await fetch('/api/admin/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ headline: 'New ferry enters service', standfirst: 'It seats 400.', section: 'news', authors: ['ana-editor'], status: 'draft', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'See the timetable' }] }] } }),
      });
      return (await response.json()) as { id: number };
    });
    await page.goto(`${origin}/admin/articles/${created.id}`);
    await page.waitForSelector('.editor-ready .ProseMirror[contenteditable=true]');

    await page.getByRole('button', { name: 'Choose hero image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose an image' });
    await dialog.getByRole('button', { name: 'The ferry at the pier' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('#hero-preview img[alt="The ferry at the pier"]').waitFor();

    await page.getByRole('button', { name: 'Add an author' }).click();
    await page.getByLabel('Author 2', { exact: true }).selectOption('carl');
    await page.getByLabel('Role label for author 2 (optional, e.g. Reporting by)').fill('Photographs by');
    await page.fill('#meta-tags', 'Transport, Harbour life');
    await page.fill('#meta-dateline', 'PORTO');

    page.on('dialog', (d) => void (d.type() === 'prompt' ? d.accept('https://example.org/timetable') : d.accept()));
    await page.click('.ProseMirror p');
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link', exact: true }).click();
    await page.locator('.ProseMirror a[href="https://example.org/timetable"]').waitFor();

    // Raw HTML (editors only): edited in its own box, kept as one block.
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Raw HTML', exact: true }).click();
    const raw = page.locator('.ProseMirror .editor-raw-html');
    await raw.getByLabel('HTML').fill('<table><tr><td>Departures</td></tr></table>');
    await raw.getByLabel('Title (for screen readers)').fill('Departure table');
    await raw.getByLabel('Title (for screen readers)').blur();
    await page.locator('#editor-shell').screenshot({ path: `${SHOTS}/editor-raw-html-1280.png` });

    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.locator('#article-status', { hasText: 'Published' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'View on the site' }).isVisible(), true);
    assert.equal(await page.getByRole('button', { name: 'Save changes' }).isVisible(), true);

    const view = await page.evaluate(async (id) => (await fetch(`/api/admin/articles/${id}`)).json(), created.id);
    assert.deepEqual(view.authors, [
      { slug: 'ana-editor', name: 'Ana Editor', role: null },
      { slug: 'carl', name: 'Carl Lens', role: 'Photographs by' },
    ]);
    assert.deepEqual([...view.tags].sort(), ['harbour-life', 'transport']);
    assert.equal(view.dateline, 'PORTO');
    assert.ok(view.heroImage > 0);
    assert.deepEqual(view.body.content[0].content[0].marks, [{ type: 'link', attrs: { href: 'https://example.org/timetable' } }]);
    assert.deepEqual(view.body.content[1], { type: 'rawHtml', attrs: { html: '<table><tr><td>Departures</td></tr></table>', height: 300, title: 'Departure table' } });

    await page.selectOption('#note-kind', 'correction');
    await page.fill('#note-body', 'An earlier version gave the wrong number of seats.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('#note-status', { hasText: 'Note added' }).waitFor();

    await page.getByRole('button', { name: 'Make a preview link' }).click();
    const preview = page.getByRole('link', { name: 'Open the preview' });
    await preview.waitFor();
    assert.match((await preview.getAttribute('href')) ?? '', /^http:\/\/localhost:3000\//u);

    const card = (await app.queries.latest(1))[0];
    assert.equal(card?.headline, 'New ferry enters service');
    const live = parse((await app.http.inject({ method: 'GET', url: card.path })).body);
    assert.match(live('body').text(), /Photographs by/u);
    assert.match(live('body').text(), /An earlier version gave the wrong number of seats\./u);
    assert.equal(live('a[href="https://example.org/timetable"]').length >= 1, true);

    // Editing the live article: saves stay off the site until Update.
    await page.click('.ProseMirror p');
    await page.keyboard.press('End');
    await page.keyboard.type(' Boarding starts ten minutes before departure.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('#save-status', { hasText: /readers see these changes after Update/u }).waitFor();
    await page.locator('#working-copy-note', { hasText: /Unpublished changes/u }).waitFor();
    await page.locator('#workflow').screenshot({ path: `${SHOTS}/editor-working-copy-1280.png` });
    const liveText = async () => parse((await app.http.inject({ method: 'GET', url: card.path })).body)('body').text();
    assert.doesNotMatch(await liveText(), /Boarding starts/u, 'a saved change to a live article is not on the site before Update');
    await page.getByRole('button', { name: 'Update', exact: true }).click();
    await page.locator('#save-status', { hasText: /readers see these changes now/u }).waitFor();
    assert.match(await liveText(), /Boarding starts ten minutes before departure\./u);
    assert.equal(await page.locator('#working-copy-note').isVisible(), false);

    await page.getByRole('button', { name: 'Unpublish' }).click();
    await page
      .locator('#article-status', { hasText: 'Unpublished' })
      .waitFor({ timeout: 5000 })
      .catch(async (error: unknown) => assert.fail(`${String(error)}: the page says "${await page.locator('#save-status').textContent()}" / "${await page.locator('#editor-notice').textContent()}"`));
    assert.equal((await app.http.inject({ method: 'GET', url: card.path })).statusCode, 404);
    await page.context().close();
    assert.deepEqual(problems, [], 'no script errors or CSP violations');
  });
});
