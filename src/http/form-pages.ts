/**
 * What every server-rendered form page shares: reading one-line fields from a form body or the
 * query, and answering with a page that no cache keeps or a 303 after a post.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A personal page: never stored by the browser, a proxy or the page cache. */
export function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/** Pages reached from an emailed link carry its token in the address: never send it on as a Referer. */
export function linkPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return html(reply.header('referrer-policy', 'no-referrer'), status, body);
}

/** Post/redirect/get: the browser's back button never re-sends the form. */
export function seeOther(reply: FastifyReply, to: string): FastifyReply {
  return reply.header('cache-control', 'no-store').redirect(to, 303);
}

/** One-line text fields from a form body; anything missing, repeated or not a string is "". */
export function fields<const K extends string>(body: unknown, names: readonly K[]): Record<K, string> {
  const source = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const out = {} as Record<K, string>;
  for (const name of names) {
    const value = source[name];
    out[name] = typeof value === 'string' ? value.slice(0, 2048) : '';
  }
  return out;
}

/** One query parameter; missing or repeated is "". */
export function queryValue(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}
