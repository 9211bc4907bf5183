import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';

describe('page cache, validators and compression', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ seed: true });
  });
  after(() => app.destroy());

  it('serves a strong ETag, answers If-None-Match with 304 and sets CDN-friendly Cache-Control', async () => {
    const first = await app.http.inject({ method: 'GET', url: '/' });
    assert.equal(first.statusCode, 200);
    const etag = first.headers.etag as string;
    assert.match(etag, /^"[^"]+"$/u);
    assert.match(first.headers['cache-control'] as string, /s-maxage=\d+/u);
    assert.match(first.headers['cache-control'] as string, /stale-while-revalidate=\d+/u);
    const second = await app.http.inject({ method: 'GET', url: '/', headers: { 'if-none-match': etag } });
    assert.equal(second.statusCode, 304);
    assert.equal(second.body, '');
    assert.ok(app.cache.stats().hits >= 1);
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await app.http.inject({ method: 'HEAD', url: '/' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, '');
    assert.match(res.headers['content-type'] as string, /text\/html/u);
  });

  it('compresses with brotli or gzip as the client accepts', async () => {
    const plain = await app.http.inject({ method: 'GET', url: '/' });
    const br = await app.http.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(zlib.brotliDecompressSync(br.rawPayload).toString(), plain.body);
    const gz = await app.http.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(gz.rawPayload).toString(), plain.body);
    assert.match(plain.headers.vary as string, /Accept-Encoding/u);
  });

  it('purges precisely: editing an article refreshes its page, its section and the front, not unrelated pages', async () => {
    const [card] = await app.queries.latest(1);
    assert.ok(card);
    const sections = await app.queries.sections();
    const other = sections.find((s) => s.id !== card.section.id)!;
    for (const url of [card.path, '/', `/${card.section.slug}`, `/${other.slug}`]) await app.http.inject({ method: 'GET', url });
    const otherBefore = await app.http.inject({ method: 'GET', url: `/${other.slug}` });
    await app.publishing.updateArticle(card.id, { headline: 'A corrected headline for the cache test' });
    for (const url of [card.path, '/', `/${card.section.slug}`]) {
      const res = await app.http.inject({ method: 'GET', url });
      assert.match(res.body, /A corrected headline for the cache test/u, url);
    }
    const otherAfter = await app.http.inject({ method: 'GET', url: `/${other.slug}` });
    assert.equal(otherAfter.headers.etag, otherBefore.headers.etag, 'an unrelated section page was not re-rendered');
    const $ = parse((await app.http.inject({ method: 'GET', url: card.path })).body);
    assert.ok($('.byline .updated time').attr('datetime'), 'the edit shows as an update');
  });

  it('a settings change reaches every page', async () => {
    await app.http.inject({ method: 'GET', url: '/' });
    await app.settings.update({ name: 'The Renamed Ledger' });
    const res = await app.http.inject({ method: 'GET', url: '/' });
    assert.match(res.body, /The Renamed Ledger/u);
  });

  it('a new section appears in the navigation and footer of cached pages', async () => {
    const [card] = await app.queries.latest(1);
    await app.http.inject({ method: 'GET', url: card!.path });
    await app.publishing.createSection({ slug: 'sports', name: 'Sports', position: 99 });
    const $ = parse((await app.http.inject({ method: 'GET', url: card!.path })).body);
    assert.equal($('nav.sections-nav a[href="/sports"]').text(), 'Sports');
    assert.equal($('.site-footer a[href="/sports"]').text(), 'Sports');
  });

  it('serves fingerprinted assets cached for a year', async () => {
    const $ = parse((await app.http.inject({ method: 'GET', url: '/' })).body);
    const href = $('link[rel="stylesheet"]').attr('href')!;
    assert.match(href, /^\/assets\/site\.[0-9a-f]{10}\.css$/u);
    const css = await app.http.inject({ method: 'GET', url: href });
    assert.equal(css.statusCode, 200);
    assert.match(css.headers['cache-control'] as string, /max-age=31536000, immutable/u);
    assert.match(css.body, /--accent:#[0-9a-f]{6}/iu);
    assert.equal((await app.http.inject({ method: 'GET', url: '/assets/site.0000000000.css' })).statusCode, 404);
  });
});
