/**
 * The moderation queues as admin pages: what each tab lists and how it pages, the decisions and
 * what readers then see, the reader's history, standing, story settings, the keyboard script,
 * and who may open any of it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineName } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import { moderationFixture, type ModerationFixture, type Staffer } from './admin-helpers.js';
import type { ArticleInfo, Reader } from './helpers.js';

describe(`comment moderation pages (${engineName()})`, () => {
  let f: ModerationFixture;
  let editor: Staffer;
  let contributor: Staffer;
  let alice: Reader;
  let bob: Reader;
  let carol: Reader;
  let held: ArticleInfo;
  let heldStory: number;
  let open: ArticleInfo;
  let openStory: number;
  const moe = { userId: null, label: 'Fixture moderator' };

  before(async () => {
    f = await moderationFixture();
    editor = await f.staff('editor', 'Edna Editor');
    contributor = await f.staff('contributor', 'Connie Contributor');
    alice = await f.reader('Alice Adams');
    bob = await f.reader('Bob Brown');
    carol = await f.reader('Carol Clark');
    held = await f.article('held-story');
    heldStory = await f.storyOf(held);
    await f.app.comments.updateStory(moe, heldStory, { premoderated: true });
    open = await f.article('open-story');
    openStory = await f.storyOf(open);
  });
  after(() => f.close());

  const queue = async (url: string, as: { cookie: string } = editor) => {
    const response = await f.page(as, url);
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    return parse(response.body);
  };
  const ids = ($: ReturnType<typeof parse>) => $('[data-moderation-item]').map((_, el) => Number(($(el).attr('id') ?? '').replace('c-', ''))).get();
  const articleText = async (article: ArticleInfo) => (await f.api('GET', article.path)).body;

  it('lists each queue on its own tab and pages by cursor', async () => {
    const p1 = await f.comment(alice, { storyId: heldStory }, 'First held comment');
    const p2 = await f.comment(bob, { storyId: heldStory }, 'Second held comment');
    const p3 = await f.comment(alice, { storyId: heldStory }, 'Third held comment');
    assert.deepEqual([p1.status, p2.status, p3.status], ['pending', 'pending', 'pending']);
    const liked = await f.comment(alice, { storyId: openStory }, 'An approved and reported one');
    const quiet = await f.comment(bob, { storyId: openStory }, 'An approved quiet one');
    await f.api('POST', `/api/comments/${liked.id}/reports`, { as: bob, body: { reason: 'spam', detail: 'Selling watches' } });
    await f.api('POST', `/api/comments/${liked.id}/reports`, { as: carol, body: { reason: 'spam' } });
    const gone = await f.comment(carol, { storyId: openStory }, 'Soon rejected');
    await f.app.comments.reject(moe, gone.id);

    // Pending: the longest-waiting first, two to a page, then the rest by the "Next page" link.
    let $ = await queue('/admin/comments?queue=pending&limit=2');
    assert.equal($('.moderation-tabs a[aria-current=page]').text(), 'Pending (3)');
    assert.deepEqual(ids($), [p1.id, p2.id]);
    assert.match($('.moderation-item').first().text(), /First held comment/u);
    assert.match($('.moderation-item').first().find('.moderation-head a').attr('href') ?? '', /\/news\/held-story$/u, 'the story is linked');
    assert.match($('.moderation-item').first().find('.moderation-reasons').text(), /pre-moderated/u, 'the pipeline says why it waits');
    const next = $('a[rel=next]').attr('href');
    assert.ok(next, 'a next page link');
    assert.doesNotMatch(next, /offset/iu);
    $ = await queue(next);
    assert.deepEqual(ids($), [p3.id]);
    assert.equal($('a[rel=next]').length, 0, 'the last page has no next link');
    assert.equal((await f.page(editor, '/admin/comments?queue=approved&cursor=forged.cursor')).statusCode, 400);

    $ = await queue('/admin/comments?queue=reported');
    assert.deepEqual(ids($), [liked.id]);
    assert.match($('.moderation-reports h3').text(), /Reported 2 times/u);
    assert.match($('.moderation-reports').text(), /spam: 2/u);
    assert.match($('.moderation-reports').text(), /Selling watches/u);

    $ = await queue('/admin/comments?queue=rejected');
    assert.deepEqual(ids($), [gone.id]);
    $ = await queue('/admin/comments?queue=approved');
    assert.deepEqual(ids($).slice(0, 2), [quiet.id, liked.id], 'the latest first');
    assert.equal((await f.page(editor, '/admin/comments?queue=everything')).statusCode, 400);
  });

  it('approve, feature and reject from the queue change the article page, and each is in the audit log', async () => {
    const c = await f.comment(bob, { storyId: heldStory }, 'Waiting for a decision');
    assert.doesNotMatch(await articleText(held), /Waiting for a decision/u);

    const approved = await f.post(editor, `/admin/comments/${c.id}/approve`, { return: '/admin/comments?queue=pending', focus: '12345' });
    assert.equal(approved.statusCode, 303, approved.body);
    assert.equal(approved.headers.location, '/admin/comments?queue=pending&done=approve#c-12345');
    assert.match(await articleText(held), /Waiting for a decision/u);
    const $done = await queue(String(approved.headers.location));
    assert.equal($done('.form-done').text(), 'Approved.');

    const featured = await f.post(editor, `/admin/comments/${c.id}/feature`, { return: '/admin/comments?queue=approved' });
    assert.equal(featured.statusCode, 303);
    const $article = parse(await articleText(held));
    assert.match($article('.comments-featured').text(), /Waiting for a decision/u, 'pinned above the thread');

    const rejected = await f.post(editor, `/admin/comments/${c.id}/reject`, { return: '/admin/comments?queue=approved', note: 'Off topic after all' });
    assert.equal(rejected.statusCode, 303);
    assert.doesNotMatch(await articleText(held), /Waiting for a decision/u);

    const entries = await f.app.audit.list({ subjectType: 'comment', subjectId: String(c.id) });
    assert.deepEqual(entries.map((e) => e.action).reverse(), ['comment.approve', 'comment.feature', 'comment.reject']);
    assert.ok(entries.every((e) => e.actor.userId === editor.id && e.actor.label === 'Edna Editor'));
    assert.equal(entries[0]?.detail.note, 'Off topic after all');
    const $audit = parse((await f.page(editor, `/admin/audit?subjectType=comment&subjectId=${c.id}`)).body);
    assert.deepEqual($audit('.audit-table tbody tr td:nth-child(3)').map((_, el) => $audit(el).text()).get(), ['comment.reject', 'comment.feature', 'comment.approve']);

    // A hostile return address is not followed; a refusal comes back as the queue with the reason.
    const away = await f.post(editor, `/admin/comments/${c.id}/approve`, { return: 'https://evil.example/admin/comments' });
    assert.equal(away.headers.location, '/admin/comments?done=approve');
    const pending = await f.comment(alice, { storyId: heldStory }, 'Not approved yet');
    const refused = await f.post(editor, `/admin/comments/${pending.id}/feature`, { return: '/admin/comments?queue=pending' });
    assert.equal(refused.statusCode, 409);
    assert.match(parse(refused.body)('.form-problem').text(), /Only an approved comment can be featured/u);
    assert.equal((await f.post(editor, '/admin/comments/999999/approve', {})).statusCode, 404);
  });

  it("shows the reader's history beside each comment", async () => {
    const dora = await f.reader('Dora Dunn');
    const ok = await f.comment(dora, { storyId: openStory }, 'Dora was fine here');
    const bad = await f.comment(dora, { storyId: openStory }, 'Dora was rude here');
    await f.app.comments.reject(moe, bad.id);
    const waiting = await f.comment(dora, { storyId: heldStory }, 'Dora waits for approval');
    await f.app.comments.setStanding(moe, dora.id, { kind: 'warned', message: 'Mind your manners.' });

    const $ = await queue('/admin/comments?queue=pending&limit=100');
    const aside = $(`#c-${waiting.id} aside.reader-history`);
    assert.equal(aside.length, 1);
    assert.equal(aside.find('h3').text(), 'Dora Dunn');
    assert.equal(aside.find('.reader-counts').text().replace(/\s+/gu, ' ').trim(), '1 approved · 1 rejected · 1 pending');
    assert.match(aside.find('.reader-standing').text(), /Warned — “Mind your manners\.”/u);
    const recent = aside.find('.reader-recent li').map((_, el) => $(el).text().replace(/\s+/gu, ' ')).get();
    assert.equal(recent.length, 3);
    assert.match(recent[0] ?? '', /^pending Dora waits for approval/u);
    assert.match(recent[1] ?? '', /^rejected Dora was rude here/u);
    assert.match(recent[2] ?? '', /^approved Dora was fine here/u);
    assert.ok(ok.id < bad.id);
    assert.equal(aside.find(`form[action="/admin/comments/readers/${dora.id}/standing"]`).length, 1, 'warn, suspend and ban are beside it');
  });

  it('bans a reader from the queue: emailed, and their next comment is refused with the message', async () => {
    const eve = await f.reader('Eve Evans');
    const address = await f.emailOf(eve);
    const warnless = await f.post(editor, `/admin/comments/readers/${eve.id}/standing`, { kind: 'warned', message: '  ', return: '/admin/comments' });
    assert.equal(warnless.statusCode, 400);
    assert.match(parse(warnless.body)('.form-problem').text(), /needs a message/u);

    const banned = await f.post(editor, `/admin/comments/readers/${eve.id}/standing`, { kind: 'banned', message: 'Spam links, again and again.', return: '/admin/comments?queue=pending', focus: '7' });
    assert.equal(banned.statusCode, 303);
    assert.equal(banned.headers.location, '/admin/comments?queue=pending&done=standing#c-7');
    f.clock.advance(60_000);
    const post = await f.api('POST', '/api/comments', { as: eve, body: { storyId: openStory, text: 'Let me back in' } });
    assert.equal(post.statusCode, 403);
    assert.match(post.json<{ error: string }>().error, /banned you from commenting.*Spam links, again and again\./u);
    const [mail] = await f.app.email.list({ to: address });
    assert.equal(mail?.category, 'comments.standing');
    assert.match(mail?.subject ?? '', /banned/u);
    assert.match(mail?.text ?? '', /Spam links, again and again\./u);
    assert.equal(mail?.headers['List-Unsubscribe'], '<http://localhost:3000/account>');
    const [entry] = await f.app.audit.list({ subjectType: 'user', subjectId: String(eve.id) });
    assert.equal(entry?.action, 'reader.standing');
    assert.equal(entry?.actor.userId, editor.id);

    // Suspended until a date: refused until then, allowed after (the clock is the app's).
    const until = new Date(f.clock.now + 2 * 86_400_000).toISOString().slice(0, 16);
    const suspended = await f.post(editor, `/admin/comments/readers/${eve.id}/standing`, { kind: 'suspended', until, message: 'Cool off.', return: '/admin/comments' });
    assert.equal(suspended.statusCode, 303);
    f.clock.advance(60_000);
    const during = await f.api('POST', '/api/comments', { as: eve, body: { storyId: openStory, text: 'Am I back?' } });
    assert.equal(during.statusCode, 403);
    assert.match(during.json<{ error: string }>().error, /suspended you from commenting until.*Cool off\./u);
    f.clock.now = Date.parse(`${until}Z`) + 1000;
    const afterwards = await f.api('POST', '/api/comments', { as: eve, body: { storyId: openStory, text: 'Back again, politely' } });
    assert.equal(afterwards.statusCode, 201, afterwards.body);
    assert.equal((await f.app.email.list({ to: address })).length, 2, 'the suspension was emailed too');
  });

  it('opens the discussion settings from the queue: closing it and turning pre-moderation off', async () => {
    const c = await f.comment(carol, { storyId: heldStory }, 'In the held story');
    const $ = await queue('/admin/comments?queue=pending&limit=100');
    const link = $(`#c-${c.id} a[href^="/admin/comments/stories/"]`).attr('href');
    assert.equal(link, `/admin/comments/stories/${heldStory}?return=${encodeURIComponent('/admin/comments?queue=pending&limit=100')}`);
    const $settings = await queue(link);
    assert.equal($settings('#premoderated').prop('checked'), true);
    assert.equal($settings('#open').prop('checked'), true);

    const saved = await f.post(editor, `/admin/comments/stories/${heldStory}`, { open: 'on', return: '/admin/comments?queue=pending' });
    assert.equal(saved.statusCode, 303);
    assert.match(String(saved.headers.location), new RegExp(`^/admin/comments/stories/${heldStory}\\?done=story`, 'u'));
    assert.equal((await f.comment(carol, { storyId: heldStory }, 'Straight through now')).status, 'approved');

    await f.post(editor, `/admin/comments/stories/${heldStory}`, { return: '/admin/comments' });
    f.clock.advance(60_000);
    const closed = await f.api('POST', '/api/comments', { as: carol, body: { storyId: heldStory, text: 'Is it closed?' } });
    assert.equal(closed.statusCode, 403);
    assert.match(await articleText(held), /closed/iu);
    const audit = await f.app.audit.list({ subjectType: 'comment_story', subjectId: String(heldStory) });
    assert.deepEqual(audit[0]?.detail, { open: false, premoderated: false, closesAt: null });
    assert.equal(audit[0]?.actor.userId, editor.id);
    await f.post(editor, `/admin/comments/stories/${heldStory}`, { open: 'on', premoderated: 'on', return: '/admin/comments' });
    assert.equal((await f.post(editor, `/admin/comments/stories/${heldStory}`, { open: 'on', closesAt: 'next tuesday' })).statusCode, 400);
  });

  it('serves the keyboard script as a same-origin file the page references, with forms it can submit', async () => {
    await f.comment(alice, { storyId: heldStory }, 'For the keyboard');
    const response = await f.page(editor, '/admin/comments?queue=pending');
    assert.match(String(response.headers['content-security-policy']), /script-src 'self'/u);
    const $ = parse(response.body);
    const scripts = $('script');
    assert.ok(scripts.toArray().every((el) => $(el).attr('src')), 'no inline script');
    const src = $('script[type=module][src*="comments-moderation"]').attr('src');
    assert.match(src ?? '', /^\/assets\/comments-moderation\.[0-9a-f]+\.js$/u);
    const script = await f.page(null, src ?? '');
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /javascript/u);
    for (const key of ["'j'", "'k'", 'approve', 'reject', 'feature', 'requestSubmit']) assert.ok(script.body.includes(key), key);
    assert.ok(Buffer.byteLength(script.body) < 3000, 'tiny');
    const item = $('[data-moderation-item]').first();
    assert.equal(item.find('form[data-shortcut=approve]').length, 1);
    assert.equal(item.find('form[data-shortcut=reject]').length, 1);
    const css = $('link[rel=stylesheet][href*="comments-moderation"]').attr('href');
    assert.equal((await f.page(null, css ?? '')).statusCode, 200);
  });

  it('is for editors and admins only', async () => {
    const c = await f.comment(bob, { storyId: heldStory }, 'Contributors may not decide');
    const admin = await f.staff('admin', 'Ada Admin');
    assert.equal((await f.page(admin, '/admin/comments')).statusCode, 200);
    assert.equal((await f.page(contributor, '/admin/comments')).statusCode, 403);
    assert.equal((await f.post(contributor, `/admin/comments/${c.id}/approve`, {})).statusCode, 403);
    assert.equal((await f.post(contributor, `/admin/comments/readers/${bob.id}/standing`, { kind: 'banned' })).statusCode, 403);
    for (const who of [bob, null]) {
      const response = await f.page(who, '/admin/comments');
      assert.equal(response.statusCode, 303);
      assert.match(String(response.headers.location), /^\/admin\/sign-in\?return=/u);
      assert.equal((await f.post(who, `/admin/comments/${c.id}/approve`, {})).statusCode, 303);
    }
    // A form posted from another site is refused before it gets here.
    const forged = await f.app.http.inject({
      method: 'POST',
      url: `/admin/comments/${c.id}/approve`,
      headers: { cookie: editor.cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    assert.equal(forged.statusCode, 403);
    const row = await f.app.db.kysely.selectFrom('comments').select('status').where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending', 'nothing was decided');
    assert.equal((await f.app.comments.standing(bob.id)).standing.kind, 'good');
    // The navigation offers it to those who may use it.
    const nav = (html: string) => {
      const $ = parse(html);
      return $('.admin-nav a').map((_, el) => $(el).text()).get();
    };
    assert.ok(nav((await f.page(editor, '/admin/comments')).body).includes('Comments'));
    assert.ok(!nav((await f.page(contributor, '/admin/articles')).body).includes('Comments'));
  });
});
