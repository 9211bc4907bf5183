/**
 * What the reader-account tests share: a browser that keeps its session cookie and posts forms
 * from our own origin, the newest email to an address with the link in it, and following such a
 * link as a person does (open the page, press its button).
 */
import assert from 'node:assert/strict';
import { PUBLIC_URL, type TestApp } from '../helpers/app.js';
import { parse } from '../helpers/html.js';

const FORM = 'application/x-www-form-urlencoded';
export const PASSWORD = 'a long enough password';

export type Browser = ReturnType<typeof browser>;

/** `address`: the client IP the server sees (throttles count per IP). */
export function browser(app: TestApp, address = '127.0.0.1') {
  let session = '';
  const keep = (response: { cookies: Array<{ name: string; value: string }> }) => {
    const cookie = response.cookies.find((c) => c.name === 'scms_session');
    if (cookie) session = cookie.value;
  };
  const cookie = (): Record<string, string> => (session ? { cookie: `scms_session=${session}` } : {});
  return {
    get session() {
      return session;
    },
    async get(url: string) {
      const response = await app.http.inject({ method: 'GET', url, remoteAddress: address, headers: cookie() });
      keep(response);
      return response;
    },
    async post(url: string, fields: Record<string, string>, headers: Record<string, string> = { origin: PUBLIC_URL }) {
      const response = await app.http.inject({ method: 'POST', url, remoteAddress: address, payload: new URLSearchParams(fields).toString(), headers: { ...cookie(), ...headers, 'content-type': FORM } });
      keep(response);
      return response;
    },
  };
}

/** The newest email to `to`, and the site path of the link in it. */
export async function mailTo(app: TestApp, to: string) {
  const [message] = await app.email.list({ to });
  assert.ok(message, `an email reached ${to}`);
  const url = message.text.split(/\s+/u).find((word) => word.startsWith(`${PUBLIC_URL}/account/`));
  assert.ok(url, `the email to ${to} has a link`);
  return { message, link: url.slice(PUBLIC_URL.length) };
}

export const tokenOf = (link: string) => new URL(link, PUBLIC_URL).searchParams.get('token') ?? '';

/** Opens an emailed link and presses the button on its page, with `extra` fields (a new password). */
export async function follow(person: Browser, link: string, extra: Record<string, string> = {}) {
  const page = await person.get(link);
  assert.equal(page.statusCode, 200, page.body);
  const form = parse(page.body)('form.account-form');
  return person.post(form.attr('action') ?? '', { token: form.find('input[name="token"]').attr('value') ?? '', ...extra });
}
