import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { PageCache, compressed, makeEntry } from '../../src/http/page-cache.js';
import { preferredEncoding } from '../../src/http/send-page.js';

describe('page cache', () => {
  it('purges exactly the entries carrying a tag', () => {
    const cache = new PageCache(1024 * 1024);
    const g = cache.generation;
    cache.set('/a', makeEntry(200, 'text/html', 'a', ['article:1', 'section:1']), g);
    cache.set('/b', makeEntry(200, 'text/html', 'b', ['article:2', 'section:1']), g);
    cache.set('/c', makeEntry(200, 'text/html', 'c', ['article:3', 'section:2']), g);
    assert.equal(cache.purge(['article:2']), 1);
    assert.ok(cache.get('/a') && !cache.get('/b') && cache.get('/c'));
    assert.equal(cache.purge(['section:1']), 1);
    assert.ok(!cache.get('/a') && cache.get('/c'));
  });

  it('refuses a page rendered before a purge', () => {
    const cache = new PageCache(1024 * 1024);
    const renderedAt = cache.generation;
    cache.purge(['article:1']);
    cache.set('/a', makeEntry(200, 'text/html', 'stale', ['article:1']), renderedAt);
    assert.equal(cache.get('/a'), undefined);
  });

  it('evicts least recently used pages beyond its size', () => {
    const cache = new PageCache(3000);
    for (let i = 0; i < 10; i++) cache.set(`/${i}`, makeEntry(200, 'text/html', 'x'.repeat(500), [`article:${i}`]), cache.generation);
    assert.ok(cache.stats().bytes <= 3000);
    assert.equal(cache.get('/0'), undefined);
    assert.ok(cache.get('/9'));
  });

  it('compresses once and round-trips', () => {
    const entry = makeEntry(200, 'text/html', 'hello '.repeat(1000), []);
    const br = compressed(entry, 'br');
    assert.equal(compressed(entry, 'br'), br);
    assert.equal(zlib.brotliDecompressSync(br).toString(), 'hello '.repeat(1000));
    assert.equal(zlib.gunzipSync(compressed(entry, 'gzip')).toString(), 'hello '.repeat(1000));
  });

  it('chooses brotli, then gzip, honouring q=0', () => {
    assert.equal(preferredEncoding('gzip, deflate, br'), 'br');
    assert.equal(preferredEncoding('gzip;q=1, br;q=0'), 'gzip');
    assert.equal(preferredEncoding('identity'), null);
    assert.equal(preferredEncoding(undefined), null);
  });
});
