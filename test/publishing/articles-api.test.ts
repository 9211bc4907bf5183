import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { doc, START, startNewsroom, type Newsroom } from '../helpers/newsroom.js';

describe('articles Admin API', () => {
  let n: Newsroom;
  before(async () => {
    n = await startNewsroom();
  });
  after(() => n.app.destroy());

  it('creates an article: 201 with id, slug, status, url and a Location header', async () => {
    const response = await n.api('editor', 'POST', '/api/admin/articles', {
      headline: 'Council approves the budget',
      standfirst: 'A close vote.',
      section: 'news',
      tags: ['budget', 'council'],
      authors: ['rita', { slug: 'sam', role: 'Photographs by' }],
      dateline: 'Lyon',
      body: doc('The council voted.', 'It was close.'),
      status: 'published',
      seoTitle: 'Budget approved',
      socialTitle: 'The budget passed',
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(response.json, { id: response.json.id, slug: 'council-approves-the-budget', status: 'published', url: 'http://localhost:3000/news/council-approves-the-budget' });
    assert.equal(response.headers.location, `/api/admin/articles/${response.json.id}`);

    const view = (await n.api('editor', 'GET', `/api/admin/articles/${response.json.id}`)).json;
    assert.equal(view.headline, 'Council approves the budget');
    assert.deepEqual(view.section, { slug: 'news', name: 'News' });
    assert.deepEqual(view.authors, [
      { slug: 'rita', name: 'Rita Reporter', role: null },
      { slug: 'sam', name: 'Sam Snapper', role: 'Photographs by' },
    ]);
    assert.deepEqual(view.tags, ['budget', 'council']);
    assert.equal(view.dateline, 'Lyon');
    assert.equal(view.socialTitle, 'The budget passed');
    assert.equal(view.publishedAt, new Date(START).toISOString(), 'published_at comes from the injectable clock');
    assert.equal(view.wordCount, 6);
    assert.equal(view.readingMinutes, 1);
    assert.deepEqual(view.createdBy, { name: 'Ana Editor' });
    assert.equal(view.lock, null);
    assert.equal(typeof view.modifiedAt, 'number');

    const page = await n.app.http.inject({ url: '/news/council-approves-the-budget' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The council voted\./u);
  });

  it('answers 400 naming the field for each validation problem', async () => {
    const base = { headline: 'Valid', section: 'news', authors: ['rita'], status: 'draft' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, headline: '' }, 'headline'],
      [{ ...base, headline: 'x'.repeat(301) }, 'headline'],
      [{ ...base, section: 'nowhere' }, 'section'],
      [{ ...base, authors: ['nobody'] }, 'authors'],
      [{ ...base, authors: [] }, 'authors'],
      [{ ...base, slug: 'Not A Slug' }, 'slug'],
      [{ ...base, body: { type: 'doc', content: [{ type: 'script' }] } }, 'body'],
      [{ ...base, html: '<p>a</p>', body: doc('b') }, 'body'],
      [{ ...base, status: 'unpublished' }, 'status'],
      [{ ...base, status: 'scheduled' }, 'publishAt'],
      [{ ...base, status: 'scheduled', publishAt: '2026-12-01T08:00:00Z' }, 'publishAt'],
      [{ ...base, publishAt: 'next tuesday' }, 'publishAt'],
      [{ ...base, publishAt: '2026-12-01T10:00:00' }, 'publishAt'],
      [{ ...base, heroImage: 999 }, 'heroImage'],
      [{ ...base, body: { type: 'doc', content: [{ type: 'image', attrs: { mediaId: 999 } }] } }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const response = await n.api('editor', 'POST', '/api/admin/articles', payload);
      assert.equal(response.statusCode, 400, `${JSON.stringify(payload).slice(0, 120)} → ${response.body}`);
      assert.equal(response.json.field, field, response.body);
      assert.equal(typeof response.json.error, 'string');
    }
    const missing = await n.api('editor', 'POST', '/api/admin/articles', { section: 'news', authors: ['rita'] });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json.field, 'headline');
  });

  it('accepts dates as ISO 8601 with an offset or as epoch ms', async () => {
    const iso = await n.create('editor', { headline: 'Iso dated', embargoUntil: '2026-12-02T10:00:00+01:00' });
    assert.equal((await n.api('editor', 'GET', `/api/admin/articles/${iso}`)).json.embargoUntil, '2026-12-02T09:00:00.000Z');
    const ms = await n.create('editor', { headline: 'Ms dated', embargoUntil: START + 3_600_000 });
    assert.equal((await n.api('editor', 'GET', `/api/admin/articles/${ms}`)).json.embargoUntil, new Date(START + 3_600_000).toISOString());
  });

  it('clears optional fields with null (never coerced to 0 or an empty string)', async () => {
    const hero = await n.image('A described picture');
    const id = await n.create('editor', { headline: 'Nullable', heroImage: hero, dateline: 'Paris', seoTitle: 'SEO', publishAt: START + 86_400_000 });
    const cleared = await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { heroImage: null, dateline: null, seoTitle: null, publishAt: null });
    assert.equal(cleared.statusCode, 200, cleared.body);
    assert.equal(cleared.json.heroImage, null);
    assert.equal(cleared.json.dateline, null);
    assert.equal(cleared.json.seoTitle, null);
    assert.equal(cleared.json.publishAt, null);
  });

  it('refuses html over 1 MB with 413', async () => {
    const response = await n.api('editor', 'POST', '/api/admin/articles', { headline: 'Huge', section: 'news', authors: ['rita'], html: `<p>${'a'.repeat(1024 * 1024 + 10)}</p>` });
    assert.equal(response.statusCode, 413, response.body);
    assert.equal(response.json.field, 'html');
  });

  it('lists newest modified first with filters and an opaque keyset cursor; contributors see only their own', async () => {
    const mine = await n.create('contributor', { headline: 'Contributor draft about rivers' });
    await n.create('contributor2', { headline: 'Other contributor draft' });
    n.clock.t += 1000;
    await n.create('editor', { headline: 'Sport story about rivers', section: 'sport', authors: ['sam'] });

    const own = (await n.api('contributor', 'GET', '/api/admin/articles')).json;
    assert.deepEqual(own.items.map((i: { id: number }) => i.id), [mine]);

    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { statusCode: number; json: { items: { headline: string; modifiedAt: number }[]; nextCursor: string | null } } = await n.api('editor', 'GET', `/api/admin/articles?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(page.statusCode, 200);
      assert.ok(page.json.items.length <= 2);
      all.push(...page.json.items.map((i) => i.headline));
      cursor = page.json.nextCursor;
    } while (cursor);
    const everything = (await n.api('editor', 'GET', '/api/admin/articles?limit=100')).json.items;
    assert.deepEqual(all, everything.map((i: { headline: string }) => i.headline), 'pages add up to the whole list, without repeats');
    assert.equal(all[0], 'Sport story about rivers', 'newest modified first');
    for (let i = 1; i < everything.length; i++) assert.ok(everything[i - 1].modifiedAt >= everything[i].modifiedAt);

    const bySection = (await n.api('editor', 'GET', '/api/admin/articles?section=sport')).json.items;
    assert.deepEqual(bySection.map((i: { headline: string }) => i.headline), ['Sport story about rivers']);
    const byAuthor = (await n.api('editor', 'GET', '/api/admin/articles?author=sam')).json.items;
    assert.ok(byAuthor.every((i: { authors: { slug: string }[] }) => i.authors.some((a) => a.slug === 'sam')));
    const search = (await n.api('editor', 'GET', '/api/admin/articles?q=RIVERS')).json.items;
    assert.deepEqual(search.map((i: { headline: string }) => i.headline).sort(), ['Contributor draft about rivers', 'Sport story about rivers']);
    const percent = (await n.api('editor', 'GET', '/api/admin/articles?q=%25')).json.items;
    assert.equal(percent.length, 0, '% is a character, not a wildcard');
    const published = (await n.api('editor', 'GET', '/api/admin/articles?status=published')).json.items;
    assert.ok(published.length >= 1 && published.every((i: { status: string }) => i.status === 'published'));

    const tampered = await n.api('editor', 'GET', '/api/admin/articles?cursor=abc.def');
    assert.equal(tampered.statusCode, 400);
    assert.equal(tampered.json.field, 'cursor');
    assert.equal((await n.api('editor', 'GET', '/api/admin/articles?limit=101')).statusCode, 400);
  });

  it("hides someone else's article from contributors and authors with 404, not 403", async () => {
    const editors = await n.create('editor', { headline: 'Desk story' });
    const contributors = await n.create('contributor2', { headline: 'Carl draft' });
    for (const who of ['contributor', 'author'] as const) {
      for (const id of [editors, contributors]) {
        assert.equal((await n.api(who, 'GET', `/api/admin/articles/${id}`)).statusCode, 404);
        assert.equal((await n.api(who, 'PATCH', `/api/admin/articles/${id}`, { headline: 'Mine now' })).statusCode, 404);
        assert.equal((await n.api(who, 'GET', `/api/admin/articles/${id}/revisions`)).statusCode, 404);
        assert.equal((await n.api(who, 'POST', `/api/admin/articles/${id}/preview-link`)).statusCode, 404);
      }
    }
    // Publishing someone else's article as an author: the article does not exist for them.
    assert.equal((await n.api('author', 'PATCH', `/api/admin/articles/${editors}`, { status: 'published' })).statusCode, 404);
    assert.equal((await n.api('author', 'GET', '/api/admin/articles/999999')).statusCode, 404);
    // An author linked to a byline sees the article as their own.
    await n.app.db.kysely.updateTable('authors').set({ user_id: n.userIds.author2 }).where('slug', '=', 'sam').execute();
    const bylined = await n.create('editor', { headline: 'Otto byline', authors: ['sam'] });
    assert.equal((await n.api('author2', 'GET', `/api/admin/articles/${bylined}`)).statusCode, 200);
  });

  it('answers 403 when the role is too low', async () => {
    const draft = await n.create('contributor', { headline: 'Cleo wants to publish' });
    const publish = await n.api('contributor', 'PATCH', `/api/admin/articles/${draft}`, { status: 'published' });
    assert.equal(publish.statusCode, 403, publish.body);
    assert.equal(typeof publish.json.error, 'string');
    const created = await n.api('contributor', 'POST', '/api/admin/articles', { headline: 'Straight out', section: 'news', authors: ['rita'], status: 'published' });
    assert.equal(created.statusCode, 403);
    assert.equal((await n.api('contributor', 'PATCH', `/api/admin/articles/${draft}`, { status: 'scheduled', publishAt: START + 86_400_000 })).statusCode, 403);
    // A contributor submits for review, and then the article is the desk's.
    assert.equal((await n.api('contributor', 'PATCH', `/api/admin/articles/${draft}`, { status: 'review' })).statusCode, 200);
    assert.equal((await n.api('contributor', 'PATCH', `/api/admin/articles/${draft}`, { headline: 'Sneaky edit' })).statusCode, 403);
    // Deleting and corrections are editors' work, raw HTML too.
    const authors = await n.create('author', { headline: 'Tess story' });
    assert.equal((await n.api('author', 'DELETE', `/api/admin/articles/${authors}`)).statusCode, 403);
    assert.equal((await n.api('author', 'POST', `/api/admin/articles/${authors}/notes`, { kind: 'correction', body: 'Fixed.' })).statusCode, 403);
    const raw = { type: 'doc', content: [{ type: 'rawHtml', attrs: { html: '<b>x</b>' } }] };
    assert.equal((await n.api('author', 'PATCH', `/api/admin/articles/${authors}`, { body: raw })).statusCode, 403);
    assert.equal((await n.api('author', 'POST', '/api/admin/articles', { headline: 'Raw', section: 'news', authors: ['rita'], body: raw })).statusCode, 403);
    // An author may publish their own.
    assert.equal((await n.api('author', 'PATCH', `/api/admin/articles/${authors}`, { status: 'published' })).statusCode, 200);
    // Signed out: 401.
    assert.equal((await n.app.http.inject({ method: 'GET', url: '/api/admin/articles' })).statusCode, 401);
  });

  it('lets authors keep an editor’s raw HTML block when they edit around it', async () => {
    const raw = { type: 'rawHtml', attrs: { html: '<div>chart</div>', height: 200 } };
    await n.app.db.kysely.updateTable('authors').set({ user_id: n.userIds.author }).where('slug', '=', 'rita').execute();
    const id = await n.create('editor', { headline: 'With a chart', body: { type: 'doc', content: [raw] } });
    const edited = await n.api('author', 'PATCH', `/api/admin/articles/${id}`, { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Intro.' }] }, raw] } });
    assert.equal(edited.statusCode, 200, edited.body);
    const changed = await n.api('author', 'PATCH', `/api/admin/articles/${id}`, { body: { type: 'doc', content: [{ ...raw, attrs: { html: '<script>x</script>' } }] } });
    assert.equal(changed.statusCode, 403);
    await n.app.db.kysely.updateTable('authors').set({ user_id: null }).where('slug', '=', 'rita').execute();
  });

  it('answers 409 on a stale expectedModifiedAt', async () => {
    const id = await n.create('editor', { headline: 'Two editors' });
    const seen = (await n.api('editor', 'GET', `/api/admin/articles/${id}`)).json.modifiedAt;
    const first = await n.api('editor', 'PATCH', `/api/admin/articles/${id}`, { standfirst: 'First save', expectedModifiedAt: seen });
    assert.equal(first.statusCode, 200);
    assert.ok(first.json.modifiedAt > seen, 'the token moves even when the clock does not');
    const stale = await n.api('key', 'PATCH', `/api/admin/articles/${id}`, { standfirst: 'Second save', expectedModifiedAt: seen });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json.field, 'expectedModifiedAt');
    assert.equal((await n.api('editor', 'GET', `/api/admin/articles/${id}`)).json.standfirst, 'First save');
  });

  it('deletes an article: 204, purged from the site, article.unpublished emitted, audited', async () => {
    const events: string[] = [];
    n.app.articleEvents.on((e) => void events.push(`${e.type}:${e.articleId}`));
    const created = await n.api('editor', 'POST', '/api/admin/articles', { headline: 'Gone soon', section: 'news', authors: ['rita'], body: doc('Short-lived.'), status: 'published' });
    const id = created.json.id as number;
    assert.equal((await n.app.http.inject({ url: '/news/gone-soon' })).statusCode, 200);
    const deleted = await n.api('editor', 'DELETE', `/api/admin/articles/${id}`);
    assert.equal(deleted.statusCode, 204);
    assert.equal((await n.app.http.inject({ url: '/news/gone-soon' })).statusCode, 404, 'the cached page was purged');
    assert.equal((await n.api('editor', 'GET', `/api/admin/articles/${id}`)).statusCode, 404);
    assert.deepEqual(events.filter((e) => e.endsWith(`:${id}`)), [`article.published:${id}`, `article.unpublished:${id}`]);
    const audit = await n.app.audit.list({ subjectType: 'article', subjectId: String(id) });
    assert.deepEqual(audit.map((a) => a.action).reverse(), ['article.create', 'article.publish', 'article.delete']);
  });

  it('adds corrections: 201 note, shown on the article, dateModified moves, audited', async () => {
    const created = await n.api('editor', 'POST', '/api/admin/articles', { headline: 'Needs a fix', section: 'news', authors: ['rita'], body: doc('Teh text.'), status: 'published' });
    const id = created.json.id as number;
    await n.app.http.inject({ url: '/news/needs-a-fix' }); // cached
    n.clock.t += 60_000;
    const note = await n.api('editor', 'POST', `/api/admin/articles/${id}/notes`, { kind: 'correction', body: 'An earlier version misspelt "the".' });
    assert.equal(note.statusCode, 201, note.body);
    assert.equal(note.json.kind, 'correction');
    assert.equal(note.json.at, new Date(n.clock.t).toISOString());
    const view = (await n.api('editor', 'GET', `/api/admin/articles/${id}`)).json;
    assert.equal(view.notes.length, 1);
    assert.equal(view.updatedAt, new Date(n.clock.t).toISOString());
    const page = await n.app.http.inject({ url: '/news/needs-a-fix' });
    assert.match(page.body, /misspelt/u);
    assert.equal((await n.api('editor', 'POST', `/api/admin/articles/${id}/notes`, { kind: 'gossip', body: 'x' })).statusCode, 400);
    const audit = await n.app.audit.list({ subjectType: 'article', subjectId: String(id) });
    assert.equal(audit[0]?.action, 'article.note');
  });

  it('creates articles with an API key, which owns them', async () => {
    const response = await n.api('key', 'POST', '/api/admin/articles', { headline: 'From the wire', section: 'news', authors: ['rita'], html: '<p>Wire <b>copy</b>.</p>', status: 'review' });
    assert.equal(response.statusCode, 201, response.body);
    const view = (await n.api('key', 'GET', `/api/admin/articles/${response.json.id}`)).json;
    assert.deepEqual(view.createdBy, { name: 'API key "Importer"' });
    assert.deepEqual(view.body.content[0].content, [
      { type: 'text', text: 'Wire ' },
      { type: 'text', text: 'copy', marks: [{ type: 'bold' }] },
      { type: 'text', text: '.' },
    ]);
  });
});
