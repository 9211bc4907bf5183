/**
 * The newsroom's test fixtures, in one place: staff with sessions (made directly, or signed in
 * through the real form), API keys, callers that send a session cookie or a key the way the
 * editor and API clients do, and startNewsroom(): an app with sections, authors, one signed-in
 * person per part and an API key, called as `api(who, method, url, payload)`.
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { PUBLIC_URL, startTestApp, type TestApp } from './app.js';
import type { Role, StaffRole } from '../../src/modules/accounts/index.js';
import type { Doc } from '../../src/modules/publishing/index.js';

export const PASSWORD = 'a long enough password';
/** The injected clock's first reading in startNewsroom. */
export const START = Date.parse('2026-12-01T09:00:00Z');
const FORM = 'application/x-www-form-urlencoded';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Answer = Promise<LightMyRequestResponse>;

export const para = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
export const doc = (...texts: string[]): Doc => ({ type: 'doc', content: texts.map(para) });

// ── Requests ──────────────────────────────────────────────────────────────────────────────────

/**
 * Who a request comes from: a session (its calls carry our Origin, as the editor's same-origin
 * fetches do; an empty token is a browser without one), an API key, or nobody at all.
 */
export type Credential = { session: string } | { key: string } | null;

function headersOf(credential: Credential): Record<string, string> {
  if (credential === null) return {};
  if ('key' in credential) return { authorization: `Bearer ${credential.key}` };
  return { ...(credential.session ? { cookie: `scms_session=${credential.session}` } : {}), origin: PUBLIC_URL };
}

