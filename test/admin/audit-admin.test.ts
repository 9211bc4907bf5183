import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import { callerWithCookie, startNewsroom, type Caller } from '../helpers/newsroom.js';

describe('audit log admin', () => {
  let app: TestApp;
  let editor: Caller & { id: number };
  let author: Caller;
  before(async () => {
    const n = await startNewsroom({ sections: {}, authors: {}, people: { editor: 'editor', author: 'author' } });
    app = n.app;
    editor = n.as('editor');
    author = n.as('author');
    for (let i = 1; i <= 60; i++) await app.audit.record({ userId: editor.id, label: 'Editor <Person>' }, 'article.publish', { type: 'article', id: i }, { slug: `story-${i}` });
    await app.audit.record({ userId: null, label: 'scheduler' }, 'article.unpublish', { type: 'article', id: 7 });
  });
  after(() => app.destroy());

  it('pages the log newest first by cursor, with filters', async () => {
    const first = await editor.api('GET', '/api/admin/audit?limit=40');
    assert.equal(first.statusCode, 200);
    const page = first.json<{ items: { id: number; action: string; actor: { label: string } }[]; nextBefore: number | null }>();
    assert.equal(page.items.length, 40);
    assert.equal(page.items[0]?.action, 'article.unpublish');
    assert.ok(page.nextBefore);
    const second = (await editor.api('GET', `/api/admin/audit?limit=40&before=${page.nextBefore}`)).json<{ items: { id: number }[]; nextBefore: number | null }>();
    assert.equal(second.items.length, 21);
    assert.equal(second.nextBefore, null);
    assert.ok(second.items.every((e) => e.id < (page.nextBefore as number)));
    const seven = (await editor.api('GET', '/api/admin/audit?subjectType=article&subjectId=7')).json<{ items: { action: string }[] }>();
    assert.deepEqual(seven.items.map((e) => e.action), ['article.unpublish', 'article.publish']);
    const byEditor = (await editor.api('GET', `/api/admin/audit?actor=${editor.id}&limit=100`)).json<{ items: unknown[] }>();
    assert.equal(byEditor.items.length, 60);
    const bad = await editor.api('GET', '/api/admin/audit?before=soon');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ field: string }>().field, 'before');
  });

  it('shows who, what, when and the subject on the audit page, with a link to older entries', async () => {
    const response = await editor.get('/admin/audit');
    assert.equal(response.statusCode, 200);
    const $ = parse(response.body);
    const rows = $('tbody tr');
    assert.equal(rows.length, 50);
    const top = rows.first().find('td');
    assert.match(top.eq(0).text(), /\d{4}-\d\d-\d\d \d\d:\d\d UTC/u);
    assert.equal(top.eq(1).text(), 'scheduler');
    assert.equal(top.eq(2).text(), 'article.unpublish');
    assert.equal(top.eq(3).find('a').attr('href'), '/admin/articles/7');
    assert.match(response.body, /Editor &lt;Person>/u, 'escaped');
    const older = $('a[rel=next]').attr('href') ?? '';
    assert.match(older, /^\/admin\/audit\?before=\d+$/u);
    const next = parse((await editor.get(older)).body);
    assert.equal(next('tbody tr').length, 11);
    assert.equal(next('a[rel=next]').length, 0);
    const filtered = parse((await editor.get('/admin/audit?subjectType=article&subjectId=7')).body);
    assert.equal(filtered('tbody tr').length, 2);
  });

  it('is for editors and admins', async () => {
    assert.equal((await author.api('GET', '/api/admin/audit')).statusCode, 403);
    assert.equal((await author.get('/admin/audit')).statusCode, 403);
    const anonymous = callerWithCookie(app, '');
    assert.equal((await anonymous.api('GET', '/api/admin/audit')).statusCode, 401);
    assert.equal((await anonymous.get('/admin/audit')).statusCode, 303);
  });
});
