import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { text } from '../helpers/html.js';
import { apiClient, doc, keyClients, type ApiClient } from '../helpers/newsroom.js';

describe('Admin API: static pages and their versions', () => {
  let app: TestApp;
  let editor: ApiClient;
  let contributor: ApiClient;
  before(async () => {
    app = await startTestApp();
    ({ editor, contributor } = await keyClients(app, 'editor', 'contributor'));
  });
  after(() => app.destroy());

  it('creates a page at version 1 and serves it on the site', async () => {
    const created = await editor.post('/api/admin/pages', { slug: 'privacy', title: 'Privacy Policy', body: doc('We keep little.') });
    assert.equal(created.status, 201);
    assert.equal(created.body.slug, 'privacy');
    assert.equal(created.body.version, 1);
    assert.deepEqual(created.body.body, doc('We keep little.'));
    assert.match(String(created.body.updatedAt), /^\d{4}-\d\d-\d\dT/u);
    const page = await app.http.inject({ method: 'GET', url: '/privacy' });
    assert.equal(page.statusCode, 200);
    assert.match(text(page.body), /We keep little\./u);
    const list = await contributor.get('/api/admin/pages');
    assert.deepEqual(list.body.items?.map((p) => [p.slug, p.version]), [['privacy', 1]]);
  });

  it('counts a version on every save, keeps the history, and restores an old text', async () => {
    const id = Number((await editor.get('/api/admin/pages')).body.items?.[0]?.id);
    const saved = await editor.patch(`/api/admin/pages/${id}`, { title: 'Privacy Policy (2026)', body: doc('We keep even less.') });
    assert.equal(saved.status, 200);
    assert.equal(saved.body.version, 2);
    assert.match(text((await app.http.inject({ method: 'GET', url: '/privacy' })).body), /We keep even less\./u, 'the cached page was purged');

    const titleOnly = await editor.patch(`/api/admin/pages/${id}`, { title: 'Privacy' });
    assert.equal(titleOnly.body.version, 3);
    assert.deepEqual(titleOnly.body.body, doc('We keep even less.'));

    const versions = await editor.get(`/api/admin/pages/${id}/versions`);
    assert.deepEqual(versions.body.items?.map((v) => [v.version, v.title]), [
      [3, 'Privacy'],
      [2, 'Privacy Policy (2026)'],
      [1, 'Privacy Policy'],
    ]);
    assert.match(String(versions.body.items?.[0]?.savedBy), /API key/u);

    const first = await editor.get(`/api/admin/pages/${id}/versions/1`);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.body, doc('We keep little.'));
    assert.equal((await editor.get(`/api/admin/pages/${id}/versions/99`)).status, 404);

    assert.equal((await contributor.post(`/api/admin/pages/${id}/versions/1/restore`)).status, 403);
    const restored = await editor.post(`/api/admin/pages/${id}/versions/1/restore`);
    assert.equal(restored.status, 201);
    assert.equal(restored.body.version, 4);
    assert.equal(restored.body.title, 'Privacy Policy');
    assert.deepEqual(restored.body.body, doc('We keep little.'));
    const live = await app.http.inject({ method: 'GET', url: '/privacy' });
    assert.match(text(live.body), /We keep little\./u);
    assert.equal((await editor.get(`/api/admin/pages/${id}/versions`)).body.items?.length, 4);
    assert.equal((await editor.post(`/api/admin/pages/${id}/versions/77/restore`)).status, 404);

    const audit = await app.audit.list({ subjectType: 'page', subjectId: String(id) });
    assert.deepEqual(audit.map((e) => e.action), ['page.restore', 'page.update', 'page.update', 'page.create']);
  });

  it('keeps versions of a page written before history existed', async () => {
    const id = await app.publishing.upsertPage({ slug: 'terms', title: 'Terms of Use', body: doc('Be nice.').content });
    const before = await editor.get(`/api/admin/pages/${id}/versions`);
    assert.deepEqual(before.body.items?.map((v) => v.version), [1]);
    const saved = await editor.patch(`/api/admin/pages/${id}`, { body: doc('Be very nice.') });
    assert.equal(saved.body.version, 2);
    assert.deepEqual((await editor.get(`/api/admin/pages/${id}/versions/1`)).body.body, doc('Be nice.'));
  });

  it('refuses bad input with the field, duplicates and section slugs with 409, unknown ids with 404', async () => {
    const dup = await editor.post('/api/admin/pages', { slug: 'privacy', title: 'Again', body: doc('x') });
    assert.deepEqual([dup.status, dup.body.field], [409, 'slug']);
    await app.publishing.createSection({ slug: 'sport', name: 'Sport' });
    const shadowed = await editor.post('/api/admin/pages', { slug: 'sport', title: 'Sport page', body: doc('x') });
    assert.equal(shadowed.status, 409);
    assert.match(String(shadowed.body.error), /section “Sport” already uses/u);
    const badBody = await editor.post('/api/admin/pages', { slug: 'about', title: 'About', body: { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] } });
    assert.equal(badBody.status, 400);
    assert.equal(badBody.body.field, 'body');
    const noTitle = await editor.post('/api/admin/pages', { slug: 'about', title: '', body: doc('x') });
    assert.deepEqual([noTitle.status, noTitle.body.field], [400, 'title']);
    const badSlug = await editor.post('/api/admin/pages', { slug: '../etc', title: 'X', body: doc('x') });
    assert.deepEqual([badSlug.status, badSlug.body.field], [400, 'slug']);
    assert.equal((await editor.get('/api/admin/pages/424242')).status, 404);
    assert.equal((await editor.patch('/api/admin/pages/424242', { title: 'X' })).status, 404);
    assert.equal((await editor.get('/api/admin/pages/424242/versions')).status, 404);
    assert.equal((await contributor.post('/api/admin/pages', { slug: 'about', title: 'About', body: doc('x') })).status, 403);
    assert.equal((await apiClient(app).get('/api/admin/pages')).status, 401);
  });

  it('accepts html instead of body, sanitized into blocks', async () => {
    const created = await editor.post('/api/admin/pages', { slug: 'colophon', title: 'Colophon', html: '<h2>Type</h2><p onclick="x()">Set in <b>serif</b>.<script>alert(1)</script></p>' });
    assert.equal(created.status, 201);
    const body = created.body.body as { content: { type: string }[] };
    assert.deepEqual(body.content.map((b) => b.type), ['heading', 'paragraph']);
    assert.doesNotMatch(JSON.stringify(body), /alert|onclick/u);
    const page = await app.http.inject({ method: 'GET', url: '/colophon' });
    assert.match(page.body, /<strong>serif<\/strong>/u);
    const both = await editor.patch(`/api/admin/pages/${String(created.body.id)}`, { html: '<p>x</p>', body: doc('y') });
    assert.deepEqual([both.status, both.body.field], [400, 'html']);
    const neither = await editor.post('/api/admin/pages', { slug: 'empty', title: 'Empty' });
    assert.deepEqual([neither.status, neither.body.field], [400, 'body']);
    const patched = await editor.patch(`/api/admin/pages/${String(created.body.id)}`, { html: '<p>Plain now.</p>' });
    assert.deepEqual(patched.body.body, doc('Plain now.'));
    assert.equal(patched.body.version, 2);
  });

  it('moves a page to a new slug with a redirect, and deletes it', async () => {
    const created = await editor.post('/api/admin/pages', { slug: 'about-us', title: 'About us', body: doc('Hello.') });
    const id = Number(created.body.id);
    assert.equal((await contributor.patch(`/api/admin/pages/${id}`, { title: 'X' })).status, 403);
    assert.equal((await contributor.del(`/api/admin/pages/${id}`)).status, 403);
    await editor.patch(`/api/admin/pages/${id}`, { slug: 'about' });
    const old = await app.http.inject({ method: 'GET', url: '/about-us' });
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, '/about');
    assert.equal((await app.http.inject({ method: 'GET', url: '/about' })).statusCode, 200);

    assert.equal((await editor.del(`/api/admin/pages/${id}`)).status, 204);
    assert.equal((await app.http.inject({ method: 'GET', url: '/about' })).statusCode, 404);
    assert.equal((await editor.get(`/api/admin/pages/${id}`)).status, 404);
    const rows = await app.db.kysely.selectFrom('page_versions').select('id').where('page_id', '=', id).execute();
    assert.equal(rows.length, 0);
  });
});