/** One Admin API call; a payload goes as JSON. */
export function send(app: TestApp, credential: Credential, method: Method, url: string, payload?: unknown): Answer {
  if (payload === undefined) return app.http.inject({ method, url, headers: headersOf(credential) });
  return app.http.inject({ method, url, headers: { ...headersOf(credential), 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
}

/** A browser's page request (no Origin on a GET) and its same-origin form post. */
const page = (app: TestApp, token: string) => {
  const cookie: Record<string, string> = token ? { cookie: `scms_session=${token}` } : {};
  return {
    get: (url: string) => app.http.inject({ method: 'GET', url, headers: cookie }),
    form: (url: string, fields: Record<string, string>) =>
      app.http.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { ...cookie, origin: PUBLIC_URL, 'content-type': FORM } }),
  };
};

/** Pages, API calls and form posts as one signed-in person (an empty token: signed out). */
export interface Caller {
  token: string;
  get(url: string): Answer;
  api(method: Method, url: string, payload?: unknown): Answer;
  form(url: string, fields: Record<string, string>): Answer;
}

export function callerWithCookie(app: TestApp, token: string): Caller {
  return { token, ...page(app, token), api: (method, url, payload) => send(app, { session: token }, method, url, payload) };
}

export function keyCaller(app: TestApp, key: string): Pick<Caller, 'api'> {
  return { api: (method, url, payload) => send(app, { key }, method, url, payload) };
}

/** `browser(app, token).post` is a form post: the page flavour of a caller, for the admin-page tests. */
export function browser(app: TestApp, token?: string) {
  const { get, form } = page(app, token ?? '');
  return { get, post: form };
}

export interface Json {
  status: number;
  body: Record<string, unknown> & { items?: Record<string, unknown>[] };
  headers: Record<string, unknown>;
}

/** JSON calls to the Admin API with an API key (or none), answers parsed. */
export function apiClient(app: TestApp, key?: string) {
  const call = async (method: Method, url: string, payload?: unknown): Promise<Json> => {
    const response = await send(app, key ? { key } : null, method, url, payload);
    return { status: response.statusCode, body: response.body ? (JSON.parse(response.body) as Json['body']) : {}, headers: response.headers };
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload: unknown = {}) => call('POST', url, payload),
    patch: (url: string, payload: unknown) => call('PATCH', url, payload),
    del: (url: string) => call('DELETE', url),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

// ── People and keys ───────────────────────────────────────────────────────────────────────────

export async function keyFor(app: TestApp, role: StaffRole, name = `${role} key ${Math.random()}`): Promise<string> {
  return (await app.accounts.createKey({ name, role })).key;
}

/** One JSON client per role, each with a new API key of that role. */
export async function keyClients<R extends StaffRole>(app: TestApp, ...roles: R[]): Promise<Record<R, ApiClient>> {
  const clients = {} as Record<R, ApiClient>;
  for (const role of roles) clients[role] = apiClient(app, await keyFor(app, role));
  return clients;
}

/** The session token in a response's Set-Cookie (asserting there is one). */
export function sessionCookie(response: { headers: Record<string, unknown> }): { token: string; header: string } {
  const raw = response.headers['set-cookie'];
  const header = (Array.isArray(raw) ? raw : [raw]).map(String).find((c) => c.startsWith('scms_session='));
  assert.ok(header, 'a session cookie is set');
  return { token: header.slice('scms_session='.length).split(';')[0] ?? '', header };
}

/** Signs in through the real sign-in form; the session's token. */
export async function signIn(app: TestApp, email: string, password = PASSWORD): Promise<string> {
  const response = await page(app, '').form('/admin/sign-in', { email, password });
  assert.equal(response.statusCode, 303, `sign-in of ${email}`);
  return sessionCookie(response).token;
}

/** A user with a session made directly (signing in through the form has tests of its own). */
export async function userWithSession(app: TestApp, person: { email: string; name: string; role: Role }): Promise<{ id: number; token: string }> {
  const user = await app.accounts.createUser({ ...person, password: PASSWORD });
  return { id: user.id, token: await app.accounts.createSession(user.id, 'test') };
}

const titled = (role: string) => `${role[0]?.toUpperCase()}${role.slice(1)} Person`;

/** A staff member signed in through the form; `role` also names them (admin@example.org, "Admin Person") unless `email` is given. */
export async function staffCaller(app: TestApp, role: StaffRole, email = `${role}@example.org`): Promise<Caller & { id: number }> {
  const user = await app.accounts.createUser({ email, password: PASSWORD, role, name: titled(role) });
  return { id: user.id, ...callerWithCookie(app, await signIn(app, email)) };
}

/** A staff member's session token, signed in through the form ("editor person" …). */
export async function sessionFor(app: TestApp, role: StaffRole, email: string): Promise<string> {
  await app.accounts.createUser({ email, password: PASSWORD, role, name: `${role} person` });
  return signIn(app, email);
}

// ── Content ───────────────────────────────────────────────────────────────────────────────────

/** A published article in a section, by an author made on first use. */
export async function publishArticle(app: TestApp, sectionSlug: string, headline: string, authorSlug = 'rita'): Promise<{ id: number; slug: string }> {
  if (!(await app.db.kysely.selectFrom('authors').select('id').where('slug', '=', authorSlug).executeTakeFirst())) {
    await app.publishing.createAuthor({ slug: authorSlug, name: 'Rita Reporter' });
  }
  return app.publishing.createArticle({ headline, sectionSlug, authors: [{ slug: authorSlug }], status: 'published', body: doc('Words.') });
}

// ── The newsroom ──────────────────────────────────────────────────────────────────────────────

/** The default staff: who → their name and role (email: who@example.org). */
export const PEOPLE = {
  editor: { name: 'Ana Editor', role: 'editor' },
  author: { name: 'Tess Author', role: 'author' },
  author2: { name: 'Otto Author', role: 'author' },
  contributor: { name: 'Cleo Contributor', role: 'contributor' },
  contributor2: { name: 'Carl Contributor', role: 'contributor' },
} as const;
export type Person = keyof typeof PEOPLE;
export type Who = Person | 'key';

export interface NewsroomOptions<P extends string> {
  /** slug → name; by default News and Sport. */
  sections?: Record<string, string>;
  /** slug → name; by default Rita Reporter and Sam Snapper. */
  authors?: Record<string, string>;
  /** who → role (named "Role Person") or name and role; by default PEOPLE. */
  people?: Record<P, StaffRole | { name: string; role: StaffRole }>;
}

export interface Newsroom<P extends string = Person> {
  app: TestApp;
  /** The app's injected clock, from START. */
  clock: { t: number };
  userIds: Record<P, number>;
  /** `json` is the parsed response, loosely typed on purpose: tests probe fields of many shapes. 'key' is an editor's API key. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  api(who: P | 'key', method: Method, url: string, payload?: unknown): Promise<{ statusCode: number; json: any; headers: Record<string, unknown>; body: string }>;
  /** Pages, API calls and forms as one person, with their session. */
  as(who: P): Caller & { id: number };
  /** Creates an article as `who` and returns its id (failing unless 201). */
  create(who: P | 'key', fields?: Record<string, unknown>): Promise<number>;
  image(alt: string): Promise<number>;
}

export async function startNewsroom(): Promise<Newsroom>;
export async function startNewsroom<P extends string>(options: NewsroomOptions<P>): Promise<Newsroom<P>>;
export async function startNewsroom(options: NewsroomOptions<string> = {}): Promise<Newsroom<string>> {
  const clock = { t: START };
  const app = await startTestApp({ clock: () => clock.t });
  for (const [slug, name] of Object.entries(options.sections ?? { news: 'News', sport: 'Sport' })) await app.publishing.createSection({ slug, name });
  for (const [slug, name] of Object.entries(options.authors ?? { rita: 'Rita Reporter', sam: 'Sam Snapper' })) await app.publishing.createAuthor({ slug, name });
  const sessions: Record<string, { id: number; token: string }> = {};
  for (const [who, person] of Object.entries(options.people ?? PEOPLE)) {
    const { name, role } = typeof person === 'string' ? { name: titled(person), role: person } : person;
    sessions[who] = await userWithSession(app, { email: `${who}@example.org`, name, role });
  }
  const key = await app.accounts.createKey({ name: 'Importer', role: 'editor' });
  const session = (who: string) => {
    const found = sessions[who];
    if (!found) throw new Error(`this newsroom has no one called ${who}`);
    return found;
  };
  const credential = (who: string): Credential => (who === 'key' ? { key: key.key } : { session: session(who).token });

  const api: Newsroom<string>['api'] = async (who, method, url, payload) => {
    const response = await send(app, credential(who), method, url, payload);
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
    userIds: Object.fromEntries(Object.entries(sessions).map(([who, s]) => [who, s.id])),
    api,
    as: (who) => ({ id: session(who).id, ...callerWithCookie(app, session(who).token) }),
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
