/**
 * Comments framed on other sites: the loader script, the frame page (allowed origins only, with
 * frame-ancestors naming exactly them), one story per page address, and the embed token a frame
 * sends instead of the session cookie (which never reaches a frame under another site).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commentsFixture, type CommentsFixture, type Reader } from './helpers.js';
import { PUBLIC_URL } from '../helpers/app.js';
import { EMBED_TOKEN_TTL_MS, signEmbedToken, verifyEmbedToken } from '../../src/modules/comments/embed-token.js';
import { checkEmbedPage, frameCsp } from '../../src/modules/comments/embed.js';
import { signingSecret } from '../../src/secret.js';

const PARTNER = 'https://partner.example';
const BLOG = 'https://blog.example:8443';

const frameAncestors = (csp: unknown) => /(?:^|;\s*)frame-ancestors ([^;]*)/u.exec(String(csp))?.[1];
const embedUrl = (url: string, title = 'A story') => `/comments/embed?url=${encodeURIComponent(url)}&title=${encodeURIComponent(title)}`;

describe('comments embed', () => {
  let f: CommentsFixture;
  let secret: string;
  before(async () => {
    f = await commentsFixture();
    secret = signingSecret(f.app.config);
    await f.app.settings.update({ comments: { embedOrigins: [PARTNER, BLOG] } });
  });
  after(() => f.close());

  /** A frame's request to our API: same origin (the frame is ours), no cookie, the token as a bearer. */
  const withToken = (method: 'GET' | 'POST', url: string, token: string, body?: unknown) =>
    f.app.http.inject({
      method,
      url,
      headers: { origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin', authorization: `Bearer ${token}` },
      remoteAddress: '203.0.113.9',
      ...(body !== undefined ? { payload: body as object } : {}),
    });

  describe('the loader', () => {
    it('is a small script any site may load, cached and revalidated', async () => {
      const response = await f.app.http.inject({ method: 'GET', url: '/comments/embed.js' });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/javascript/u);
      assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin');
      assert.ok(response.rawPayload.length < 2048, `under 2 KB, was ${response.rawPayload.length} bytes`);
      assert.match(response.body, /div\[data-structurecms-comments\]/u);
      assert.match(response.body, /\/comments\/embed\?url=/u);
      assert.match(String(response.headers['cache-control']), /max-age=3600/u);

      const etag = String(response.headers.etag);
      const again = await f.app.http.inject({ method: 'GET', url: '/comments/embed.js', headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      const pinned = await f.app.http.inject({ method: 'GET', url: `/comments/embed.js?v=${etag.slice(1, -1)}` });
      assert.match(String(pinned.headers['cache-control']), /max-age=31536000, immutable/u);
      const other = await f.app.http.inject({ method: 'GET', url: '/comments/embed.js?v=0000000000' });
      assert.doesNotMatch(String(other.headers['cache-control']), /immutable/u, 'an old version pin is not kept for a year');
    });
  });

  describe('the frame page', () => {
    it('shows the discussion for an allowed origin, frameable by exactly the allowed origins', async () => {
      const url = `${PARTNER}/news/bridge-opens`;
      const story = await f.app.comments.storyForPage({ url, title: 'The bridge opens' });
      const reader = await f.reader('Partner Reader');
      await f.comment(reader, { storyId: story.id }, 'Framed and *fine*.');

      const response = await f.app.http.inject({ method: 'GET', url: embedUrl(`${url}#top`, 'The bridge opens') });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/html/u);
      const csp = String(response.headers['content-security-policy']);
      assert.equal(frameAncestors(csp), `${PARTNER} ${BLOG}`);
      assert.equal(csp.match(/frame-ancestors/gu)?.length, 1, 'the site-wide frame-ancestors is replaced, not added to');
      assert.match(csp, /script-src 'self'/u, 'the rest of the site policy stays');
      assert.equal(response.headers['x-frame-options'], undefined, 'no X-Frame-Options contradicting the CSP');
      assert.match(response.body, /Framed and <em>fine<\/em>\./u);
      assert.match(response.body, /Partner Reader/u);
      assert.match(response.body, /Powered by StructureCMS Comments/u);
      assert.match(response.body, new RegExp(`data-story="${story.id}"`, 'u'), 'the story of that page (the fragment is not part of it)');
      assert.match(response.body, /<script src="\/assets\/comments-embed-frame\.[0-9a-f]{10}\.js"/u);
      assert.doesNotMatch(response.body, /class="site-header|<header class="masthead/u, 'no site chrome');
      // Links in the frame stay in the frame's own address space.
      assert.match(response.body, new RegExp(`href="/comments/embed/story/${story.id}\\?sort=oldest#comments"`, 'u'));
      assert.match(response.body, /href="\/comments\/embed\/sign-in\?return=/u, 'signing in goes through the frame’s own page');

      const linked = await f.app.http.inject({ method: 'GET', url: `/comments/embed/story/${story.id}?sort=oldest` });
      assert.equal(linked.statusCode, 200);
      assert.equal(frameAncestors(linked.headers['content-security-policy']), `${PARTNER} ${BLOG}`);
      assert.match(linked.body, /Framed and <em>fine<\/em>\./u);
    });

    it('gives the same story to the same page address every time, and another to another page', async () => {
      const storyOf = async (url: string) => {
        const response = await f.app.http.inject({ method: 'GET', url: embedUrl(url) });
        assert.equal(response.statusCode, 200, response.body);
        return Number(/data-story="(\d+)"/u.exec(response.body)?.[1]);
      };
      const first = await storyOf(`${BLOG}/2026/11/post?p=12`);
      assert.ok(first > 0);
      assert.equal(await storyOf(`${BLOG}/2026/11/post?p=12`), first);
      assert.equal(await storyOf(`${BLOG}/2026/11/post?p=12#comments`), first);
      assert.notEqual(await storyOf(`${BLOG}/2026/11/post?p=13`), first);
      const row = await f.app.db.kysely.selectFrom('comment_stories').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
      assert.deepEqual([row.url, row.article_id, row.title], [`${BLOG}/2026/11/post?p=12`, null, 'A story']);
    });

    it('bounds the title and strips control characters from it', async () => {
      const response = await f.app.http.inject({ method: 'GET', url: embedUrl(`${PARTNER}/titled`, `\u202Eevil\u0000 ${'x'.repeat(400)}`) });
      assert.equal(response.statusCode, 200);
      const row = await f.app.db.kysely.selectFrom('comment_stories').select('title').where('url', '=', `${PARTNER}/titled`).executeTakeFirstOrThrow();
      assert.ok(row.title.length <= 200, `at most 200 characters, was ${row.title.length}`);
      assert.ok(row.title.startsWith('evil x'), row.title);
    });

    it('refuses other origins and addresses that are not pages with a 403 sentence anyone may show, making no story', async () => {
      const before = await f.app.db.kysely.selectFrom('comment_stories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const cases: Array<[string, RegExp]> = [
        [embedUrl('https://evil.example/news/1'), /not enabled for https:\/\/evil\.example/u],
        [embedUrl('http://partner.example/news/1'), /not enabled/u],
        [embedUrl('https://partner.example.evil.example/x'), /not enabled/u],
        [embedUrl('javascript:alert(1)'), /not a complete web address/u],
        [embedUrl('/news/relative'), /not a complete web address/u],
        [embedUrl('//partner.example/news'), /not a complete web address/u],
        [embedUrl(`https://user:pass@partner.example/x`), /not a complete web address/u],
        [embedUrl(`${PARTNER}/${'a'.repeat(1100)}`), /too long/u],
        ['/comments/embed', /Say which page/u],
        [`/comments/embed?url=${encodeURIComponent(`${PARTNER}/a`)}&url=${encodeURIComponent(`${PARTNER}/b`)}`, /Say which page/u],
      ];
      for (const [url, message] of cases) {
        const response = await f.app.http.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 403, `${url}: ${response.statusCode}`);
        assert.match(response.body, message, url);
        assert.equal(frameAncestors(response.headers['content-security-policy']), '*', 'the refusal itself may show in any frame');
        assert.equal(response.headers['cache-control'], 'no-store');
        assert.doesNotMatch(response.body, /comment-form|data-story/u);
      }
      const after = await f.app.db.kysely.selectFrom('comment_stories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n), 'no story was made for any of them');
    });

    it('stops framing a partner the moment the admin removes its origin', async () => {
      const story = await f.app.comments.storyForPage({ url: `${BLOG}/soon-gone`, title: 'Soon gone' });
      assert.equal((await f.app.http.inject({ method: 'GET', url: `/comments/embed/story/${story.id}` })).statusCode, 200);
      await f.app.settings.update({ comments: { embedOrigins: [PARTNER] } });
      try {
        const response = await f.app.http.inject({ method: 'GET', url: `/comments/embed/story/${story.id}` });
        assert.equal(response.statusCode, 403);
        const allowed = await f.app.http.inject({ method: 'GET', url: embedUrl(`${PARTNER}/still-here`) });
        assert.equal(frameAncestors(allowed.headers['content-security-policy']), PARTNER);
      } finally {
        await f.app.settings.update({ comments: { embedOrigins: [PARTNER, BLOG] } });
      }
      // One of our own articles is not an embed.
      const article = await f.article('not-embedded');
      await f.api('GET', article.path);
      const own = await f.app.db.kysely.selectFrom('comment_stories').select('id').where('article_id', '=', article.id).executeTakeFirstOrThrow();
      assert.equal((await f.app.http.inject({ method: 'GET', url: `/comments/embed/story/${own.id}` })).statusCode, 403);
      assert.equal((await f.app.http.inject({ method: 'GET', url: '/comments/embed/story/99999999' })).statusCode, 404);
    });

    it('shows a new comment at once, though the frame page is cached', async () => {
      const url = `${PARTNER}/cached`;
      const first = await f.app.http.inject({ method: 'GET', url: embedUrl(url) });
      assert.match(String(first.headers['cache-control']), /public/u);
      const storyId = Number(/data-story="(\d+)"/u.exec(first.body)?.[1]);
      await f.comment(await f.reader('Late Arrival'), { storyId }, 'Arrived after the first render.');
      const second = await f.app.http.inject({ method: 'GET', url: embedUrl(url) });
      assert.match(second.body, /Arrived after the first render\./u);
    });

    it('answers the frame’s plain form (JavaScript off, so no token) with the frame’s sign-in page, and back to its story after', async () => {
      const story = await f.app.comments.storyForPage({ url: `${PARTNER}/no-script`, title: 'No script' });
      const posted = await f.form('/comments', { story: String(story.id), text: 'Posted from a frame without JavaScript.' });
      assert.equal(posted.statusCode, 303);
      const location = String(posted.headers.location);
      assert.equal(location, `/comments/embed/sign-in?return=${encodeURIComponent(`/comments/embed/story/${story.id}`)}`);
      const page = await f.app.http.inject({ method: 'GET', url: location });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`href="/comments/embed/story/${story.id}"`, 'u'));
      // A reader whose cookie does reach the frame (a partner on a sibling host) posts and lands on the frame's story.
      const reader = await f.reader('Sibling Host');
      const signedIn = await f.form('/comments', { story: String(story.id), text: 'Posted from a frame with a cookie.' }, { as: reader });
      assert.equal(signedIn.statusCode, 303);
      assert.match(String(signedIn.headers.location), new RegExp(`^/comments/embed/story/${story.id}\\?`, 'u'));
    });
  });

  describe('signing in from the frame', () => {
    let reader: Reader;
    let storyId: number;
    before(async () => {
      reader = await f.reader('Token Holder');
      storyId = (await f.app.comments.storyForPage({ url: `${PARTNER}/tokens`, title: 'Tokens' })).id;
    });

    it('hands a signed-in reader a token at the end of the sign-in popup, and sends others to sign in', async () => {
      const signedOut = await f.app.http.inject({ method: 'GET', url: '/comments/embed/signed-in' });
      assert.equal(signedOut.statusCode, 303);
      assert.equal(signedOut.headers.location, `/account/sign-in?return=${encodeURIComponent('/comments/embed/signed-in')}`);

      const response = await f.app.http.inject({ method: 'GET', url: '/comments/embed/signed-in', headers: { cookie: reader.cookie } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.equal(response.headers['cross-origin-opener-policy'], 'unsafe-none', 'the popup keeps its opener (the frame)');
      assert.equal(frameAncestors(response.headers['content-security-policy']), "'self'", 'never framed by anyone else');
      const token = /data-token="([^"]+)"/u.exec(response.body)?.[1] ?? '';
      const check = verifyEmbedToken(secret, token, f.clock.now);
      assert.ok('userId' in check, 'a valid token');
      assert.equal(check.userId, reader.id);
      assert.equal(check.expiresAt, f.clock.now + EMBED_TOKEN_TTL_MS);
    });

    it('keeps the opener on the sign-in pages of that popup only', async () => {
      const popup = await f.app.http.inject({ method: 'GET', url: `/account/sign-in?return=${encodeURIComponent('/comments/embed/signed-in')}` });
      assert.equal(popup.statusCode, 200);
      assert.equal(popup.headers['cross-origin-opener-policy'], 'unsafe-none');
      const plain = await f.app.http.inject({ method: 'GET', url: '/account/sign-in?return=%2Fnews%2Fx' });
      assert.equal(plain.headers['cross-origin-opener-policy'], 'same-origin');
      const posted = await f.form('/account/sign-in', { email: 'nobody@example.com', password: 'wrong password here', return: '/comments/embed/signed-in' });
      assert.equal(posted.headers['cross-origin-opener-policy'], 'unsafe-none');
    });

    it('acts as the reader with a valid token, without any cookie', async () => {
      const token = signEmbedToken(secret, reader.id, f.clock.now + EMBED_TOKEN_TTL_MS);
      const me = await withToken('GET', '/api/comments/me', token);
      assert.equal(me.statusCode, 200);
      assert.deepEqual(me.json<{ reader: unknown }>().reader, { id: reader.id, name: 'Token Holder' });

      f.clock.advance(21_000);
      const posted = await withToken('POST', '/api/comments', token, { storyId, text: 'Posted from inside a frame.' });
      assert.equal(posted.statusCode, 201, posted.body);
      const id = posted.json<{ comment: { id: number } }>().comment.id;
      const row = await f.app.db.kysely.selectFrom('comments').select(['user_id', 'story_id']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual([row.user_id, row.story_id], [reader.id, storyId]);
    });

    it('answers 401 to an expired, tampered or foreign token, and posts nothing', async () => {
      const count = async () => Number((await f.app.db.kysely.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const valid = signEmbedToken(secret, reader.id, f.clock.now + EMBED_TOKEN_TTL_MS);
      const [payload, mac] = valid.split('.') as [string, string];
      const otherPayload = Buffer.from(JSON.stringify({ u: reader.id + 1, e: f.clock.now + EMBED_TOKEN_TTL_MS })).toString('base64url');
      const tokens: Array<[string, RegExp]> = [
        [signEmbedToken(secret, reader.id, f.clock.now - 1), /expired/u],
        [`${otherPayload}.${mac}`, /not valid/u],
        [`${payload}.${mac.slice(0, -2)}AA`, /not valid/u],
        [signEmbedToken('another site secret', reader.id, f.clock.now + EMBED_TOKEN_TTL_MS), /not valid/u],
        [signEmbedToken(secret, 999_999_999, f.clock.now + EMBED_TOKEN_TTL_MS), /not valid/u],
        ['garbage', /not valid/u],
      ];
      for (const [token, message] of tokens) {
        f.clock.advance(21_000);
        const response = await withToken('POST', '/api/comments', token, { storyId, text: 'Should never be stored.' });
        assert.equal(response.statusCode, 401, `${token}: ${response.body}`);
        assert.match(response.json<{ error: string }>().error, message);
        assert.match(String(response.headers['www-authenticate']), /^Bearer/u);
      }
      // A token a minute past its hour.
      const aging = signEmbedToken(secret, reader.id, f.clock.now + EMBED_TOKEN_TTL_MS);
      f.clock.advance(EMBED_TOKEN_TTL_MS + 60_000);
      assert.equal((await withToken('GET', '/api/comments/me', aging)).statusCode, 401);
      assert.equal(await count(), before);
      // A preview link's token (same secret, another purpose) is no embed token.
      const { signPreview } = await import('../../src/modules/publishing/preview.js');
      assert.equal((await withToken('GET', '/api/comments/me', signPreview(secret, reader.id, f.clock.now + 60_000))).statusCode, 401);
    });

    it('refuses a banned reader’s token as it refuses their session', async () => {
      const banned = await f.reader('Soon Banned');
      await f.app.comments.setStanding({ userId: null, label: 'Moe' }, banned.id, { kind: 'banned', message: 'Spam.' });
      const token = signEmbedToken(secret, banned.id, f.clock.now + EMBED_TOKEN_TTL_MS);
      f.clock.advance(21_000);
      const bySession = await f.api('POST', '/api/comments', { as: banned, body: { storyId, text: 'With the cookie.' } });
      f.clock.advance(21_000);
      const byToken = await withToken('POST', '/api/comments', token, { storyId, text: 'With the token.' });
      assert.equal(bySession.statusCode, 403, bySession.body);
      assert.equal(byToken.statusCode, bySession.statusCode);
      assert.equal(byToken.json<{ error: string }>().error, bySession.json<{ error: string }>().error);
      const stored = await f.app.db.kysely.selectFrom('comments').select('id').where('user_id', '=', banned.id).execute();
      assert.deepEqual(stored, []);
    });

    it('refuses the token of a disabled account', async () => {
      const gone = await f.reader('Disabled Later');
      const token = signEmbedToken(secret, gone.id, f.clock.now + EMBED_TOKEN_TTL_MS);
      await f.app.db.kysely.updateTable('users').set({ disabled_at: f.clock.now }).where('id', '=', gone.id).execute();
      assert.equal((await withToken('GET', '/api/comments/me', token)).statusCode, 401);
    });

    it('leaves the token alone outside /api/comments', async () => {
      const token = signEmbedToken(secret, reader.id, f.clock.now + EMBED_TOKEN_TTL_MS);
      const admin = await f.app.http.inject({ method: 'GET', url: '/api/admin/articles', headers: { authorization: `Bearer ${token}` } });
      assert.equal(admin.statusCode, 401, 'not an API key');
    });
  });

  describe('rules', () => {
    it('checkEmbedPage keeps the address without its fragment and only for listed origins', () => {
      assert.deepEqual(checkEmbedPage('https://partner.example/a?b=1#c', [PARTNER]), { url: 'https://partner.example/a?b=1' });
      assert.deepEqual(checkEmbedPage('https://PARTNER.example:443/a', [PARTNER]), { url: 'https://partner.example/a' });
      assert.ok('problem' in checkEmbedPage('https://partner.example:444/a', [PARTNER]));
      assert.ok('problem' in checkEmbedPage('data:text/html,hi', [PARTNER]));
      assert.ok('problem' in checkEmbedPage(['https://partner.example/a'], [PARTNER]));
    });

    it('frameCsp replaces frame-ancestors and nothing else', () => {
      assert.equal(frameCsp("default-src 'self';frame-ancestors 'self';object-src 'none'", ['https://a.example', 'https://b.example']), "default-src 'self'; object-src 'none'; frame-ancestors https://a.example https://b.example");
      assert.equal(frameCsp("default-src 'self'", []), "default-src 'self'; frame-ancestors 'none'");
    });
  });
});
