import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { EmbedError, resolveEmbed } from '../../src/modules/embeds/oembed.js';
import { isPublicAddress, nodeTransport, safeFetch, UnsafeUrlError, type Transport, type UrlPolicy } from '../../src/modules/embeds/ssrf.js';
import { useEmbedNetworkForTests } from '../../src/modules/embeds/routes.js';
import { renderBody } from '../../src/modules/publishing/render-body.js';
import { parse as load } from '../helpers/html.js';

/** A resolver that answers every name with one address, and counts questions. */
function stubPolicy(address: string): UrlPolicy & { asked: string[] } {
  const asked: string[] = [];
  return { asked, schemes: ['https:'], allowAddress: isPublicAddress, resolve: async (host) => (asked.push(host), [{ address, family: address.includes(':') ? 6 : 4 }]) };
}

/** A transport that must not be called. */
const never: Transport = async () => {
  throw new Error('fetched although it must not be');
};

const YOUTUBE_HTML = '<iframe width="200" height="113" src="https://www.youtube.com/embed/abc" title="A video" allowfullscreen></iframe>';

function oembedTransport(calls: { url: string; address: string }[]): Transport {
  return async (target) => {
    calls.push({ url: target.url.href, address: target.pinned.address });
    const body = JSON.stringify({ type: 'video', title: 'A video', html: YOUTUBE_HTML, width: 200, height: 113, thumbnail_url: 'https://i.ytimg.com/vi/abc/hqdefault.jpg' });
    return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
  };
}

const refused = (pattern: RegExp) => (error: unknown) => error instanceof EmbedError && error.status === 400 && pattern.test(error.message);

