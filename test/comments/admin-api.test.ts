/**
 * The moderation queues in the Admin API: paging, decisions, readers' standing, discussion
 * settings, the OpenAPI document, and who is refused.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineName } from '../helpers/app.js';
import { moderationFixture, type ModerationFixture, type Staffer } from './admin-helpers.js';
import type { ArticleInfo, Reader } from './helpers.js';

interface Item {
  id: number;
  status: string;
  featured: boolean;
  html: string;
  createdAt: string;
  reasons: { phase: string; action: string; reason: string }[];
  reports: { reason: string; count: number }[];
  story: { id: number; title: string };
  reader: { id: number; name: string; standing: { kind: string; message: string; until: string | null }; approvedCount: number; rejectedCount: number; pendingCount: number; recent: { id: number; status: string }[] };
}
interface QueueAnswer {
  queue: string;
  items: Item[];
  nextCursor: string | null;
  counts: { pending: number; reported: number };
}

describe(`comment moderation Admin API (${engineName()})`, () => {
  let f: ModerationFixture;
  let editor: Staffer;
  let admin: Staffer;
  let contributor: Staffer;
  let alice: Reader;
  let bob: Reader;
  let held: ArticleInfo;
  let heldStory: number;
  let open: ArticleInfo;
  let openStory: number;
  const moe = { userId: null, label: 'Fixture moderator' };

  before(async () => {
    f = await moderationFixture();
    editor = await f.staff('editor', 'Edna Editor');
    admin = await f.staff('admin', 'Ada Admin');
    contributor = await f.staff('contributor', 'Connie Contributor');
    alice = await f.reader('Alice Adams');
    bob = await f.reader('Bob Brown');
    held = await f.article('held-story');
    heldStory = await f.storyOf(held);
    await f.app.comments.updateStory(moe, heldStory, { premoderated: true });
    open = await f.article('open-story');
    openStory = await f.storyOf(open);
  });
  after(() => f.close());

  const list = async (query: string, as: Staffer = editor) => {
    const response = await f.admin(as, 'GET', `/api/admin/comments${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<QueueAnswer>();
  };

  it('pages through a queue by cursor, each comment with its reasons, reports and reader history', async () => {
    const made = [];
    for (const [who, text] of [
      [alice, 'Held one'],
      [bob, 'Held two'],
      [alice, 'Held three'],
      [bob, 'Held four'],
      [alice, 'Held five'],
    ] as const) {
      made.push((await f.comment(who, { storyId: heldStory }, text)).id);
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: QueueAnswer = await list(`?queue=pending&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    assert.deepEqual(seen, made, 'every pending comment once, the longest-waiting first');
    assert.equal(pages, 3);

    const [first] = (await list('?limit=1')).items;
    assert.equal(first?.id, made[0], 'pending is the default queue');
    assert.equal(first?.story.id, heldStory);
    assert.deepEqual(first?.reasons.map((r) => [r.phase, r.action]), [['premoderation', 'hold']]);
    assert.equal(first?.reader.id, alice.id);
    assert.equal(first?.reader.pendingCount, 3);
    assert.deepEqual(first?.reader.standing, { kind: 'good', message: '', until: null });
    assert.match(first?.createdAt ?? '', /^\d{4}-\d{2}-\d{2}T/u);

    const approved = await f.comment(alice, { storyId: openStory }, 'Reported twice');
    await f.api('POST', `/api/comments/${approved.id}/reports`, { as: bob, body: { reason: 'abuse' } });
    await f.api('POST', `/api/comments/${approved.id}/reports`, { as: await f.reader('Carol'), body: { reason: 'off-topic' } });
    const reported = await list('?queue=reported');
    assert.deepEqual(reported.items.map((i) => i.id), [approved.id]);
    assert.deepEqual(reported.items[0]?.reports, [{ reason: 'abuse', count: 1 }, { reason: 'off-topic', count: 1 }]);
    assert.deepEqual(reported.counts, { pending: 5, reported: 1 });

    // Cursors are signed and belong to one queue.
    const page1 = await list('?queue=pending&limit=2');
    const crossed = await f.admin(editor, 'GET', `/api/admin/comments?queue=approved&cursor=${encodeURIComponent(page1.nextCursor ?? '')}`);
    assert.equal(crossed.statusCode, 400);
    assert.match(crossed.json<{ error: string }>().error, /not valid/u);
    assert.equal((await f.admin(editor, 'GET', '/api/admin/comments?queue=everything')).statusCode, 400);
    assert.equal((await f.admin(editor, 'GET', '/api/admin/comments?limit=0')).statusCode, 400);
  });

  it('decides by API: approve, feature, unfeature and reject, as readers then see it, audited', async () => {
    const c = await f.comment(bob, { storyId: heldStory }, 'Decided over the API');
    const approve = await f.admin(editor, 'POST', `/api/admin/comments/${c.id}/approve`);
    assert.equal(approve.statusCode, 200, approve.body);
    assert.equal(approve.json<{ changed: boolean; comment: Item }>().changed, true);
    assert.equal(approve.json<{ comment: Item }>().comment.status, 'approved');
    assert.equal((await f.admin(admin, 'POST', `/api/admin/comments/${c.id}/approve`)).json<{ changed: boolean }>().changed, false, 'twice changes nothing');
    assert.match((await f.api('GET', held.path)).body, /Decided over the API/u);

    const feature = await f.admin(editor, 'POST', `/api/admin/comments/${c.id}/feature`);
    assert.equal(feature.json<{ comment: Item }>().comment.featured, true);
    const thread = await f.api('GET', `/api/comments?story=${heldStory}`);
    assert.deepEqual(thread.json<{ featured: { id: number }[] }>().featured.map((x) => x.id), [c.id]);
    assert.equal((await f.admin(editor, 'POST', `/api/admin/comments/${c.id}/unfeature`)).json<{ comment: Item }>().comment.featured, false);
    assert.deepEqual((await f.api('GET', `/api/comments?story=${heldStory}`)).json<{ featured: unknown[] }>().featured, []);

    const reject = await f.admin(editor, 'POST', `/api/admin/comments/${c.id}/reject`, { note: 'Thought better of it' });
    assert.equal(reject.statusCode, 200, reject.body);
    assert.equal(reject.json<{ comment: Item }>().comment.status, 'rejected');
    assert.doesNotMatch((await f.api('GET', held.path)).body, /Decided over the API/u);
    const audit = await f.app.audit.list({ subjectType: 'comment', subjectId: String(c.id) });
    assert.deepEqual(audit.map((e) => e.action).reverse(), ['comment.approve', 'comment.approve', 'comment.feature', 'comment.unfeature', 'comment.reject']);
    assert.equal(audit[0]?.detail.note, 'Thought better of it');
    assert.equal(audit[0]?.actor.label, 'Edna Editor');

    const pending = await f.comment(alice, { storyId: heldStory }, 'Still pending');
    assert.equal((await f.admin(editor, 'POST', `/api/admin/comments/${pending.id}/feature`)).statusCode, 409);
    assert.equal((await f.admin(editor, 'POST', '/api/admin/comments/987654/approve')).statusCode, 404);
    assert.equal((await f.admin(editor, 'POST', `/api/admin/comments/${c.id}/reject`, { note: 'x'.repeat(1001) })).statusCode, 400);
  });

  it("sets a reader's standing: ban refuses their next post, suspension lasts until its end, a warning is emailed", async () => {
    const dan = await f.reader('Dan Dunn');
    const address = await f.emailOf(dan);
    const put = (body: unknown) => f.admin(editor, 'PUT', `/api/admin/readers/${dan.id}/standing`, body);

    const warned = await put({ kind: 'warned', message: 'Please keep to the topic.' });
    assert.equal(warned.statusCode, 200, warned.body);
    assert.deepEqual(warned.json<Item['reader']>().standing, { kind: 'warned', message: 'Please keep to the topic.', until: null });
    const [warning] = await f.app.email.list({ to: address });
    assert.equal(warning?.category, 'comments.standing');
    assert.match(warning?.subject ?? '', /warning/iu);
    assert.match(warning?.text ?? '', /Please keep to the topic\./u);
    assert.equal(warning?.headers['List-Unsubscribe'], '<http://localhost:3000/account>');
    f.clock.advance(60_000);
    const stillPosts = await f.api('POST', '/api/comments', { as: dan, body: { storyId: openStory, text: 'On topic now' } });
    assert.equal(stillPosts.statusCode, 201);
    assert.equal(stillPosts.json<{ warning: string }>().warning, 'Please keep to the topic.');

    assert.equal((await put({ kind: 'banned', message: 'Abuse of other readers.' })).statusCode, 200);
    f.clock.advance(60_000);
    const refused = await f.api('POST', '/api/comments', { as: dan, body: { storyId: openStory, text: 'Let me in' } });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json<{ error: string }>().error, /banned.*Abuse of other readers\./u);

    const end = f.clock.now + 3 * 3_600_000;
    const suspended = await put({ kind: 'suspended', until: new Date(end).toISOString(), message: 'Three hours off.' });
    assert.equal(suspended.statusCode, 200, suspended.body);
    assert.equal(suspended.json<Item['reader']>().standing.until, new Date(end).toISOString());
    f.clock.advance(60_000);
    assert.equal((await f.api('POST', '/api/comments', { as: dan, body: { storyId: openStory, text: 'Too soon?' } })).statusCode, 403);
    f.clock.now = end - 1;
    assert.equal((await f.api('POST', '/api/comments', { as: dan, body: { storyId: openStory, text: 'Still too soon?' } })).statusCode, 403);
    f.clock.now = end + 1;
    assert.equal((await f.api('POST', '/api/comments', { as: dan, body: { storyId: openStory, text: 'Now I may' } })).statusCode, 201);
    assert.equal((await f.app.email.list({ to: address })).length, 3, 'warning, ban and suspension each emailed');

    const restored = await put({ kind: 'good' });
    assert.equal(restored.json<Item['reader']>().standing.kind, 'good');
    assert.equal((await f.app.email.list({ to: address })).length, 3, 'a restore sends nothing');
    const audit = await f.app.audit.list({ subjectType: 'user', subjectId: String(dan.id) });
    assert.deepEqual(audit.map((e) => e.detail.kind).reverse(), ['warned', 'banned', 'suspended', 'good']);

    assert.equal((await put({ kind: 'warned' })).statusCode, 400, 'a warning needs a message');
    assert.equal((await put({ kind: 'suspended', until: new Date(f.clock.now - 1000).toISOString() })).statusCode, 400, 'the end must be ahead');
    assert.equal((await put({ kind: 'suspended', until: 'soon' })).statusCode, 400);
    assert.equal((await put({ kind: 'exiled' })).statusCode, 400);
    assert.equal((await f.admin(editor, 'PUT', '/api/admin/readers/999999/standing', { kind: 'banned' })).statusCode, 404);
  });

  it('reads and changes a discussion: closed, pre-moderated', async () => {
    const story = await f.admin(editor, 'GET', `/api/admin/comments/stories/${openStory}`);
    assert.equal(story.statusCode, 200);
    assert.deepEqual(
      (({ open: o, premoderated, takingComments }) => ({ o, premoderated, takingComments }))(story.json<{ open: boolean; premoderated: boolean; takingComments: boolean }>()),
      { o: true, premoderated: false, takingComments: true },
    );
    const changed = await f.admin(editor, 'PATCH', `/api/admin/comments/stories/${openStory}`, { premoderated: true });
    assert.equal(changed.json<{ premoderated: boolean }>().premoderated, true);
    assert.equal((await f.comment(alice, { storyId: openStory }, 'Held now')).status, 'pending');
    await f.admin(editor, 'PATCH', `/api/admin/comments/stories/${openStory}`, { open: false, premoderated: false });
    f.clock.advance(60_000);
    assert.equal((await f.api('POST', '/api/comments', { as: alice, body: { storyId: openStory, text: 'Closed?' } })).statusCode, 403);
    await f.admin(editor, 'PATCH', `/api/admin/comments/stories/${openStory}`, { open: true });
    assert.equal((await f.admin(editor, 'PATCH', `/api/admin/comments/stories/${openStory}`, { closesAt: 'whenever' })).statusCode, 400);
    assert.equal((await f.admin(editor, 'GET', '/api/admin/comments/stories/999999')).statusCode, 404);
  });

  it('is in the OpenAPI document', async () => {
    const document = (await f.app.http.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    assert.ok(document.paths['/api/admin/comments']?.get);
    for (const decision of ['approve', 'reject', 'feature', 'unfeature']) assert.ok(document.paths[`/api/admin/comments/{id}/${decision}`]?.post, decision);
    assert.ok(document.paths['/api/admin/readers/{id}/standing']?.put);
    assert.ok(document.paths['/api/admin/comments/stories/{id}']?.patch);
  });

  it('refuses contributors (403), readers and strangers (401), and changes nothing for them', async () => {
    const c = await f.comment(bob, { storyId: heldStory }, 'Not theirs to decide');
    const key = (await f.app.accounts.createKey({ name: 'contributor key', role: 'contributor' })).key;
    const editorKey = (await f.app.accounts.createKey({ name: 'moderation bot', role: 'editor' })).key;
    const byKey = (secret: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
      f.app.http.inject({ method, url, headers: { authorization: `Bearer ${secret}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { payload: JSON.stringify(body) } : {}) });

    const calls: ['GET' | 'POST' | 'PUT', string, unknown][] = [
      ['GET', '/api/admin/comments?queue=pending', undefined],
      ['POST', `/api/admin/comments/${c.id}/approve`, undefined],
      ['POST', `/api/admin/comments/${c.id}/reject`, { note: 'no' }],
      ['PUT', `/api/admin/readers/${bob.id}/standing`, { kind: 'banned', message: 'x' }],
    ];
    for (const [method, url, body] of calls) {
      assert.equal((await f.admin(contributor, method, url, body)).statusCode, 403, `${method} ${url} as a contributor`);
      assert.equal((await byKey(key, method, url, body)).statusCode, 403, `${method} ${url} with a contributor key`);
      assert.equal((await f.admin(bob, method, url, body)).statusCode, 401, `${method} ${url} as a reader`);
      assert.equal((await f.admin(null, method, url, body)).statusCode, 401, `${method} ${url} as a stranger`);
    }
    assert.equal((await f.app.db.kysely.selectFrom('comments').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status, 'pending');
    assert.equal((await f.app.comments.standing(bob.id)).standing.kind, 'good');

    // An editor's key may moderate; the audit names the key.
    const approved = await byKey(editorKey, 'POST', `/api/admin/comments/${c.id}/approve`);
    assert.equal(approved.statusCode, 200, approved.body);
    const [entry] = await f.app.audit.list({ subjectType: 'comment', subjectId: String(c.id) });
    assert.equal(entry?.actor.label, 'API key "moderation bot"');
  });
});
