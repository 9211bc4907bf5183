import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';
import Fastify from 'fastify';
import { makeEntry, PageCache } from '../../src/http/page-cache.js';
import { cachedDocuments } from '../../src/modules/site/feeds/cached-response.js';
import { newsSitemap, NEWS_WINDOW_MS } from '../../src/modules/site/feeds/sitemaps.js';
import { absoluteUrls } from '../../src/modules/site/feeds/feed-entries.js';

/**
 * A small XML well-formedness check (no parser is installed): tag balance, a single root, quoted
 * attributes without `<`, every `&` an entity, CDATA closed, no characters XML forbids, and every
 * namespace prefix declared. Throws with the offset of the first problem.
 */
function assertWellFormed(xml: string, label = 'document'): void {
  const fail = (message: string, at: number): never => assert.fail(`${label}: ${message} at offset ${at}: ${JSON.stringify(xml.slice(Math.max(0, at - 40), at + 40))}`);
  const badChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(xml);
  if (badChar) fail('character not allowed in XML', badChar.index);
  const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/u;
  const checkText = (text: string, at: number) => {
    for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) if (!ENTITY.test(text.slice(i))) fail('bare &', at + i);
    if (text.includes(']]>')) fail(']]> in text', at + text.indexOf(']]>'));
  };
  const stack: { name: string; prefixes: Set<string> }[] = [];
  const declared = (prefix: string) => prefix === 'xml' || prefix === 'xmlns' || stack.some((s) => s.prefixes.has(prefix));
  let roots = 0;
  let i = 0;
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (stack.length === 0 && text.trim()) fail('text outside the root element', i);
    checkText(text, i);
    if (lt === -1) break;
    if (xml.startsWith('<![CDATA[', lt)) {
      if (stack.length === 0) fail('CDATA outside the root element', lt);
      const end = xml.indexOf(']]>', lt);
      if (end === -1) fail('unclosed CDATA', lt);
      i = end + 3;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) fail('unclosed comment', lt);
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end === -1) fail('unclosed processing instruction', lt);
      i = end + 2;
    } else if (xml.startsWith('</', lt)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/u.exec(xml.slice(lt));
      if (!m) fail('malformed end tag', lt);
      const open = stack.pop();
      if (open?.name !== m![1]) fail(`</${m![1]}> closes <${open?.name ?? 'nothing'}>`, lt);
      i = lt + m![0].length;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/u.exec(xml.slice(lt));
      if (!m) fail('malformed start tag (unquoted attribute or < in a value?)', lt);
      const [whole, name, attrText, selfClosing] = m!;
      if (stack.length === 0 && roots++ > 0) fail('second root element', lt);
      const attrs = [...attrText!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu)];
      const names = attrs.map((a) => a[1]!);
      if (new Set(names).size !== names.length) fail('duplicate attribute', lt);
      for (const a of attrs) checkText(a[2] ?? a[3] ?? '', lt);
      const prefixes = new Set(names.filter((n) => n.startsWith('xmlns:')).map((n) => n.slice(6)));
      stack.push({ name: name!, prefixes });
      for (const qname of [name!, ...names.filter((n) => !n.startsWith('xmlns'))]) {
        const prefix = qname.includes(':') ? qname.split(':')[0]! : null;
        if (prefix && !declared(prefix)) fail(`undeclared namespace prefix "${prefix}"`, lt);
      }
      if (selfClosing) stack.pop();
      i = lt + whole!.length;
    }
  }
  if (stack.length) fail(`unclosed <${stack.at(-1)!.name}>`, xml.length);
  if (roots !== 1) fail('no root element', 0);
}

/** Text of an XML fragment: CDATA sections as they are, entities outside them decoded. */
function xmlText(fragment: string): string {
  return fragment
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/u)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part)))
    .join('');
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/gu, (whole, name: string) =>
    name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (named[name] ?? whole),
  );
}

