import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createJobQueue } from '../../src/modules/jobs/index.js';
import { defineArticleJobs } from '../../src/modules/publishing/scheduler.js';
import { createArticleWorkflow } from '../../src/modules/publishing/workflow.js';
import { doc, START, startNewsroom, type Newsroom } from './articles-helpers.js';

const HOUR = 3_600_000;

describe('publishing workflow', () => {
  let n: Newsroom;
  const events: { type: string; articleId: number; url: string; at: number }[] = [];
  before(async () => {
    n = await startNewsroom();
    n.app.articleEvents.on((e) => void events.push(e));
  });
  after(() => n.app.destroy());

  const front = async () => (await n.app.http.inject({ url: '/' })).body;
  const rss = async () => (await n.app.http.inject({ url: '/feeds/rss.xml' })).body;

  it('publishes a scheduled article when the clock passes publishAt, once, as the scheduler', async () => {
    n.clock.t = START;
    const publishAt = START + 60_000;
    const created = await n.api('editor', 'POST', '/api/admin/articles', {
      headline: 'Scheduled scoop',
      section: 'news',
      authors: ['rita'],
      body: doc('Embargoed words.'),
      status: 'scheduled',
      publishAt: new Date(publishAt).toISOString(),
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json.id as number;
    assert.equal(created.json.url, null);
    const job = await n.app.jobs.find(`article.publish:${id}`);
    assert.equal(job?.runAt, publishAt);

    assert.doesNotMatch(await front(), /Scheduled scoop/u);
    assert.equal(await n.app.jobs.runDue(), 0, 'nothing is due yet');
    assert.doesNotMatch(await rss(), /Scheduled scoop/u);

    n.clock.t = publishAt + 5_000;
    // A second instance polling the same table: the job is claimed by one of them only.
    const other = createJobQueue(n.app.db, { now: () => n.clock.t });
    defineArticleJobs(other, createArticleWorkflow({ ...n.app, publicUrl: n.app.config.publicUrl, now: () => n.clock.t, secret: 'x' }));
    const [a, b] = await Promise.all([n.app.jobs.runDue(), other.runDue()]);
    assert.equal(a + b, 1);
    assert.equal(await n.app.jobs.runDue(), 0, 'a second runDue finds nothing');

    assert.match(await front(), /Scheduled scoop/u);
    assert.match(await rss(), /Scheduled scoop/u);
    const view = (await n.api('editor', 'GET', `/api/admin/articles/${id}`)).json;
    assert.equal(view.status, 'published');
    assert.equal(view.publishedAt, new Date(publishAt + 5_000).toISOString(), 'published_at is the injectable clock');
    assert.equal(view.url, 'http://localhost:3000/news/scheduled-scoop');

    const published = events.filter((e) => e.articleId === id);
    assert.deepEqual(published.map((e) => e.type), ['article.published']);
    assert.equal(published[0]?.url, 'http://localhost:3000/news/scheduled-scoop');
    const audit = await n.app.audit.list({ subjectType: 'article', subjectId: String(id) });
    assert.deepEqual(audit.map((e) => `${e.action} by ${e.actor.label}`).reverse(), ['article.create by Ana Editor', 'article.schedule by Ana Editor', 'article.publish by scheduler']);
  });

  it('re-scheduling replaces the job, un-scheduling cancels it, and a stale job does nothing', async () => {
    n.clock.t = START + 10 * HOUR;
    const id = await n.create('editor', { headline: 'Moving target', status: 'scheduled', publishAt: n.clock.t + HOUR });
    const moved = await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { publishAt: n.clock.t + 2 * HOUR });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal((await n.app.jobs.find(`article.publish:${id}`))?.runAt, n.clock.t + 2 * HOUR);
    const pending = await n.app.jobs.list({ name: 'article.publish', status: 'pending' });
    assert.equal(pending.filter((j) => (j.payload as { articleId: number }).articleId === id).length, 1);

    n.clock.t += HOUR + 1;
    await n.app.jobs.runDue();
    assert.equal((await n.api('editor', 'GET', `/api/admin/articles/${id}`)).json.status, 'scheduled', 'the old time did nothing');

    const back = await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { status: 'draft' });
    assert.equal(back.statusCode, 200);
    assert.equal(await n.app.jobs.find(`article.publish:${id}`), undefined);
    n.clock.t += 2 * HOUR;
    await n.app.jobs.runDue();
    assert.equal((await n.api('editor', 'GET', `/api/admin/articles/${id}`)).json.status, 'draft');

    // A job for a publishAt that no longer holds is ignored by the handler itself.
    await n.app.jobs.enqueue('article.publish', { articleId: id, publishAt: 1 });
    await n.app.jobs.runDue();
    assert.equal((await n.api('editor', 'GET', `/api/admin/articles/${id}`)).json.status, 'draft');
  });

  it('unpublishes at unpublishAt and emits article.unpublished', async () => {
    n.clock.t = START + 20 * HOUR;
    const created = await n.api('editor', 'POST', '/api/admin/articles', { headline: 'Short run', section: 'news', authors: ['rita'], body: doc('Brief.'), status: 'published', unpublishAt: n.clock.t + HOUR });
    const id = created.json.id as number;
    assert.ok(await n.app.jobs.find(`article.unpublish:${id}`));
    assert.equal((await n.app.http.inject({ url: '/news/short-run' })).statusCode, 200);
    n.clock.t += HOUR;
    await n.app.jobs.runDue();
    assert.equal((await n.api('editor', 'GET', `/api/admin/articles/${id}`)).json.status, 'unpublished');
    assert.equal((await n.app.http.inject({ url: '/news/short-run' })).statusCode, 404);
    assert.deepEqual(events.filter((e) => e.articleId === id).map((e) => e.type), ['article.published', 'article.unpublished']);
  });

  it('moves through draft → review → scheduled → published → unpublished → draft with the right events', async () => {
    n.clock.t = START + 30 * HOUR;
    const id = await n.create('author', { headline: 'Full circle' });
    const step = async (patch: Record<string, unknown>) => {
      const r = await n.api('author', 'PATCH', `/api/admin/articles/${id}`, patch);
      assert.equal(r.statusCode, 200, r.body);
      return r.json;
    };
    await step({ status: 'review' });
    await step({ status: 'scheduled', publishAt: n.clock.t + HOUR });
    await step({ status: 'published' });
    await step({ standfirst: 'An update while live.' });
    const skip = await n.api('author', 'PATCH', `/api/admin/articles/${id}`, { status: 'draft' });
    assert.equal(skip.statusCode, 400, 'a published article is unpublished first');
    assert.equal(skip.json.field, 'status');
    await step({ status: 'unpublished' });
    assert.equal((await step({ status: 'draft' })).status, 'draft');
    assert.deepEqual(events.filter((e) => e.articleId === id).map((e) => e.type), ['article.published', 'article.updated', 'article.unpublished']);
    const actions = (await n.app.audit.list({ subjectType: 'article', subjectId: String(id) })).map((e) => e.action).reverse();
    assert.deepEqual(actions, ['article.create', 'article.update', 'article.schedule', 'article.publish', 'article.update', 'article.unpublish', 'article.update']);
  });

  it('sends article.updated and audits once per autosave window while someone types in a live article', async () => {
    n.clock.t = START + 35 * HOUR;
    const created = await n.api('editor', 'POST', '/api/admin/articles', { headline: 'Live typing', section: 'news', authors: ['rita'], body: doc('One.'), status: 'published', unpublishAt: n.clock.t + 5 * HOUR });
    const id = created.json.id as number;
    for (const text of ['One two.', 'One two three.', 'One two three four.']) {
      n.clock.t += 30_000;
      assert.equal((await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { body: doc(text), autosave: true })).statusCode, 200);
    }
    assert.deepEqual(events.filter((e) => e.articleId === id).map((e) => e.type), ['article.published', 'article.updated']);
    const actions = (await n.app.audit.list({ subjectType: 'article', subjectId: String(id) })).map((e) => e.action).reverse();
    assert.deepEqual(actions, ['article.create', 'article.publish', 'article.update']);
    assert.match((await n.app.http.inject({ url: '/news/live-typing' })).body, /One two three four\./u, 'the live page shows the latest save');
    // Clearing unpublishAt cancels the pending unpublish.
    assert.ok(await n.app.jobs.find(`article.unpublish:${id}`));
    const cleared = await n.api("editor", "PATCH", `/api/admin/articles/${id}`, { unpublishAt: null });
    assert.equal(cleared.statusCode, 200, cleared.body);
    assert.equal(await n.app.jobs.find(`article.unpublish:${id}`), undefined);
  });

  it('refuses to publish or schedule before the embargo', async () => {
    n.clock.t = START + 40 * HOUR;
    const embargo = n.clock.t + 2 * HOUR;
    const id = await n.create('editor', { headline: 'Embargoed report', embargoUntil: new Date(embargo).toISOString() });
    const now = await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { status: 'published' });
    assert.equal(now.statusCode, 400);
    assert.match(now.json.error, new RegExp(`embargoed until ${new Date(embargo).toISOString()}`, 'u'));
    const early = await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { status: 'scheduled', publishAt: embargo - 60_000 });
    assert.equal(early.statusCode, 400);
    assert.equal(early.json.field, 'publishAt');
    assert.match(early.json.error, /embargoed until/u);
    const created = await n.api('editor', 'POST', '/api/admin/articles', { headline: 'Embargo at birth', section: 'news', authors: ['rita'], status: 'published', embargoUntil: embargo });
    assert.equal(created.statusCode, 400);
    assert.equal((await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { status: 'scheduled', publishAt: embargo })).statusCode, 200, 'at the embargo is fine');
    n.clock.t = embargo;
    await n.app.jobs.runDue();
    assert.equal((await n.api('editor', 'GET', `/api/admin/articles/${id}`)).json.status, 'published');
  });

  it('requires alt text on the hero and on every body image before publishing', async () => {
    n.clock.t = START + 50 * HOUR;
    const bare = await n.image('');
    const described = await n.image('A harbour at dawn');
    const withHero = await n.create('editor', { headline: 'Hero without alt', heroImage: bare });
    const hero = await n.api('editor', 'PATCH', `/api/admin/articles/${withHero}`, { status: 'published' });
    assert.equal(hero.statusCode, 400);
    assert.equal(hero.json.field, 'heroImage');
    assert.match(hero.json.error, new RegExp(`media ${bare}`, 'u'));

    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Look:' }] }, { type: 'image', attrs: { mediaId: bare, caption: 'The old mill' } }] };
    const withImage = await n.create('editor', { headline: 'Image without alt', body, heroImage: described });
    const image = await n.api('editor', 'PATCH', `/api/admin/articles/${withImage}`, { status: 'scheduled', publishAt: n.clock.t + HOUR });
    assert.equal(image.statusCode, 400);
    assert.equal(image.json.field, 'body');
    assert.match(image.json.error, /"The old mill"/u);

    // The block's own alt is enough, and so is the library's.
    const fixed = { type: 'doc', content: [body.content[0], { type: 'image', attrs: { mediaId: bare, alt: 'The old mill by the river' } }, { type: 'image', attrs: { mediaId: described } }] };
    const ok = await n.api('editor', 'PATCH', `/api/admin/articles/${withImage}`, { body: fixed, status: 'published' });
    assert.equal(ok.statusCode, 200, ok.body);
  });

  it('sanitizes html from the API: no script, handler, javascript: link, foreign iframe or style reaches the body or the page', async () => {
    n.clock.t = START + 60 * HOUR;
    const media = await n.image('Our photo');
    const html = [
      '<h1>Big news</h1>',
      '<p onclick="steal()">Hello <a href="javascript:alert(1)">click</a> and <a href="https://example.org/ok">a real link</a>.</p>',
      '<script>alert("xss")</script><style>body{display:none}</style>',
      '<img src="x" onerror="alert(1)"><img src="https://tracker.example/pixel.gif">',
      `<figure><img src="/media/${media}/v1/w800.webp" alt="Harbour"><figcaption>At dawn</figcaption></figure>`,
      '<iframe src="https://evil.example/frame"></iframe>',
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
      '<p><a href="data:text/html,<b>x</b>">data</a> <a href="vbscript:x">vb</a></p>',
    ].join('\n');
    const created = await n.api('editor', 'POST', '/api/admin/articles', { headline: 'Sanitized', section: 'news', authors: ['rita'], html, status: 'published' });
    assert.equal(created.statusCode, 201, created.body);
    const stored = JSON.stringify((await n.api('editor', 'GET', `/api/admin/articles/${created.json.id}`)).json.body);
    for (const bad of ['script', 'alert', 'onclick', 'onerror', 'javascript:', 'evil.example', 'tracker.example', 'display:none', 'data:', 'vbscript:']) {
      assert.ok(!stored.includes(bad), `${bad} is not in the stored body: ${stored}`);
    }
    assert.ok(stored.includes('https://example.org/ok'));
    assert.ok(stored.includes('"type":"heading"'));
    assert.ok(stored.includes(`"mediaId":${media}`));
    assert.ok(stored.includes('https://www.youtube.com/watch?v=dQw4w9WgXcQ'));
    const page = (await n.app.http.inject({ url: '/news/sanitized' })).body;
    for (const bad of ['alert(', 'onclick', 'onerror', 'javascript:', 'evil.example', 'tracker.example', 'display:none', 'vbscript:']) assert.ok(!page.includes(bad), `${bad} is not on the page`);
    assert.match(page, /Big news/u);
    assert.match(page, /At dawn/u);
  });
});
