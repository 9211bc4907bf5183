/** A newsroom for the articles API tests: a section, two authors, one signed-in user per role and an API key. */
import sharp from 'sharp';
import { PUBLIC_URL, startTestApp, type TestApp } from '../helpers/app.js';

export const START = Date.parse('2026-12-01T09:00:00Z');
export type Who = 'editor' | 'author' | 'author2' | 'contributor' | 'contributor2' | 'key';

export interface Newsroom {
  app: TestApp;
  clock: { t: number };
  userIds: Record<Exclude<Who, 'key'>, number>;
  /** `json` is the parsed response, loosely typed on purpose: tests probe fields of many shapes. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  api(who: Who, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<{ statusCode: number; json: any; headers: Record<string, unknown>; body: string }>;
  /** Creates an article as `who` and returns its id (asserting 201). */
  create(who: Who, fields?: Record<string, unknown>): Promise<number>;
  image(alt: string): Promise<number>;
}

export const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
export const doc = (...texts: string[]) => ({ type: 'doc', content: texts.map(para) });

export async function startNewsroom(): Promise<Newsroom> {
  const clock = { t: START };
  const app = await startTestApp({ clock: () => clock.t });
  await app.publishing.createSection({ slug: 'news', name: 'News' });
  await app.publishing.createSection({ slug: 'sport', name: 'Sport' });
  await app.publishing.createAuthor({ slug: 'rita', name: 'Rita Reporter' });
  await app.publishing.createAuthor({ slug: 'sam', name: 'Sam Snapper' });
  const people = {
    editor: ['Ana Editor', 'editor'],
    author: ['Tess Author', 'author'],
    author2: ['Otto Author', 'author'],
    contributor: ['Cleo Contributor', 'contributor'],
    contributor2: ['Carl Contributor', 'contributor'],
  } as const;
  const tokens: Record<string, string> = {};
  const userIds = {} as Newsroom['userIds'];
  for (const [who, [name, role]] of Object.entries(people)) {
    const user = await app.accounts.createUser({ email: `${who}@example.org`, password: 'a long enough password', name, role });
    userIds[who as keyof typeof people] = user.id;
    tokens[who] = await app.accounts.createSession(user.id, 'test');
  }
  const key = await app.accounts.createKey({ name: 'Importer', role: 'editor' });

  const api: Newsroom['api'] = async (who, method, url, payload) => {
    const headers: Record<string, string> =
      who === 'key' ? { authorization: `Bearer ${key.key}` } : { cookie: `scms_session=${tokens[who]}`, origin: PUBLIC_URL };
    const response = await app.http.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    let json: unknown = null;
    try {
      json = response.body ? JSON.parse(response.body) : null;
    } catch {
      json = null;
    }
    return { statusCode: response.statusCode, json, headers: response.headers, body: response.body };
  };

  return {
    app,
    clock,
    userIds,
    api,
    async create(who, fields = {}) {
      const response = await api(who, 'POST', '/api/admin/articles', { headline: 'A story', section: 'news', authors: ['rita'], body: doc('Some words here.'), status: 'draft', ...fields });
      if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
      return (response.json as { id: number }).id;
    },
    async image(alt) {
      const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).png().toBuffer();
      return (await app.media.ingest({ data, originalName: 'picture.png', alt })).id;
    },
  };
}