const blocks = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'gu'))].map((m) => m[0]);
const child = (xml: string, tag: string) => new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'u').exec(xml)?.[1];

interface FeedItem {
  title: string;
  link: string;
  guid: string;
  block: string;
}

function rssItems(xml: string): FeedItem[] {
  return blocks(xml, 'item').map((block) => ({ title: xmlText(child(block, 'title') ?? ''), link: xmlText(child(block, 'link') ?? ''), guid: xmlText(child(block, 'guid') ?? ''), block }));
}

function atomEntries(xml: string): FeedItem[] {
  return blocks(xml, 'entry').map((block) => ({
    // Atom titles are type="html": one decoding for XML, one for HTML.
    title: decodeEntities(xmlText(child(block, 'title') ?? '')),
    link: decodeEntities(/<link href="([^"]*)"\s*\/>/u.exec(block)?.[1] ?? ''),
    guid: xmlText(child(block, 'id') ?? ''),
    block,
  }));
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/gu)].map((m) => decodeEntities(m[1]!));
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/u;

describe('the XML check used by these tests', () => {
  it('accepts well-formed documents and rejects broken ones', () => {
    assertWellFormed('<?xml version="1.0"?>\n<a x="1" xmlns:n="urn:n"><n:b>&amp;&#38;<![CDATA[<&>]]></n:b><c/></a>');
    for (const bad of ['<a>&</a>', '<a><b></a></b>', '<a x="<"/>', '<a x=1/>', '<a/><b/>', '<a><![CDATA[x]]>]]></a>', '<dc:x/>', '<a>\u0001</a>', '<a>', 'text<a/>']) {
      assert.throws(() => assertWellFormed(bad), assert.AssertionError, bad);
    }
  });

  it('makes body links and image sources absolute without touching text', () => {
    const html = '<p>see src="/etc" <a href="/news/x?a=1&amp;b=2">x</a></p><img src="/media/1/a/640.jpg" srcset="/media/1/a/320.jpg 320w, /media/1/a/640.jpg 640w" alt="a > b"/><a href="//cdn.example/x">y</a>';
    assert.equal(
      absoluteUrls(html, 'https://news.example'),
      '<p>see src="/etc" <a href="https://news.example/news/x?a=1&amp;b=2">x</a></p><img src="https://news.example/media/1/a/640.jpg" srcset="https://news.example/media/1/a/320.jpg 320w, https://news.example/media/1/a/640.jpg 640w" alt="a > b"/><a href="//cdn.example/x">y</a>',
    );
  });
});

describe('documents that expire by the clock', () => {
  it('are served from the cache until they expire, then rendered again', async () => {
    let now = 1_000_000;
    let renders = 0;
    const serve = cachedDocuments(new PageCache(1024 * 1024), () => now);
    const server = Fastify();
    server.get('/doc', (request, reply) =>
      serve(request, reply, '/doc', async () => ({ contentType: 'application/xml; charset=utf-8', body: `<r n="${++renders}"/>`, tags: ['sitemaps'], expiresAt: now + 1000 })),
    );
    try {
      assert.equal((await server.inject('/doc')).body, '<r n="1"/>');
      now += 999;
      assert.equal((await server.inject('/doc')).body, '<r n="1"/>');
      now += 1;
      assert.equal((await server.inject('/doc')).body, '<r n="2"/>');
      assert.equal((await server.inject('/doc')).body, '<r n="2"/>');
    } finally {
      await server.close();
    }
  });
});

