import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { doc, START, startNewsroom, type Newsroom } from './articles-helpers.js';

describe('working copies of published articles', () => {
  let n: Newsroom;
  const events: { type: string; articleId: number }[] = [];
  before(async () => {
    n = await startNewsroom();
    n.app.articleEvents.on((e) => void events.push(e));
  });
  after(() => n.app.destroy());

  const page = async (path: string) => (await n.app.http.inject({ url: path })).body;
  const publish = async (headline: string, text: string) => {
    const created = await n.api('editor', 'POST', '/api/admin/articles', { headline, section: 'news', authors: ['rita'], body: doc(text), status: 'published' });
    assert.equal(created.statusCode, 201, created.body);
    return created.json as { id: number; slug: string };
  };

  it('keeps autosaves and saves off the site until Update, then publishes them in one save', async () => {
    n.clock.t = START;
    const { id, slug } = await publish('Council votes on the budget', 'The vote is on Tuesday.');
    const live = await n.api('editor', 'GET', `/api/admin/articles/${id}`);
    const version = live.json.modifiedAt as number;

    for (const text of ['The vote is on Wednesday.', 'The vote is on Wednesday at noon.']) {
      n.clock.t += 5_000;
      const saved = await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { body: doc(text), headline: 'Council votes on the budget on Wednesday', workingCopy: true, autosave: true, expectedModifiedAt: version });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json.modifiedAt, version, 'the live version did not move');
      assert.equal(saved.json.headline, 'Council votes on the budget', 'the view shows the live article');
      assert.equal(saved.json.workingCopy.fields.headline, 'Council votes on the budget on Wednesday');
      assert.equal(saved.json.workingCopy.savedBy, 'Ana Editor');
    }
    const before = await page(`/news/${slug}`);
    assert.match(before, /The vote is on Tuesday\./u);
    assert.doesNotMatch(before, /Wednesday/u, 'readers do not see the working copy');
    assert.deepEqual(events.filter((e) => e.articleId === id).map((e) => e.type), ['article.published'], 'no webhook while typing');
    const actions = async () => (await n.app.audit.list({ subjectType: 'article', subjectId: String(id) })).map((e) => e.action).reverse();
    assert.deepEqual(await actions(), ['article.create', 'article.publish']);
    // The working copy is in the revision history (coalesced into one autosave revision).
    const revisions = (await n.api('editor', 'GET', `/api/admin/articles/${id}/revisions`)).json.items;
    assert.equal(revisions[0].headline, 'Council votes on the budget on Wednesday');
    assert.equal(revisions[0].autosave, true);

    // The preview link shows the working copy.
    const link = await n.api('editor', 'POST', `/api/admin/articles/${id}/preview-link`, {});
    assert.match(await page(new URL(link.json.url).pathname), /Wednesday at noon/u);

    n.clock.t += 5_000;
    const updated = await n.api('editor', 'POST', `/api/admin/articles/${id}/working-copy/publish`, { expectedModifiedAt: version });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.json.workingCopy, null);
    assert.equal(updated.json.headline, 'Council votes on the budget on Wednesday');
    assert.ok(updated.json.modifiedAt > version);
    assert.match(await page(`/news/${slug}`), /The vote is on Wednesday at noon\./u);
    assert.deepEqual(events.filter((e) => e.articleId === id).map((e) => e.type), ['article.published', 'article.updated']);
    assert.deepEqual(await actions(), ['article.create', 'article.publish', 'article.update']);

    const again = await n.api('editor', 'POST', `/api/admin/articles/${id}/working-copy/publish`, {});
    assert.equal(again.statusCode, 404);
    assert.match(again.json.error, /no unpublished changes/u);
  });

  it('refuses an Update when the live article moved on since (409), and keeps the working copy', async () => {
    const { id, slug } = await publish('Ferry timetable changes', 'Ferries leave hourly.');
    const version = (await n.api('editor', 'GET', `/api/admin/articles/${id}`)).json.modifiedAt as number;
    n.clock.t += 1_000;
    assert.equal((await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { body: doc('Ferries leave every 30 minutes.'), workingCopy: true, expectedModifiedAt: version })).statusCode, 200);
    n.clock.t += 1_000;
    // Someone fixes the live article directly through the API (no workingCopy flag).
    const direct = await n.api('key', 'PATCH', `/api/admin/articles/${id}`, { standfirst: 'From Monday.' });
    assert.equal(direct.statusCode, 200, direct.body);
    assert.notEqual(direct.json.workingCopy, null, 'a direct change leaves the working copy alone');
    const stale = await n.api('editor', 'POST', `/api/admin/articles/${id}/working-copy/publish`, { expectedModifiedAt: version });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.json.error, /Someone else saved this article/u);
    const autosave = await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { body: doc('x'), workingCopy: true, autosave: true, expectedModifiedAt: version });
    assert.equal(autosave.statusCode, 409, 'autosaves against a stale version are refused too');
    assert.match(await page(`/news/${slug}`), /Ferries leave hourly\./u);
    assert.notEqual((await n.api('editor', 'GET', `/api/admin/articles/${id}`)).json.workingCopy, null);
  });

  it('discards a working copy; checks it like any save; folds it in when the article is unpublished', async () => {
    const { id, slug } = await publish('Library extends its hours', 'Open until 8pm.');
    const bad = await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { slug: 'Not A Slug', workingCopy: true });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json.field, 'slug');
    const unknownSection = await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { section: 'nowhere', workingCopy: true });
    assert.equal(unknownSection.statusCode, 400);
    assert.match(unknownSection.json.error, /no section "nowhere"/u);
    const missingImage = await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { heroImage: 999999, workingCopy: true });
    assert.equal(missingImage.statusCode, 400, missingImage.body);
    assert.equal((await n.api('editor', 'GET', `/api/admin/articles/${id}`)).json.workingCopy, null, 'refused saves store nothing');

    // A contributor cannot touch a live article's working copy (it is not theirs: 404).
    assert.equal((await n.api('contributor', 'PATCH', `/api/admin/articles/${id}`, { headline: 'Hijack', workingCopy: true })).statusCode, 404);

    assert.equal((await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { body: doc('Open until 10pm.'), workingCopy: true })).statusCode, 200);
    const discarded = await n.api('editor', 'DELETE', `/api/admin/articles/${id}/working-copy`);
    assert.equal(discarded.statusCode, 200, discarded.body);
    assert.equal(discarded.json.workingCopy, null);
    assert.equal((await n.api('editor', 'DELETE', `/api/admin/articles/${id}/working-copy`)).statusCode, 404);
    assert.match(await page(`/news/${slug}`), /Open until 8pm\./u);

    // Unpublishing with a working copy: the article leaves the site carrying the newer text.
    assert.equal((await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { body: doc('Open until 9pm.'), workingCopy: true })).statusCode, 200);
    const unpublished = await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { status: 'unpublished', workingCopy: true });
    assert.equal(unpublished.statusCode, 200, unpublished.body);
    assert.equal(unpublished.json.workingCopy, null);
    assert.equal(unpublished.json.body.content[0].content[0].text, 'Open until 9pm.');
    assert.equal((await n.app.http.inject({ url: `/news/${slug}` })).statusCode, 404);
  });

  it('restoring a revision of a live article makes it the working copy, not the live text', async () => {
    const { id, slug } = await publish('Market moves to the square', 'First version.');
    n.clock.t += 1_000;
    assert.equal((await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { body: doc('Second version.') })).statusCode, 200);
    assert.match(await page(`/news/${slug}`), /Second version\./u);
    const revisions = (await n.api('editor', 'GET', `/api/admin/articles/${id}/revisions`)).json.items as { id: number }[];
    const first = revisions[revisions.length - 1];
    assert.ok(first);
    const restored = await n.api('editor', 'POST', `/api/admin/articles/${id}/revisions/${first.id}/restore`);
    assert.equal(restored.statusCode, 200, restored.body);
    assert.equal(restored.json.workingCopy.fields.body.content[0].content[0].text, 'First version.');
    assert.match(await page(`/news/${slug}`), /Second version\./u, 'still live until Update');
    assert.equal((await n.api('editor', 'POST', `/api/admin/articles/${id}/working-copy/publish`, {})).statusCode, 200);
    assert.match(await page(`/news/${slug}`), /First version\./u);
  });

  it('opens the editor at the working copy, with Update and Discard', async () => {
    const { id } = await publish('Park reopens', 'The gates open at 7.');
    assert.equal((await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { headline: 'Park reopens with a new playground', workingCopy: true })).statusCode, 200);
    const html = (await n.api('editor', 'GET', `/admin/articles/${id}`)).body;
    assert.match(html, /value="Park reopens with a new playground"/u);
    assert.match(html, /id="working-copy-note"[^>]*>\s*Unpublished changes/u);
    assert.match(html, /id="wf-update"/u);
    const data = JSON.parse(/<script type="application\/json" id="editor-data">([^<]*)<\/script>/u.exec(html)?.[1] ?? '{}');
    assert.equal(data.workingCopy.savedBy, 'Ana Editor');
  });
});
