/**
 * The reader-facing ad endpoints:
 *   GET /ads/slot/:slot?section=…  the frame document, filled per request (never cached)
 *   GET /ads/b?c=…&d=…&s=…         impression beacon: ignores cookies, sets none, 1×1 GIF
 *   GET /ads/c/:id?sig=…           counts a click and 302s to the creative's own link
 * and the frame stylesheet and tag-config script (content-hashed paths).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../../../db/database.js';
import { HttpError } from '../../../http/errors.js';
import { queryValue } from '../../../http/form-pages.js';
import type { SettingsService } from '../../settings/service.js';
import type { Visitors } from '../../site/visitor.js';
import { CAP_COOKIE, CAP_PATH, formatCapCookie, readCapCookie, secondsLeftToday } from '../frequency.js';
import { pickWeighted, type Inventory } from '../inventory.js';
import { clickSignature, impressionSignature, verifyClick, verifyImpression } from '../signing.js';
import { countClick, countImpression, utcDay } from '../stats.js';
import { FRAME_CSS, FRAME_CSS_PATH, TAG_CONFIG_JS, TAG_CONFIG_PATH } from '../static-files.js';
import { frameDocument } from '../views/frame.js';

export interface PublicAdsDeps {
  db: Database;
  now: () => number;
  secret: string;
  settings: SettingsService;
  inventory: Inventory;
  visitors: Visitors;
  /** Section id of a slug, or null when there is no such section. */
  sectionId: (slug: string) => number | null;
  random: () => number;
}

const SLOT_ID = /^[a-z0-9-]{1,40}$/u;
const SLUG = /^[a-z0-9-]{1,200}$/u;
const ID = /^\d{1,9}$/u;
// The smallest transparent GIF: the beacon answers an <img> with an image.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const NO_STORE = 'no-store';

function bad(message: string): HttpError {
  return new HttpError(400, `Bad Request: ${message}`);
}

export function registerPublicAds(app: FastifyInstance, deps: PublicAdsDeps): void {
  const { db, secret } = deps;

  app.get(FRAME_CSS_PATH, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(FRAME_CSS));
  app.get(TAG_CONFIG_PATH, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(TAG_CONFIG_JS),
  );

  app.get<{ Params: { slot: string } }>('/ads/slot/:slot', async (request, reply) => {
    if (!SLOT_ID.test(request.params.slot)) throw bad('the slot name is not valid.');
    const slug = queryValue(request, 'section');
    if (slug !== '' && !SLUG.test(slug)) throw bad('the section is not valid.');
    const settings = deps.settings.get();
    const html = (body: string) => reply.type('text/html; charset=utf-8').header('cache-control', NO_STORE).send(body);
    if (settings.ads.source !== 'house') return html(frameDocument(null, settings.locale));
    const visitor = await deps.visitors.of(request);
    if (visitor.adFree) return html(frameDocument(null, settings.locale));

    const now = deps.now();
    const today = utcDay(now);
    const sectionId = slug ? deps.sectionId(slug) : null;
    // No cap cookie at all (read or written) unless non-essential cookies are allowed.
    const cookiesAllowed = visitor.consent === 'notRequired' || visitor.consent === 'accepted';
    const cap = settings.ads.frequencyCap;
    const counts = cookiesAllowed && cap > 0 ? readCapCookie(request.cookies[CAP_COOKIE], today) : new Map<number, number>();
    const candidates = deps.inventory.eligible(sectionId, now).filter((c) => cap === 0 || (counts.get(c.id) ?? 0) < cap);
    const chosen = pickWeighted(candidates, deps.random());
    if (!chosen) return html(frameDocument(null, settings.locale));

    if (cookiesAllowed && cap > 0) {
      const shown = counts.get(chosen.id) ?? 0;
      // Re-inserted last, so the newest survive when the cookie's list is trimmed.
      counts.delete(chosen.id);
      counts.set(chosen.id, shown + 1);
      reply.setCookie(CAP_COOKIE, formatCapCookie(today, counts), {
        path: CAP_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: secondsLeftToday(now),
      });
    }
    const fill = {
      creative: chosen,
      clickUrl: `/ads/c/${chosen.id}?sig=${clickSignature(secret, chosen.id)}`,
      beaconUrl: `/ads/b?c=${chosen.id}&d=${today}&s=${impressionSignature(secret, chosen.id, today)}`,
    };
    return html(frameDocument(fill, settings.locale));
  });

  // Cookie-less by design: whatever cookies the browser sends are never read, and none is set.
  app.get('/ads/b', { config: { rateLimit: { max: 600, timeWindow: '1 minute' } } }, async (request, reply) => {
    const [c, d, s] = [queryValue(request, 'c'), queryValue(request, 'd'), queryValue(request, 's')];
    if (!ID.test(c) || !/^\d{4}-\d{2}-\d{2}$/u.test(d) || !s) throw bad('this beacon is incomplete.');
    const id = Number(c);
    if (!verifyImpression(secret, id, d, s)) throw bad('this beacon\'s signature does not match.');
    const now = deps.now();
    // A frame served just before midnight may report just after it; anything older is a replay.
    if (d !== utcDay(now) && d !== utcDay(now - 86_400_000)) return pixel(reply);
    // HEAD (link checkers, prefetchers) answers the same and counts nothing.
    if (request.method === 'GET' && (await creativeExists(db, id))) await countImpression(db, id, utcDay(now));
    return pixel(reply);
  });

  app.get<{ Params: { id: string } }>('/ads/c/:id', { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (request, reply) => {
    if (!ID.test(request.params.id)) throw bad('the ad is not valid.');
    const id = Number(request.params.id);
    const sig = queryValue(request, 'sig');
    if (!sig || !verifyClick(secret, id, sig)) throw bad('this ad link has been changed or is incomplete.');
    const row = await db.kysely.selectFrom('ad_creatives').select('link_url').where('id', '=', id).executeTakeFirst();
    if (!row) throw new HttpError(404, 'Not Found: this ad is no longer running.');
    if (request.method === 'GET') await countClick(db, id, utcDay(deps.now()));
    return reply.header('cache-control', NO_STORE).header('referrer-policy', 'no-referrer').redirect(row.link_url, 302);
  });
}

async function creativeExists(db: Database, id: number): Promise<boolean> {
  return (await db.kysely.selectFrom('ad_creatives').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

function pixel(reply: FastifyReply): FastifyReply {
  return reply.type('image/gif').header('cache-control', NO_STORE).send(PIXEL);
}
