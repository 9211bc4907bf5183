import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';

describe('bad input gets a clear 4xx, never a 500 or a stack trace', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ seed: true });
  });
  after(() => app.destroy());

  const noLeak = (body: string) => {
    assert.doesNotMatch(body, /at [\w.<>]+ \(|node_modules|\.ts:\d+/u, 'no stack trace');
  };

  it('unknown paths and slugs get the helpful 404 page', async () => {
    const section = (await app.queries.sections())[0]!;
    for (const url of ['/no-such-page', `/${section.slug}/no-such-story`, '/tag/no-such-tag', '/author/nobody', '/a/b/c/d', '/UPPER_case!', '/media/1/abc/960.jpg', '/media/999999/0123456789/960.webp', '/feeds/section/nope/rss.xml', '/feeds/author/nobody/atom.xml', '/sitemaps/articles-99.xml']) {
      const res = await app.http.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
      noLeak(res.body);
      const $ = parse(res.body);
      assert.equal($('h1').text(), 'We can’t find that page', url);
      assert.equal($('main form[role="search"] input[name="q"]').length, 1, 'a search box');
      assert.ok($('main .card').length >= 1, 'latest stories');
      assert.equal(res.headers['cache-control'], 'no-store');
    }
  });

  it('malformed percent-encoding is a 400', async () => {
    for (const url of ['/%E0%A4%A', '/local/%', '/%zz']) {
      const res = await app.http.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 400, url);
      assert.match(res.body, /Bad Request/u);
      noLeak(res.body);
    }
  });

  it('absurd page numbers are a 400 or a 404, with a message', async () => {
    const section = (await app.queries.sections())[0]!;
    for (const page of ['abc', '-1', '0', '1.5', '99999999999999999999', '1e3']) {
      const res = await app.http.inject({ method: 'GET', url: `/${section.slug}?page=${page}` });
      assert.equal(res.statusCode, 400, page);
      assert.match(res.body, /page must be a whole number/u);
    }
    const beyond = await app.http.inject({ method: 'GET', url: `/${section.slug}?page=999` });
    assert.equal(beyond.statusCode, 404);
    const search = await app.http.inject({ method: 'GET', url: '/search?q=river&page=abc' });
    assert.equal(search.statusCode, 400);
  });

  it('overlong URLs and query strings are refused', async () => {
    const long = await app.http.inject({ method: 'GET', url: `/${'a'.repeat(5000)}` });
    assert.equal(long.statusCode, 414);
    const query = await app.http.inject({ method: 'GET', url: `/search?q=${'x'.repeat(5000)}` });
    assert.equal(query.statusCode, 414);
    assert.match(query.body, /limited to 2048 characters/u);
  });

  it('unexpected methods get 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
      const res = await app.http.inject({ method, url: '/', headers: { origin: 'http://localhost:3000' } });
      assert.equal(res.statusCode, 405, method);
      assert.match(res.headers.allow as string, /GET/u);
    }
    const unknown = await app.http.inject({ method: 'DELETE', url: '/nothing/here/at/all' });
    assert.equal(unknown.statusCode, 404);
  });

  it('a cross-site POST is refused before it reaches any handler', async () => {
    const res = await app.http.inject({ method: 'POST', url: '/', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'x=1' });
    assert.equal(res.statusCode, 403);
    const fetchSite = await app.http.inject({ method: 'POST', url: '/', headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(fetchSite.statusCode, 403);
  });

  it('search survives query syntax that would break a full-text engine', async () => {
    for (const q of ['"', 'AND OR NOT', '*', 'river" OR 1=1 --', '(((', 'NEAR(a b)', '%00', '🦆', "'; DROP TABLE articles; --"]) {
      const res = await app.http.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(q)}` });
      assert.equal(res.statusCode, 200, q);
      noLeak(res.body);
    }
    assert.ok((await app.queries.countPublished()) > 0, 'nothing was dropped');
  });

  it('sends security headers with a CSP that forbids inline script', async () => {
    const res = await app.http.inject({ method: 'GET', url: '/' });
    const csp = res.headers['content-security-policy'] as string;
    assert.match(csp, /script-src 'self'/u);
    assert.doesNotMatch(csp, /unsafe-inline/u);
    assert.match(csp, /frame-ancestors 'self'/u);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
  });

  it('answers /healthz', async () => {
    const res = await app.http.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });
});
