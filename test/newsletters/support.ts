/** Shared fixtures for the newsletter tests: form posts, links out of the outbox, subscribers. */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { PUBLIC_URL, type TestApp } from '../helpers/app.js';

const FORM = 'application/x-www-form-urlencoded';

/** A same-origin form post from a browser (fields may repeat: pass arrays). */
export function post(app: TestApp, url: string, fields: Record<string, string | string[]>, options: { ip?: string; cookie?: string } = {}): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return app.http.inject({
    method: 'POST',
    url,
    payload: body.toString(),
    remoteAddress: options.ip ?? '127.0.0.1',
    headers: { 'content-type': FORM, origin: PUBLIC_URL, ...(options.cookie ? { cookie: options.cookie } : {}) },
  });
}

export function get(app: TestApp, url: string, cookie?: string): Promise<LightMyRequestResponse> {
  return app.http.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
}

/** The newest message of a category to an address. */
export async function lastMail(app: TestApp, to: string, category: string) {
  const found = (await app.email.list({ to })).find((m) => m.category === category);
  assert.ok(found, `a ${category} message to ${to}`);
  return found;
}

/** The site-relative path of the first link to this site in a text, e.g. "/newsletter/confirm?token=…". */
export function linkIn(text: string, path: string): string {
  const match = new RegExp(`${PUBLIC_URL.replace(/[.]/gu, '\\.')}(${path.replace(/[?]/gu, '\\?')}[^\\s>]*)`, 'u').exec(text);
  assert.ok(match?.[1], `a link to ${path} in:\n${text}`);
  return match[1];
}

export const tokenOf = (url: string) => new URL(url, PUBLIC_URL).searchParams.get('token') ?? '';

/** Signs an address up through the form and confirms it through the emailed link's button. */
export async function subscribe(app: TestApp, email: string, lists: string[] = [], ip = '10.0.0.1'): Promise<void> {
  const signUp = await post(app, '/newsletter', { email, ...(lists.length ? { lists } : {}) }, { ip });
  assert.equal(signUp.statusCode, 200);
  const link = linkIn((await lastMail(app, email, 'newsletter.confirm')).text, '/newsletter/confirm');
  const confirmed = await post(app, '/newsletter/confirm', { token: tokenOf(link) }, { ip });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
}

/** Each list's subscription status for an address ({} when there is no subscriber). */
export async function statusOf(app: TestApp, email: string): Promise<Record<string, string>> {
  const rows = await app.db.kysely
    .selectFrom('newsletter_subscriptions as s')
    .innerJoin('newsletter_subscribers as sub', 'sub.id', 's.subscriber_id')
    .innerJoin('newsletter_lists as l', 'l.id', 's.list_id')
    .select(['l.name', 's.status'])
    .where('sub.email', '=', email)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.name, r.status]));
}

export async function listId(app: TestApp, name: string): Promise<number> {
  return (await app.db.kysely.selectFrom('newsletter_lists').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}