describe('feeds, sitemaps and robots.txt', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ seed: true });
  });
  after(() => app.destroy());

  const get = (url: string, headers: Record<string, string> = {}) => app.http.inject({ method: 'GET', url, headers });

  async function getXml(url: string, contentType: RegExp): Promise<string> {
    const res = await get(url);
    assert.equal(res.statusCode, 200, url);
    assert.match(res.headers['content-type'] as string, contentType, url);
    assertWellFormed(res.body, url);
    return res.body;
  }
  const rss = (url: string) => getXml(url, /^application\/rss\+xml; charset=utf-8$/u);
  const atom = (url: string) => getXml(url, /^application\/atom\+xml; charset=utf-8$/u);
  const sitemap = (url: string) => getXml(url, /^application\/xml; charset=utf-8$/u);

  it('the site RSS feed carries the latest 30 articles with full content, absolute links and bylines', async () => {
    const xml = await rss('/feeds/rss.xml');
    const latest = await app.queries.latest(30);
    const items = rssItems(xml);
    assert.equal(items.length, latest.length);
    assert.equal(items[0]!.title, latest[0]!.headline);
    assert.equal(items[0]!.link, `${PUBLIC_URL}${latest[0]!.path}`);
    assert.deepEqual(
      items.map((i) => i.link),
      latest.map((c) => `${PUBLIC_URL}${c.path}`),
    );
    assert.equal(new Set(items.map((i) => i.guid)).size, items.length, 'guids are unique');
    const settings = app.settings.get();
    assert.equal(xmlText(child(xml, 'title') ?? ''), settings.name);
    assert.match(xml, new RegExp(`<atom:link href="${PUBLIC_URL}/feeds/rss.xml" rel="self" type="application/rss\\+xml"/>`, 'u'));
    assert.match(xml, /<language>[a-z]{2}/iu);
    assert.match(xmlText(child(xml, 'copyright') ?? ''), new RegExp(`^© \\d{4} `, 'u'));
    const first = items[0]!.block;
    assert.match(first, /<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/u);
    assert.ok(xmlText(child(first, 'content:encoded') ?? '').includes('<p>'), 'full body HTML');
    assert.equal(xmlText(child(first, 'dc:creator') ?? ''), new Intl.ListFormat(settings.locale, { type: 'conjunction' }).format(latest[0]!.authors.map((a) => a.name)));
    assert.equal(xmlText(child(first, 'category') ?? ''), latest[0]!.section.name);
    if (latest[0]!.standfirst) assert.equal(decodeEntities(xmlText(child(first, 'description') ?? '')), latest[0]!.standfirst);
    if (latest[0]!.hero) assert.match(first, /<enclosure length="0" type="image\/(?:jpeg|png)" url="http:\/\/localhost:3000\/media\/[^"]+"\/>/u);
    // Readers get absolute image and link URLs: nothing site-relative may remain in any body.
    assert.doesNotMatch(xml, /(?:src|href|srcset)="\/(?!\/)|,\s\/media\//u);
  });

  it('the site Atom feed mirrors it with entry ids, authors with links, and dates', async () => {
    const xml = await atom('/feeds/atom.xml');
    const latest = await app.queries.latest(30);
    const entries = atomEntries(xml);
    assert.equal(entries.length, latest.length);
    assert.equal(entries[0]!.title, latest[0]!.headline);
    assert.equal(entries[0]!.link, `${PUBLIC_URL}${latest[0]!.path}`);
    const rssGuids = rssItems(await rss('/feeds/rss.xml')).map((i) => i.guid);
    assert.deepEqual(
      entries.map((e) => e.guid),
      rssGuids,
      'RSS guid and Atom id agree',
    );
    assert.match(entries[0]!.guid, /^tag:localhost,\d{4}-\d{2}-\d{2}:article:\d+$/u);
    assert.match(xml, new RegExp(`<link rel="self" href="${PUBLIC_URL}/feeds/atom.xml"/>`, 'u'));
    const first = entries[0]!.block;
    for (const author of latest[0]!.authors) assert.ok(first.includes(`<uri>${PUBLIC_URL}/author/${author.slug}</uri>`), author.slug);
    assert.match(first, /<updated>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/updated>/u);
    assert.match(first, /<published>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/published>/u);
    assert.match(first, new RegExp(`<category [^>]*term="${latest[0]!.section.slug}"`, 'u'));
  });

  it('a section feed holds only that section’s articles', async () => {
    const sections = await app.queries.sections();
    for (const section of sections) {
      const expected = await app.queries.latest(30, { sectionId: section.id });
      const items = rssItems(await rss(`/feeds/section/${section.slug}/rss.xml`));
      const entries = atomEntries(await atom(`/feeds/section/${section.slug}/atom.xml`));
      for (const list of [items, entries]) {
        assert.deepEqual(
          list.map((i) => i.link),
          expected.map((c) => `${PUBLIC_URL}${c.path}`),
          section.slug,
        );
        for (const item of list) assert.ok(item.link.startsWith(`${PUBLIC_URL}/${section.slug}/`), item.link);
      }
    }
    const [section] = sections;
    const xml = await rss(`/feeds/section/${section!.slug}/rss.xml`);
    assert.ok(xmlText(child(xml, 'title') ?? '').startsWith(`${section!.name} — `));
  });

  it('an author feed holds only that author’s articles', async () => {
    for (const author of await app.queries.authors()) {
      const expected = await app.queries.latest(30, { authorId: author.id });
      const items = rssItems(await rss(`/feeds/author/${author.slug}/rss.xml`));
      assert.deepEqual(
        items.map((i) => i.link),
        expected.map((c) => `${PUBLIC_URL}${c.path}`),
        author.slug,
      );
      for (const item of items) assert.ok(xmlText(child(item.block, 'dc:creator') ?? '').includes(author.name), author.slug);
      const entries = atomEntries(await atom(`/feeds/author/${author.slug}/atom.xml`));
      for (const entry of entries) assert.ok(entry.block.includes(`<uri>${PUBLIC_URL}/author/${author.slug}</uri>`), entry.link);
      assert.equal(entries.length, items.length);
    }
  });

  it('unknown sections and authors, and bad slugs, are 404', async () => {
    for (const url of ['/feeds/section/no-such-section/rss.xml', '/feeds/section/no-such-section/atom.xml', '/feeds/author/no-such-person/rss.xml', '/feeds/author/Bad_Slug/atom.xml', '/feeds/json.xml']) {
      assert.equal((await get(url)).statusCode, 404, url);
    }
  });

  it('the sitemap index lists every child sitemap by absolute URL', async () => {
    const xml = await sitemap('/sitemap.xml');
    assert.match(xml, /<sitemapindex xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/u);
    assert.deepEqual(locs(xml), [`${PUBLIC_URL}/sitemaps/articles-1.xml`, `${PUBLIC_URL}/sitemaps/sections.xml`, `${PUBLIC_URL}/sitemaps/authors.xml`, `${PUBLIC_URL}/sitemaps/news.xml`]);
    for (const loc of locs(xml)) await sitemap(loc.slice(PUBLIC_URL.length));
  });

  it('the articles sitemap lists every published article with a W3C lastmod; past the last file is 404', async () => {
    const xml = await sitemap('/sitemaps/articles-1.xml');
    const count = await app.queries.countPublished();
    const all = await app.queries.latest(count);
    assert.ok(count >= 14);
    assert.deepEqual(new Set(locs(xml)), new Set(all.map((c) => `${PUBLIC_URL}${c.path}`)));
    assert.equal(locs(xml).length, count);
    const lastmods = [...xml.matchAll(/<lastmod>([^<]*)<\/lastmod>/gu)].map((m) => m[1]!);
    assert.equal(lastmods.length, count);
    for (const lastmod of lastmods) assert.match(lastmod, W3C_DATETIME);
    for (const url of ['/sitemaps/articles-2.xml', '/sitemaps/articles-0.xml', '/sitemaps/articles-01.xml', '/sitemaps/other.xml']) assert.equal((await get(url)).statusCode, 404, url);
  });

  it('the sections sitemap lists the front, each section and each static page; the authors sitemap each author', async () => {
    const sectionsXml = await sitemap('/sitemaps/sections.xml');
    const sections = await app.queries.sections();
    const pages = await app.queries.pages();
    assert.ok(pages.length > 0, 'the demo has static pages');
    assert.deepEqual(locs(sectionsXml), [`${PUBLIC_URL}/`, ...sections.map((s) => `${PUBLIC_URL}/${s.slug}`), ...pages.map((p) => `${PUBLIC_URL}/${p.slug}`)]);
    for (const m of sectionsXml.matchAll(/<lastmod>([^<]*)<\/lastmod>/gu)) assert.match(m[1]!, W3C_DATETIME);
    const authorsXml = await sitemap('/sitemaps/authors.xml');
    assert.deepEqual(new Set(locs(authorsXml)), new Set((await app.queries.authors()).map((a) => `${PUBLIC_URL}/author/${a.slug}`)));
  });

  it('the news sitemap holds only the last 48 hours, with publication, date, title and keywords', async () => {
    const xml = await sitemap('/sitemaps/news.xml');
    assert.match(xml, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:news="http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9">/u);
    const all = await app.queries.latest(await app.queries.countPublished());
    const cutoff = Date.now() - NEWS_WINDOW_MS;
    const recent = all.filter((c) => c.publishedAt >= cutoff);
    const old = all.filter((c) => c.publishedAt < cutoff - 60_000);
    assert.ok(recent.length > 0, 'the demo has articles from the last 48 hours');
    assert.ok(old.length > 0, 'the demo has articles older than 48 hours');
    assert.deepEqual(new Set(locs(xml)), new Set(recent.map((c) => `${PUBLIC_URL}${c.path}`)));
    for (const c of old) assert.ok(!locs(xml).includes(`${PUBLIC_URL}${c.path}`), `old article ${c.path} is absent`);
    const urls = blocks(xml, 'url');
    const settings = app.settings.get();
    for (const url of urls) {
      const card = recent.find((c) => `${PUBLIC_URL}${c.path}` === decodeEntities(child(url, 'loc') ?? ''))!;
      assert.equal(decodeEntities(child(url, 'news:title') ?? ''), card.headline);
      assert.equal(decodeEntities(child(url, 'news:name') ?? ''), settings.name);
      assert.equal(child(url, 'news:language'), settings.locale.split('-')[0]!.toLowerCase());
      assert.match(child(url, 'news:publication_date') ?? '', W3C_DATETIME);
    }
    assert.ok(urls.some((u) => child(u, 'news:keywords')), 'tags appear as keywords');
  });

  it('the news sitemap is stale the moment its oldest article leaves the window', async () => {
    const now = Date.now();
    const rows = await app.queries.newsSitemapArticles(now - NEWS_WINDOW_MS);
    const { expiresAt } = await newsSitemap({ queries: app.queries, publicUrl: PUBLIC_URL }, app.settings.get(), now);
    assert.equal(expiresAt, Math.min(...rows.map((r) => r.publishedAt)) + NEWS_WINDOW_MS);
  });

  it('robots.txt allows the site, keeps crawlers out of search and the back office, and names the sitemaps', async () => {
    const res = await get('/robots.txt');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/plain/u);
    const lines = res.body.split('\n');
    for (const line of ['User-agent: *', 'Allow: /', 'Disallow: /search', 'Disallow: /api/', 'Disallow: /admin', `Sitemap: ${PUBLIC_URL}/sitemap.xml`, `Sitemap: ${PUBLIC_URL}/sitemaps/news.xml`]) {
      assert.ok(lines.includes(line), line);
    }
  });

  it('is served from the page cache: ETag and 304, CDN cache headers, compression', async () => {
    for (const url of ['/feeds/rss.xml', '/feeds/atom.xml', '/sitemap.xml', '/sitemaps/news.xml', '/robots.txt']) {
      const first = await get(url);
      const etag = first.headers.etag as string;
      assert.match(etag, /^"[^"]+"$/u, url);
      assert.match(first.headers['cache-control'] as string, /^public, max-age=\d+, s-maxage=\d+/u, url);
      const second = await get(url, { 'if-none-match': etag });
      assert.equal(second.statusCode, 304, url);
      // What is stored under the path is what is served.
      app.cache.set(url, makeEntry(200, 'text/plain; charset=utf-8', 'from the cache', ['feeds', 'sitemaps']), app.cache.generation);
      assert.equal((await get(url)).body, 'from the cache', url);
    }
    app.cache.clear();
    const plain = await get('/feeds/rss.xml');
    const gz = await get('/feeds/rss.xml', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(gz.rawPayload).toString(), plain.body);
    // A query string is not a new cache entry.
    assert.equal((await get('/feeds/rss.xml?x=1')).headers.etag, plain.headers.etag);
  });

  it('publishing purges the feeds and sitemaps, and hostile text stays escaped', async () => {
    const section = (await app.queries.sections())[1]!;
    const author = (await app.queries.authors())[0]!;
    const urls = ['/feeds/rss.xml', '/feeds/atom.xml', `/feeds/section/${section.slug}/rss.xml`, `/feeds/author/${author.slug}/atom.xml`, '/sitemap.xml', '/sitemaps/articles-1.xml', '/sitemaps/news.xml'];
    for (const url of urls) await get(url);
    assert.ok(urls.every((url) => app.cache.get(url)), 'all cached before the change');

    const headline = 'Feeds & <sitemaps> "quoted" ]]> done';
    const { slug } = await app.publishing.createArticle({
      headline,
      standfirst: 'A standfirst with & and <angle brackets>',
      sectionSlug: section.slug,
      authors: [{ slug: author.slug }],
      tags: ['R&D', '<script>'],
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello & <world> ]]> twice ]]>' }] }] },
      status: 'published',
    });
    const link = `${PUBLIC_URL}/${section.slug}/${slug}`;
    for (const url of urls) assert.equal(app.cache.get(url), undefined, `${url} was purged`);
    for (const url of urls) assertWellFormed((await get(url)).body, url);
    const rssXml = await rss('/feeds/rss.xml');
    const item = rssItems(rssXml)[0]!;
    assert.equal(item.link, link);
    assert.equal(item.title, headline.replace(']]>', ']] >'));
    assert.equal(xmlText(child(item.block, 'content:encoded') ?? ''), '<p>Hello &amp; &lt;world> ]]&gt; twice ]]&gt;</p>');
    const entry = atomEntries(await atom('/feeds/atom.xml'))[0]!;
    assert.equal(entry.link, link);
    assert.equal(entry.title, headline, 'Atom keeps the headline exactly');
    // type="html": the headline is escaped markup, or readers would take <sitemaps> for a tag.
    assert.equal(xmlText(child(entry.block, 'title') ?? ''), 'Feeds &amp; &lt;sitemaps&gt; &quot;quoted&quot; ]]&gt; done');
    assert.equal(atomEntries(await atom(`/feeds/author/${author.slug}/atom.xml`))[0]!.link, link);
    assert.equal(rssItems(await rss(`/feeds/section/${section.slug}/rss.xml`))[0]!.link, link);
    const news = await sitemap('/sitemaps/news.xml');
    assert.ok(locs(news).includes(link));
    assert.ok(news.includes('<news:title>Feeds &amp; &lt;sitemaps&gt; &quot;quoted&quot; ]]&gt; done</news:title>'));
    assert.ok(locs(await sitemap('/sitemaps/articles-1.xml')).includes(link));

    // Settings purge everything, and the publication's name is escaped wherever it appears.
    const name = app.settings.get().name;
    await app.settings.update({ name: 'The "Civic" & <Ledger>' });
    for (const url of urls) {
      const res = await get(url);
      assertWellFormed(res.body, url);
    }
    assert.ok((await get('/feeds/atom.xml')).body.includes('<title>The "Civic" &amp; &lt;Ledger&gt;</title>'));
    await app.settings.update({ name });
  });
});
