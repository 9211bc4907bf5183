import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { apiClient, doc, keyFor, publishArticle } from './taxonomy-fixtures.js';

describe('redirects', () => {
  let app: TestApp;
  let editor: ReturnType<typeof apiClient>;
  let contributor: ReturnType<typeof apiClient>;
  before(async () => {
    app = await startTestApp();
    editor = apiClient(app, await keyFor(app, 'editor'));
    contributor = apiClient(app, await keyFor(app, 'contributor'));
  });
  after(() => app.destroy());
  const visit = (url: string) => app.http.inject({ method: 'GET', url });

  it('serves a redirect from the public site and counts its hits', async () => {
    assert.equal((await visit('/old-story')).statusCode, 404);
    const created = await editor.post('/api/admin/redirects', { from: '/old-story', to: '/new-home' });
    assert.equal(created.status, 201);
    assert.equal(created.body.from, '/old-story');
    assert.equal(created.body.to, '/new-home');
    assert.equal(created.body.status, 301);
    assert.equal(created.body.hits, 0);

    const followed = await visit('/old-story');
    assert.equal(followed.statusCode, 301);
    assert.equal(followed.headers.location, '/new-home');
    assert.equal((await visit('/old-story/?utm=x')).headers.location, '/new-home?utm=x', 'trailing slash ignored, query kept');
    const head = await app.http.inject({ method: 'HEAD', url: '/old-story' });
    assert.equal(head.statusCode, 301);
    assert.equal((await editor.get(`/api/admin/redirects/${String(created.body.id)}`)).body.hits, 3);
  });

  it('redirects deep paths, temporary ones, and to other sites', async () => {
    await editor.post('/api/admin/redirects', { from: '/2019/05/some-old-cms-path.html', to: 'https://archive.example.org/story', status: 302 });
    const deep = await visit('/2019/05/some-old-cms-path.html');
    assert.equal(deep.statusCode, 302);
    assert.equal(deep.headers.location, 'https://archive.example.org/story');
    assert.equal(deep.headers['cache-control'], 'no-cache');
    await editor.post('/api/admin/redirects', { from: '/café', to: '/cafe' });
    assert.equal((await visit('/caf%C3%A9')).headers.location, '/cafe');
  });

  it('refuses bad addresses, loops and live pages with a reason', async () => {
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [{ from: 'no-slash', to: '/x' }, 400, 'from', /must start with \//u],
      [{ from: 'https://evil.example/x', to: '/x' }, 400, 'from', /leave out https:\/\//u],
      [{ from: '//evil.example/x', to: '/x' }, 400, 'from', /leave out https:\/\//u],
      [{ from: `/${'a'.repeat(501)}`, to: '/x' }, 400, 'from', /500 characters/u],
      [{ from: '/x?y=1', to: '/x' }, 400, 'from', /path only/u],
      [{ from: '/ok', to: 'javascript:alert(1)' }, 400, 'to', /http:\/\/ or https:\/\//u],
      [{ from: '/ok', to: 'ftp://files.example' }, 400, 'to', /http:\/\/ or https:\/\//u],
      [{ from: '/ok', to: '//evil.example' }, 400, 'to', /http:\/\/ or https:\/\//u],
      [{ from: '/same', to: '/same/' }, 400, 'to', /to itself/u],
      [{ from: '/same', to: 'http://localhost:3000/same' }, 400, 'to', /to itself/u],
      [{ from: '/', to: '/x' }, 409, 'from', /front page/u],
      [{ from: '/admin/users', to: '/x' }, 409, 'from', /the site itself uses/u],
      [{ from: '/ok', to: '/x', status: 307 }, 400, 'status', /301|302/u],
    ];
    for (const [input, status, field, message] of cases) {
      const response = await editor.post('/api/admin/redirects', input);
      assert.equal(response.status, status, JSON.stringify(input));
      assert.equal(response.body.field, field, JSON.stringify(input));
      if (status !== 400 || field !== 'status') assert.match(String(response.body.error), message, JSON.stringify(input));
    }

    await editor.post('/api/admin/redirects', { from: '/a', to: '/b' });
    await editor.post('/api/admin/redirects', { from: '/b', to: '/c' });
    const loop = await editor.post('/api/admin/redirects', { from: '/c', to: '/a' });
    assert.equal(loop.status, 400);
    assert.match(String(loop.body.error), /loop/u);

    const duplicate = await editor.post('/api/admin/redirects', { from: '/a', to: '/z' });
    assert.deepEqual([duplicate.status, duplicate.body.field], [409, 'from']);

    await app.publishing.createSection({ slug: 'world', name: 'World' });
    const article = await publishArticle(app, 'world', 'Summit ends');
    await app.publishing.upsertPage({ slug: 'contact', title: 'Contact', body: doc('Write to us.').content });
    for (const [from, reason] of [
      ['/world', /section “World”/u],
      ['/contact', /page “Contact”/u],
      [`/world/${article.slug}`, /article “Summit ends”/u],
      ['/author/rita', /author “Rita Reporter”/u],
    ] as const) {
      const live = await editor.post('/api/admin/redirects', { from, to: '/elsewhere' });
      assert.equal(live.status, 409, from);
      assert.match(String(live.body.error), reason);
    }
  });

  it('applies changes and deletions at once, for editors only', async () => {
    const created = await editor.post('/api/admin/redirects', { from: '/promo', to: '/offers' });
    const id = Number(created.body.id);
    assert.equal((await visit('/promo')).headers.location, '/offers');
    assert.equal((await contributor.patch(`/api/admin/redirects/${id}`, { to: '/x' })).status, 403);
    assert.equal((await contributor.post('/api/admin/redirects', { from: '/p2', to: '/x' })).status, 403);
    assert.equal((await contributor.del(`/api/admin/redirects/${id}`)).status, 403);
    assert.equal((await apiClient(app).get('/api/admin/redirects')).status, 401);

    const patched = await editor.patch(`/api/admin/redirects/${id}`, { to: '/deals', status: 302 });
    assert.equal(patched.status, 200);
    const after = await visit('/promo');
    assert.equal(after.statusCode, 302);
    assert.equal(after.headers.location, '/deals');
    assert.equal((await editor.patch(`/api/admin/redirects/${id}`, { to: '/promo' })).status, 400);

    assert.equal((await editor.del(`/api/admin/redirects/${id}`)).status, 204);
    assert.equal((await visit('/promo')).statusCode, 404);
    assert.equal((await editor.del(`/api/admin/redirects/${id}`)).status, 404);
    const audit = await app.audit.list({ subjectType: 'redirect', subjectId: String(id) });
    assert.deepEqual(audit.map((e) => e.action), ['redirect.delete', 'redirect.update', 'redirect.create']);
  });
});
