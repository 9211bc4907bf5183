import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';

const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });
const BASE = Date.parse('2026-01-01T00:00:00Z');
const MANY = 250;

interface Item {
  id: number;
  slug: string;
  url: string;
  headline: string;
  section: { slug: string; name: string; url: string };
  authors: { slug: string; name: string; role: string | null; url: string }[];
  tags: { slug: string; name: string }[];
  publishedAt: string;
  heroImage: unknown;
  wordCount: number;
  commentCount: number;
}
interface ListBody {
  items: Item[];
  nextCursor: string | null;
}

describe('Content API', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
    const p = app.publishing;
    await p.createSection({ slug: 'news', name: 'News', position: 1 });
    await p.createSection({ slug: 'sport', name: 'Sport', position: 2 });
    await p.createAuthor({ slug: 'rita', name: 'Rita Reporter' });
    await p.createAuthor({ slug: 'sam', name: 'Sam Writer' });
    // Three articles share each publication minute, so the cursor must break ties by id.
    for (let i = 0; i < MANY; i++) {
      await p.createArticle({
        headline: `Story number ${i}`,
        slug: `story-${i}`,
        sectionSlug: i % 5 === 0 ? 'sport' : 'news',
        authors: i % 2 === 0 ? [{ slug: 'rita', role: 'Reporting by' }] : [{ slug: 'sam' }],
        tags: i % 10 === 0 ? ['harbour'] : [],
        status: 'published',
        publishedAt: BASE + Math.floor(i / 3) * 60_000,
        body: doc(i === 7 ? 'The lighthouse keeper retired after forty years.' : `Plain words for story ${i}.`),
      });
    }
    await p.createArticle({ headline: 'Secret draft', slug: 'secret-draft', sectionSlug: 'news', authors: [{ slug: 'rita' }], tags: ['embargoed-merger'], status: 'draft', body: doc('lighthouse draft') });
    await p.createArticle({ headline: 'In review', slug: 'in-review', sectionSlug: 'news', authors: [{ slug: 'rita' }], status: 'review', body: doc('lighthouse review') });
    await p.createArticle({ headline: 'Later', slug: 'scheduled-later', sectionSlug: 'news', authors: [{ slug: 'rita' }], status: 'scheduled', body: doc('lighthouse later') });
    const pulled = await p.createArticle({ headline: 'Pulled', slug: 'pulled', sectionSlug: 'news', authors: [{ slug: 'rita' }], status: 'published', publishedAt: BASE + 10 * 86_400_000, body: doc('lighthouse pulled') });
    await p.updateArticle(pulled.id, { status: 'unpublished' });
  });
  after(() => app.destroy());

  const get = (url: string, headers: Record<string, string> = {}) => app.http.inject({ method: 'GET', url, headers });
  const list = async (url: string): Promise<ListBody> => {
    const response = await get(url);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<ListBody>();
  };

  it('pages through every published article newest first, with a keyset cursor', async () => {
    const seen: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: ListBody = await list(`/api/content/articles?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...body.items);
      cursor = body.nextCursor;
      pages++;
      if (cursor) assert.match(cursor, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/u, 'opaque base64url');
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.equal(seen.length, MANY);
    assert.equal(new Set(seen.map((i) => i.id)).size, MANY, 'no article twice');
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1] as Item, seen[i] as Item];
      const order = Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || a.id - b.id;
      assert.ok(order > 0, `newest first, ties by id: ${a.slug} before ${b.slug}`);
    }
    assert.equal(seen[0]?.slug, 'story-249');
    assert.equal(seen.at(-1)?.slug, 'story-0');
  });

  it('describes each article fully', async () => {
    const { items } = await list('/api/content/articles?limit=1&tag=harbour');
    const item = items[0] as Item;
    assert.equal(item.slug, 'story-240');
    assert.equal(item.url, 'http://localhost:3000/sport/story-240');
    assert.deepEqual(item.section, { slug: 'sport', name: 'Sport', url: 'http://localhost:3000/sport' });
    assert.deepEqual(item.authors, [{ slug: 'rita', name: 'Rita Reporter', role: 'Reporting by', url: 'http://localhost:3000/author/rita' }]);
    assert.deepEqual(item.tags, [{ slug: 'harbour', name: 'harbour' }]);
    assert.equal(item.publishedAt, new Date(BASE + 80 * 60_000).toISOString());
    assert.equal(item.heroImage, null);
    assert.equal(item.commentCount, 0);
    assert.ok(item.wordCount > 0);
  });

  it('filters by section, tag, author, search and time', async () => {
    const sport = await list('/api/content/articles?section=sport&limit=100');
    assert.equal(sport.items.length, 50);
    assert.ok(sport.items.every((i) => i.section.slug === 'sport'));
    const tagged = await list('/api/content/articles?tag=harbour&limit=100');
    assert.equal(tagged.items.length, 25);
    assert.equal(tagged.nextCursor, null);
    const sam = await list('/api/content/articles?author=sam&limit=100');
    assert.ok(sam.items.length === 100 && sam.items.every((i) => i.authors[0]?.slug === 'sam'));
    assert.ok(sam.nextCursor);
    const samRest = await list(`/api/content/articles?author=sam&limit=100&cursor=${encodeURIComponent(sam.nextCursor)}`);
    assert.equal(sam.items.length + samRest.items.length, 125);
    const found = await list('/api/content/articles?q=lighthouse');
    assert.deepEqual(found.items.map((i) => i.slug), ['story-7'], 'only the published match');
    const since = await list(`/api/content/articles?since=${new Date(BASE + 80 * 60_000).toISOString()}&limit=100`);
    assert.deepEqual(since.items.map((i) => i.slug), ['story-249', 'story-248', 'story-247', 'story-246', 'story-245', 'story-244', 'story-243', 'story-242', 'story-241', 'story-240']);
    const unknown = await get('/api/content/articles?section=nowhere');
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json<{ field: string }>().field, 'section');
  });

  it('never shows drafts, articles in review, scheduled or unpublished ones', async () => {
    const everything = await list('/api/content/articles?limit=100&since=2000-01-01');
    const all: Item[] = [...everything.items];
    let cursor = everything.nextCursor;
    while (cursor) {
      const page: ListBody = await list(`/api/content/articles?limit=100&cursor=${encodeURIComponent(cursor)}`);
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    const slugs = new Set(all.map((i) => i.slug));
    for (const slug of ['secret-draft', 'in-review', 'scheduled-later', 'pulled']) {
      assert.ok(!slugs.has(slug), `${slug} is not listed`);
      const one = await get(`/api/content/articles/${slug}`);
      assert.equal(one.statusCode, 404, `${slug} has no detail`);
      assert.match(one.json<{ error: string }>().error, /no published article/u);
    }
    const tags = await get('/api/content/tags');
    assert.deepEqual(tags.json<{ items: { slug: string }[] }>().items.map((t) => t.slug), ['harbour'], 'a tag only on a draft stays private');
    assert.equal((await get('/api/content/tags/embargoed-merger')).statusCode, 404);
  });

  it('answers one article with its body and HTML', async () => {
    const response = await get('/api/content/articles/story-7');
    assert.equal(response.statusCode, 200);
    const article = response.json<Item & { body: { type: string; content: unknown[] }; html: string; notes: unknown[] }>();
    assert.equal(article.headline, 'Story number 7');
    assert.equal(article.body.type, 'doc');
    assert.equal(article.html, '<p>The lighthouse keeper retired after forty years.</p>');
    assert.deepEqual(article.notes, []);
  });

  it('refuses bad cursors and limits with 400 and the field', async () => {
    const first = await list('/api/content/articles?limit=2');
    const cursor = first.nextCursor as string;
    const [payload, mac] = cursor.split('.') as [string, string];
    const forged = `${Buffer.from(JSON.stringify([BASE + 999 * 86_400_000, 1])).toString('base64url')}.${mac}`;
    const flipped = `${payload}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of ['nonsense', forged, flipped, `${payload}.${mac}.x`, '%FF%FE']) {
      const response = await get(`/api/content/articles?cursor=${encodeURIComponent(bad)}`);
      assert.equal(response.statusCode, 400, bad);
      const body = response.json<{ error: string; field: string }>();
      assert.equal(body.field, 'cursor');
      assert.match(body.error, /nextCursor/u);
    }
    const tagCursorOnArticles = await get(`/api/content/tags?cursor=${encodeURIComponent(cursor)}`);
    assert.equal(tagCursorOnArticles.statusCode, 400, 'a cursor only works where it was given');
    for (const [limit, reason] of [['0', 'must be at least 1'], ['101', 'must be at most 100'], ['ten', 'must be a whole number']] as const) {
      const response = await get(`/api/content/articles?limit=${limit}`);
      assert.equal(response.statusCode, 400);
      assert.match(String(response.headers['content-type']), /application\/json/u);
      assert.deepEqual(response.json(), { error: `limit: ${reason}`, field: 'limit', reason });
    }
    const since = await get('/api/content/articles?since=yesterday');
    assert.equal(since.statusCode, 400);
    assert.equal(since.json<{ field: string }>().field, 'since');
    const slug = await get('/api/content/articles/Not%20A%20Slug');
    assert.equal(slug.statusCode, 400);
    assert.equal(slug.json<{ field: string }>().field, 'slug');
  });

  it('is cacheable, revalidates with an ETag and may be read from any origin', async () => {
    const response = await get('/api/content/articles?limit=5', { origin: 'https://partner.example' });
    assert.equal(response.headers['access-control-allow-origin'], '*');
    assert.equal(response.headers['access-control-allow-credentials'], undefined);
    assert.match(String(response.headers['cache-control']), /^public, max-age=\d+$/u);
    const etag = String(response.headers.etag);
    assert.match(etag, /^"[^"]+"$/u);
    const again = await get('/api/content/articles?limit=5', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const other = await get('/api/content/articles?limit=6', { 'if-none-match': etag });
    assert.equal(other.statusCode, 200);
    const bad = await get('/api/content/articles?limit=0');
    assert.equal(bad.headers['access-control-allow-origin'], '*', 'errors are readable cross-origin too');
    const preflight = await app.http.inject({ method: 'OPTIONS', url: '/api/content/articles', headers: { origin: 'https://partner.example', 'access-control-request-method': 'GET' } });
    assert.equal(preflight.statusCode, 204);
    assert.match(String(preflight.headers['access-control-allow-methods']), /GET/u);
    const post = await app.http.inject({ method: 'POST', url: '/api/content/articles', payload: {} });
    assert.ok([404, 405].includes(post.statusCode), 'read-only');
  });

  it('lists sections, tags and authors', async () => {
    const sections = (await get('/api/content/sections')).json<{ items: { slug: string; url: string }[] }>();
    assert.deepEqual(sections.items.map((s) => s.slug), ['news', 'sport']);
    assert.equal(sections.items[0]?.url, 'http://localhost:3000/news');
    const section = await get('/api/content/sections/sport');
    assert.equal(section.json<{ name: string }>().name, 'Sport');
    assert.equal((await get('/api/content/sections/nowhere')).statusCode, 404);
    const authors = (await get('/api/content/authors')).json<{ items: { slug: string; url: string; photo: unknown }[] }>();
    assert.deepEqual(authors.items.map((a) => a.slug), ['rita', 'sam']);
    assert.equal(authors.items[0]?.url, 'http://localhost:3000/author/rita');
    const rita = await get('/api/content/authors/rita');
    assert.equal(rita.json<{ name: string }>().name, 'Rita Reporter');
    assert.equal((await get('/api/content/authors/nobody')).statusCode, 404);
    const tag = await get('/api/content/tags/harbour');
    assert.deepEqual(tag.json(), { slug: 'harbour', name: 'harbour', url: 'http://localhost:3000/tag/harbour' });
  });

  it('pages tags by cursor', async () => {
    for (const slug of ['alpha', 'bravo', 'charlie']) {
      await app.publishing.createArticle({ headline: `Tagged ${slug}`, sectionSlug: 'news', authors: [{ slug: 'sam' }], tags: [slug], status: 'published', body: doc('x') });
    }
    const first = (await get('/api/content/tags?limit=2')).json<ListBody & { items: { slug: string }[] }>();
    assert.deepEqual(first.items.map((t) => t.slug), ['alpha', 'bravo']);
    const second = (await get(`/api/content/tags?limit=2&cursor=${encodeURIComponent(first.nextCursor as string)}`)).json<ListBody & { items: { slug: string }[] }>();
    assert.deepEqual(second.items.map((t) => t.slug), ['charlie', 'harbour']);
    assert.equal(second.nextCursor, null);
  });
});
