/**
 * A small newsroom for comment tests: one section, one author, published articles, readers with
 * sessions, a clock the test moves, and the bus events the app published.
 */
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, PUBLIC_URL, type TestApp } from '../helpers/app.js';
import type { CommentsChanged } from '../../src/modules/comments/index.js';

export const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });

export interface Reader {
  id: number;
  name: string;
  cookie: string;
}

export interface ArticleInfo {
  id: number;
  path: string;
}

export interface CommentsFixture {
  app: TestApp;
  clock: { now: number; advance(ms: number): void };
  events: CommentsChanged[];
  article(slug: string, options?: { publishedAt?: number }): Promise<ArticleInfo>;
  /** A verified reader with a session. `regular`: enough approved comments to skip "new reader" holds. */
  reader(name: string, options?: { verified?: boolean; regular?: boolean; role?: 'reader' | 'editor' }): Promise<Reader>;
  /** A JSON request as a browser on the site would send it (same origin), as `as` when given. */
  api(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, options?: { as?: Reader; body?: unknown; address?: string }): Promise<LightMyRequestResponse>;
  /** A plain HTML form post (JavaScript off). */
  form(url: string, fields: Record<string, string>, options?: { as?: Reader; address?: string }): Promise<LightMyRequestResponse>;
  /** Posts a comment through the API and returns its id (asserting 201). */
  comment(as: Reader, target: { storyId?: number; articleId?: number; parentId?: number }, text: string, address?: string): Promise<{ id: number; status: string }>;
  close(): Promise<void>;
}

let readerCount = 0;

export async function commentsFixture(): Promise<CommentsFixture> {
  const clock = {
    now: Date.now(),
    advance(ms: number) {
      clock.now += ms;
    },
  };
  const app = await startTestApp({ clock: () => clock.now });
  await app.publishing.createSection({ slug: 'news', name: 'News', position: 1 });
  await app.publishing.createAuthor({ slug: 'rita', name: 'Rita Reporter' });
  const events: CommentsChanged[] = [];
  app.bus.subscribe('comments.changed', (payload) => events.push(payload as CommentsChanged));

  const headers = (as: Reader | undefined, extra: Record<string, string> = {}) => ({ origin: PUBLIC_URL, ...(as ? { cookie: as.cookie } : {}), ...extra });

  const fixture: CommentsFixture = {
    app,
    clock,
    events,
    async article(slug, options = {}) {
      const created = await app.publishing.createArticle({
        headline: `Headline of ${slug}`,
        slug,
        sectionSlug: 'news',
        authors: [{ slug: 'rita' }],
        status: 'published',
        publishedAt: options.publishedAt ?? clock.now - 60_000,
        body: doc(`The body of ${slug}.`),
      });
      return { id: created.id, path: `/news/${created.slug}` };
    },
    async reader(name, options = {}) {
      const n = ++readerCount;
      const user = await app.accounts.createUser({
        email: `reader${n}-${process.pid}@example.com`,
        password: 'correct horse battery staple',
        role: options.role ?? 'reader',
        name,
        emailVerified: options.verified ?? true,
      });
      if (options.regular ?? true) {
        await app.db.kysely
          .insertInto('reader_standing')
          .values({ user_id: user.id, kind: 'good', message: '', until: null, approved_count: 1000, updated_at: clock.now, updated_by: null })
          .execute();
      }
      const token = await app.accounts.createSession(user.id, 'test');
      return { id: user.id, name, cookie: `scms_session=${token}` };
    },
    api(method, url, options = {}) {
      const body = options.body;
      return app.http.inject({
        method,
        url,
        headers: headers(options.as),
        remoteAddress: options.address ?? '203.0.113.1',
        ...(body !== undefined ? { payload: body as object } : {}),
      });
    },
    form(url, fields, options = {}) {
      return app.http.inject({
        method: 'POST',
        url,
        headers: headers(options.as, { 'content-type': 'application/x-www-form-urlencoded' }),
        remoteAddress: options.address ?? '203.0.113.1',
        payload: new URLSearchParams(fields).toString(),
      });
    },
    async comment(as, target, text, address) {
      // Spaced out like a real conversation, so the per-minute rate limits never trip.
      clock.advance(21_000);
      const response = await fixture.api('POST', '/api/comments', { as, body: { ...target, text }, address: address ?? `198.51.100.${as.id % 250}` });
      if (response.statusCode !== 201) throw new Error(`posting failed: ${response.statusCode} ${response.body}`);
      const body = response.json<{ comment: { id: number }; status: string }>();
      return { id: body.comment.id, status: body.status };
    },
    close: () => app.destroy(),
  };
  return fixture;
}
