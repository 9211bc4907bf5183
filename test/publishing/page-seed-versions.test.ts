/**
 * Pages written by the demo seed (publishing.upsertPage) go through the same version history as
 * pages saved in the newsroom: version 1 is kept, a later upsert is version 2, old texts restore.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { text } from '../helpers/html.js';
import { apiClient, doc, keyFor } from './taxonomy-fixtures.js';

describe('page versions of seeded pages', () => {
  let app: TestApp;
  let editor: ReturnType<typeof apiClient>;
  before(async () => {
    app = await startTestApp({ seed: true });
    editor = apiClient(app, await keyFor(app, 'editor'));
  });
  after(() => app.destroy());

  const pageId = async (slug: string) => (await app.db.kysely.selectFrom('pages').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  const keptVersions = async (id: number) =>
    (await app.db.kysely.selectFrom('page_versions').select(['version', 'title']).where('page_id', '=', id).orderBy('version').execute()).map((r) => [Number(r.version), r.title]);

  it('keeps version 1 of every seeded page in the history', async () => {
    const pages = (await editor.get('/api/admin/pages')).body.items ?? [];
    assert.ok(pages.length >= 4, 'the seed wrote its pages');
    for (const page of pages) {
      assert.equal(page.version, 1, String(page.slug));
      assert.deepEqual(await keptVersions(Number(page.id)), [[1, page.title]], `${String(page.slug)}: version 1 is stored, not inferred`);
    }
    const id = await pageId('privacy-policy');
    const history = await editor.get(`/api/admin/pages/${id}/versions`);
    assert.deepEqual(history.body.items?.map((v) => [v.version, v.title]), [[1, 'Privacy Policy']]);
  });

  it('counts a new version when the seed upserts a changed page, and the first one restores', async () => {
    const id = await pageId('privacy-policy');
    const seededBody = (await editor.get(`/api/admin/pages/${id}`)).body.body;

    assert.equal(await app.publishing.upsertPage({ slug: 'privacy-policy', title: 'Privacy Policy (new)', body: doc('Rewritten.').content }), id);
    const saved = await editor.get(`/api/admin/pages/${id}`);
    assert.equal(saved.body.version, 2);
    assert.deepEqual(await keptVersions(id), [
      [1, 'Privacy Policy'],
      [2, 'Privacy Policy (new)'],
    ]);
    assert.match(text((await app.http.inject({ method: 'GET', url: '/privacy-policy' })).body), /Rewritten\./u);

    // The same text again is no new version.
    await app.publishing.upsertPage({ slug: 'privacy-policy', title: 'Privacy Policy (new)', body: doc('Rewritten.').content });
    assert.equal((await editor.get(`/api/admin/pages/${id}`)).body.version, 2);

    const restored = await editor.post(`/api/admin/pages/${id}/versions/1/restore`);
    assert.equal(restored.status, 201);
    assert.equal(restored.body.version, 3);
    assert.equal(restored.body.title, 'Privacy Policy');
    assert.deepEqual(restored.body.body, seededBody);
    assert.doesNotMatch(text((await app.http.inject({ method: 'GET', url: '/privacy-policy' })).body), /Rewritten\./u);
  });

  it('starts a new page from the seed at version 1 too', async () => {
    const id = await app.publishing.upsertPage({ slug: 'imprint', title: 'Imprint', body: doc('Who we are.').content });
    assert.deepEqual(await keptVersions(id), [[1, 'Imprint']]);
  });
});
