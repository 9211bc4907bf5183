/**
 * Where a form on any public page sends the visitor back to: the `return` field, else the path
 * of a same-origin Referer, else the front page. Only paths on this site: never an open redirect.
 */
import type { FastifyRequest } from 'fastify';

export function returnPath(request: FastifyRequest, field: string, publicUrl: string): string {
  if (field) return safePath(field);
  const referer = request.headers.referer;
  if (typeof referer !== 'string' || referer.length > 2048) return '/';
  try {
    const url = new URL(referer);
    if (url.origin !== new URL(publicUrl).origin) return '/';
    return safePath(`${url.pathname}${url.search}`);
  } catch {
    return '/';
  }
}

function safePath(value: string): string {
  if (value.length > 2048 || /[\\\u0000-\u001f\u007f]/u.test(value)) return '/';
  if (!value.startsWith('/') || value.startsWith('//')) return '/';
  return value;
}
