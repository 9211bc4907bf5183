/**
 * Feeds, sitemaps and robots.txt through the page cache, like the site's pages: serve a stored
 * copy, else render, store with tags and send. One addition: a document may say when it goes
 * stale by the clock alone (the news sitemap's 48-hour window), since no purge will announce it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { makeEntry, type PageCache } from '../../../http/page-cache.js';
import { FEED_POLICY, sendPage } from '../../../http/send-page.js';

export interface Document {
  contentType: string;
  body: string;
  tags: string[];
  /** Epoch ms after which the stored copy must not be served. */
  expiresAt?: number | null;
}

/** `null` answers 404. */
export type RenderDocument = () => Promise<Document | null>;

export type ServeDocument = (request: FastifyRequest, reply: FastifyReply, key: string, render: RenderDocument) => Promise<FastifyReply>;

export function cachedDocuments(cache: PageCache, clock: () => number = Date.now): ServeDocument {
  // Only documents with an expiry are here, and only a handful of keys ever have one.
  const expiries = new Map<string, number>();

  return async (request, reply, key, render) => {
    const hit = cache.get(key);
    const expiresAt = expiries.get(key);
    if (hit && (expiresAt === undefined || clock() < expiresAt)) return sendPage(request, reply, hit, FEED_POLICY);

    const generation = cache.generation;
    const doc = await render();
    if (!doc) return notFound(reply);
    const entry = makeEntry(200, doc.contentType, doc.body, doc.tags);
    // A purge during the render means the result may already be stale: send it, don't keep it.
    if (cache.generation === generation) {
      cache.set(key, entry, generation);
      if (doc.expiresAt) expiries.set(key, doc.expiresAt);
      else expiries.delete(key);
    }
    return sendPage(request, reply, entry, FEED_POLICY);
  };
}

/** The site's own 404 page (search box, latest stories), from inside a matched route. */
export function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}
