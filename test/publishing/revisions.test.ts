import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { doc, START, startNewsroom, type Newsroom } from './articles-helpers.js';

const MINUTE = 60_000;

describe('revisions, edit locks and preview links', () => {
  let n: Newsroom;
  before(async () => {
    n = await startNewsroom();
  });
  after(() => n.app.destroy());

  it('keeps a revision per save, coalesces autosaves per person per 5 minutes, diffs and restores', async () => {
    n.clock.t = START;
    const id = await n.create('author', { headline: 'First headline', body: doc('The quick brown fox.') });
    const patch = (fields: Record<string, unknown>) => n.api('author', 'PATCH', `/api/admin/articles/${id}`, fields);

    n.clock.t += MINUTE;
    assert.equal((await patch({ body: doc('The quick red fox.'), autosave: true })).statusCode, 200);
    n.clock.t += MINUTE;
    assert.equal((await patch({ body: doc('The quick red fox jumps.'), autosave: true })).statusCode, 200);
    n.clock.t += MINUTE;
    assert.equal((await patch({ headline: 'Second headline', body: doc('The slow red fox jumps.') })).statusCode, 200);
    n.clock.t += 6 * MINUTE;
    assert.equal((await patch({ body: doc('The slow red fox sleeps.'), autosave: true })).statusCode, 200);

    const list = await n.api('author', 'GET', `/api/admin/articles/${id}/revisions`);
    assert.equal(list.statusCode, 200);
    const items = list.json.items as { id: number; at: string; actor: string; autosave: boolean; headline: string }[];
    assert.deepEqual(
      items.map((r) => [r.autosave, r.headline]),
      [
        [true, 'Second headline'],
        [false, 'Second headline'],
        [true, 'First headline'],
        [false, 'First headline'],
      ],
      'two autosaves inside one window made one revision',
    );
    assert.equal(items[0]?.actor, 'Tess Author');
    assert.equal(items[2]?.at, new Date(START + 2 * MINUTE).toISOString(), 'the coalesced revision holds the latest autosave');

    const original = items[3] as { id: number };
    const detail = await n.api('author', 'GET', `/api/admin/articles/${id}/revisions/${original.id}`);
    assert.equal(detail.statusCode, 200, detail.body);
    assert.equal(detail.json.headline, 'First headline');
    assert.deepEqual(detail.json.body, doc('The quick brown fox.'));
    const removed = detail.json.diff.filter((p: { removed?: boolean }) => p.removed)
      .map((p: { value: string }) => p.value)
      .join(' ');
    const added = detail.json.diff
      .filter((p: { added?: boolean }) => p.added)
      .map((p: { value: string }) => p.value)
      .join(' ');
    assert.match(removed, /quick brown/u, JSON.stringify(detail.json.diff));
    assert.doesNotMatch(removed, /fox/u);
    assert.match(added, /slow red/u);
    assert.match(added, /sleeps/u);
    assert.deepEqual(
      detail.json.headlineDiff.map((p: { value: string; added?: boolean; removed?: boolean }) => [p.value, p.added ?? false, p.removed ?? false]),
      [
        ['First', false, true],
        ['Second', true, false],
        [' headline', false, false],
      ],
    );

    n.clock.t += MINUTE;
    const restored = await n.api('author', 'POST', `/api/admin/articles/${id}/revisions/${original.id}/restore`);
    assert.equal(restored.statusCode, 200, restored.body);
    assert.equal(restored.json.headline, 'First headline');
    assert.deepEqual(restored.json.body, doc('The quick brown fox.'));
    const after = (await n.api('author', 'GET', `/api/admin/articles/${id}/revisions`)).json.items;
    assert.equal(after.length, 5, 'the restore is a revision of its own');
    assert.equal(after[0].headline, 'First headline');
    const lost = (await n.api('author', 'GET', `/api/admin/articles/${id}/revisions/${after[1].id}`)).json;
    assert.deepEqual(lost.body, doc('The slow red fox sleeps.'), 'the text before the restore is still in the history');
    const audit = await n.app.audit.list({ subjectType: 'article', subjectId: String(id) });
    assert.equal(audit[0]?.action, 'article.restore');
    assert.equal((await n.api('author', 'GET', `/api/admin/articles/${id}/revisions/999999`)).statusCode, 404);
  });

  it('holds edit locks: 423 for others, heartbeat, take over (audited), release', async () => {
    n.clock.t = START + 60 * MINUTE;
    const id = await n.create('editor', { headline: 'Contested' });
    const url = `/api/admin/articles/${id}/lock`;
    const mine = await n.api('editor', 'POST', url);
    assert.equal(mine.statusCode, 200, mine.body);
    assert.deepEqual(mine.json, { userId: n.userIds.editor, name: 'Ana Editor', expiresAt: new Date(n.clock.t + 60_000).toISOString() });

    // Another editor (the API key acting as one, and a second editor user) meets the lock.
    const second = await n.app.accounts.createUser({ email: 'ed2@example.org', password: 'a long enough password', name: 'Eve Editor', role: 'editor' });
    const token = await n.app.accounts.createSession(second.id, 'test');
    const asEve = (method: 'POST' | 'PATCH' | 'DELETE', path: string, payload?: unknown) =>
      n.app.http.inject({ method, url: path, headers: { cookie: `scms_session=${token}`, origin: 'http://localhost:3000' }, ...(payload ? { payload: payload as object } : {}) });

    const refused = await asEve('POST', url);
    assert.equal(refused.statusCode, 423);
    assert.deepEqual(JSON.parse(refused.body), { error: 'Ana Editor is editing this article.', holder: mine.json });
    const blockedSave = await asEve('PATCH', `/api/admin/articles/${id}`, { headline: 'Eve was here' });
    assert.equal(blockedSave.statusCode, 423);
    assert.equal((await n.api('key', 'PATCH', `/api/admin/articles/${id}`, { headline: 'Key was here' })).statusCode, 423, 'keys respect a live lock');
    assert.equal((await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { headline: 'Ana saves' })).statusCode, 200, 'the holder saves');

    // Heartbeat: renewing keeps it past the first minute.
    n.clock.t += 40_000;
    assert.equal((await n.api('editor', 'POST', url)).json.expiresAt, new Date(n.clock.t + 60_000).toISOString());
    n.clock.t += 40_000;
    assert.equal((await asEve('POST', url)).statusCode, 423);

    const taken = await asEve('POST', url, { takeOver: true });
    assert.equal(taken.statusCode, 200);
    assert.equal(JSON.parse(taken.body).name, 'Eve Editor');
    assert.equal((await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { headline: 'Ana again' })).statusCode, 423);
    assert.equal((await n.api('editor', 'GET', `/api/admin/articles/${id}`)).json.lock.name, 'Eve Editor');
    const audit = await n.app.audit.list({ subjectType: 'article', subjectId: String(id) });
    assert.equal(audit[0]?.action, 'article.lock.takeover');
    assert.equal(audit[0]?.actor.label, 'Eve Editor');

    assert.equal((await asEve('DELETE', url)).statusCode, 204);
    assert.equal((await n.api('key', 'PATCH', `/api/admin/articles/${id}`, { headline: 'Key now' })).statusCode, 200, 'no live lock: keys may save');
    assert.equal((await n.api('key', 'POST', url)).statusCode, 403, 'keys cannot hold locks');

    // A lapsed lock (closed tab) frees the article after a minute.
    await n.api('editor', 'POST', url);
    n.clock.t += 61_000;
    assert.equal((await asEve('POST', url)).statusCode, 200);
  });

  it('makes signed preview links: valid renders the draft noindex/no-store; expired 410; tampered 404', async () => {
    n.clock.t = START + 120 * MINUTE;
    const id = await n.create('contributor', { headline: 'Draft for the lawyer', standfirst: 'Not yet public.', body: doc('Sensitive draft words.') });
    const link = await n.api('contributor', 'POST', `/api/admin/articles/${id}/preview-link`);
    assert.equal(link.statusCode, 200, link.body);
    assert.equal(link.json.expiresAt, new Date(n.clock.t + 48 * 60 * MINUTE).toISOString());
    const path = new URL(link.json.url).pathname;
    assert.match(link.json.url, /^http:\/\/localhost:3000\/preview\//u);

    const page = await n.app.http.inject({ url: path });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.equal(page.headers['x-robots-tag'], 'noindex');
    assert.match(page.body, /Draft for the lawyer/u);
    assert.match(page.body, /Sensitive draft words\./u);
    assert.match(page.body, /Preview/u);
    assert.equal((await n.app.http.inject({ url: '/news/draft-for-the-lawyer' })).statusCode, 404, 'the public page still does not exist');

    const [payload, mac] = path.slice('/preview/'.length).split('.');
    const forged = Buffer.from(JSON.stringify({ a: id, e: n.clock.t + 10 ** 12 })).toString('base64url');
    for (const bad of [`${forged}.${mac}`, `${payload}.${mac?.slice(0, -2)}xx`, 'nonsense', `${payload}`]) {
      const response = await n.app.http.inject({ url: `/preview/${bad}` });
      assert.equal(response.statusCode, 404, bad);
      assert.match(response.body, /not valid/u);
    }

    n.clock.t += 48 * 60 * MINUTE + 1;
    const expired = await n.app.http.inject({ url: path });
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /expired/u);
    assert.equal(expired.headers['cache-control'], 'no-store');
  });
});
