/**
 * The comments fixture plus the people who moderate: staff with sessions, their admin pages and
 * form posts, Admin API calls, readers' addresses (for their email), and a way to wait for the
 * work the bus starts in the background (a notification being queued) without timing anything.
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { StaffRole } from '../../src/modules/accounts/index.js';
import { PUBLIC_URL } from '../helpers/app.js';
import { commentsFixture, type ArticleInfo, type CommentsFixture, type Reader } from './helpers.js';

export interface Staffer {
  id: number;
  email: string;
  cookie: string;
}

export interface ModerationFixture extends CommentsFixture {
  staff(role: StaffRole, name: string): Promise<Staffer>;
  /** A page as a browser asks for it (a GET carries no Origin). */
  page(as: { cookie: string } | null, url: string): Promise<LightMyRequestResponse>;
  /** A same-origin form post. */
  post(as: { cookie: string } | null, url: string, fields: Record<string, string>): Promise<LightMyRequestResponse>;
  /** An Admin API call with a session, as the admin's own scripts make it. */
  admin(as: { cookie: string } | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown): Promise<LightMyRequestResponse>;
  emailOf(reader: Reader): Promise<string>;
  storyOf(article: ArticleInfo): Promise<number>;
  /** Polls (running due jobs each time) until `check` holds; fails after a generous number of tries. */
  eventually(check: () => Promise<boolean>, what: string): Promise<void>;
  /** Waits until the notification job for this comment has run. */
  notified(kind: 'reply' | 'featured', commentId: number): Promise<void>;
}

let staffCount = 0;

export async function moderationFixture(): Promise<ModerationFixture> {
  const f = await commentsFixture();
  const { app } = f;
  const cookieOf = (as: { cookie: string } | null): Record<string, string> => (as ? { cookie: as.cookie } : {});

  const fixture: ModerationFixture = {
    ...f,
    async staff(role, name) {
      const email = `${role}${++staffCount}-${process.pid}@example.org`;
      const user = await app.accounts.createUser({ email, password: 'a long enough password', role, name });
      const token = await app.accounts.createSession(user.id, 'test');
      return { id: user.id, email, cookie: `scms_session=${token}` };
    },
    page: (as, url) => app.http.inject({ method: 'GET', url, headers: cookieOf(as) }),
    post: (as, url, fields) =>
      app.http.inject({
        method: 'POST',
        url,
        headers: { ...cookieOf(as), origin: PUBLIC_URL, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      }),
    admin: (as, method, url, body) =>
      app.http.inject({
        method,
        url,
        headers: { ...cookieOf(as), origin: PUBLIC_URL, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      }),
    async emailOf(reader) {
      const user = await app.accounts.getUser(reader.id);
      assert.ok(user);
      return user.email;
    },
    async storyOf(article) {
      return (await app.comments.storyForArticle({ id: article.id, path: article.path, headline: `Headline of ${article.path}`, publishedAt: f.clock.now })).id;
    },
    async eventually(check, what) {
      for (let i = 0; i < 300; i++) {
        await app.jobs.runDue();
        if (await check()) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      assert.fail(`gave up waiting: ${what}`);
    },
    async notified(kind, commentId) {
      await fixture.eventually(async () => {
        const jobs = await app.jobs.list({ name: 'comments.notify', limit: 1000 });
        return jobs.some((j) => {
          const payload = j.payload as { kind: string; commentId: number };
          return payload.kind === kind && payload.commentId === commentId && j.status === 'done';
        });
      }, `the ${kind} notification of comment ${commentId} ran`);
    },
  };
  return fixture;
}
