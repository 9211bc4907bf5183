import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { text } from '../helpers/html.js';
import { apiClient, keyClients, PASSWORD, publishArticle, userWithSession, type ApiClient } from '../helpers/newsroom.js';

describe('Admin API: sections, tags, authors', () => {
  let app: TestApp;
  let editor: ApiClient;
  let contributor: ApiClient;
  before(async () => {
    app = await startTestApp();
    ({ editor, contributor } = await keyClients(app, 'editor', 'contributor'));
  });
  after(() => app.destroy());

  it('refuses strangers (401) and lets contributors read lists but not write (403)', async () => {
    const anonymous = apiClient(app);
    assert.equal((await anonymous.get('/api/admin/sections')).status, 401);
    assert.equal((await anonymous.post('/api/admin/sections', { slug: 'x', name: 'X' })).status, 401);
    const { token: readerToken } = await userWithSession(app, { email: 'reader@example.org', name: 'Reader', role: 'reader' });
    const asReader = await app.http.inject({ method: 'GET', url: '/api/admin/tags', headers: { cookie: `scms_session=${readerToken}` } });
    assert.equal(asReader.statusCode, 401);

    const section = await editor.post('/api/admin/sections', { slug: 'guarded', name: 'Guarded' });
    const tag = await editor.post('/api/admin/tags', { slug: 'guarded', name: 'Guarded' });
    const author = await editor.post('/api/admin/authors', { slug: 'guarded', name: 'Guarded' });
    for (const list of ['/api/admin/sections', '/api/admin/tags', '/api/admin/authors', '/api/admin/pages', '/api/admin/redirects']) {
      assert.equal((await contributor.get(list)).status, 200, list);
    }
    assert.equal((await contributor.get(`/api/admin/sections/${String(section.body.id)}`)).status, 200);
    const writes: [string, () => Promise<{ status: number; body: Record<string, unknown> }>][] = [
      ['POST sections', () => contributor.post('/api/admin/sections', { slug: 'nope', name: 'Nope' })],
      ['PATCH sections', () => contributor.patch(`/api/admin/sections/${String(section.body.id)}`, { name: 'Nope' })],
      ['DELETE sections', () => contributor.del(`/api/admin/sections/${String(section.body.id)}`)],
      ['POST tags', () => contributor.post('/api/admin/tags', { slug: 'nope', name: 'Nope' })],
      ['PATCH tags', () => contributor.patch(`/api/admin/tags/${String(tag.body.id)}`, { name: 'Nope' })],
      ['DELETE tags', () => contributor.del(`/api/admin/tags/${String(tag.body.id)}`)],
      ['POST authors', () => contributor.post('/api/admin/authors', { slug: 'nope', name: 'Nope' })],
      ['PATCH authors', () => contributor.patch(`/api/admin/authors/${String(author.body.id)}`, { name: 'Nope' })],
      ['DELETE authors', () => contributor.del(`/api/admin/authors/${String(author.body.id)}`)],
    ];
    for (const [name, write] of writes) {
      const response = await write();
      assert.equal(response.status, 403, name);
      assert.deepEqual(response.body, { error: 'Your role does not allow this.' }, name);
    }
    assert.equal((await editor.get(`/api/admin/sections/${String(section.body.id)}`)).body.name, 'Guarded', 'nothing changed');
  });

  it('creates, reads, changes and deletes a section, with clear errors', async () => {
    const created = await editor.post('/api/admin/sections', { slug: 'science', name: 'Science', description: 'Discoveries', position: 3 });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body, { id: created.body.id, slug: 'science', name: 'Science', description: 'Discoveries', position: 3, articleCount: 0 });
    const id = Number(created.body.id);

    const duplicate = await editor.post('/api/admin/sections', { slug: 'science', name: 'Again' });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.field, 'slug');
    assert.match(String(duplicate.body.error), /already uses the slug/u);

    const badSlug = await editor.post('/api/admin/sections', { slug: 'Not A Slug', name: 'X' });
    assert.equal(badSlug.status, 400);
    assert.equal(badSlug.body.field, 'slug');
    const noName = await editor.post('/api/admin/sections', { slug: 'nameless' });
    assert.equal(noName.status, 400);
    assert.equal(noName.body.field, 'name');
    const blankName = await editor.post('/api/admin/sections', { slug: 'blank', name: '   ' });
    assert.deepEqual(blankName.body, { error: 'The name is empty.', field: 'name' });
    const reserved = await editor.post('/api/admin/sections', { slug: 'tag', name: 'Tag' });
    assert.equal(reserved.status, 409);

    assert.equal((await editor.get(`/api/admin/sections/${id}`)).body.name, 'Science');
    assert.equal((await editor.get('/api/admin/sections/999999')).status, 404);
    assert.equal((await editor.patch('/api/admin/sections/999999', { name: 'X' })).status, 404);
    assert.equal((await editor.get('/api/admin/sections/abc')).status, 400);

    const patched = await editor.patch(`/api/admin/sections/${id}`, { name: 'Science & Tech', position: 1 });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.name, 'Science & Tech');
    assert.equal(patched.body.slug, 'science');
    assert.ok((await editor.get('/api/admin/sections')).body.items?.some((s) => s.id === id && s.position === 1));

    await publishArticle(app, 'science', 'A discovery');
    const refused = await editor.del(`/api/admin/sections/${id}`);
    assert.equal(refused.status, 409);
    assert.match(String(refused.body.error), /still has 1 article; move it to another section or delete it first/u);

    const empty = await editor.post('/api/admin/sections', { slug: 'empty', name: 'Empty' });
    assert.equal((await editor.del(`/api/admin/sections/${String(empty.body.id)}`)).status, 204);
    assert.equal((await editor.get(`/api/admin/sections/${String(empty.body.id)}`)).status, 404);

    const audit = await app.audit.list({ subjectType: 'section', subjectId: String(id) });
    assert.deepEqual(audit.map((e) => e.action).sort(), ['section.create', 'section.update']);
    assert.match(audit[0]?.actor.label ?? '', /API key/u);
  });

  it('keeps old section addresses working after a slug change, and shows a rename at once', async () => {
    const section = await editor.post('/api/admin/sections', { slug: 'politics', name: 'Politics' });
    const id = Number(section.body.id);
    const article = await publishArticle(app, 'politics', 'The vote is in');

    const front = await app.http.inject({ method: 'GET', url: '/' });
    assert.match(text(front.body), /Politics/u);
    const sectionPage = await app.http.inject({ method: 'GET', url: '/politics' });
    assert.equal(sectionPage.statusCode, 200);
    assert.ok(app.cache.get('/'), 'the front page is cached');

    const renamed = await editor.patch(`/api/admin/sections/${id}`, { slug: 'government', name: 'Government' });
    assert.equal(renamed.status, 200);

    const frontAfter = await app.http.inject({ method: 'GET', url: '/' });
    assert.match(text(frontAfter.body), /Government/u, 'the cached front page was purged');
    assert.doesNotMatch(text(frontAfter.body), /Politics/u);

    const old = await app.http.inject({ method: 'GET', url: '/politics?page=1' });
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, '/government?page=1');
    assert.equal((await app.http.inject({ method: 'GET', url: '/government' })).statusCode, 200);
    const oldArticle = await app.http.inject({ method: 'GET', url: `/politics/${article.slug}` });
    assert.equal(oldArticle.statusCode, 301);
    assert.equal(oldArticle.headers.location, `/government/${article.slug}`);

    const redirects = await editor.get('/api/admin/redirects');
    assert.ok(redirects.body.items?.some((r) => r.from === '/politics' && r.to === '/government' && r.status === 301));

    // Renaming back drops the now-pointless redirect instead of making a loop.
    await editor.patch(`/api/admin/sections/${id}`, { slug: 'politics' });
    assert.equal((await app.http.inject({ method: 'GET', url: '/politics' })).statusCode, 200);
    const gov = await app.http.inject({ method: 'GET', url: '/government' });
    assert.equal(gov.statusCode, 301);
    assert.equal(gov.headers.location, '/politics');
    const after = (await editor.get('/api/admin/redirects')).body.items ?? [];
    assert.equal(after.filter((r) => r.from === '/politics').length, 0);
  });

  it('manages tags, redirecting a renamed tag page', async () => {
    const created = await editor.post('/api/admin/tags', { slug: 'climate', name: 'Climate' });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body, { id: created.body.id, slug: 'climate', name: 'Climate', articleCount: 0 });
    assert.equal((await editor.post('/api/admin/tags', { slug: 'climate', name: 'Again' })).status, 409);
    assert.equal((await editor.post('/api/admin/tags', { slug: 'bad slug', name: 'X' })).body.field, 'slug');
    const id = Number(created.body.id);

    await editor.post('/api/admin/sections', { slug: 'planet', name: 'Planet' });
    await app.publishing.createArticle({ headline: 'Ice melts', sectionSlug: 'planet', authors: [{ slug: 'rita' }], tags: ['climate'], status: 'published', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Words.' }] }] } });
    assert.equal((await app.http.inject({ method: 'GET', url: '/tag/climate' })).statusCode, 200);

    const renamed = await editor.patch(`/api/admin/tags/${id}`, { slug: 'climate-change', name: 'Climate change' });
    assert.equal(renamed.body.articleCount, 1);
    const old = await app.http.inject({ method: 'GET', url: '/tag/climate' });
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, '/tag/climate-change');
    assert.match(text((await app.http.inject({ method: 'GET', url: '/tag/climate-change' })).body), /Climate change/u);

    assert.equal((await editor.del(`/api/admin/tags/${id}`)).status, 204);
    assert.equal((await editor.get(`/api/admin/tags/${id}`)).status, 404);
    assert.equal((await editor.del(`/api/admin/tags/${id}`)).status, 404);
  });

  it('manages authors with links and a linked staff user', async () => {
    const user = await app.accounts.createUser({ email: 'amy@example.org', password: PASSWORD, role: 'author', name: 'Amy' });
    const created = await editor.post('/api/admin/authors', {
      slug: 'amy-writer',
      name: 'Amy Writer',
      title: 'Health correspondent',
      bio: 'Writes about health.',
      links: [{ label: 'Website', url: 'https://amy.example' }],
      userId: user.id,
    });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body, {
      id: created.body.id,
      slug: 'amy-writer',
      name: 'Amy Writer',
      title: 'Health correspondent',
      bio: 'Writes about health.',
      photoMediaId: null,
      links: [{ label: 'Website', url: 'https://amy.example' }],
      userId: user.id,
      articleCount: 0,
    });
    const id = Number(created.body.id);

    const badLink = await editor.post('/api/admin/authors', { slug: 'x1', name: 'X', links: [{ label: 'Evil', url: 'javascript:alert(1)' }] });
    assert.equal(badLink.status, 400);
    assert.equal(badLink.body.field, 'links');
    assert.match(String(badLink.body.error), /http:\/\/ or https:\/\//u);
    const noUser = await editor.post('/api/admin/authors', { slug: 'x2', name: 'X', userId: 999999 });
    assert.deepEqual([noUser.status, noUser.body.field], [400, 'userId']);
    const twice = await editor.post('/api/admin/authors', { slug: 'x3', name: 'X', userId: user.id });
    assert.deepEqual([twice.status, twice.body.field], [409, 'userId']);
    const noPhoto = await editor.post('/api/admin/authors', { slug: 'x4', name: 'X', photoMediaId: 424242 });
    assert.deepEqual([noPhoto.status, noPhoto.body.field], [400, 'photoMediaId']);
    assert.equal((await editor.post('/api/admin/authors', { slug: 'amy-writer', name: 'Again' })).status, 409);

    const unlinked = await editor.patch(`/api/admin/authors/${id}`, { userId: null, title: 'Health editor' });
    assert.equal(unlinked.body.userId, null);
    assert.equal(unlinked.body.title, 'Health editor');
    assert.equal(unlinked.body.bio, 'Writes about health.', 'fields left out stay');

    await editor.post('/api/admin/sections', { slug: 'health', name: 'Health' });
    await publishArticle(app, 'health', 'Eat your greens', 'amy-writer');
    const profile = await app.http.inject({ method: 'GET', url: '/author/amy-writer' });
    assert.match(text(profile.body), /Amy Writer/u);
    await editor.patch(`/api/admin/authors/${id}`, { name: 'Amy Q. Writer', slug: 'amy-q-writer' });
    const moved = await app.http.inject({ method: 'GET', url: '/author/amy-writer' });
    assert.equal(moved.statusCode, 301);
    assert.equal(moved.headers.location, '/author/amy-q-writer');
    assert.match(text((await app.http.inject({ method: 'GET', url: '/health' })).body), /Amy Q\. Writer/u, 'bylines on the section page are fresh');

    const refused = await editor.del(`/api/admin/authors/${id}`);
    assert.equal(refused.status, 409);
    assert.match(String(refused.body.error), /credited on 1 article/u);
    const spare = await editor.post('/api/admin/authors', { slug: 'spare', name: 'Spare' });
    assert.equal((await editor.del(`/api/admin/authors/${String(spare.body.id)}`)).status, 204);
  });
});
