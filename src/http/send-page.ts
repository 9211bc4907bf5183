/**
 * Sends a stored page the way a CDN and a browser want it: strong ETag with 304 on a match,
 * brotli or gzip when accepted, Cache-Control with s-maxage and stale-while-revalidate.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { compressed, type PageEntry } from './page-cache.js';

export interface CachePolicy {
  /** Only the visitor's browser may keep it (a page made for this visitor). */
  private?: boolean;
  /** Seconds a browser may reuse the page without asking. */
  maxAge: number;
  /** Seconds a shared cache (CDN) may reuse it. */
  sMaxAge: number;
  /** Seconds a shared cache may serve it stale while it fetches a fresh one. */
  staleWhileRevalidate: number;
}

export const PAGE_POLICY: CachePolicy = { maxAge: 60, sMaxAge: 300, staleWhileRevalidate: 86_400 };
/** Pages made for one kind of visitor (signed in, opted out …): the browser revalidates every time. */
export const PRIVATE_POLICY: CachePolicy = { private: true, maxAge: 0, sMaxAge: 0, staleWhileRevalidate: 0 };
export const FEED_POLICY: CachePolicy = { maxAge: 300, sMaxAge: 600, staleWhileRevalidate: 86_400 };

export function cacheControl(policy: CachePolicy): string {
  if (policy.private) return 'private, no-cache';
  return `public, max-age=${policy.maxAge}, s-maxage=${policy.sMaxAge}, stale-while-revalidate=${policy.staleWhileRevalidate}`;
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|ld\+json|javascript))/u;

export function sendPage(request: FastifyRequest, reply: FastifyReply, entry: PageEntry, policy: CachePolicy | null): FastifyReply {
  reply.code(entry.status);
  reply.header('content-type', entry.contentType);
  for (const [name, value] of Object.entries(entry.headers)) reply.header(name, value);
  reply.header('cache-control', policy && entry.status === 200 ? cacheControl(policy) : 'no-store');
  reply.header('etag', entry.etag);
  const compressible = entry.body.length > 1024 && COMPRESSIBLE.test(entry.contentType);
  // Pages differ by Sec-GPC (an opt-out), so a shared cache must not hand one to the other.
  const isPage = entry.contentType.startsWith('text/html');
  const vary = [compressible ? 'Accept-Encoding' : '', isPage ? 'Sec-GPC' : ''].filter(Boolean).join(', ');
  if (vary) reply.header('vary', vary);
  if (entry.status === 200 && matches(request.headers['if-none-match'], entry.etag)) {
    return reply.code(304).send();
  }
  const encoding = compressible ? preferredEncoding(request.headers['accept-encoding']) : null;
  if (encoding) {
    reply.header('content-encoding', encoding);
    return reply.send(compressed(entry, encoding));
  }
  return reply.send(entry.body);
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//u, '') === etag);
}

export function preferredEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  // Quality values of 0 mean "not acceptable"; anything else we take in our own order of preference.
  const accepted = new Set(
    header
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !q || !/^q=0(\.0*)?$/u.test(q.trim()))
      .map(([name]) => name),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}
