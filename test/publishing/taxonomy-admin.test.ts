import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse, text } from '../helpers/html.js';
import { browser, publishArticle, sessionFor } from './taxonomy-fixtures.js';

describe('admin pages: sections, tags, authors, pages, redirects', () => {
  let app: TestApp;
  let editor: ReturnType<typeof browser>;
  before(async () => {
    app = await startTestApp();
    editor = browser(app, await sessionFor(app, 'editor', 'eddie@example.org'));
  });
  after(() => app.destroy());

  it('sends strangers to sign in and refuses contributors', async () => {
    const contributor = browser(app, await sessionFor(app, 'contributor', 'connie@example.org'));
    for (const path of ['/admin/sections', '/admin/tags', '/admin/authors', '/admin/pages', '/admin/redirects']) {
      const anonymous = await browser(app).get(path);
      assert.equal(anonymous.statusCode, 303, path);
      assert.equal(anonymous.headers.location, `/admin/sign-in?return=${encodeURIComponent(path)}`);
      assert.equal((await contributor.get(path)).statusCode, 403, path);
      assert.equal((await contributor.post(path, { name: 'X', slug: 'x', from: '/x', to: '/y', title: 'X', body: 'x' })).statusCode, 403, path);
    }
    assert.equal((await app.db.kysely.selectFrom('sections').select('id').execute()).length, 0);
  });

  it('creates, edits and deletes a section through the forms', async () => {
    const list = await editor.get('/admin/sections');
    assert.equal(list.statusCode, 200);
    const $ = parse(list.body);
    assert.equal($('.admin-nav a[aria-current=page]').text(), 'Sections');
    assert.match(list.body, /No sections yet/u);
    assert.doesNotMatch(list.body, /<script/u);

    const created = await editor.post('/admin/sections', { name: 'Business', slug: 'business', description: 'Money', position: '2' });
    assert.equal(created.statusCode, 303);
    const location = String(created.headers.location);
    assert.match(location, /^\/admin\/sections\/\d+\?done=created$/u);
    const editUrl = location.split('?')[0] ?? '';
    const edit = await editor.get(location);
    assert.match(text(edit.body), /Created\./u);
    assert.equal(parse(edit.body)('input[name=slug]').val(), 'business');

    const bad = await editor.post('/admin/sections', { name: 'Sports <b>', slug: 'Bad Slug!', description: 'kept', position: '1' });
    assert.equal(bad.statusCode, 400);
    const $bad = parse(bad.body);
    assert.match($bad('.form-problem').text(), /A slug is lower-case letters/u);
    assert.equal($bad('#new-slug').attr('aria-invalid'), 'true');
    assert.equal($bad('#new-name').val(), 'Sports <b>', 'typed values are kept');
    assert.equal($bad('#new-slug').val(), 'Bad Slug!');
    assert.doesNotMatch(bad.body, /Sports <b>/u, 'and escaped');
    const notNumber = await editor.post('/admin/sections', { name: 'Odd', slug: 'odd', position: 'first' });
    assert.equal(notNumber.statusCode, 400);
    assert.match(text(notNumber.body), /position must be a whole number/u);
    const duplicate = await editor.post('/admin/sections', { name: 'Business again', slug: 'business' });
    assert.equal(duplicate.statusCode, 409);

    const saved = await editor.post(editUrl, { name: 'Business & Money', slug: 'business', description: 'Money', position: '2' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${editUrl}?done=saved`);
    assert.match(text((await editor.get('/admin/sections')).body), /Business & Money/u);
    const badEdit = await editor.post(editUrl, { name: '', slug: 'business', description: 'Changed text', position: '2' });
    assert.equal(badEdit.statusCode, 400);
    assert.match(parse(badEdit.body)('.form-problem').text(), /The name is empty/u);
    assert.equal(parse(badEdit.body)('textarea[name=description]').text(), 'Changed text');

    await publishArticle(app, 'business', 'Markets rally');
    const confirm = await editor.get(`${editUrl}/delete`);
    assert.equal(confirm.statusCode, 200);
    assert.equal(parse(confirm.body)(`form[action="${editUrl}/delete"] input[name=confirm]`).val(), 'yes');
    const refused = await editor.post(`${editUrl}/delete`, { confirm: 'yes' });
    assert.equal(refused.statusCode, 409);
    assert.match(parse(refused.body)('.form-problem').text(), /still has 1 article/u);

    const spare = String((await editor.post('/admin/sections', { name: 'Spare', slug: 'spare' })).headers.location).split('?')[0] ?? '';
    const unconfirmed = await editor.post(`${spare}/delete`, {});
    assert.equal(unconfirmed.statusCode, 303);
    assert.equal(unconfirmed.headers.location, `${spare}/delete`, 'a bare POST only asks');
    const deleted = await editor.post(`${spare}/delete`, { confirm: 'yes' });
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/admin/sections?done=deleted');
    assert.equal((await editor.get(spare)).statusCode, 404);
  });

  it('edits tags and authors, with links and a linked staff user', async () => {
    const tag = await editor.post('/admin/tags', { name: 'Elections', slug: 'elections' });
    assert.equal(tag.statusCode, 303);
    assert.equal(parse((await editor.get('/admin/tags')).body)('.admin-nav a[aria-current=page]').text(), 'Tags');

    const user = await app.db.kysely.selectFrom('users').select('id').where('email', '=', 'eddie@example.org').executeTakeFirstOrThrow();
    const form = await editor.get('/admin/authors');
    assert.equal(parse(form.body)(`select[name=userId] option[value="${user.id}"]`).length, 1, 'staff users are offered');
    const created = await editor.post('/admin/authors', {
      name: 'Eddie Editor',
      slug: 'eddie',
      title: 'Editor',
      bio: 'Edits.',
      photoMediaId: '',
      links: 'Website | https://eddie.example\nMastodon | https://social.example/@eddie',
      userId: String(user.id),
    });
    assert.equal(created.statusCode, 303);
    const author = await app.db.kysely.selectFrom('authors').selectAll().where('slug', '=', 'eddie').executeTakeFirstOrThrow();
    assert.equal(author.user_id, user.id);
    assert.deepEqual(JSON.parse(author.links), [
      { label: 'Website', url: 'https://eddie.example' },
      { label: 'Mastodon', url: 'https://social.example/@eddie' },
    ]);
    const edit = parse((await editor.get(String(created.headers.location))).body);
    assert.equal(edit('textarea[name=links]').text(), 'Website | https://eddie.example\nMastodon | https://social.example/@eddie');
    assert.equal(edit(`select[name=userId] option[value="${user.id}"]`).attr('selected'), 'selected');

    const bad = await editor.post('/admin/authors', { name: 'Mal', slug: 'mal', links: 'Home | javascript:alert(1)' });
    assert.equal(bad.statusCode, 400);
    assert.match(parse(bad.body)('.form-problem').text(), /must be a full http:\/\/ or https:\/\/ address/u);
    assert.equal(parse(bad.body)('#new-links').text(), 'Home | javascript:alert(1)');
    const noBar = await editor.post('/admin/authors', { name: 'Mal', slug: 'mal', links: 'https://x.example' });
    assert.match(text(noBar.body), /Label \| https:\/\/address/u);
  });

  it('edits a page, lists its versions, shows one and restores it', async () => {
    const created = await editor.post('/admin/pages', { title: 'Terms of Use', slug: 'terms', format: 'paragraphs', body: 'First rule.\n\nSecond rule.' });
    assert.equal(created.statusCode, 303);
    const editUrl = String(created.headers.location).split('?')[0] ?? '';
    assert.match(await (await app.http.inject({ method: 'GET', url: '/terms' })).body, /Second rule\./u);

    const saved = await editor.post(editUrl, { title: 'Terms of Use', slug: 'terms', format: 'paragraphs', body: 'Only rule.' });
    assert.equal(saved.statusCode, 303);
    const page = await editor.get(editUrl);
    const $ = parse(page.body);
    assert.equal($('.admin-nav a[aria-current=page]').text(), 'Pages');
    assert.equal($('textarea[name=body]').text(), 'Only rule.');
    assert.match(text(page.body), /This is version 2/u);
    assert.equal($('a[href$="/versions/1"]').text(), 'View version 1');
    assert.equal($(`form[action="${editUrl}/versions/1/restore"]`).length, 1);

    const view = await editor.get(`${editUrl}/versions/1`);
    assert.equal(view.statusCode, 200);
    assert.match(view.body, /<p>First rule\.<\/p>/u);
    assert.equal((await editor.get(`${editUrl}/versions/9`)).statusCode, 404);

    const restored = await editor.post(`${editUrl}/versions/1/restore`, {});
    assert.equal(restored.statusCode, 303);
    assert.equal(restored.headers.location, `${editUrl}?done=restored`);
    const after = await editor.get(String(restored.headers.location));
    assert.match(text(after.body), /This is version 3/u);
    assert.match(text((await app.http.inject({ method: 'GET', url: '/terms' })).body), /First rule\. Second rule\./u);

    const json = await editor.post(editUrl, { title: 'Terms of Use', slug: 'terms', format: 'json', body: '{"type":"doc","content":[{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Rules"}]}]}' });
    assert.equal(json.statusCode, 303);
    assert.equal(parse((await editor.get(editUrl)).body)('select[name=format] option[selected]').val(), 'json', 'a heading needs the JSON form');
    const broken = await editor.post(editUrl, { title: 'Terms of Use', slug: 'terms', format: 'json', body: '{"type":"doc",' });
    assert.equal(broken.statusCode, 400);
    assert.match(parse(broken.body)('.form-problem').text(), /not valid JSON/u);
    assert.equal(parse(broken.body)('textarea[name=body]').text(), '{"type":"doc",');
  });

  it('manages redirects through the forms', async () => {
    const created = await editor.post('/admin/redirects', { from: '/old-terms', to: '/terms', status: '301' });
    assert.equal(created.statusCode, 303);
    const followed = await app.http.inject({ method: 'GET', url: '/old-terms' });
    assert.equal(followed.statusCode, 301);
    assert.equal(followed.headers.location, '/terms');
    const list = await editor.get('/admin/redirects');
    assert.equal(parse(list.body)('.admin-nav a[aria-current=page]').text(), 'Redirects');
    const $list = parse(list.body);
    const cells = $list('.taxonomy-table tbody tr').first().find('td').map((_, td) => $list(td).text()).get();
    assert.deepEqual(cells.slice(0, 4), ['/old-terms', '/terms', '301', '1'], 'the hit is counted');

    const live = await editor.post('/admin/redirects', { from: '/terms', to: '/elsewhere', status: '301' });
    assert.equal(live.statusCode, 409);
    assert.match(parse(live.body)('.form-problem').text(), /the page “Terms of Use”/u);
    assert.equal(parse(live.body)('#new-to').val(), '/elsewhere');
    const loop = await editor.post('/admin/redirects', { from: '/x', to: '/x', status: '302' });
    assert.equal(loop.statusCode, 400);
    assert.equal(parse(loop.body)('#new-status option[selected]').val(), '302');
  });
});
