import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';

describe('front, section, tag, author and search pages', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ seed: true });
  });
  after(() => app.destroy());

  const get = (url: string) => app.http.inject({ method: 'GET', url });

  it('the front shows the lead story, the latest and a block per section', async () => {
    const [lead] = await app.queries.latest(1);
    const $ = parse((await get('/')).body);
    assert.equal($('.front-lead .card-headline').text(), lead?.headline);
    assert.ok($('.front-latest li').length >= 3);
    const sections = await app.queries.sections();
    assert.ok(sections.length >= 3);
    for (const s of sections) assert.equal($(`.section-block h2 a[href="/${s.slug}"]`).length, 1, s.slug);
    assert.equal($('header form[role="search"] input[name="q"]').length, 1, 'search box in the header');
    assert.equal($('nav.sections-nav a').length, sections.length + 1);
  });

  it('a section page lists only its stories, paginated', async () => {
    const sections = await app.queries.sections();
    const section = sections[0]!;
    await app.settings.update({ pageSize: 5 });
    const first = parse((await get(`/${section.slug}`)).body);
    assert.equal(first('h1').text(), section.name);
    const total = (await app.queries.list({ sectionId: section.id }, 1, 5)).total;
    assert.ok(total >= 3);
    const links = first('.listing .card-headline a').map((_, el) => first(el).attr('href')).get();
    assert.ok(links.length > 0 && links.length <= 5);
    for (const href of links) assert.ok(href.startsWith(`/${section.slug}/`), href);
    if (total > 5) {
      assert.equal(first('.pagination a[rel="next"]').attr('href'), `/${section.slug}?page=2`);
      const second = parse((await get(`/${section.slug}?page=2`)).body);
      assert.equal(second('link[rel="canonical"]').attr('href'), `http://localhost:3000/${section.slug}?page=2`);
    }
    assert.equal(first('link[rel="alternate"][href$="/rss.xml"][href*="/section/"]').length, 1);
  });

  it('an author page shows bio, photo and their articles', async () => {
    const [author] = await app.queries.authors();
    assert.ok(author);
    const $ = parse((await get(`/author/${author.slug}`)).body);
    assert.equal($('h1').text(), author.name);
    assert.equal($('.author-bio').text(), author.bio);
    assert.ok($('.author-photo img').attr('src'));
    const mine = await app.queries.list({ authorId: author.id }, 1, 100);
    assert.equal($('.listing .card').length, Math.min(mine.total, app.settings.get().pageSize));
  });

  it('a tag page lists tagged stories', async () => {
    const [card] = await app.queries.latest(1);
    const article = await app.queries.articleById(card!.id);
    const tag = article!.tags[0]!;
    const $ = parse((await get(`/tag/${tag.slug}`)).body);
    assert.equal($('h1').text(), tag.name);
    assert.ok($(`.listing a[href="${article!.path}"]`).length >= 1);
  });

  it('search ranks headline matches first and highlights the words', async () => {
    const [card] = await app.queries.latest(1);
    const word = card!.headline.split(/\s+/u).find((w) => w.length >= 6)!.replace(/[^\p{L}]/gu, '');
    const res = await get(`/search?q=${encodeURIComponent(word)}`);
    assert.equal(res.statusCode, 200);
    const $ = parse(res.body);
    assert.ok($('.search-result').length >= 1);
    assert.ok($('.search-result mark').length >= 1, 'matches are highlighted');
    assert.match($('.search-result mark').first().text().toLowerCase(), new RegExp(word.toLowerCase().slice(0, 4), 'u'));
    assert.equal($('#site-search').attr('value'), word, 'the query stays in the box');
    assert.match($('.search-count').text(), /found/u);
    const none = parse((await get('/search?q=zzzyyyxxx')).body);
    assert.match(none('.search-count').text(), /No stories matched/u);
  });

  it('search results never render stored markup', async () => {
    const section = (await app.queries.sections())[0]!;
    const [author] = await app.queries.authors();
    await app.publishing.createArticle({
      headline: 'Quokka <img src=x onerror=alert(1)> parade',
      sectionSlug: section.slug,
      authors: [{ slug: author!.slug }],
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The quokka <script>alert(2)</script> marched.' }] }] },
      status: 'published',
    });
    const res = await get('/search?q=quokka');
    assert.doesNotMatch(res.body, /<img src=x/u);
    assert.doesNotMatch(res.body, /<script>alert/u);
    assert.match(res.body, /<mark>Quokka<\/mark>/u);
  });

  it('static pages are served', async () => {
    for (const slug of ['privacy-policy', 'terms-of-use', 'do-not-sell', 'about']) {
      const res = await get(`/${slug}`);
      assert.equal(res.statusCode, 200, slug);
      assert.ok(parse(res.body)('.static-page .story-body p').length >= 1);
    }
  });
});
