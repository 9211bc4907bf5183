import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, PUBLIC_URL, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';
import type { Article } from '../../src/modules/publishing/index.js';

describe('the article page', () => {
  let app: TestApp;
  let articles: Article[];

  before(async () => {
    app = await startTestApp({ seed: true });
    const cards = await app.queries.latest(100);
    articles = (await Promise.all(cards.map((c) => app.queries.articleById(c.id)))).filter((a): a is Article => a !== null);
  });
  after(() => app.destroy());

  const get = (url: string) => app.http.inject({ method: 'GET', url });
  const find = (predicate: (a: Article) => boolean, what: string) => {
    const found = articles.find(predicate);
    assert.ok(found, `the demo has an article with ${what}`);
    return found;
  };

  it('shows headline, standfirst and a responsive hero with caption and credit', async () => {
    const article = find((a) => a.hero !== null, 'a hero');
    const res = await get(article.path);
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/u);
    const $ = parse(res.body);
    assert.equal($('h1').length, 1);
    assert.equal($('h1').text(), article.headline);
    assert.equal($('.standfirst').text(), article.standfirst);
    const hero = $('figure.hero');
    assert.equal(hero.find('source[type="image/webp"]').attr('srcset')?.split(',').length! > 1, true);
    const img = hero.find('img');
    assert.ok(Number(img.attr('width')) > 0 && Number(img.attr('height')) > 0, 'width and height are set');
    assert.ok(img.attr('sizes'));
    assert.match(img.attr('src') ?? '', /\.(jpg|png)$/u);
    assert.equal(img.attr('alt'), article.hero?.alt);
    assert.equal(hero.find('.caption').text(), article.hero?.caption);
    assert.equal(hero.find('.credit').text(), article.hero?.credit);
    // The variants it points at exist.
    const webp = await get(hero.find('source').attr('srcset')!.split(',')[0]!.trim().split(' ')[0]!);
    assert.equal(webp.statusCode, 200);
    assert.equal(webp.headers['content-type'], 'image/webp');
    assert.match(webp.headers['cache-control'] as string, /immutable/u);
  });

  it('has a byline linking each author, the dateline and times in the publication zone', async () => {
    const article = find((a) => a.authors.length >= 2 && a.dateline !== null && a.updatedAt !== null, 'two authors, a dateline and an update');
    const $ = parse((await get(article.path)).body);
    const links = $('.byline a[rel="author"]').map((_, el) => $(el).attr('href')).get();
    assert.deepEqual(links, article.authors.map((a) => `/author/${a.slug}`));
    assert.equal($('.byline .dateline').text(), article.dateline);
    const published = $('.byline .published time').attr('datetime') ?? '';
    const updated = $('.byline .updated time').attr('datetime') ?? '';
    // America/New_York: -05:00 in winter, -04:00 in summer.
    assert.match(published, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$/u);
    assert.match(updated, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$/u);
    assert.ok(Date.parse(updated) > Date.parse(published));
    assert.ok($('.notes .note').length >= 1, 'the update note is shown');
    for (const href of links) assert.equal((await get(href)).statusCode, 200);
  });

  it('renders body blocks with ad slots labelled "Advertisement" between them', async () => {
    const article = find((a) => a.body.filter((p) => p.kind === 'paragraph').length >= 5, 'at least five paragraphs');
    const $ = parse((await get(article.path)).body);
    const slots = $('.story-body > .ad-slot');
    assert.ok(slots.length >= 1);
    slots.each((_, el) => {
      assert.equal($(el).find('.ad-label').text(), 'Advertisement');
      const prev = $(el).prev();
      const next = $(el).next();
      assert.ok(prev.length && next.length, 'between two blocks');
      for (const n of [prev, next]) assert.ok(!n.is('figure.body-image, figure.embed, .ad-slot'), 'never next to an image or another slot');
    });
    assert.ok($('.story-body > p').first().next().is('p'), 'no slot before the 2nd paragraph');
    const pull = find((a) => a.body.some((p) => p.kind === 'pullquote'), 'a pull quote');
    assert.equal(parse((await get(pull.path)).body)('.story-body figure.pullquote blockquote').length >= 1, true);
    const heading = find((a) => a.body.some((p) => p.kind === 'heading'), 'a subheading');
    assert.ok(parse((await get(heading.path)).body)('.story-body h2').length >= 1);
    const image = find((a) => a.body.some((p) => p.kind === 'image'), 'an inline image');
    const $i = parse((await get(image.path)).body);
    assert.ok($i('.story-body figure.body-image img[width][height]').length >= 1);
    assert.ok($i('.story-body figure.body-image figcaption').text().length > 0);
  });

  it('ends with related stories, comments, the support pitch, newsletter sign-up, privacy notice and footer', async () => {
    const article = articles[0]!;
    const $ = parse((await get(article.path)).body);
    const related = $('.related a.card-headline, .related .card-headline a');
    assert.ok(related.length >= 1);
    assert.equal($('.comments h2').text(), 'Comments');
    assert.equal($('.comments a').filter((_, el) => $(el).text().trim() === 'Sign in to comment').length, 1);
    assert.match($('.comments').text(), /Powered by StructureCMS Comments/u);
    const name = app.settings.get().name;
    assert.equal($('.support-pitch h2').text(), `Support ${name}`);
    assert.match($('.support-pitch').text(), /support us today for as little as \$1/u);
    assert.equal($('.support-pitch a.button').text(), 'Support');
    assert.equal($('.support-pitch button').text().trim(), 'Remind me next month');
    const consent = $('.newsletter .consent');
    assert.equal(consent.text().replace(/\s+/gu, ' ').trim(), 'By signing up you agree to our Terms of Use and Privacy Policy.');
    assert.deepEqual(consent.find('a').map((_, el) => $(el).attr('href')).get(), ['/terms-of-use', '/privacy-policy']);
    assert.equal($('.privacy-notice a').attr('href'), '/privacy-policy');
    const year = new Date().getUTCFullYear();
    assert.match($('.site-footer').text(), new RegExp(`© (${year}|${year - 1}) ${name}`, 'u'));
    for (const label of ['Privacy Policy', 'Terms of Use', 'Do Not Sell or Share My Personal Information']) {
      const href = $('.site-footer a').filter((_, el) => $(el).text() === label).attr('href');
      assert.ok(href, label);
      const page = await get(href);
      assert.equal(page.statusCode, 200, `${label} is a real page`);
      assert.equal(parse(page.body)('h1').text(), label);
    }
  });

  it('carries canonical, Open Graph, Twitter and NewsArticle JSON-LD', async () => {
    const article = find((a) => a.authors.length >= 2, 'two authors');
    const $ = parse((await get(article.path)).body);
    assert.equal($('link[rel="canonical"]').attr('href'), `${PUBLIC_URL}${article.path}`);
    assert.equal($('meta[property="og:title"]').attr('content'), article.headline);
    assert.equal($('meta[property="og:type"]').attr('content'), 'article');
    assert.match($('meta[property="og:image"]').attr('content') ?? '', /^http:\/\/localhost:3000\/media\//u);
    assert.equal($('meta[name="twitter:card"]').attr('content'), 'summary_large_image');
    assert.ok($('link[rel="alternate"][type="application/rss+xml"]').length >= 2, 'site and section feeds');
    const ld = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld.headline, article.headline);
    assert.equal((ld.image as string[]).length, 3, 'three aspect ratios');
    assert.match(ld.datePublished as string, /[+-]\d\d:\d\d$/u);
    assert.match(ld.dateModified as string, /[+-]\d\d:\d\d$/u);
    assert.deepEqual(
      ld.author,
      article.authors.map((a) => ({ '@type': 'Person', name: a.name, url: `${PUBLIC_URL}/author/${a.slug}` })),
    );
    const publisher = ld.publisher as { name: string; logo: { url: string } };
    assert.equal(publisher.name, app.settings.get().name);
    assert.equal((await get(new URL(publisher.logo.url).pathname)).statusCode, 200);
  });

  it('escapes JSON-LD so a headline cannot close the script element', async () => {
    const section = (await app.queries.sections())[0]!;
    const author = articles[0]!.authors[0]!;
    const { slug } = await app.publishing.createArticle({
      headline: 'Evil </script><script>alert(1)</script> headline',
      standfirst: '"quoted" <b>standfirst</b>',
      sectionSlug: section.slug,
      authors: [{ slug: author.slug }],
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body' }] }] },
      status: 'published',
    });
    const res = await get(`/${section.slug}/${slug}`);
    assert.equal(res.statusCode, 200);
    const $ = parse(res.body);
    // The JSON-LD data block, and at most the same-origin comments script: nothing inline runs.
    const scripts = $('script').toArray().map((el) => $(el));
    assert.equal(scripts.filter((s) => s.attr('type') === 'application/ld+json').length, 1, 'one JSON-LD block');
    assert.ok(scripts.every((s) => s.attr('type') === 'application/ld+json' || (s.attr('src') ?? '').startsWith('/assets/')), 'no other script than same-origin files');
    assert.equal(res.body.match(/<script/gu)?.length, scripts.length, 'the headline opened no script element');
    assert.equal($('h1').text(), 'Evil </script><script>alert(1)</script> headline');
    assert.equal((JSON.parse($('script[type="application/ld+json"]').text()) as { headline: string }).headline, 'Evil </script><script>alert(1)</script> headline');
  });

  it('answers an old slug with a 301 to the new address', async () => {
    const article = articles[articles.length - 1]!;
    await app.publishing.updateArticle(article.id, { slug: `${article.slug}-renamed` });
    const res = await get(article.path);
    assert.equal(res.statusCode, 301);
    assert.equal(res.headers.location, `/${article.section.slug}/${article.slug}-renamed`);
    assert.equal((await get(res.headers.location as string)).statusCode, 200);
    const wrongSection = (await app.queries.sections()).find((s) => s.id !== article.section.id)!;
    const moved = await get(`/${wrongSection.slug}/${article.slug}-renamed`);
    assert.equal(moved.statusCode, 301);
  });
});
