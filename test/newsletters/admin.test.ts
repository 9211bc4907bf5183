/**
 * The newsletters admin: guarded (anonymous → sign-in, readers and contributors refused), the
 * seeded lists with their counts, create / rename / describe / archive with audit entries, bad
 * input refused with a 4xx and nothing changed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { engineName, startTestApp, type TestApp } from '../helpers/app.js';
import { parse, text } from '../helpers/html.js';
import { userWithSession } from '../helpers/newsroom.js';
import { get, listId, post, subscribe } from './support.js';

describe(`newsletters admin (${engineName()})`, () => {
  let app: TestApp;
  let editor: string;
  let contributor: string;
  let reader: string;
  const lists = () => app.db.kysely.selectFrom('newsletter_lists').select(['id', 'name', 'description', 'kind', 'archived_at']).orderBy('id').execute();

  before(async () => {
    app = await startTestApp();
    const cookie = async (email: string, role: 'editor' | 'contributor' | 'reader') => `scms_session=${(await userWithSession(app, { email, name: role, role })).token}`;
    editor = await cookie('ed@example.org', 'editor');
    contributor = await cookie('co@example.org', 'contributor');
    reader = await cookie('re@example.org', 'reader');
    await subscribe(app, 'one@example.org');
    await app.newsletters.subscribers.signUp({ email: 'two@example.org', listIds: [], userId: null, legal: { terms: null, privacy: null } });
  });
  after(() => app.destroy());

  it('refuses anonymous visitors (303 to sign-in), readers and contributors (403), for pages and actions', async () => {
    const routes: ['GET' | 'POST', string][] = [
      ['GET', '/admin/newsletters'],
      ['GET', '/admin/newsletters/briefing'],
      ['POST', '/admin/newsletters'],
      ['POST', '/admin/newsletters/1'],
      ['POST', '/admin/newsletters/1/archive'],
      ['POST', '/admin/newsletters/1/restore'],
      ['POST', '/admin/newsletters/briefing/send'],
      ['GET', '/admin/newsletters/briefing/preview.html'],
      ['GET', '/admin/newsletters/2/compose'],
      ['POST', '/admin/newsletters/2/send'],
    ];
    const before = await lists();
    for (const [method, url] of routes) {
      const call = (cookie?: string) => (method === 'GET' ? get(app, url, cookie) : post(app, url, { name: 'Hijacked', description: '', kind: 'manual' }, cookie ? { cookie } : {}));
      const anonymous = await call();
      assert.equal(anonymous.statusCode, 303, url);
      assert.match(String(anonymous.headers.location), /^\/admin\/sign-in/u);
      assert.equal((await call(reader)).statusCode, 303, `${url} (a reader is no staff)`);
      assert.equal((await call(contributor)).statusCode, 403, `${url} (contributor)`);
    }
    assert.deepEqual(await lists(), before);
  });

  it('shows the seeded lists with subscriber and pending counts', async () => {
    const page = await get(app, '/admin/newsletters', editor);
    assert.equal(page.statusCode, 200);
    const $ = parse(page.body);
    const rows = $('table.staff-table').first().find('tbody tr');
    const cells = rows.map((_, tr) => [$(tr).find('td').map((__, td) => $(td).text().replace(/\s+/gu, ' ').trim()).get().slice(0, 4)]).get() as unknown as string[][];
    assert.match(cells[0]?.[0] ?? '', /^Daily briefing/u);
    assert.deepEqual(cells[0]?.slice(1), ['Daily briefing', '1', '1']);
    assert.match(cells[1]?.[0] ?? '', /^Breaking news/u);
    assert.deepEqual(cells[1]?.slice(1), ['Sent by hand', '0', '0']);
    assert.equal($('.admin-nav a[href="/admin/newsletters"]').attr('aria-current'), 'page');
  });

  it('creates, renames, describes, archives and restores lists, each in the audit log', async () => {
    const created = await post(app, '/admin/newsletters', { name: '  Weekend   reads ', description: 'Long reads on Saturdays.', kind: 'manual' }, { cookie: editor });
    assert.equal(created.statusCode, 303);
    const id = await listId(app, 'Weekend reads');
    assert.equal((await post(app, `/admin/newsletters/${id}`, { name: 'Weekend long reads', description: 'The best of the week.' }, { cookie: editor })).statusCode, 303);
    assert.equal((await post(app, `/admin/newsletters/${id}/archive`, {}, { cookie: editor })).statusCode, 303);
    let row = (await lists()).find((l) => l.id === id);
    assert.equal(row?.name, 'Weekend long reads');
    assert.equal(row?.description, 'The best of the week.');
    assert.notEqual(row?.archived_at, null);
    // Archived lists are not offered to subscribers.
    assert.ok(!(await app.newsletters.lists.open()).some((l) => l.id === id));
    assert.equal((await post(app, `/admin/newsletters/${id}/restore`, {}, { cookie: editor })).statusCode, 303);
    row = (await lists()).find((l) => l.id === id);
    assert.equal(row?.archived_at, null);
    const audit = await app.audit.list({ subjectType: 'newsletter_list', subjectId: String(id) });
    assert.deepEqual(
      audit.map((e) => e.action).reverse(),
      ['newsletter.list.create', 'newsletter.list.update', 'newsletter.list.archive', 'newsletter.list.restore'],
    );
    assert.equal(audit.at(-1)?.actor.label, 'editor');
  });

  it('refuses bad input with a 4xx and a sentence, changing nothing', async () => {
    const before = await lists();
    const cases: [string, Record<string, string>, number, RegExp][] = [
      ['/admin/newsletters', { name: '', description: '', kind: 'manual' }, 400, /Give the list a name/u],
      ['/admin/newsletters', { name: 'x'.repeat(121), description: '', kind: 'manual' }, 400, /at most 120/u],
      ['/admin/newsletters', { name: 'Odd', description: '', kind: 'weekly' }, 400, /Choose the kind/u],
      ['/admin/newsletters/1', { name: ' ', description: '' }, 400, /Give the list a name/u],
      ['/admin/newsletters/999', { name: 'Ghost', description: '' }, 404, /no such list/u],
    ];
    for (const [url, form, status, message] of cases) {
      const response = await post(app, url, form, { cookie: editor });
      assert.equal(response.statusCode, status, `${url} ${JSON.stringify(form)}`);
      assert.match(text(response.body), message);
    }
    assert.equal((await post(app, '/admin/newsletters/abc/archive', {}, { cookie: editor })).statusCode, 404);
    assert.equal((await post(app, '/admin/newsletters/999/archive', {}, { cookie: editor })).statusCode, 404);
    assert.deepEqual(await lists(), before);
  });

  it('the briefing page says so when nothing was published today, and sending is refused', async () => {
    const page = await get(app, '/admin/newsletters/briefing', editor);
    assert.equal(page.statusCode, 200);
    assert.match(text(page.body), /nothing to send/u);
    const day = (await app.newsletters.briefings.build()).day;
    const send = await post(app, '/admin/newsletters/briefing/send', { day }, { cookie: editor });
    assert.equal(send.statusCode, 409);
    assert.match(text(send.body), /No articles were published/u);
    const stale = await post(app, '/admin/newsletters/briefing/send', { day: '1999-01-01' }, { cookie: editor });
    assert.equal(stale.statusCode, 409);
  });

  it('writes to a list sent by hand: every confirmed subscriber gets it once, escaped, with unsubscribe headers', async () => {
    const breaking = await listId(app, 'Breaking news');
    await subscribe(app, 'news@example.org', [String(breaking)], '10.3.0.1');
    const form = await get(app, `/admin/newsletters/${breaking}/compose`, editor);
    assert.equal(form.statusCode, 200);
    const sent = await post(app, `/admin/newsletters/${breaking}/send`, { subject: 'Storm warning', message: 'Stay indoors tonight.\n\n<script>alert(1)</script> is not markup.' }, { cookie: editor });
    assert.equal(sent.statusCode, 303);
    await app.jobs.runDue();
    await app.jobs.runDue();
    const mail = (await app.email.list({ to: 'news@example.org' })).filter((m) => m.category === 'newsletter.issue');
    assert.equal(mail.length, 1);
    assert.equal(mail[0]?.subject, 'Storm warning');
    assert.match(mail[0]?.text ?? '', /Stay indoors tonight\./u);
    assert.doesNotMatch(mail[0]?.html ?? '', /<script>/u);
    assert.match(mail[0]?.html ?? '', /&lt;script>|&lt;script&gt;/u);
    assert.match(mail[0]?.headers['List-Unsubscribe'] ?? '', new RegExp(`&list=${breaking}>$`, 'u'));
    assert.equal((await app.email.list({ to: 'one@example.org' })).filter((m) => m.category === 'newsletter.issue').length, 0, 'not to other lists');
    const audit = await app.audit.list({ subjectType: 'newsletter_send' });
    assert.equal(audit[0]?.action, 'newsletter.send');
  });

  it('refuses a bad hand-written issue (400) and lists that cannot be written to (404), sending nothing', async () => {
    const breaking = await listId(app, 'Breaking news');
    const briefing = await listId(app, 'Daily briefing');
    const sends = async () => (await app.db.kysely.selectFrom('newsletter_sends').select('id').execute()).length;
    const before = await sends();
    for (const [form, message] of [
      [{ subject: '', message: 'Body' }, /Write a subject/u],
      [{ subject: 'Hi\r\nBcc: x@y.com', message: 'Body' }, /one line/u],
      [{ subject: 'Hi', message: '   ' }, /Write the message/u],
    ] as const) {
      const response = await post(app, `/admin/newsletters/${breaking}/send`, form, { cookie: editor });
      assert.equal(response.statusCode, 400, JSON.stringify(form));
      assert.match(text(response.body), message);
    }
    assert.equal((await post(app, `/admin/newsletters/${briefing}/send`, { subject: 'Hi', message: 'Body' }, { cookie: editor })).statusCode, 404);
    assert.equal((await post(app, '/admin/newsletters/999/send', { subject: 'Hi', message: 'Body' }, { cookie: editor })).statusCode, 404);
    assert.equal((await get(app, `/admin/newsletters/${briefing}/compose`, editor)).statusCode, 404);
    assert.equal(await sends(), before);
  });
});
