/**
 * The newsroom's article pages: the list with its filters, who sees what, the "new article"
 * form, and the editor page with its data in an inert JSON script element.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import { doc, staffCaller, startNewsroom, type Caller } from '../helpers/newsroom.js';

describe('article pages', () => {
  let app: TestApp;
  let editor: Caller & { id: number };
  let contributor: Caller & { id: number };
  let ids: Record<string, number>;

  before(async () => {
    const n = await startNewsroom({ authors: { ana: 'Ana Reporter', ben: 'Ben Writer' }, people: { editor: 'editor', contributor: 'contributor' } });
    app = n.app;
    editor = n.as('editor');
    contributor = n.as('contributor');
    ids = {};
    const create = (who: 'editor' | 'contributor', fields: Record<string, unknown>) => n.create(who, { body: doc('Some text.'), ...fields });
    ids.council = await create('editor', { headline: 'Council approves budget', section: 'news', authors: [{ slug: 'ana' }], status: 'published' });
    ids.match = await create('editor', { headline: 'Cup final goes to extra time', section: 'sport', authors: [{ slug: 'ben' }], status: 'draft' });
    ids.mine = await create('contributor', { headline: 'Contributor draft about the harbour', section: 'news', authors: [{ slug: 'ben' }], status: 'draft' });
  });
  after(() => app.destroy());

  const rows = (html: string) =>
    parse(html)('table.article-table tbody tr')
      .map((_, tr) => parse(html)(tr).find('td a').first().text())
      .get();

  it('sends people who are not signed in to the sign-in page', async () => {
    for (const url of ['/admin/articles', '/admin/articles/new', `/admin/articles/${ids.council}`]) {
      const response = await app.http.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, `/admin/sign-in?return=${encodeURIComponent(url)}`);
    }
  });

  it('lists every article for an editor, with status badges and filters', async () => {
    const all = await editor.get('/admin/articles');
    assert.equal(all.statusCode, 200);
    const $ = parse(all.body);
    assert.equal($('nav.admin-nav a[aria-current=page]').text(), 'Articles');
    assert.equal($('a[href="/admin/articles/new"]').text().trim(), 'New article');
    assert.deepEqual(rows(all.body).sort(), ['Council approves budget', 'Contributor draft about the harbour', 'Cup final goes to extra time'].sort());
    assert.ok($('.status-badge.status-published').length === 1 && $('.status-badge.status-draft').length === 2);
    assert.equal($(`a[href="/admin/articles/${ids.council}"]`).length, 1);

    assert.deepEqual(rows((await editor.get('/admin/articles?status=draft')).body).sort(), ['Contributor draft about the harbour', 'Cup final goes to extra time']);
    assert.deepEqual(rows((await editor.get('/admin/articles?section=sport')).body), ['Cup final goes to extra time']);
    assert.deepEqual(rows((await editor.get('/admin/articles?author=ana')).body), ['Council approves budget']);
    assert.deepEqual(rows((await editor.get('/admin/articles?q=HARBOUR')).body), ['Contributor draft about the harbour']);
    const none = await editor.get('/admin/articles?q=nothing-like-this');
    assert.match(none.body, /No articles match these filters/u);
    // The chosen filters stay selected in the form.
    const sport = parse((await editor.get('/admin/articles?section=sport&status=draft')).body);
    assert.equal(sport('#filter-section option[selected]').attr('value'), 'sport');
    assert.equal(sport('#filter-status option[selected]').attr('value'), 'draft');
  });

  it('pages with a cursor link that keeps the filters', async () => {
    for (let i = 0; i < 31; i += 1) {
      const response = await editor.api('POST', '/api/admin/articles', { headline: `Filler story ${i}`, section: 'sport', authors: [{ slug: 'ben' }], status: 'draft' });
      assert.equal(response.statusCode, 201, response.body);
    }
    const first = await editor.get('/admin/articles?section=sport');
    assert.equal(rows(first.body).length, 30);
    const next = parse(first.body)('a[rel=next]').attr('href');
    assert.ok(next?.startsWith('/admin/articles?section=sport&cursor='), next);
    const second = await editor.get(next ?? '');
    assert.deepEqual(rows(second.body).length, 2, 'the 31 fillers and the cup final: 32 in sport');
    const broken = await editor.get('/admin/articles?cursor=not-a-cursor');
    assert.equal(broken.statusCode, 200);
    assert.match(broken.body, /That page of the list has expired/u);
  });

  it('shows a contributor only their own articles, and 404 for anyone else\'s', async () => {
    const list = await contributor.get('/admin/articles');
    assert.equal(list.statusCode, 200);
    assert.deepEqual(rows(list.body), ['Contributor draft about the harbour']);
    assert.equal((await contributor.get(`/admin/articles/${ids.council}`)).statusCode, 404);
    assert.equal((await contributor.get(`/admin/articles/${ids.mine}`)).statusCode, 200);
    assert.equal((await contributor.get('/admin/articles/999999')).statusCode, 404);
    assert.equal((await contributor.get('/admin/articles/abc')).statusCode, 404);
  });

  it('shows who is editing an article in the list', async () => {
    const locked = await editor.api('POST', `/api/admin/articles/${ids.match}/lock`, {});
    assert.equal(locked.statusCode, 200, locked.body);
    const other = await staffCaller(app, 'editor', 'second-editor@example.org');
    const $ = parse((await other.get('/admin/articles?section=sport&q=cup')).body);
    assert.equal($('.lock-indicator').text().trim(), 'Editor Person is editing');
    const page = parse((await other.get(`/admin/articles/${ids.match}`)).body);
    assert.equal(page('#lock-banner').attr('hidden'), undefined, 'the lock banner is shown');
    assert.match(page('#lock-text').text(), /^Editor Person is editing this article/u);
    assert.equal(page('#lock-take-over').text().trim(), 'Take over');
    await editor.api('DELETE', `/api/admin/articles/${ids.match}/lock`);
  });

  it('creates a draft from the "new article" form and opens the editor', async () => {
    const authorId = (await app.db.kysely.selectFrom('authors').select('id').where('slug', '=', 'ben').executeTakeFirstOrThrow()).id;
    await app.db.kysely.updateTable('authors').set({ user_id: contributor.id }).where('id', '=', authorId).execute();
    const form = parse((await contributor.get('/admin/articles/new')).body);
    assert.equal(form('#new-author option[selected]').attr('value'), 'ben', 'the author linked to the user is chosen');

    const empty = await contributor.form('/admin/articles/new', { headline: ' ', section: 'news', author: 'ben' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Write a headline first/u);

    const made = await contributor.form('/admin/articles/new', { headline: 'Harbour works begin', section: 'news', author: 'ben' });
    assert.equal(made.statusCode, 303);
    assert.match(String(made.headers.location), /^\/admin\/articles\/\d+$/u);
    // The same headline again gets its own slug rather than an error.
    const again = await contributor.form('/admin/articles/new', { headline: 'Harbour works begin', section: 'news', author: 'ben' });
    assert.equal(again.statusCode, 303);
    const slugs = await app.db.kysely.selectFrom('articles').select('slug').where('headline', '=', 'Harbour works begin').orderBy('id').execute();
    assert.deepEqual(slugs.map((s) => s.slug), ['harbour-works-begin', 'harbour-works-begin-2']);

    const bad = await contributor.form('/admin/articles/new', { headline: 'No such section', section: 'nope', author: 'ben' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /There is no section/u);

    const editorPage = parse((await contributor.get(String(made.headers.location))).body);
    assert.equal(editorPage('#meta-headline').attr('value'), 'Harbour works begin');
    assert.equal(editorPage('[data-cmd=rawHtml]').length, 0, 'no raw HTML for contributors');
    assert.equal(editorPage('#wf-publish').length, 0, 'contributors cannot publish');
    assert.equal(editorPage('#wf-submit').text().trim(), 'Submit for review');
    assert.equal(editorPage('#note-form').length, 0, 'no corrections form for contributors');
  });

  it('renders the editor with its data as inert, escaped JSON', async () => {
    const evil = '</script><script>alert(1)</script> & <!-- "quotes"';
    const response = await editor.api('PATCH', `/api/admin/articles/${ids.council}`, { headline: evil, body: doc('Body with </script> inside') });
    assert.equal(response.statusCode, 200, response.body);
    const page = await editor.get(`/admin/articles/${ids.council}`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    const $ = parse(page.body);
    // Exactly one inline script element: the JSON data; every other script is a same-origin module file.
    const scripts = $('script');
    const inline = scripts.filter((_, s) => !$(s).attr('src'));
    assert.equal(inline.length, 1);
    assert.equal(inline.attr('type'), 'application/json');
    assert.equal(inline.attr('id'), 'editor-data');
    assert.doesNotMatch(inline.html() ?? '', /</u, 'no < inside the data element');
    const data = JSON.parse(inline.html() ?? '') as { id: number; headline: string; body: unknown; modifiedAt: number; can: Record<string, boolean> };
    assert.equal(data.headline, evil);
    assert.equal(data.id, ids.council);
    assert.deepEqual(data.body, doc('Body with </script> inside'));
    assert.deepEqual(data.can, { publish: true, rawHtml: true, correct: true });
    assert.equal($('#meta-headline').attr('value'), evil, 'the headline field holds the text, escaped');
    assert.doesNotMatch(page.body, /<script>alert/u);
    for (const src of scripts.map((_, s) => $(s).attr('src')).get().filter(Boolean)) assert.match(src, /^\/assets\/editor\.[0-9a-f]{10}\.js$/u);

    // The toolbar's buttons all have names; the editor-only ones are there for an editor.
    const names = $('#editor-toolbar button').map((_, b) => $(b).text().trim()).get();
    for (const name of ['Heading', 'Subheading', 'Bold', 'Italic', 'Link', 'Quote', 'Pull quote', 'Image', 'Embed', 'Raw HTML', 'Undo']) assert.ok(names.includes(name), name);
    assert.equal($('#wf-unpublish').text().trim(), 'Unpublish');
    assert.equal($('#save-status').attr('aria-live'), 'polite');
    assert.ok($('#note-form').length === 1 && $('#revisions summary').text() === 'Revision history');
    assert.equal($('#meta-section option[selected]').attr('value'), 'news');
    assert.equal($('#author-rows li.author-row select option[selected]').attr('value'), 'ana');

    // The bundle is served, fingerprinted and cacheable.
    const src = scripts.filter((_, s) => Boolean($(s).attr('src'))).attr('src');
    if (src) {
      const js = await app.http.inject({ method: 'GET', url: src });
      assert.equal(js.statusCode, 200);
      assert.match(String(js.headers['content-type']), /javascript/u);
    }
  });
});