describe('oEmbed resolution and the SSRF guard', () => {
  it('refuses http, loopback, private and unlisted URLs without fetching anything', async () => {
    const policy = stubPolicy('93.184.216.34');
    await assert.rejects(resolveEmbed('http://www.youtube.com/watch?v=abc', { policy, transport: never }), refused(/Only https/u));
    await assert.rejects(resolveEmbed('https://127.0.0.1/', { policy, transport: never }), refused(/127\.0\.0\.1 is a private or local/u));
    await assert.rejects(resolveEmbed('https://[::1]/', { policy, transport: never }), refused(/::1 is a private or local/u));
    await assert.rejects(resolveEmbed('https://169.254.169.254/latest/meta-data', { policy, transport: never }), refused(/private or local/u));
    await assert.rejects(resolveEmbed('https://example.com/some/page', { policy, transport: never }), refused(/^Embeds from example\.com are not supported\.$/u));
    await assert.rejects(resolveEmbed('https://www.youtube.com.evil.example/watch?v=abc', { policy, transport: never }), refused(/not supported/u));
    await assert.rejects(resolveEmbed('not a url', { policy, transport: never }), refused(/not a valid URL/u));
    assert.deepEqual(policy.asked, [], 'no DNS question for any of these');
  });

  it('refuses an allow-listed host whose name resolves to a private address, never fetching', async () => {
    for (const address of ['10.0.0.7', '192.168.1.1', 'fd12::1', '::ffff:127.0.0.1', '100.64.1.1']) {
      const policy = stubPolicy(address);
      await assert.rejects(resolveEmbed('https://www.youtube.com/watch?v=abc', { policy, transport: never }), refused(/www\.youtube\.com points to a private or local network address/u), address);
      assert.deepEqual(policy.asked, ['www.youtube.com']);
    }
  });

  it('asks the provider endpoint, connecting to the vetted address, and reads its answer', async () => {
    const calls: { url: string; address: string }[] = [];
    const embed = await resolveEmbed('https://www.youtube.com/watch?v=abc', { policy: stubPolicy('93.184.216.34'), transport: oembedTransport(calls) });
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.address, '93.184.216.34');
    const asked = new URL(calls[0]?.url ?? '');
    assert.equal(asked.origin + asked.pathname, 'https://www.youtube.com/oembed');
    assert.equal(asked.searchParams.get('url'), 'https://www.youtube.com/watch?v=abc');
    assert.deepEqual(embed, {
      provider: 'YouTube',
      url: 'https://www.youtube.com/watch?v=abc',
      title: 'A video',
      html: YOUTUBE_HTML,
      playerUrl: 'https://www.youtube.com/embed/abc',
      thumbnailUrl: 'https://i.ytimg.com/vi/abc/hqdefault.jpg',
      width: 200,
      height: 113,
    });
  });

  it('makes Instagram a link card with a note when no token is configured', async () => {
    const embed = await resolveEmbed('https://www.instagram.com/p/Cabc123/', { policy: stubPolicy('93.184.216.34'), transport: never });
    assert.equal(embed.provider, 'Instagram');
    assert.equal(embed.html, undefined);
    assert.match(embed.note ?? '', /access token/u);
  });

  it('does not follow redirects to another host', async () => {
    const hops: string[] = [];
    const redirecting: Transport = async (target) => {
      hops.push(target.url.href);
      return { status: 302, headers: { location: 'https://metadata.internal/' }, body: Buffer.alloc(0) };
    };
    await assert.rejects(safeFetch('https://www.youtube.com/oembed', { method: 'GET', timeoutMs: 1000, maxBytes: 1000 }, stubPolicy('93.184.216.34'), redirecting), (e: unknown) => e instanceof UnsafeUrlError && /another host/u.test(e.message));
    assert.equal(hops.length, 1);
  });

  describe('the real transport against a local stub server', () => {
    let server: http.Server;
    let port = 0;
    const hosts: string[] = [];
    before(async () => {
      server = http.createServer((req, res) => {
        hosts.push(String(req.headers.host));
        if (req.url === '/big') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(Buffer.alloc(2 * 1024 * 1024, 0x20));
        } else if (req.url === '/slow') {
          setTimeout(() => res.end('{}'), 3000).unref();
        } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    after(() => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    });
    // Test-only policy: http and loopback allowed, and a name that resolves to 127.0.0.1.
    const local: UrlPolicy = { schemes: ['http:'], resolve: async () => [{ address: '127.0.0.1', family: 4 }], allowAddress: (a) => a === '127.0.0.1' };

    it('connects to the pinned address while keeping the host name', async () => {
      const response = await safeFetch(`http://provider.test:${port}/ok`, { method: 'GET', timeoutMs: 2000, maxBytes: 1000 }, local, nodeTransport);
      assert.equal(response.status, 200);
      assert.equal(response.body.toString(), '{"ok":true}');
      assert.equal(hosts.at(-1), `provider.test:${port}`);
    });

    it('caps the body and the time', async () => {
      await assert.rejects(safeFetch(`http://provider.test:${port}/big`, { method: 'GET', timeoutMs: 2000, maxBytes: 1024 * 1024 }, local, nodeTransport), /larger than 1024 KB/u);
      const started = Date.now();
      await assert.rejects(safeFetch(`http://provider.test:${port}/slow`, { method: 'GET', timeoutMs: 300, maxBytes: 1000 }, local, nodeTransport), /No answer within/u);
      assert.ok(Date.now() - started < 2000);
    });
  });
});

describe('embed routes and sandboxed frames', () => {
  let app: TestApp;
  let key = '';
  before(async () => {
    app = await startTestApp();
    key = (await app.accounts.createKey({ name: 'Writer', role: 'contributor' })).key;
  });
  after(async () => {
    useEmbedNetworkForTests(null);
    await app.destroy();
  });
  const get = (url: string, auth = true) => app.http.inject({ method: 'GET', url, headers: auth ? { authorization: `Bearer ${key}` } : {} });

  it('resolves an allow-listed URL for staff, stores the HTML and serves it in a sandboxed frame', async () => {
    assert.equal((await get('/api/admin/embeds/resolve?url=https://www.youtube.com/watch?v=abc', false)).statusCode, 401);
    useEmbedNetworkForTests({ policy: stubPolicy('93.184.216.34'), transport: oembedTransport([]) });
    const resolved = await get(`/api/admin/embeds/resolve?url=${encodeURIComponent('https://www.youtube.com/watch?v=abc')}`);
    assert.equal(resolved.statusCode, 200, resolved.body);
    const embed = resolved.json();
    assert.equal(embed.provider, 'YouTube');
    assert.equal(embed.playerUrl, 'https://www.youtube.com/embed/abc', 'a single-iframe player is framed directly');
    assert.match(embed.frameId, /^[0-9a-f]{32}$/u);

    const frame = await get(`/frames/embed/${embed.frameId}`, false);
    assert.equal(frame.statusCode, 200);
    assert.ok(frame.body.includes(YOUTUBE_HTML));
    const csp = String(frame.headers['content-security-policy']);
    assert.match(csp, /sandbox allow-scripts allow-popups allow-presentation/u);
    assert.doesNotMatch(csp, /allow-same-origin/u);
    assert.match(csp, /frame-ancestors 'self'/u);
    assert.match(csp, /frame-src https:\/\/www\.youtube\.com/u);
    assert.match(csp, /script-src 'none'/u);
    assert.equal((await get('/frames/embed/0123456789abcdef0123456789abcdef', false)).statusCode, 404);
    assert.equal((await get('/frames/embed/..%2f..%2fetc', false)).statusCode, 400);
  });

  it('answers 400 with a message for unlisted and private URLs', async () => {
    useEmbedNetworkForTests({ policy: stubPolicy('10.0.0.9'), transport: never });
    const cases: [string, RegExp][] = [
      ['https://example.com/x', /Embeds from example\.com are not supported/u],
      ['https://127.0.0.1/', /private or local/u],
      ['https://[::1]/', /private or local/u],
      ['http://vimeo.com/123', /Only https/u],
      ['https://vimeo.com/123', /vimeo\.com points to a private or local network address/u],
    ];
    for (const [url, message] of cases) {
      const response = await get(`/api/admin/embeds/resolve?url=${encodeURIComponent(url)}`);
      assert.equal(response.statusCode, 400, url);
      assert.match(response.json().error, message);
    }
  });

  it('renders embeds and raw HTML as sandboxed frames with reserved height, and serves the raw HTML with its own CSP', async () => {
    const html = '<div id="poll">Vote</div><script>document.getElementById("poll").textContent = "Loaded"</script>';
    const parts = renderBody(
      {
        type: 'doc',
        content: [
          { type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=abc', provider: 'YouTube', title: 'A video', frameId: 'a'.repeat(32), width: 200, height: 113 } },
          { type: 'embed', attrs: { url: 'https://example.org/story', title: 'Plain link' } },
          { type: 'rawHtml', attrs: { html, height: 240, title: 'Reader poll' } },
        ],
      },
      new Map(),
    );
    assert.deepEqual(parts.map((p) => p.kind), ['embed', 'embed', 'html']);
    const $ = load(parts.map((p) => p.html).join(''));
    const frames = $('iframe');
    assert.equal(frames.length, 2);
    for (const el of frames.toArray()) {
      assert.equal($(el).attr('sandbox'), 'allow-scripts allow-popups allow-presentation');
      assert.equal($(el).attr('loading'), 'lazy');
      assert.ok($(el).attr('title'));
      assert.ok(Number($(el).attr('height')) > 0, 'height reserved');
    }
    assert.equal(frames.eq(0).attr('src'), `/frames/embed/${'a'.repeat(32)}`);
    assert.equal(frames.eq(0).attr('height'), String(Math.round((113 * 640) / 200)));
    assert.equal($('figure.embed').eq(0).find('a').attr('href'), 'https://www.youtube.com/watch?v=abc', 'the link card stays');
    assert.equal($('figure.embed').eq(1).find('iframe').length, 0, 'no frame without provider HTML');
    const hash = crypto.createHash('sha256').update(html).digest('hex');
    assert.equal(frames.eq(1).attr('src'), `/frames/html/${hash}`);
    assert.equal(frames.eq(1).attr('height'), '240');
    assert.ok(!parts.some((p) => p.html.includes('<script')), 'the raw HTML is never inline');

    const frame = await get(`/frames/html/${hash}`, false);
    assert.equal(frame.statusCode, 200);
    assert.ok(frame.body.includes(html));
    const csp = String(frame.headers['content-security-policy']);
    assert.match(csp, /script-src 'unsafe-inline'/u);
    assert.match(csp, /sandbox allow-scripts allow-popups allow-presentation/u);
    assert.match(csp, /frame-ancestors 'self'/u);
    // Stored too, so other instances and restarts can serve it.
    let stored;
    for (let i = 0; i < 50 && !stored; i++) {
      stored = await app.db.kysely.selectFrom('html_frames').select('html').where('hash', '=', hash).executeTakeFirst();
      if (!stored) await new Promise((r) => setTimeout(r, 10));
    }
    assert.equal(stored?.html, html);
    assert.equal((await get(`/frames/html/${'0'.repeat(64)}`, false)).statusCode, 404);
  });

  it('frames allow-listed players directly and nothing else from elsewhere', async () => {
    const page = await get('/', false);
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/u);
    assert.match(csp, /frame-src 'self' https:\/\/www\.youtube\.com https:\/\/www\.youtube-nocookie\.com https:\/\/player\.vimeo\.com/u);
    assert.doesNotMatch(csp, /frame-src[^;]*(?:twitter|\*|https:(?:;| ))/u, 'script-based embeds stay in our sandboxed frames');

    const parts = renderBody(
      {
        type: 'doc',
        content: [
          { type: 'embed', attrs: { url: 'https://vimeo.com/123', provider: 'Vimeo', title: 'Clip', playerUrl: 'https://player.vimeo.com/video/123', width: 640, height: 360 } },
          { type: 'embed', attrs: { url: 'https://vimeo.com/124', provider: 'Vimeo', title: 'Forged', playerUrl: 'https://evil.example/video/124', frameId: 'b'.repeat(32) } },
          { type: 'embed', attrs: { url: 'https://vimeo.com/125', provider: 'Vimeo', title: 'Downgraded', playerUrl: 'http://player.vimeo.com/video/125' } },
        ],
      },
      new Map(),
    );
    const $ = load(parts.map((p) => p.html).join(''));
    const player = $('figure.embed').eq(0).find('iframe');
    assert.equal(player.attr('src'), 'https://player.vimeo.com/video/123');
    assert.equal(player.attr('sandbox'), 'allow-scripts allow-same-origin allow-popups allow-presentation');
    assert.equal(player.attr('height'), '360');
    assert.equal($('figure.embed').eq(1).find('iframe').attr('src'), `/frames/embed/${'b'.repeat(32)}`, 'a player URL off the list falls back to the sandboxed frame');
    assert.equal($('figure.embed').eq(2).find('iframe').length, 0, 'http players are never framed');
  });
});
